#pragma once

#include "common/Result.h"
#include "domain/StopLossEngine.h"
#include "domain/StopStrategy.h"
#include "history/ChartSeries.h"
#include "replay/Replay.h"
#include "storage/PriceHistoryRepository.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QThread;

namespace trailguard {

// What to backtest: one ticker's rows (oldest first) against several strategies and alert rules.
struct BacktestRequest {
    ReplaySeries series;
    QList<StopStrategy> strategies;
    std::optional<double> entry;
    RepeatPolicy repeat = RepeatPolicy::DailyWhileBelow;
    QList<AlertRule> rules = {}; // replayed once, without a stop
};

// One strategy's replay: its summary and alerts, and the stop it kept (a step series) for the chart.
struct BacktestStrategyResult {
    StopStrategy strategy;
    std::optional<Error> error; // the strategy could not run on these prices (atr without highs and lows)
    ReplaySeriesSummary summary;
    QList<ReplayAlert> alerts;
    QList<StopPoint> stops;
};

// One alert rule's replay: the days it fired, oldest first (ReplayAlert::firing is set on each).
struct BacktestRuleResult {
    AlertRule rule;
    QList<ReplayAlert> firings;
};

struct BacktestReport {
    QList<BacktestStrategyResult> results; // in the order of the request's strategies
    QList<BacktestRuleResult> rules = {};  // in the order of the request's rules
    bool cancelled = false;                // the results are partial or missing
};

namespace Backtest {

// Rows done over all strategies (and the rules' one pass), and rows in all (rows × passes).
using Progress = std::function<void(qint64 done, qint64 total)>;

// Replays every strategy in turn through Replay::run, then the rules in one pass. Safe on any thread;
// `cancel` is read between rows.
BacktestReport run(const BacktestRequest &request, const Progress &progress = {},
                   const std::atomic_bool *cancel = nullptr);

// The instant a row is drawn at: its date at 20:00 UTC, the afternoon of that market day (as replayed).
QDateTime observationTime(const QDate &date);

// A ticker's stored daily candles (PriceHistoryRepository) as price rows, each on its market day.
QList<PriceRow> rowsFromCandles(const QString &ticker, const QList<StoredCandle> &candles);

// The chart of `series` with the stop line and the breaches of `result` (none when it is null), and
// the firings of `rule` marked beside them (none when it is null).
ChartSeries chartSeries(const ReplaySeries &series, const BacktestStrategyResult *result,
                        const BacktestRuleResult *rule = nullptr);

} // namespace Backtest

// Runs Backtest::run on a worker thread so the window stays responsive, with progress and cancel.
// Destroying the runner cancels a running backtest and waits for it (Replay stops within a row).
class BacktestRunner : public QObject {
    Q_OBJECT
public:
    explicit BacktestRunner(QObject *parent = nullptr);
    ~BacktestRunner() override;

    // Starts a backtest unless one runs; false when one does.
    bool start(BacktestRequest request);
    // Asks the running backtest to stop; finished() follows with `cancelled` set.
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    void progressChanged(qint64 done, qint64 total);
    void finished(const trailguard::BacktestReport &report);

private:
    struct Job;
    QThread *m_thread = nullptr;
    std::shared_ptr<Job> m_job;
};

} // namespace trailguard
