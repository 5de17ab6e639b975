#include "runners/PriceHistory.h"

#include "history/QuoteHistoryRecorder.h"
#include "monitor/BrokerSession.h"
#include "settings/Settings.h"
#include "storage/Database.h"

namespace trailguard {

PriceHistory::PriceHistory(Database &database, BrokerSession &session, WatchlistService &watchlist,
                           const Settings &settings, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_session(session)
    , m_settings(settings)
    , m_repository(database.connection())
    , m_backfill(std::make_unique<CandleBackfill>(session.client(), m_repository, watchlist, clock))
    , m_retention(std::make_unique<HistoryRetentionSchedule>(database.filePath(), clock))
{}

PriceHistory::~PriceHistory()
{
    m_session.monitor().setQuoteRecorder({});
}

void PriceHistory::start(bool background)
{
    Monitor &monitor = m_session.monitor();
    monitor.setQuoteRecorder(quoteHistoryRecorder(m_database.connection()));
    if (!background)
        return;
    // After every cycle: stocks that got their symbol id (new tickers, or all of them after a start).
    connect(&monitor, &Monitor::cycleFinished, m_backfill.get(), [this] { m_backfill->checkWatchlist(); });
    const int days = std::max(1, m_settings.rawQuoteDays());
    m_retention->setAge(std::chrono::hours(24 * days));
    m_retention->start();
}

} // namespace trailguard
