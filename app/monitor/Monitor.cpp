#include "monitor/Monitor.h"

#include "broker/QuestradeClient.h"
#include "domain/MarketCalendar.h"
#include "domain/StopLossEngine.h"
#include "monitor/CatchUp.h"
#include "monitor/MonitorLogging.h"
#include "watchlist/WatchlistService.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace trailguard {

Monitor::Monitor(WatchlistService &watchlist, QuestradeClient &client, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_watchlist(watchlist)
    , m_client(client)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Monitor::runCycle);
    m_jumpWatch.setInterval(std::chrono::seconds(30));
    connect(&m_jumpWatch, &QTimer::timeout, this, &Monitor::watchForClockJumps);
}

void Monitor::setInterval(std::chrono::seconds interval)
{
    m_interval = std::clamp(interval, kMinimumInterval, kMaximumInterval);
    if (m_active && !m_cycleRunning)
        scheduleNext();
}

void Monitor::setStreamingBackupInterval(std::chrono::seconds interval)
{
    if (interval == m_backupInterval)
        return;
    m_backupInterval = interval;
    if (m_active && !m_cycleRunning)
        scheduleNext();
}

void Monitor::start()
{
    m_active = true;
    m_lastJumpTick = m_clock.now();
    m_jumpWatch.start();
    queueCycle(false);
}

void Monitor::stop()
{
    ++m_generation;
    m_active = false;
    m_checkRequested = false;
    m_timer.stop();
    m_jumpWatch.stop();
    delete m_cycleContext; // drops the callbacks of a cycle in flight
    m_cycleContext = nullptr;
    m_cycleRunning = false; // dropped without cycleFinished: it neither succeeded nor failed
    m_nextCheck = QDateTime();
    Q_EMIT scheduleChanged(m_nextCheck);
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
    m_timer.stop();
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
    m_timer.stop();
    const bool forced = std::exchange(m_forceNext, false);
    delete m_cycleContext;
    m_cycleContext = new QObject(this);
    if (m_nextCheck.isValid() && m_nextCheck.secsTo(m_clock.now()) > kClockJump.count())
        qCInfo(lcMonitor).noquote() << "Woke up" << m_nextCheck.secsTo(m_clock.now())
                                    << "s later than planned (sleep, or no network)";
    if (!m_marketHours) {
        m_cycleForced = forced;
        beginCycle();
        return;
    }
    // Today's sessions first (cached for the day): they decide whether this cycle polls at all.
    m_marketHours->refresh(m_cycleContext, [this, forced] { afterMarkets(forced); });
}

