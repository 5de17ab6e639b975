#pragma once

#include "common/Result.h"
#include "domain/AlertRule.h"
#include "domain/DailyBar.h"
#include "domain/StopLossEngine.h"
#include "domain/StopStrategy.h"
#include "history/PriceCsv.h"

#include <QDate>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace trailguard {

// One ticker's price history, oldest first: one observation per row.
struct ReplaySeries {
    QString ticker;
    QList<PriceRow> rows;
};

// What an alert rule's alert says besides its day and close.
struct ReplayRuleFiring {
    AlertRule rule;
    double value = 0;     // what it compared (RuleFiring::value)
    double threshold = 0; // what that crossed (RuleFiring::threshold)
    QString message;      // AlertRules::message

    bool operator==(const ReplayRuleFiring &) const = default;
};

// An alert of a replay: a breach the engine raised, or a day an alert rule fired.
struct ReplayAlert {
    QString ticker;
    QDate date;       // the row's market day
    double price = 0; // the breach's price; for a rule, the day's close
    double peak = 0;  // the stop's only
    double stop = 0;  // the stop's only
    // The rule's side; null for the stop strategy's breach. Behind a pointer: a replay can raise millions
    // of breaches, and a small alert keeps them fast to collect and sort.
    std::shared_ptr<const ReplayRuleFiring> firing = {};

    // "stop" for a breach, else the rule's canonical spec: the `kind` of the CLI's JSON.
    QString kind() const { return firing ? firing->rule.spec() : QStringLiteral("stop"); }

    bool operator==(const ReplayAlert &other) const
    {
        return ticker == other.ticker && date == other.date && price == other.price && peak == other.peak &&
               stop == other.stop &&
               (firing == other.firing || (firing && other.firing && *firing == *other.firing));
    }
};

// How often one rule fired on one series, and its first firing.
struct ReplayRuleSummary {
    AlertRule rule;
    int firings = 0;
    std::optional<QDate> firstDate;
    std::optional<double> firstClose;
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
    int alertCount = 0; // the stop's breaches (the rules' firings are counted in `rules`)
    std::optional<double> finalPeak;
    std::optional<double> finalStop;
    // Exiting at the close of the first breach day: firstBreachPrice / basis − 1 (none without a breach).
    std::optional<double> exitReturn;
    // Holding through the last row: lastClose / basis − 1.
    double holdReturn = 0;
    QList<ReplayRuleSummary> rules = {}; // in the order of ReplayOptions::rules
};

struct ReplayResult {
    // In time order: by date; on the same day in series order, and within a series the stop's breach
    // before the rules' firings, in the order of ReplayOptions::rules.
    QList<ReplayAlert> alerts;
    QList<ReplaySeriesSummary> series;
    bool cancelled = false; // the cancel flag was raised: the results cover only part of the rows
};

struct ReplayOptions {
    StopStrategy strategy = StopStrategy::trailing(0.9);
    std::optional<double> entry; // seeds every series' peak; the basis of fixed-pct and activation
    RepeatPolicy repeat = RepeatPolicy::DailyWhileBelow;
    // False: the stop strategy is not replayed (no breaches, no peak or stop); only the rules alert.
    bool withStop = true;
    // Alert rules evaluated on each series' daily bars (dailyBars): each fires at most once per day.
    QList<AlertRule> rules = {};
    // When set, called after each row with the engine's state (the backtest chart draws the stop from it).
    std::function<void(qsizetype seriesIndex, const PriceRow &row, const StockState &state)> observe;
};

// Replays price history through the live engine (StopLossEngine::apply, the function the monitor calls)
// with a simulated clock: each row is one observation on its date, its market day, with the close as the
// price and the high/low when the row has them. Alert rules run on the series' daily bars through
// AlertRules::firings, the function the live rules use. No Qt GUI, no I/O: the CLI and the backtest dialog
// share it.
namespace Replay {

// Groups rows into series: with symbols, one series per symbol in the order they first appear; without,
// one series named `ticker`. Each series is put in date order (a file written newest first is fine; rows
// of the same date keep their order).
QList<ReplaySeries> seriesFromRows(const QList<PriceRow> &rows, const QString &ticker);

// One bar per market day of one series' rows (in date order): a day of several rows closes at its last
// row's close, its high is the largest high (or close) of its rows and its low the smallest low (or
// close): the last observation of a day is its close, as the live rules take the day's latest price.
// The indicators and rules of replay, the CLI and the backtest all read days this way.
QList<DailyBar> dailyBars(const QList<PriceRow> &rows);

// Checks that the strategy can run on the series: atr needs a high and a low on every row.
Status check(const QList<ReplaySeries> &series, const StopStrategy &strategy);

// Progress: rows done so far and rows in all; called every few thousand rows and at the end.
using Progress = std::function<void(qsizetype done, qsizetype total)>;

// Runs the replay. Fails only when check() does (not asked without the stop). `cancel`, when given, is
// read between rows.
Result<ReplayResult> run(const QList<ReplaySeries> &series, const ReplayOptions &options,
                         const Progress &progress = {}, const std::atomic_bool *cancel = nullptr);

} // namespace Replay

} // namespace trailguard
