#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <QObject>
#include <QStringList>

#include <chrono>

namespace trailguard {

class HoldingRepository;
class Portfolio;
class QuestradeClient;
class WatchlistService;

// How one sync went.
struct PortfolioSyncReport {
    int accounts = 0;        // accounts asked
    int accountsUpdated = 0; // accounts whose positions were stored
    QStringList disappeared; // watched tickers no longer held in any imported account
    QStringList problems;    // one line per account that failed
    bool ok() const { return problems.isEmpty(); }
};

// Keeps the imported accounts' positions current: on each sync (every `interval` while started, and on
// demand) it fetches every imported account's positions and replaces what is stored. A watched ticker that
// was held before and is held in none of the accounts any more is announced with positionsDisappeared, so
// the window can ask whether to keep watching it; nothing is removed here. An account whose call fails
// keeps its last known positions (and so never makes a position "disappear").
class PortfolioSync : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::seconds kDefaultInterval{300};

    PortfolioSync(QuestradeClient &client, WatchlistService &watchlist, HoldingRepository &holdings,
                  Portfolio &portfolio, const Clock &clock, QObject *parent = nullptr);

    void setInterval(std::chrono::seconds interval);
    std::chrono::seconds interval() const { return m_interval; }

    // Syncs now, then every interval, until stop().
    void start();
    void stop();
    bool isActive() const { return m_timer->isActive(); }
    bool isSyncing() const { return m_syncing; }

public Q_SLOTS:
    // Syncs at once (does nothing while a sync is running, or when no account was imported).
    void syncNow();

Q_SIGNALS:
    void syncStarted();
    void syncFinished(const trailguard::PortfolioSyncReport &report);
    // Watched tickers that none of the imported accounts holds any more.
    void positionsDisappeared(const QStringList &tickers);

private:
    QStringList watchedTickers() const;

    QuestradeClient &m_client;
    WatchlistService &m_watchlist;
    HoldingRepository &m_holdings;
    Portfolio &m_portfolio;
    const Clock &m_clock;
    std::chrono::seconds m_interval = kDefaultInterval;
    std::unique_ptr<ClockTimer> m_timer;
    bool m_syncing = false;
};

} // namespace trailguard
