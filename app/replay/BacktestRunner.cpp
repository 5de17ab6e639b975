#include "replay/BacktestRunner.h"

#include "domain/MarketCalendar.h"
#include "domain/PriceFormat.h"
#include "replay/ReplayLogging.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPointer>
#include <QThread>
#include <QTime>

#include <algorithm>
#include <atomic>

namespace trailguard {

namespace {
// Gives the texts below one translation context, "Backtest".
class BacktestText {
    Q_DECLARE_TR_FUNCTIONS(Backtest)
};

QString money(double value)
{
    return PriceFormat::localized(value);
}

// The rules' pass: one replay without a stop, its alerts split per rule.
void runRules(const BacktestRequest &request, const QList<ReplaySeries> &series, BacktestReport &report,
              const std::function<void(qsizetype)> &progress, const std::atomic_bool *cancel)
{
    ReplayOptions options;
    options.withStop = false;
    options.rules = request.rules;
    Result<ReplayResult> replayed = Replay::run(
        series, options, [&](qsizetype done, qsizetype) { progress(done); }, cancel);
    if (!replayed || replayed.value().cancelled) {
        report.cancelled = true;
        return;
    }
    for (const AlertRule &rule : request.rules)
        report.rules.append(BacktestRuleResult{rule, {}});
    for (ReplayAlert &alert : replayed.value().alerts) {
        const qsizetype index = alert.firing ? request.rules.indexOf(alert.firing->rule) : -1;
        if (index >= 0)
            report.rules[index].firings.append(std::move(alert));
    }
}
} // namespace

QDateTime Backtest::observationTime(const QDate &date)
{
    return QDateTime(date, QTime(20, 0), Qt::UTC);
}

BacktestReport Backtest::run(const BacktestRequest &request, const Progress &progress,
                             const std::atomic_bool *cancel)
{
    BacktestReport report;
    const qint64 rows = request.series.rows.size();
    const qint64 passes = request.strategies.size() + (request.rules.isEmpty() ? 0 : 1);
    const qint64 total = rows * passes;
    const QList<ReplaySeries> series{request.series};
    qint64 before = 0; // rows of the strategies already replayed
    for (const StopStrategy &strategy : request.strategies) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            report.cancelled = true;
            break;
        }
        BacktestStrategyResult one;
        one.strategy = strategy;
        ReplayOptions options;
        options.strategy = strategy;
        options.entry = request.entry;
        options.repeat = request.repeat;
        // The stop as a step series: a point where it first exists and wherever it (or the peak) moves.
        options.observe = [&one](qsizetype, const PriceRow &row, const StockState &state) {
            if (!state.stop)
                return;
            const StopPoint point{observationTime(row.date), state.peak.value_or(*state.stop), *state.stop};
            if (!one.stops.isEmpty() && one.stops.constLast().stop == point.stop &&
                one.stops.constLast().peak == point.peak)
                return;
            one.stops.append(point);
        };
        const Replay::Progress replayProgress = [&](qsizetype done, qsizetype) {
            if (progress)
                progress(before + done, total);
        };
        Result<ReplayResult> replayed = Replay::run(series, options, replayProgress, cancel);
        if (!replayed) {
            one.error = replayed.error();
        } else {
            ReplayResult &result = replayed.value();
            if (!result.series.isEmpty())
                one.summary = result.series.constFirst();
            one.alerts = std::move(result.alerts);
            if (result.cancelled) {
                report.cancelled = true;
                break;
            }
        }
        report.results.append(std::move(one));
        before += rows;
        if (progress)
            progress(before, total);
    }
    if (!report.cancelled && !request.rules.isEmpty()) {
        const auto rulesProgress = [&](qsizetype done) {
            if (progress)
                progress(before + done, total);
        };
        runRules(request, series, report, rulesProgress, cancel);
    }
    return report;
}

QList<PriceRow> Backtest::rowsFromCandles(const QString &ticker, const QList<StoredCandle> &candles)
{
    QList<PriceRow> rows;
    rows.reserve(candles.size());
    for (const StoredCandle &candle : candles) {
        PriceRow row;
        row.date = MarketCalendar::marketDay(ticker, candle.start);
        row.open = candle.open;
        row.high = candle.high;
        row.low = candle.low;
        row.close = candle.close;
        row.volume = candle.volume;
        rows.append(row);
    }
    return rows;
}

ChartSeries Backtest::chartSeries(const ReplaySeries &series, const BacktestStrategyResult *result,
                                  const BacktestRuleResult *rule)
{
    ChartSeries chart;
    chart.ticker = series.ticker;
    chart.prices.reserve(series.rows.size());
    for (const PriceRow &row : series.rows)
        chart.prices.append(PricePoint{observationTime(row.date), row.close});
    if (result) {
        chart.stops = result->stops;
        for (const ReplayAlert &alert : result->alerts) {
            chart.alerts.append(AlertMark{
                observationTime(alert.date), alert.price,
                BacktestText::tr("%1 closed at %2, below the stop %3 (%4)")
                    .arg(alert.ticker, money(alert.price), money(alert.stop), result->strategy.spec())});
        }
    }
    if (rule) {
        for (const ReplayAlert &firing : rule->firings)
            chart.alerts.append(
                AlertMark{observationTime(firing.date), firing.price, firing.firing->message});
        // The marks stay in time order: breaches before firings on the same day.
        std::stable_sort(chart.alerts.begin(), chart.alerts.end(),
                         [](const AlertMark &a, const AlertMark &b) { return a.time < b.time; });
    }
    return chart;
}

// What the worker and the runner share: the worker writes `report` before the thread finishes.
struct BacktestRunner::Job {
    std::atomic_bool cancel = false;
    BacktestReport report;
};

BacktestRunner::BacktestRunner(QObject *parent)
    : QObject(parent)
{}

BacktestRunner::~BacktestRunner()
{
    if (m_thread) {
        m_job->cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool BacktestRunner::start(BacktestRequest request)
{
    if (m_thread)
        return false;
    auto job = std::make_shared<Job>();
    m_job = job;
    QPointer<BacktestRunner> self(this);
    m_thread = QThread::create([job, self, request = std::move(request)] {
        job->report = Backtest::run(
            request,
            [&](qint64 done, qint64 total) {
                // Queued to the runner's thread; dropped once the runner is gone.
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, done, total] {
                        if (self)
                            Q_EMIT self->progressChanged(done, total);
                    },
                    Qt::QueuedConnection);
            },
            &job->cancel);
    });
    m_thread->setObjectName(QStringLiteral("backtest"));
    connect(m_thread, &QThread::finished, this, [this, job] {
        if (job != m_job)
            return;
        QThread *thread = m_thread;
        m_thread = nullptr;
        thread->deleteLater();
        const BacktestReport report = std::move(job->report);
        m_job.reset();
        qCDebug(lcReplay) << "Backtest finished:" << report.results.size() << "strategies"
                          << (report.cancelled ? "(cancelled)" : "");
        Q_EMIT finished(report);
    });
    m_thread->start(QThread::LowPriority);
    return true;
}

void BacktestRunner::cancel()
{
    if (m_job)
        m_job->cancel = true;
}

} // namespace trailguard
