#pragma once

#include "broker/BrokerTypes.h"
#include "common/Result.h"
#include "storage/PriceHistoryRepository.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <deque>

namespace trailguard {

class Clock;
class QuestradeClient;
class WatchlistService;

// Fills the price history with a year of daily candles per watched ticker (questrade-api.md §4), once
// the ticker has its Questrade symbol id: at start for every stock missing history, and for a new
// ticker after the cycle that resolved it (call checkWatchlist after each monitor cycle). Stored candles
// are re-used: only the ranges not fetched before are asked for (candle_coverage), so a restart or a
// re-added ticker costs at most a request for the days since. Tickers are fetched one after the other
// (the network is asynchronous, a year of daily candles is ~250 rows: stored in one transaction each).
class CandleBackfill : public QObject {
    Q_OBJECT
public:
    struct Target {
        QString ticker;
        qint64 symbolId = 0;
    };

    // `repository` must use a connection of this thread; all must outlive the backfill.
    CandleBackfill(QuestradeClient &client, PriceHistoryRepository &repository, WatchlistService &watchlist,
                   const Clock &clock, QObject *parent = nullptr);
    ~CandleBackfill() override;

    // How far back a backfill reaches (default 365 days, from Eastern midnight).
    void setDays(int days) { m_days = days; }
    int days() const { return m_days; }

    // Queues every watched stock with a symbol id that was not backfilled in this run yet.
    void checkWatchlist();
    // Queues these tickers (again, even if done before in this run).
    void backfill(const QList<Target> &targets);

    // The daily-candle ranges still to fetch for a ticker at `now`: the part of the last `days` days not
    // covered yet, each start moved back to its Eastern midnight (so a day's candle is replaced, not
    // doubled). A missing stretch within today after covered history is left to the live quotes.
    Result<QList<TimeRange>> rangesToFetch(const QString &ticker, const QDateTime &now) const;

    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // Tickers done (or failed) out of those queued since the backfill was last idle.
    void progressChanged(int done, int total);
    // One ticker is complete: `candles` stored, or the error.
    void tickerFinished(const QString &ticker, int candles, const trailguard::Status &status);
    // The queue is empty again; `failed` tickers will be tried again at the next checkWatchlist.
    void finished(int done, int failed);

private:
    struct Job;
    void startNext();
    void fetchNextRange(const std::shared_ptr<Job> &job);
    void finishJob(const std::shared_ptr<Job> &job, const Status &status);

    QuestradeClient &m_client;
    PriceHistoryRepository &m_repository;
    WatchlistService &m_watchlist;
    const Clock &m_clock;
    int m_days = 365;
    std::deque<Target> m_queue;
    QHash<QString, qint64> m_queued; // ticker -> symbol id, queued or done in this run
    bool m_running = false;
    int m_done = 0;
    int m_total = 0;
    int m_failed = 0;
};

} // namespace trailguard