void Monitor::afterMarkets(bool forced)
{
    const auto stocks = m_watchlist.stocks();
    if (stocks.ok())
        updateMarketState(stocks.value());
    m_cycleForced = forced;
    if (forced || !sleepingWhileClosed()) {
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

bool Monitor::sleepingWhileClosed() const
{
    return m_marketHours && m_pollOnlyWhileOpen && m_marketState.known && !m_marketState.open;
}

void Monitor::finishIdle()
{
    m_cycleRunning = false;
    if (m_checkRequested) {
        checkNow();
        return;
    }
    if (m_active)
        scheduleNext();
}

void Monitor::updateMarketState(const QList<StockState> &stocks)
{
    const MarketState state = m_marketHours->state(stocks);
    if (m_marketStateSent && state == m_marketState)
        return;
    m_marketState = state;
    m_marketStateSent = true;
    if (state.known)
        qCInfo(lcMonitor).noquote() << MarketHours::describe(state, m_clock.now());
    Q_EMIT marketStateChanged(m_marketState);
}

void Monitor::setMarketHours(MarketHours *hours)
{
    m_marketHours = hours;
}

void Monitor::resumeAfterGap()
{
    if (m_active && !m_cycleRunning)
        queueCycle(false);
}

void Monitor::watchForClockJumps()
{
    const QDateTime now = m_clock.now();
    const qint64 elapsed = m_lastJumpTick.isValid() ? m_lastJumpTick.secsTo(now) : 0;
    m_lastJumpTick = now;
    // The 30 s watch fired much later in wall-clock time: the computer slept. Check (or catch up) now
    // instead of when the monotonic timer gets round to it.
    if (elapsed > std::chrono::duration_cast<std::chrono::seconds>(m_jumpWatch.intervalAsDuration()).count() +
                      kClockJump.count() &&
        m_active && !m_cycleRunning) {
        qCInfo(lcMonitor).noquote() << "The clock jumped" << elapsed << "s: resumed from sleep?";
        queueCycle(false);
    }
}

void Monitor::beginCycle()
{
    m_current = CycleReport{};
    m_current.startedAt = m_clock.now();
    Q_EMIT cycleStarted();

    const auto stocks = m_watchlist.stocks();
    if (!stocks.ok()) {
        finishCycle(stocks.error().message);
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
            m_current.error = result.error().message;
            catchUpThenQuote();
            return;
        }
        // Re-read the watchlist: the user may have edited it while the look-up was on the network.
        const auto current = m_watchlist.stocks();
        if (!current.ok()) {
            finishCycle(current.error().message);
            return;
        }
        QList<StockState> changed;
        for (StockState stock : current.value()) {
            const auto found = result.value().constFind(stock.ticker);
            if (found == result.value().constEnd() || stock.symbolId)
                continue;
            if (const std::optional<SymbolInfo> &listing = found->listing) {
                stock.symbolId = listing->symbolId;
                stock.currency = listing->currency;
                stock.listingExchange = listing->listingExchange;
                stock.symbolNotFound = false;
            } else {
                stock.symbolNotFound = true;
                qCWarning(lcMonitor).noquote()
                    << SymbolResolver::notFoundMessage(stock.ticker, found->closest) << "Marked not found.";
            }
            changed.append(stock);
        }
        m_current.resolved = int(changed.size());
        if (const Status saved = m_watchlist.saveCycle(changed); !saved.ok()) {
            finishCycle(saved.error().message);
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
    const auto stocks = m_watchlist.stocks();
    if (!stocks.ok()) {
        finishCycle(stocks.error().message);
        return;
    }
    m_catchUp->run(stocks.value(), m_cycleContext, [this] { fetchQuotes(); });
}

void Monitor::fetchQuotes()
{
    const auto stocks = m_watchlist.stocks();
    if (!stocks.ok()) {
        finishCycle(stocks.error().message);
        return;
    }
    QList<qint64> ids;
    for (const StockState &stock : stocks.value()) {
        // A scheduled cycle leaves out listings whose market is closed today (a holiday on one exchange).
        const bool marketClosed =
            !m_cycleForced && m_marketHours && m_pollOnlyWhileOpen && !m_marketHours->isOpenOrUnknown(stock);
        if (stock.symbolId && !stock.symbolNotFound && !marketClosed && !ids.contains(*stock.symbolId))
            ids.append(*stock.symbolId);
    }
    if (ids.isEmpty()) {
        finishCycle(m_current.error);
        return;
    }
    m_client.fetchQuotes(ids, m_cycleContext, [this](Result<QuoteBatch> quotes) {
        if (!quotes.ok()) {
            finishCycle(quotes.error().message);
            return;
        }
        if (const Status marked = markUnknownIds(quotes.value().unknownIds); !marked.ok()) {
            finishCycle(marked.error().message);
            return;
        }
        const Result<QuoteBatchReport> applied = applyQuotes(quotes.value().quotes, QuoteOrigin::Poll);
        if (!applied.ok()) {
            finishCycle(applied.error().message);
            return;
        }
        m_current.quoted = applied.value().quoted;
        m_current.updated = applied.value().updated;
        m_current.breaches = applied.value().breaches;
        m_current.notSaved = applied.value().notSaved;
        m_current.applied = applied.value().applied;
        finishCycle(m_current.error);
    });
}

Status Monitor::markUnknownIds(const QList<qint64> &unknownIds)
{
    if (unknownIds.isEmpty())
        return success();
    const auto current = m_watchlist.stocks();
    if (!current.ok())
        return current.error();
    QList<StockState> changed;
    for (StockState stock : current.value()) {
        if (!stock.symbolId || !unknownIds.contains(*stock.symbolId))
            continue;
        qCWarning(lcMonitor).noquote() << stock.ticker << "(symbol id" << *stock.symbolId
                                       << ") is unknown to Questrade's quotes; marked not found";
        // As a ticker the look-up did not find: shown as "not found", no longer quoted.
        stock.symbolId.reset();
        stock.symbolNotFound = true;
        m_current.notFound.append(stock.ticker);
        changed.append(stock);
    }
    return m_watchlist.saveCycle(changed);
}

Result<QuoteBatchReport> Monitor::applyQuotes(const QList<BrokerQuote> &quotes, QuoteOrigin origin)
{
    QHash<qint64, BrokerQuote> bySymbol;
    for (const BrokerQuote &quote : quotes)
        bySymbol.insert(quote.symbolId, quote);

    // Apply the engine to the states as they are now, so edits made during the request are kept.
    const auto current = m_watchlist.stocks();
    if (!current.ok())
        return current.error();
    const QDateTime now = m_clock.now();
    QuoteBatchReport report;
    QList<StockState> changed;
    QList<StockState> breachedStocks;
    QList<RecordedQuote> recorded;
    for (const StockState &stock : current.value()) {
        if (!stock.symbolId || !bySymbol.contains(*stock.symbolId))
            continue;
        const BrokerQuote &brokerQuote = bySymbol[*stock.symbolId];
        ++report.quoted;
        // A halted symbol's last trade is not a price to act on. Unless extended-hours trades are
        // included, the stop follows the regular session's last trade.
        const std::optional<double> lastPrice = brokerQuote.usablePrice();
        Quote quote{stock.ticker, m_includeExtendedHours ? lastPrice : brokerQuote.regularPrice(),
                    brokerQuote.lastTradeTime};
        if (!m_includeExtendedHours && brokerQuote.lastTradeIsExtendedHours() && lastPrice)
            qCDebug(lcMonitor).noquote() << stock.ticker << "traded at" << *lastPrice
                                         << "outside the regular session: recorded, not applied to its stop";
        auto outcome = StopLossEngine::apply(stock, quote, now, m_repeatPolicy);
        if (!outcome.warning.isEmpty() && !m_warnedTickers.contains(stock.ticker)) {
            qCWarning(lcMonitor).noquote() << outcome.warning;
            m_warnedTickers.insert(stock.ticker);
        }
        outcome.state.halted = brokerQuote.halted;
        outcome.state.quoteDelayed = brokerQuote.delayed;
        if (origin != QuoteOrigin::CatchUp) {
            // Watched up to now: a later catch-up starts here. A gap the catch-up has yet to check (the
            // stream's first quote after a start or a wake-up often comes before it) keeps its start.
            if (m_catchUp) {
                if (const QDateTime gap = m_catchUp->uncheckedGapStart(stock, now); gap.isValid())
                    outcome.state.catchUpFrom = gap;
            }
            outcome.state.checkedThrough = now;
            // A trade from before the current session (Friday's close on Monday before the open) was
            // judged in its own session: the state keeps the price, but no breach is raised from it, and
            // the alert bookkeeping stays as it was so a breach in the session itself is still alerted.
            if (outcome.breach && m_marketHours && m_marketHours->isStale(stock, brokerQuote.lastTradeTime)) {
                qCInfo(lcMonitor).noquote()
                    << stock.ticker << "is below its stop on a trade from before the current session ("
                    << brokerQuote.lastTradeTime.toString(Qt::ISODate) << "): no alert";
                outcome.breach.reset();
                outcome.state.lastAlertAt = stock.lastAlertAt;
                outcome.state.lastAlertMarketDay = stock.lastAlertMarketDay;
                outcome.state.belowStop = stock.belowStop;
            }
        } else if (outcome.breach) {
            outcome.breach->whileOffline = true;
        }
        if (!(outcome.state == stock))
            changed.append(outcome.state);
        // The price history (the chart) records every trade, extended hours included.
        if (lastPrice && *lastPrice > 0) {
            Quote trade = quote;
            trade.price = lastPrice;
            if (!trade.time.isValid())
                trade.time = now;
            recorded.append(RecordedQuote{trade, outcome.state.peak, outcome.state.stop});
        }
        // A snoozed ticker keeps trailing; its breaches are kept quiet until the snooze ends.
        const bool snoozed = stock.snoozedUntil.isValid() && stock.snoozedUntil > now;
        if (outcome.breach && snoozed) {
            qCInfo(lcMonitor).noquote() << stock.ticker << "is below its stop but snoozed until"
                                        << stock.snoozedUntil.toString(Qt::ISODate);
        } else if (outcome.breach) {
            report.breaches.append(*outcome.breach);
            breachedStocks.append(outcome.state);
        }
    }
    // Each new state is saved with the alert for its breach, in its own savepoint: a ticker whose state
    // cannot be saved (a value the database refuses) is reported alone and the others stay guarded. The
    // price history of the rest is saved in the same transaction.
    QSet<QString> changedTickers;
    for (const StockState &state : std::as_const(changed))
        changedTickers.insert(state.ticker);
    const auto recordBreachOf = [&](const QString &ticker) -> Status {
        for (qsizetype i = 0; m_recordBreach && i < report.breaches.size(); ++i) {
            if (report.breaches[i].ticker != ticker)
                continue;
            if (Status stored = m_recordBreach(report.breaches[i], breachedStocks[i]); !stored.ok())
                return stored;
        }
        return success();
    };
    const auto afterAll = [&](const WatchlistService::NotSaved &notSaved) -> Status {
        for (const Breach &breach : std::as_const(report.breaches)) {
            if (changedTickers.contains(breach.ticker))
                continue; // recorded with its state
            if (Status stored = recordBreachOf(breach.ticker); !stored.ok())
                return stored;
        }
        recorded.removeIf([&](const RecordedQuote &held) { return notSaved.contains(held.quote.ticker); });
        if (m_recordQuotes && !recorded.isEmpty())
            return m_recordQuotes(recorded, origin);
        return success();
    };
    const auto saved = m_watchlist.saveEach(
        changed, [&](const StockState &state) { return recordBreachOf(state.ticker); }, afterAll);
    if (!saved.ok())
        return saved.error();
    for (auto it = saved.value().cbegin(); it != saved.value().cend(); ++it) {
        qCWarning(lcMonitor).noquote() << "Could not save the new state of" << it.key()
                                       << "(the other tickers are saved):" << it.value().message;
        report.notSaved.insert(it.key(), it.value().message);
    }
    report.breaches.removeIf([&](const Breach &breach) { return report.notSaved.contains(breach.ticker); });
    for (const StockState &stock : current.value()) {
        if (stock.symbolId && bySymbol.contains(*stock.symbolId) && !report.notSaved.contains(stock.ticker))
            report.applied.append(stock.ticker);
    }
    report.updated = int(changed.size() - report.notSaved.size());
    for (const Breach &breach : std::as_const(report.breaches)) {
        qCWarning(lcMonitor).noquote()
            << QStringLiteral("Stop-loss breach: %1 %2 < stop %3 (peak %4, ratio %5)")
                       .arg(breach.ticker, QString::number(breach.price, 'f', 2),
                            QString::number(breach.stop, 'f', 2), QString::number(breach.peak, 'f', 2),
                            QString::number(breach.ratio, 'g', 4)) +
                   (breach.whileOffline
                        ? QStringLiteral(" - stop breached while offline at %1 Toronto time")
                              .arg(
                                  breach.quoteTime.toTimeZone(MarketCalendar::exchangeTimeZone(breach.ticker))
                                      .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                        : QString());
        Q_EMIT breachDetected(breach);
    }
    Q_EMIT quotesApplied(origin, report);
    return report;
}

void Monitor::finishCycle(const QString &error)
{
    m_current.finishedAt = m_clock.now();
    m_current.error = error;
    m_current.ok = error.isEmpty();
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
        qCWarning(lcMonitor).noquote() << "Cycle failed:" << error;
    }
    Q_EMIT cycleFinished(m_lastReport);
    if (m_checkRequested) {
        checkNow();
        return;
    }
    if (m_active)
        scheduleNext();
}

void Monitor::scheduleNext()
{
    if (sleepingWhileClosed()) {
        // Until the next open (when known), waking every kClosedWakeUp: a new day's sessions, a catch-up
        // after sleep, and a clock that moved are all noticed without polling.
        qint64 wait = std::chrono::seconds(kClosedWakeUp).count();
        const QDateTime now = m_clock.now();
        if (m_marketState.nextOpen.isValid())
            wait = std::clamp<qint64>(now.secsTo(m_marketState.nextOpen), 1, wait);
        m_timer.start(std::chrono::seconds(wait));
        m_nextCheck = m_marketState.nextOpen;
        Q_EMIT scheduleChanged(m_nextCheck);
        return;
    }
    const std::chrono::seconds interval = std::max(m_interval, m_backupInterval);
    m_timer.start(interval);
    m_nextCheck = m_clock.now().addSecs(interval.count());
    Q_EMIT scheduleChanged(m_nextCheck);
}

} // namespace trailguard
