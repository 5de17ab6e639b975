#pragma once

#include "common/Result.h"
#include "domain/DailyBar.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace trailguard {

// A technical indicator over daily closes, oldest first. Spec strings (CLI, settings, the chart):
//   sma:N      mean of the last N closes; first defined at the N-th close.
//   ema:N      α = 2/(N+1); seeded at the N-th close with the SMA of the first N; then
//              ema = α·close + (1−α)·ema_prev.
//   rsi:N      Wilder's RSI: gains/losses of close-to-close changes, first averaged at the (N+1)-th close
//              as simple means of N, then avg = (avg_prev·(N−1) + x)/N; rsi = 100 − 100/(1 + gain/loss),
//              100 when the average loss is 0, 50 when both are 0.
//   macd:F,S,G macd = ema:F − ema:S (from the S-th close); signal = EMA(G) of macd seeded with the SMA
//              of its first G values; histogram = macd − signal. F < S.
//   bb:N,K     middle = sma:N; upper/lower = middle ± K·σ, σ the population deviation of the same N.
//   atr:N      Wilder's ATR of daily true ranges, as the atr stop strategy computes it.
struct IndicatorSpec {
    enum class Kind { Sma, Ema, Rsi, Macd, Bollinger, Atr };

    Kind kind = Kind::Sma;
    int period = 14;  // N (sma, ema, rsi, bb, atr)
    int fast = 12;    // F of macd
    int slow = 26;    // S of macd
    int signal = 9;   // G of macd
    double width = 2; // K of bb (> 0)

    // Parses "sma:50", "macd:12,26,9", "bb:20,2"… (case-insensitive name, spaces allowed).
    static Result<IndicatorSpec> parse(const QString &spec);
    // The canonical spec string, which parse() reads back to the same indicator.
    QString spec() const;
    // The named values of one row: {} for a single value, else e.g. {"macd","signal","histogram"}.
    QStringList components() const;
    // Whether the indicator needs highs and lows (atr; it falls back to the close without them).
    bool usesHighLow() const { return kind == Kind::Atr; }

    bool operator==(const IndicatorSpec &) const = default;
};

// An indicator's values, one row per input bar: column c holds component c (one column for a single
// value). A value is empty until the indicator has enough inputs.
struct IndicatorValues {
    IndicatorSpec spec;
    QList<QList<std::optional<double>>> columns;

    std::optional<double> value(qsizetype row, qsizetype component = 0) const
    {
        // Not QList::value(): GCC 12 -O3 takes its default-constructed optional for uninitialized.
        if (component < 0 || component >= columns.size() || row < 0 || row >= columns[component].size())
            return std::nullopt;
        return columns[component][row];
    }
};

namespace Indicators {

// Computes one indicator over daily bars, oldest first. The one implementation the chart, alert rules,
// replay and the CLI share.
IndicatorValues compute(const IndicatorSpec &spec, const QList<DailyBar> &bars);

// Wilder's smoothing, one step: the mean of the first N inputs (defined at the N-th), then
// average = (average·(N−1) + x)/N. RSI and ATR (indicator and stop strategy) use it.
struct WilderAverage {
    int count = 0;                 // inputs seen
    double sum = 0;                // their sum, while fewer than N
    std::optional<double> average; // once N were seen

    void add(double x, int n);
};

// A day's true range: the largest of high − low, |high − previous close| and |low − previous close|;
// high − low for the first day.
double trueRange(double high, double low, std::optional<double> previousClose);

} // namespace Indicators

} // namespace trailguard
