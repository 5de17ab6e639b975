#pragma once

#include "common/Result.h"
#include "domain/StopLossEngine.h"
#include "domain/StopStrategy.h"
#include "history/PriceCsv.h"

#include <QDate>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace trailguard {

// One ticker's price history, oldest first: one observation per row.
struct ReplaySeries {
    QString ticker;
    QList<PriceRow> rows;
};

// A breach the engine raised during a replay.
struct ReplayAlert {
    QString ticker;
    QDate date; // the row's market day
    double price = 0;
    double peak = 0;
    double stop = 0;

    bool operator==(const ReplayAlert &) const = default;
};

// What a replay found for one series.
struct ReplaySeriesSummary {
    QString ticker;
    qsizetype rows = 0;
    QDate firstDate;
    QDate lastDate;
    double basis = 0; // the entry price if given, else the first close: what the returns are measured from
    double lastClose = 0;
    std::optional<QDate> firstBreachDate;
    std::optional<double> firstBreachPrice;
    int alertCount = 0;
    std::optional<double> finalPeak;
    std::optional<double> finalStop;
    // Exiting at the close of the first breach day: firstBreachPrice / basis − 1 (none without a breach).
    std::optional<double> exitReturn;
    // Holding through the last row: lastClose / basis − 1.
    double holdReturn = 0;
};

struct ReplayResult {
    QList<ReplayAlert> alerts; // in time order (by date; same-day alerts in series order)
    QList<ReplaySeriesSummary> series;
    bool cancelled = false; // the cancel flag was raised: the results cover only part of the rows
};

struct ReplayOptions {
    StopStrategy strategy = StopStrategy::trailing(0.9);
    std::optional<double> entry; // seeds every series' peak; the basis of fixed-pct and activation
    RepeatPolicy repeat = RepeatPolicy::DailyWhileBelow;
    // When set, called after each row with the engine's state (the backtest chart draws the stop from it).
    std::function<void(qsizetype seriesIndex, const PriceRow &row, const StockState &state)> observe;
};

// Replays price history through the live engine (StopLossEngine::apply, the function the monitor calls)
// with a simulated clock: each row is one observation on its date, its market day, with the close as the
// price and the high/low when the row has them. No Qt GUI, no I/O: the CLI and the backtest dialog share it.
namespace Replay {

// Groups rows into series: with symbols, one series per symbol in the order they first appear; without,
// one series named `ticker`. Each series is put in date order (a file written newest first is fine; rows
// of the same date keep their order).
QList<ReplaySeries> seriesFromRows(const QList<PriceRow> &rows, const QString &ticker);

// Checks that the strategy can run on the series: atr needs a high and a low on every row.
Status check(const QList<ReplaySeries> &series, const StopStrategy &strategy);

// Progress: rows done so far and rows in all; called every few thousand rows and at the end.
using Progress = std::function<void(qsizetype done, qsizetype total)>;

// Runs the replay. Fails only when check() does. `cancel`, when given, is read between rows.
Result<ReplayResult> run(const QList<ReplaySeries> &series, const ReplayOptions &options,
                         const Progress &progress = {}, const std::atomic_bool *cancel = nullptr);

} // namespace Replay

} // namespace trailguard
