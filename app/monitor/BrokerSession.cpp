#include "monitor/BrokerSession.h"

#include "secrets/SecretStore.h"
#include "watchlist/WatchlistService.h"

namespace trailguard {

BrokerSession::BrokerSession(SecretStore &secrets, WatchlistService &watchlist, const Clock &clock,
                             Options options, QObject *parent)
    : QObject(parent)
    , m_auth(std::make_unique<QuestradeAuth>(&m_network, secrets, clock, options.auth))
    , m_limiter(std::make_unique<RateLimiter>(clock))
    , m_client(std::make_unique<QuestradeClient>(&m_network, *m_auth, *m_limiter, options.client))
    , m_monitor(std::make_unique<Monitor>(watchlist, *m_client, clock))
{
    // TLS errors are never ignored: QNetworkAccessManager refuses them unless told otherwise, and we never
    // do.
    m_network.setAutoDeleteReplies(false);
}

BrokerSession::~BrokerSession()
{
    m_monitor->stop();
}

} // namespace trailguard
