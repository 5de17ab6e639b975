#pragma once

#include "common/Result.h"
#include "domain/DailyBar.h"
#include "domain/Indicator.h"

#include <QList>
#include <QString>

#include <optional>

namespace trailguard {

// An alert rule beside a ticker's stop: it fires on a market day when its condition holds at the close
// and did not hold at the previous market day's close (both days with the indicator defined). Specs:
//   cross-below-sma:N, cross-above-sma:N             close vs sma:N
//   rsi-below:N,X, rsi-above:N,X                     rsi:N vs X (0 < X < 100)
//   macd-cross-below:F,S,G, macd-cross-above:F,S,G   macd vs its signal line
//   bb-below:N,K, bb-above:N,K                       close vs the lower / upper Bollinger band
//   target:P                                         close ≥ P (take-profit), P > 0
struct AlertRule {
    enum class Kind {
        CrossBelowSma,
        CrossAboveSma,
        RsiBelow,
        RsiAbove,
        MacdCrossBelow,
        MacdCrossAbove,
        BollingerBelow,
        BollingerAbove,
        Target
    };

    Kind kind = Kind::Target;
    IndicatorSpec indicator; // the indicator it watches (unused by target)
    double level = 0;        // X of rsi-below/above, P of target

    // Parses a rule spec (case-insensitive name, spaces allowed around numbers).
    static Result<AlertRule> parse(const QString &spec);
    // The canonical spec string, which parse() reads back to the same rule.
    QString spec() const;
    bool usesIndicator() const { return kind != Kind::Target; }

    bool operator==(const AlertRule &) const = default;
};

// A day on which a rule fired.
struct RuleFiring {
    qsizetype index = 0; // the bar's index in the series
    QDate date;
    double close = 0;
    double value = 0;     // what was compared: the close, the RSI or the MACD line
    double threshold = 0; // what it crossed: the average, the level, the signal line or the band
};

namespace AlertRules {

// Every day of `bars` (oldest first) on which the rule fires.
QList<RuleFiring> firings(const AlertRule &rule, const QList<DailyBar> &bars);
// Whether the rule fires on the last bar (today, with today's latest price as its close).
std::optional<RuleFiring> firesOnLastBar(const AlertRule &rule, const QList<DailyBar> &bars);
// What happened, for the alert: "SHOP.TO closed below its 50-day average: 101.20 < 103.55".
QString message(const AlertRule &rule, const QString &ticker, const RuleFiring &firing);
// The rule in words, e.g. "Closes below its 50-day average", "14-day RSI falls below 30".
QString describe(const AlertRule &rule);

} // namespace AlertRules

} // namespace trailguard
