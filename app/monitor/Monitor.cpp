#include "monitor/Monitor.h"

#include "broker/QuestradeClient.h"
#include "domain/StopLossEngine.h"
#include "monitor/MonitorLogging.h"
#include "watchlist/WatchlistService.h"

#include <QCoreApplication>
#include <QHash>

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
}

void Monitor::setInterval(std::chrono::seconds interval)
{
    m_interval = std::clamp(interval, kMinimumInterval, kMaximumInterval);
    if (m_active && !m_cycleRunning)
        scheduleNext();
}

void Monitor::start()
{
    m_active = true;
    checkNow();
}

void Monitor::stop()
{
    ++m_generation;
    m_active = false;
    m_checkRequested = false;
    m_timer.stop();
    delete m_cycleContext; // drops the callbacks of a cycle in flight
    m_cycleContext = nullptr;
    m_cycleRunning = false; // dropped without cycleFinished: it neither succeeded nor failed
    m_nextCheck = QDateTime();
    Q_EMIT scheduleChanged(m_nextCheck);
}

void Monitor::checkNow()
{
    if (m_cycleRunning) {
        m_checkRequested = true;
        return;
    }
    m_timer.stop();
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
    m_current = CycleReport{};
    m_current.startedAt = m_clock.now();
    delete m_cycleContext;
    m_cycleContext = new QObject(this);
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
        fetchQuotes();
        return;
    }
    m_client.resolveSymbols(unresolved, m_cycleContext, [this](Result<QuestradeClient::SymbolMap> result) {
        if (!result.ok()) {
            // Tickers resolved earlier still get their quotes; the rest are tried again next cycle.
            qCWarning(lcMonitor) << "Symbol look-up failed:" << result.error().message;
            m_current.error = result.error().message;
            fetchQuotes();
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
            if (found->has_value()) {
                stock.symbolId = (*found)->symbolId;
                stock.currency = (*found)->currency;
                stock.symbolNotFound = false;
            } else {
                stock.symbolNotFound = true;
                qCWarning(lcMonitor).noquote()
                    << stock.ticker << "is not a Questrade listing; marked not found";
            }
            changed.append(stock);
        }
        m_current.resolved = int(changed.size());
        if (const Status saved = m_watchlist.saveCycle(changed); !saved.ok()) {
            finishCycle(saved.error().message);
            return;
        }
        fetchQuotes();
    });
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
        if (stock.symbolId && !stock.symbolNotFound && !ids.contains(*stock.symbolId))
            ids.append(*stock.symbolId);
    }
    if (ids.isEmpty()) {
        finishCycle(m_current.error);
        return;
    }
    m_client.fetchQuotes(ids, m_cycleContext, [this](Result<QList<BrokerQuote>> quotes) {
        if (!quotes.ok()) {
            finishCycle(quotes.error().message);
            return;
        }
        const Result<QuoteBatchReport> applied = applyQuotes(quotes.value(), QuoteOrigin::Poll);
        if (!applied.ok()) {
            finishCycle(applied.error().message);
            return;
        }
        m_current.quoted = applied.value().quoted;
        m_current.updated = applied.value().updated;
        m_current.breaches = applied.value().breaches;
        finishCycle(m_current.error);
    });
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
    QList<Quote> recorded;
    for (const StockState &stock : current.value()) {
        if (!stock.symbolId || !bySymbol.contains(*stock.symbolId))
            continue;
        const BrokerQuote &brokerQuote = bySymbol[*stock.symbolId];
        ++report.quoted;
        // A halted symbol's last trade is not a price to act on.
        Quote quote{stock.ticker, brokerQuote.usablePrice(), brokerQuote.lastTradeTime};
        auto outcome = StopLossEngine::apply(stock, quote, now, m_repeatPolicy);
        outcome.state.halted = brokerQuote.halted;
        outcome.state.quoteDelayed = brokerQuote.delayed;
        if (!(outcome.state == stock))
            changed.append(outcome.state);
        if (quote.price && *quote.price > 0) {
            if (!quote.time.isValid())
                quote.time = now;
            recorded.append(quote);
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
    // The new states, the alerts for their breaches and the price history are saved together, or not at all.
    const auto alsoInTransaction = [&]() -> Status {
        for (qsizetype i = 0; m_recordBreach && i < report.breaches.size(); ++i) {
            if (Status stored = m_recordBreach(report.breaches[i], breachedStocks[i]); !stored.ok())
                return stored;
        }
        if (m_recordQuotes && !recorded.isEmpty())
            return m_recordQuotes(recorded, origin);
        return success();
    };
    if (const Status saved = m_watchlist.saveCycle(changed, alsoInTransaction); !saved.ok())
        return saved.error();
    report.updated = int(changed.size());
    for (const Breach &breach : std::as_const(report.breaches)) {
        qCWarning(lcMonitor).noquote()
            << QStringLiteral("Stop-loss breach: %1 %2 < stop %3 (peak %4, ratio %5)")
                   .arg(breach.ticker, QString::number(breach.price, 'f', 2),
                        QString::number(breach.stop, 'f', 2), QString::number(breach.peak, 'f', 2),
                        QString::number(breach.ratio, 'g', 4));
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
    m_timer.start(m_interval);
    m_nextCheck = m_clock.now().addSecs(m_interval.count());
    Q_EMIT scheduleChanged(m_nextCheck);
}

} // namespace trailguard
