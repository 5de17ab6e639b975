#include "monitor/Monitor.h"

#include "broker/QuestradeClient.h"
#include "monitor/CatchUp.h"
#include "monitor/MonitorLogging.h"
#include "monitor/QuoteBatchEvaluator.h"
#include "monitor/QuoteBatchSaver.h"
#include "monitor/RuleWatch.h"
#include "monitor/SymbolUpdates.h"
#include "watchlist/WatchlistService.h"

#include <utility>

namespace trailguard {

Monitor::Monitor(WatchlistService &watchlist, QuestradeClient &client, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_watchlist(watchlist)
    , m_states(watchlist)
    , m_client(client)
    , m_clock(clock)
    , m_schedule(clock)
{
    connect(&m_schedule, &CheckScheduler::checkDue, this, &Monitor::runCycle);
    connect(&m_schedule, &CheckScheduler::clockJumped, this, &Monitor::clockJumped);
    connect(&m_schedule, &CheckScheduler::scheduleChanged, this, &Monitor::scheduleChanged);
    connect(&m_schedule, &CheckScheduler::marketStateChanged, this, &Monitor::marketStateChanged);
}

void Monitor::setInterval(std::chrono::seconds interval)
{
    m_schedule.setInterval(interval);
    if (m_active && !m_cycleRunning)
        m_schedule.scheduleNext();
}

void Monitor::setStreamingBackupInterval(std::chrono::seconds interval)
{
    if (!m_schedule.setStreamingBackupInterval(interval))
        return;
    if (m_active && !m_cycleRunning)
        m_schedule.scheduleNext();
}

void Monitor::start()
{
    m_active = true;
    m_schedule.start();
    queueCycle(false);
}

void Monitor::stop()
{
    ++m_generation;
    m_active = false;
    m_checkRequested = false;
    delete m_cycleContext; // drops the callbacks of a cycle in flight
    m_cycleContext = nullptr;
    m_cycleRunning = false; // dropped without cycleFinished: it neither succeeded nor failed
    m_schedule.stop();
}

void Monitor::checkNow()
{
    queueCycle(true);
}

void Monitor::queueCycle(bool forced)
{
    if (m_cycleRunning) {
        m_checkRequested = true;
        return;
    }
    m_schedule.cancelNext();
    m_forceNext = forced;
    // From the event loop, so a caller never sees a whole cycle run inside its own call; a stop() before
    // then cancels it.
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_generation] {
            if (generation == m_generation)
                runCycle();
        },
        Qt::QueuedConnection);
    m_cycleRunning = true;
}

void Monitor::runCycle()
{
    m_cycleRunning = true;
    m_checkRequested = false;
    m_schedule.cancelNext();
    const bool forced = std::exchange(m_forceNext, false);
    delete m_cycleContext;
    m_cycleContext = new QObject(this);
    // The database is the truth: m_states follows every edit made here by signal, and is read again when
    // another connection (the CLI, another process) wrote; re-reading 1,000 rows per cycle cost more than
    // the rest of the cycle's own work.
    if (const Status read = m_states.reloadIfChangedElsewhere(); !read.ok())
        qCWarning(lcMonitor).noquote() << "Could not read the watchlist:" << read.error().message;
    if (const QDateTime planned = m_schedule.nextCheck();
        planned.isValid() && planned.secsTo(m_clock.now()) > kClockJump.count())
        qCInfo(lcMonitor).noquote() << "Woke up" << planned.secsTo(m_clock.now())
                                    << "s later than planned (sleep, or no network)";
    if (!m_schedule.marketHours()) {
        m_cycleForced = forced;
        beginCycle();
        return;
    }
    // Today's sessions first (cached for the day): they decide whether this cycle polls at all.
    m_schedule.marketHours()->refresh(m_cycleContext, [this, forced] { afterMarkets(forced); });
}

void Monitor::afterMarkets(bool forced)
{
    const auto stocks = m_states.all();
    if (stocks.ok())
        m_schedule.updateMarketState(stocks.value());
    m_cycleForced = forced;
    if (forced || !m_schedule.sleepingWhileClosed()) {
        beginCycle();
        return;
    }
    // Closed: nothing is polled, but a downtime gap that overlapped today's session is still caught up.
    if (m_catchUp && stocks.ok()) {
        m_catchUp->run(stocks.value(), m_cycleContext, [this] { finishIdle(); });
        return;
    }
    finishIdle();
}

void Monitor::finishIdle()
{
    m_cycleRunning = false;
    if (m_checkRequested) {
        checkNow();
        return;
    }
    if (m_active)
        m_schedule.scheduleNext();
}

void Monitor::setMarketHours(MarketHours *hours)
{
    m_schedule.setMarketHours(hours);
}

