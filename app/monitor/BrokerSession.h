#pragma once

#include "broker/QuestradeAuth.h"
#include "broker/QuestradeClient.h"
#include "broker/RateLimiter.h"
#include "monitor/CatchUp.h"
#include "monitor/MarketHours.h"
#include "monitor/Monitor.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QProcessEnvironment>

#include <memory>

namespace trailguard {

class Clock;
class SecretRedactor;
class SecretStore;
class WatchlistService;

// The connected half of Trailguard, the same for the window and for --headless: the network access
// manager, the token chain (QuestradeAuth over a SecretStore), the shared rate limiter, the REST client
// and the monitor loop, built in the right order and torn down in the reverse one.
class BrokerSession : public QObject {
    Q_OBJECT
public:
    struct Options {
        QuestradeAuth::Options auth;
        QuestradeClient::Options client;
    };

    // `secrets`, `watchlist`, `clock` must outlive the session.
    BrokerSession(SecretStore &secrets, WatchlistService &watchlist, const Clock &clock, Options options,
                  QObject *parent = nullptr);
    ~BrokerSession() override;

    QNetworkAccessManager &network() { return m_network; }
    QuestradeAuth &auth() { return *m_auth; }
    RateLimiter &rateLimiter() { return *m_limiter; }
    QuestradeClient &client() { return *m_client; }
    Monitor &monitor() { return *m_monitor; }
    MarketHours &marketHours() { return *m_marketHours; }
    CatchUp &catchUp() { return *m_catchUp; }

    // Market hours (v1/markets) and the offline catch-up for the monitor: scheduled polls only while a
    // watched market is open (plus `grace`) unless `pollOnlyWhileOpen` is false, no breach from a quote of
    // an earlier session, and minute candles checked after downtime. Off until called, so a bare session
    // (tests of the loop) polls at every interval as before.
    void enableMarketHours(bool pollOnlyWhileOpen, std::chrono::seconds grace);

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<QuestradeAuth> m_auth;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<QuestradeClient> m_client;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<MarketHours> m_marketHours;
    std::unique_ptr<CatchUp> m_catchUp;
};

} // namespace trailguard
