#include "monitor/CatchUp.h"

#include "broker/QuestradeClient.h"
#include "domain/StopLossEngine.h"
#include "monitor/MarketHours.h"
#include "monitor/Monitor.h"
#include "monitor/MonitorLogging.h"
#include "watchlist/WatchlistService.h"

#include <QHash>
#include <QPointer>

#include <algorithm>

namespace trailguard {

struct CatchUp::Job {
    QDateTime now;
    QPointer<QObject> context;
    std::function<void()> done;
    QList<StockState> pending;
    QHash<QString, QList<Candle>> candles; // ticker → its minute candles, for the fetches that worked
    QHash<QString, QDateTime> gapStart;
    QHash<QString, QDateTime> failed; // ticker → start of its gap, for the fetches that failed
    int outstanding = 0;
};

CatchUp::CatchUp(Monitor &monitor, WatchlistService &watchlist, QuestradeClient &client, MarketHours *hours,
                 const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_watchlist(watchlist)
    , m_client(client)
    , m_hours(hours)
    , m_clock(clock)
{}

CatchUp::~CatchUp() = default;

QDateTime CatchUp::gapStart(const StockState &stock, const QDateTime &now) const
{
    QDateTime start = stock.checkedThrough;
    if (stock.catchUpFrom.isValid() && (!start.isValid() || stock.catchUpFrom < start))
        start = stock.catchUpFrom;
    if (!start.isValid())
        return start;
    return std::max(start, now.addSecs(-qint64(kMaxGap.count()) * 3600));
}

QDateTime CatchUp::uncheckedGapStart(const StockState &stock, const QDateTime &now) const
{
    return isDue(stock, now) ? gapStart(stock, now) : QDateTime();
}

bool CatchUp::isDue(const StockState &stock, const QDateTime &now) const
{
    const QDateTime start = gapStart(stock, now);
    if (!start.isValid() || !stock.symbolId || stock.symbolNotFound)
        return false;
    // A running monitor covers gaps up to about an interval by itself; after start-up any gap counts.
    const qint64 threshold = m_ranBefore ? 2 * m_monitor.interval().count() + 60 : 60;
    if (start.secsTo(now) <= threshold)
        return false;
    if (!m_hours || !m_hours->isKnown())
        return true; // no market data: only the candles can tell
    const MarketCalendarDay &day = m_hours->today();
    if (MarketHours::torontoDate(start) < day.day())
        return true; // earlier days: v1/markets only describes today, the candles decide
    const QString market = day.marketFor(stock);
    if (market.isEmpty())
        return true;
    const auto session = day.sessionToday(market);
    if (!session)
        return false; // closed all day (holiday, weekend)
    const QDateTime end = session->end.addSecs(m_hours->gracePeriod().count());
    return start < end && now > session->start;
}

QList<Candle> CatchUp::inTradingHours(const StockState &stock, const QList<Candle> &candles) const
{
    if (!m_hours || !m_hours->isKnown())
        return candles;
    const MarketCalendarDay &day = m_hours->today();
    const QString market = day.marketFor(stock);
    if (market.isEmpty())
        return candles;
    const auto session = day.sessionToday(market);
    QList<Candle> kept;
    for (const Candle &candle : candles) {
        if (MarketHours::torontoDate(candle.start) < day.day()) {
            kept.append(candle);
            continue;
        }
        // Today: the regular session and its grace period only, like live polling.
        if (session && candle.end > session->start &&
            candle.start < session->end.addSecs(m_hours->gracePeriod().count()))
            kept.append(candle);
    }
    return kept;
}

QList<CatchUp::Step> CatchUp::significantSteps(const StockState &state, const QList<Candle> &candles,
                                               const QDateTime &now, RepeatPolicy policy)
{
    // What a quote may change without mattering to what follows: the last price and its time.
    const auto material = [](StockState s) {
        s.lastPrice.reset();
        s.lastQuoteAt = QDateTime();
        return s;
    };
    QList<Step> steps;
    if (!state.symbolId)
        return steps;
    StockState simulated = state;
    bool breached = false;
    const auto consider = [&](const Candle &candle, int phase, double price, bool keepAnyway) {
        if (breached && phase != 1)
            return;
        const Quote quote{state.ticker, price, candle.start};
        const StopLossEngine::Outcome outcome = StopLossEngine::apply(simulated, quote, now, policy);
        const bool matters = outcome.breach.has_value() || !(material(outcome.state) == material(simulated));
        if (!matters && !keepAnyway)
            return;
        simulated = outcome.state;
        steps.append(Step{candle.start, phase, *state.symbolId, price});
        breached = breached || outcome.breach.has_value();
    };
    for (qsizetype i = 0; i < candles.size(); ++i) {
        const Candle &candle = candles[i];
        consider(candle, 0, candle.low, false);
        consider(candle, 1, candle.high, false);
        if (i == candles.size() - 1)
            consider(candle, 2, candle.close, true);
    }
    return steps;
}

void CatchUp::run(const QList<StockState> &stocks, QObject *context, std::function<void()> done)
{
    auto job = std::make_shared<Job>();
    job->now = m_clock.now();
    job->context = context;
    job->done = std::move(done);
    QList<QString> idle;
    for (const StockState &stock : stocks) {
        if (isDue(stock, job->now))
            job->pending.append(stock);
        else
            idle.append(stock.ticker);
    }
    m_ranBefore = true;
    markWatched(idle, job->now, true);
    if (job->pending.isEmpty()) {
        job->done();
        return;
    }
    job->outstanding = int(job->pending.size());
    for (const StockState &stock : std::as_const(job->pending)) {
        const QDateTime start = gapStart(stock, job->now);
        job->gapStart.insert(stock.ticker, start);
        qCInfo(lcMonitor).noquote() << QStringLiteral("Catching up %1 from %2 to %3")
                                           .arg(stock.ticker, start.toString(Qt::ISODate),
                                                job->now.toString(Qt::ISODate));
        m_client.fetchCandles(*stock.symbolId, start, job->now, CandleInterval::OneMinute, context,
                              [this, job, ticker = stock.ticker, start](Result<QList<Candle>> candles) {
                                  if (candles.ok())
                                      job->candles.insert(ticker, candles.value());
                                  else
                                      job->failed.insert(ticker, start);
                                  if (!candles.ok())
                                      qCWarning(lcMonitor).noquote()
                                          << "Catch-up of" << ticker
                                          << "failed, tried again later:" << candles.error().message;
                                  if (--job->outstanding == 0)
                                      apply(job);
                              });
    }
}

void CatchUp::apply(const std::shared_ptr<Job> &job)
{
    const auto current = m_watchlist.stocks();
    if (!current.ok()) {
        qCWarning(lcMonitor).noquote() << "Catch-up could not read the watchlist:" << current.error().message;
        keepGaps(job->failed);
        if (job->context)
            job->done();
        return;
    }
    QList<Step> steps;
    QList<QString> caught;
    int candleCount = 0;
    for (const StockState &stock : current.value()) {
        const auto found = job->candles.constFind(stock.ticker);
        if (found == job->candles.constEnd())
            continue;
        const QList<Candle> candles = inTradingHours(stock, *found);
        candleCount += int(candles.size());
        steps += significantSteps(stock, candles, job->now, m_monitor.repeatPolicy());
        caught.append(stock.ticker);
    }
    std::stable_sort(steps.begin(), steps.end(), [](const Step &a, const Step &b) {
        return a.time != b.time ? a.time < b.time : a.phase < b.phase;
    });
    // One engine pass per instant and phase, every ticker of that minute together, in time order.
    int breaches = 0;
    bool failed = false;
    for (qsizetype i = 0; i < steps.size() && !failed;) {
        QList<BrokerQuote> batch;
        const qsizetype first = i;
        for (; i < steps.size() && steps[i].time == steps[first].time && steps[i].phase == steps[first].phase;
             ++i) {
            BrokerQuote quote;
            quote.symbolId = steps[i].symbolId;
            quote.lastTradePrice = steps[i].price;
            quote.lastTradeTime = steps[i].time;
            batch.append(quote);
        }
        const Result<QuoteBatchReport> applied = m_monitor.applyQuotes(batch, QuoteOrigin::CatchUp);
        if (!applied.ok()) {
            qCWarning(lcMonitor).noquote() << "Catch-up could not be saved:" << applied.error().message;
            failed = true;
        } else {
            breaches += int(applied.value().breaches.size());
        }
    }
    if (!failed) {
        markWatched(caught, job->now, false);
    } else {
        for (const QString &ticker : std::as_const(caught))
            job->failed.insert(ticker, job->gapStart.value(ticker));
    }
    keepGaps(job->failed);
    qCInfo(lcMonitor).noquote() << QStringLiteral("Catch-up done: %1 tickers, %2 minute candles, %3 breaches "
                                                  "while offline")
                                       .arg(caught.size())
                                       .arg(candleCount)
                                       .arg(breaches);
    Q_EMIT caughtUp(int(caught.size()), breaches);
    if (job->context)
        job->done();
}

// Stores the start of each gap that could not be caught up with its ticker: the poll that follows moves
// checkedThrough on, and the app may be restarted before the next try.
void CatchUp::keepGaps(const QHash<QString, QDateTime> &gapStarts)
{
    if (gapStarts.isEmpty())
        return;
    const auto current = m_watchlist.stocks();
    if (!current.ok())
        return;
    QList<StockState> changed;
    for (StockState stock : current.value()) {
        const QDateTime start = gapStarts.value(stock.ticker);
        if (!start.isValid() || (stock.catchUpFrom.isValid() && stock.catchUpFrom <= start))
            continue;
        stock.catchUpFrom = start;
        changed.append(stock);
    }
    if (const Status saved = m_watchlist.saveCycle(changed); !saved.ok())
        qCWarning(lcMonitor).noquote() << "Could not keep the gaps to catch up:" << saved.error().message;
}

void CatchUp::markWatched(const QList<QString> &tickers, const QDateTime &through, bool onlyClosed)
{
    if (tickers.isEmpty())
        return;
    if (onlyClosed && (!m_hours || !m_hours->isKnown()))
        return;
    const auto current = m_watchlist.stocks();
    if (!current.ok())
        return;
    QList<StockState> changed;
    for (StockState stock : current.value()) {
        if (!tickers.contains(stock.ticker))
            continue;
        if (onlyClosed) {
            // Nothing trades while the market is closed: the time up to now is watched.
            const QString market = m_hours->today().marketFor(stock);
            if (market.isEmpty() || m_hours->today().isOpen(market, through, m_hours->gracePeriod()))
                continue;
        }
        const StockState before = stock;
        if (!stock.checkedThrough.isValid() || stock.checkedThrough < through)
            stock.checkedThrough = through;
        // A kept gap up to `through` is checked now (a live quote may have moved checkedThrough past it).
        if (stock.catchUpFrom.isValid() && stock.catchUpFrom <= through)
            stock.catchUpFrom = QDateTime();
        if (!(stock == before))
            changed.append(stock);
    }
    if (changed.isEmpty())
        return;
    if (const Status saved = m_watchlist.saveCycle(changed); !saved.ok())
        qCWarning(lcMonitor).noquote()
            << "Could not save the watched-through times:" << saved.error().message;
}

} // namespace trailguard