void Monitor::resumeAfterGap()
{
    if (m_active && !m_cycleRunning)
        queueCycle(false);
}

void Monitor::clockJumped(qint64 elapsedSeconds)
{
    // The computer slept: check (or catch up) now instead of when the monotonic timer gets round to it.
    if (!m_active || m_cycleRunning)
        return;
    qCInfo(lcMonitor).noquote() << "The clock jumped" << elapsedSeconds << "s: resumed from sleep?";
    queueCycle(false);
}

void Monitor::beginCycle()
{
    m_current = CycleReport{};
    m_lookupStatus = success();
    m_current.startedAt = m_clock.now();
    Q_EMIT cycleStarted();

    const auto stocks = m_states.all();
    if (!stocks.ok()) {
        finishCycle(stocks.error());
        return;
    }
    m_current.watched = int(stocks.value().size());
    resolveSymbols(stocks.value());
}

void Monitor::resolveSymbols(const QList<StockState> &stocks)
{
    QStringList unresolved;
    for (const StockState &stock : stocks) {
        if (!stock.symbolId && !stock.symbolNotFound)
            unresolved.append(stock.ticker);
    }
    if (unresolved.isEmpty()) {
        catchUpThenQuote();
        return;
    }
    m_client.resolveSymbols(unresolved, m_cycleContext, [this](Result<QuestradeClient::SymbolMap> result) {
        if (!result.ok()) {
            // Tickers resolved earlier still get their quotes; the rest are tried again next cycle.
            qCWarning(lcMonitor) << "Symbol look-up failed:" << result.error().message;
            m_lookupStatus = result.error();
            catchUpThenQuote();
            return;
        }
        // The states as they are now: the user may have edited them while the look-up was on the network.
        const auto current = m_states.all();
        if (!current.ok()) {
            finishCycle(current.error());
            return;
        }
        const SymbolUpdates::Changes changes = SymbolUpdates::applyLookups(current.value(), result.value());
        for (const QString &warning : changes.warnings)
            qCWarning(lcMonitor).noquote() << warning;
        m_current.resolved = int(changes.changed.size());
        if (const Status saved = m_watchlist.saveCycle(changes.changed); !saved.ok()) {
            finishCycle(saved.error());
            return;
        }
        catchUpThenQuote();
    });
}

void Monitor::catchUpThenQuote()
{
    if (!m_catchUp) {
        fetchQuotes();
        return;
    }
    const auto stocks = m_states.all();
    if (!stocks.ok()) {
        finishCycle(stocks.error());
        return;
    }
    m_catchUp->run(stocks.value(), m_cycleContext, [this] { fetchQuotes(); });
}

void Monitor::fetchQuotes()
{
    const auto stocks = m_states.all();
    if (!stocks.ok()) {
        finishCycle(stocks.error());
        return;
    }
    QList<qint64> ids;
    QSet<qint64> listed;
    for (const StockState &stock : stocks.value()) {
        // A scheduled cycle leaves out listings whose market is closed today (a holiday on one exchange).
        const bool marketClosed = !m_cycleForced && m_schedule.skipsClosedMarket(stock);
        if (stock.symbolId && !stock.symbolNotFound && !marketClosed && !listed.contains(*stock.symbolId)) {
            listed.insert(*stock.symbolId);
            ids.append(*stock.symbolId);
        }
    }
    if (ids.isEmpty()) {
        finishCycle(m_lookupStatus);
        return;
    }
    m_client.fetchQuotes(ids, m_cycleContext, [this](Result<QuoteBatch> quotes) {
        if (!quotes.ok()) {
            finishCycle(quotes.error());
            return;
        }
        if (const Status marked = markUnknownIds(quotes.value().unknownIds); !marked.ok()) {
            finishCycle(marked.error());
            return;
        }
        const Result<QuoteBatchReport> applied = applyQuotes(quotes.value().quotes, QuoteOrigin::Poll);
        if (!applied.ok()) {
            finishCycle(applied.error());
            return;
        }
        m_current.quoted = applied.value().quoted;
        m_current.updated = applied.value().updated;
        m_current.breaches = applied.value().breaches;
        m_current.notSaved = applied.value().notSaved;
        m_current.applied = applied.value().applied;
        finishCycle(m_lookupStatus);
    });
}

Status Monitor::markUnknownIds(const QList<qint64> &unknownIds)
{
    if (unknownIds.isEmpty())
        return success();
    const auto current = m_states.all();
    if (!current.ok())
        return current.error();
    const SymbolUpdates::Changes changes = SymbolUpdates::markUnknownIds(current.value(), unknownIds);
    for (const QString &warning : changes.warnings)
        qCWarning(lcMonitor).noquote() << warning;
    for (const StockState &stock : changes.changed)
        m_current.notFound.append(stock.ticker);
    return m_watchlist.saveCycle(changes.changed);
}

