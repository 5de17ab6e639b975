#include "history/CandleBackfill.h"

#include "broker/QuestradeClient.h"
#include "common/Clock.h"
#include "domain/MarketCalendar.h"
#include "history/HistoryLogging.h"
#include "watchlist/WatchlistService.h"

#include <QSet>

namespace trailguard {

namespace {
QDateTime easternMidnight(const QDateTime &time)
{
    const QTimeZone zone = MarketCalendar::easternZone();
    return QDateTime(time.toTimeZone(zone).date(), QTime(0, 0), zone).toUTC();
}
} // namespace

struct CandleBackfill::Job {
    Target target;
    QList<TimeRange> ranges;
    int stored = 0;
};

CandleBackfill::CandleBackfill(QuestradeClient &client, PriceHistoryRepository &repository,
                               WatchlistService &watchlist, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
    , m_watchlist(watchlist)
    , m_clock(clock)
{}

CandleBackfill::~CandleBackfill() = default;

void CandleBackfill::checkWatchlist()
{
    const Result<QList<StockState>> stocks = m_watchlist.stocks();
    if (!stocks)
        return;
    QList<Target> fresh;
    QSet<QString> watched;
    for (const StockState &stock : stocks.value()) {
        watched.insert(stock.ticker);
        if (!stock.symbolId || *stock.symbolId <= 0)
            continue;
        if (m_queued.value(stock.ticker) == *stock.symbolId)
            continue;
        fresh.append(Target{stock.ticker, *stock.symbolId});
    }
    // A ticker removed from the watchlist is forgotten, so adding it again brings its history up to date.
    for (auto it = m_queued.begin(); it != m_queued.end();) {
        if (!watched.contains(it.key()))
            it = m_queued.erase(it);
        else
            ++it;
    }
    if (!fresh.isEmpty())
        backfill(fresh);
}

void CandleBackfill::backfill(const QList<Target> &targets)
{
    for (const Target &target : targets) {
        if (target.symbolId <= 0)
            continue;
        m_queued.insert(target.ticker, target.symbolId);
        m_queue.push_back(target);
        ++m_total;
    }
    Q_EMIT progressChanged(m_done, m_total);
    if (!m_running)
        startNext();
}

Result<QList<TimeRange>> CandleBackfill::rangesToFetch(const QString &ticker, const QDateTime &now) const
{
    const QDateTime today = easternMidnight(now);
    const QTimeZone zone = MarketCalendar::easternZone();
    const QDateTime first =
        QDateTime(now.toTimeZone(zone).date().addDays(-m_days), QTime(0, 0), zone).toUTC();
    Result<QList<TimeRange>> missing =
        m_repository.missingRanges(ticker, CandleInterval::OneDay, TimeRange{first, now});
    if (!missing)
        return missing.error();
    QList<TimeRange> ranges;
    for (const TimeRange &range : missing.value()) {
        if (range.start > first && range.start >= today)
            continue; // only today is missing: the live quotes cover it
        const TimeRange aligned{easternMidnight(range.start), range.end};
        if (!ranges.isEmpty() && aligned.start <= ranges.constLast().end)
            ranges.last().end = aligned.end;
        else
            ranges.append(aligned);
    }
    return ranges;
}

void CandleBackfill::startNext()
{
    if (m_queue.empty()) {
        const bool wasRunning = m_running;
        m_running = false;
        if (wasRunning) {
            qCInfo(lcHistory, "Price history backfill done: %d tickers, %d failed", m_done, m_failed);
            Q_EMIT finished(m_done, m_failed);
        }
        m_done = 0;
        m_total = 0;
        m_failed = 0;
        return;
    }
    m_running = true;
    auto job = std::make_shared<Job>();
    job->target = m_queue.front();
    m_queue.pop_front();
    const Result<QList<TimeRange>> ranges = rangesToFetch(job->target.ticker, m_clock.now());
    if (!ranges) {
        finishJob(job, ranges.error());
        return;
    }
    job->ranges = ranges.value();
    if (!job->ranges.isEmpty())
        qCInfo(lcHistory, "Backfilling %s: %lld range(s) of daily candles",
               qUtf8Printable(job->target.ticker), static_cast<long long>(job->ranges.size()));
    fetchNextRange(job);
}

void CandleBackfill::fetchNextRange(const std::shared_ptr<Job> &job)
{
    if (job->ranges.isEmpty()) {
        finishJob(job, success());
        return;
    }
    const TimeRange range = job->ranges.takeFirst();
    m_client.fetchCandles(job->target.symbolId, range.start, range.end, CandleInterval::OneDay, this,
                          [this, job, range](Result<QList<Candle>> candles) {
                              if (!candles) {
                                  finishJob(job, candles.error());
                                  return;
                              }
                              const Status stored = m_repository.storeCandles(
                                  job->target.ticker, CandleInterval::OneDay, candles.value(), range);
                              if (!stored) {
                                  finishJob(job, stored.error());
                                  return;
                              }
                              job->stored += int(candles.value().size());
                              fetchNextRange(job);
                          });
}

void CandleBackfill::finishJob(const std::shared_ptr<Job> &job, const Status &status)
{
    if (!status.ok()) {
        ++m_failed;
        m_queued.remove(job->target.ticker); // tried again at the next check
        qCWarning(lcHistory, "Backfill of %s failed: %s", qUtf8Printable(job->target.ticker),
                  qUtf8Printable(status.error().message));
    }
    ++m_done;
    qCInfo(lcHistory, "Price history backfill: %d/%d tickers (%s: %d daily candles)", m_done, m_total,
           qUtf8Printable(job->target.ticker), job->stored);
    Q_EMIT tickerFinished(job->target.ticker, job->stored, status);
    Q_EMIT progressChanged(m_done, m_total);
    startNext();
}

} // namespace trailguard
