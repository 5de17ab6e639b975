#pragma once

#include "history/CandleBackfill.h"
#include "history/HistoryRetention.h"
#include "storage/PriceHistoryRepository.h"

#include <QObject>

#include <memory>

namespace trailguard {

class BrokerSession;
class Clock;
class Database;
class Settings;
class WatchlistService;

// The price history of one run, the same for the window and --headless: every processed quote recorded
// by the monitor (in its cycle's transaction), a year of daily candles backfilled per ticker once it has
// its symbol id (checked after every monitor cycle), and the retention pass at start and once a day.
class PriceHistory : public QObject {
    Q_OBJECT
public:
    // All must outlive this object; `database` is the connection of this (the GUI) thread.
    PriceHistory(Database &database, BrokerSession &session, WatchlistService &watchlist,
                 const Settings &settings, const Clock &clock, QObject *parent = nullptr);
    ~PriceHistory() override;

    // Installs the quote recorder and, with `background`, follows the monitor's cycles for the backfill
    // and starts the retention schedule (a one-shot run only records).
    void start(bool background = true);

    PriceHistoryRepository &repository() { return m_repository; }
    CandleBackfill &backfill() { return *m_backfill; }
    HistoryRetentionSchedule &retention() { return *m_retention; }

private:
    Database &m_database;
    BrokerSession &m_session;
    const Settings &m_settings;
    PriceHistoryRepository m_repository;
    std::unique_ptr<CandleBackfill> m_backfill;
    std::unique_ptr<HistoryRetentionSchedule> m_retention;
};

} // namespace trailguard