Result<QuoteBatchReport> Monitor::applyQuotes(const QList<BrokerQuote> &quotes, QuoteOrigin origin)
{
    // Apply the engine to the states as they are now, so edits made during the request are kept. Only the
    // quoted stocks are visited.
    if (const Status fresh = m_states.reloadIfChangedElsewhere(); !fresh.ok())
        return fresh.error();
    const auto current = m_states.quotedBy(quotes);
    if (!current.ok())
        return current.error();
    QuoteBatchRules rules;
    rules.repeatPolicy = m_repeatPolicy;
    rules.includeExtendedHours = m_includeExtendedHours;
    rules.origin = origin;
    if (MarketHours *hours = m_schedule.marketHours()) {
        rules.isStale = [hours](const StockState &stock, const QDateTime &time) {
            return hours->isStale(stock, time);
        };
    }
    if (m_catchUp) {
        rules.uncheckedGapStart = [catchUp = m_catchUp](const StockState &stock, const QDateTime &now) {
            return catchUp->uncheckedGapStart(stock, now);
        };
    }
    const QuoteBatchEvaluation evaluation =
        QuoteBatchEvaluator::evaluate(current.value(), quotes, m_clock.now(), rules);
    logNotes(evaluation);

    QuoteBatchReport report;
    report.quoted = evaluation.quoted;
    const QuoteBatchSaver saver(m_watchlist, m_recordBreach, m_recordQuotes);
    // The catch-up's quotes are a minute candle's low or high, not a trade: rules wait for a real one.
    const QList<RuleAlert> fired = m_ruleWatch && origin != QuoteOrigin::CatchUp
                                       ? m_ruleWatch->evaluate(evaluation.changed, m_clock.now())
                                       : QList<RuleAlert>();
    QList<RuleAlert> ruleAlerts;
    const auto recordRules = [&](const QHash<QString, Error> &notSaved) {
        ruleAlerts.clear(); // a batch saved again row by row records them again
        const QList<QString> skipped = notSaved.keys();
        return m_ruleWatch->record(fired, QSet<QString>(skipped.cbegin(), skipped.cend()), ruleAlerts);
    };
    if (const Status saved = saver.save(evaluation, origin, report,
                                        fired.isEmpty() ? QuoteBatchSaver::AlsoInTransaction() : recordRules);
        !saved.ok())
        return saved.error();
    if (m_ruleWatch)
        m_ruleWatch->committed(ruleAlerts);
    for (const RuleAlert &alert : std::as_const(ruleAlerts))
        qCWarning(lcMonitor).noquote() << "Rule" << alert.rule << "fired:" << alert.message;
    announce(report, origin);
    return report;
}

void Monitor::logNotes(const QuoteBatchEvaluation &evaluation)
{
    for (auto it = evaluation.engineWarnings.cbegin(); it != evaluation.engineWarnings.cend(); ++it) {
        if (!m_warnedTickers.contains(it.key())) {
            qCWarning(lcMonitor).noquote() << it.value();
            m_warnedTickers.insert(it.key());
        }
    }
    for (const QuoteBatchEvaluation::Note &note : evaluation.notes) {
        if (note.level == QtDebugMsg)
            qCDebug(lcMonitor).noquote() << note.text;
        else
            qCInfo(lcMonitor).noquote() << note.text;
    }
}

void Monitor::announce(const QuoteBatchReport &report, QuoteOrigin origin)
{
    for (const Breach &breach : report.breaches) {
        qCWarning(lcMonitor).noquote() << QuoteBatchEvaluator::describeBreach(breach);
        Q_EMIT breachDetected(breach);
    }
    Q_EMIT quotesApplied(origin, report);
}

void Monitor::finishCycle(const Status &status)
{
    m_current.finishedAt = m_clock.now();
    m_current.ok = status.ok();
    m_current.error = status.ok() ? QString() : status.error().message;
    m_lastReport = m_current;
    m_cycleRunning = false;
    if (m_current.ok) {
        qCInfo(lcMonitor).noquote() << QStringLiteral(
                                           "Cycle done: %1 watched, %2 quoted, %3 updated, %4 breaches")
                                           .arg(m_current.watched)
                                           .arg(m_current.quoted)
                                           .arg(m_current.updated)
                                           .arg(m_current.breaches.size());
    } else {
        qCWarning(lcMonitor).noquote() << "Cycle failed:" << m_current.error;
    }
    Q_EMIT cycleFinished(m_lastReport);
    if (m_checkRequested) {
        checkNow();
        return;
    }
    if (m_active)
        m_schedule.scheduleNext();
}

} // namespace trailguard
