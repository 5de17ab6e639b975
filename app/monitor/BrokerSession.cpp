#include "monitor/BrokerSession.h"

#include "secrets/SecretStore.h"
#include "watchlist/WatchlistService.h"

#include <QNetworkInformation>

namespace trailguard {

BrokerSession::BrokerSession(SecretStore &secrets, WatchlistService &watchlist, const Clock &clock,
                             Options options, QObject *parent)
    : QObject(parent)
    , m_auth(std::make_unique<QuestradeAuth>(&m_network, secrets, clock, options.auth))
    , m_limiter(std::make_unique<RateLimiter>(clock))
    , m_client(std::make_unique<QuestradeClient>(&m_network, *m_auth, *m_limiter, options.client))
    , m_monitor(std::make_unique<Monitor>(watchlist, *m_client, clock))
    , m_marketHours(std::make_unique<MarketHours>(*m_client, clock))
    , m_catchUp(std::make_unique<CatchUp>(*m_monitor, watchlist, *m_client, m_marketHours.get(), clock))
{
    // TLS errors are never ignored: QNetworkAccessManager refuses them unless told otherwise, and we never
    // do.
    m_network.setAutoDeleteReplies(false);
}

BrokerSession::~BrokerSession()
{
    m_monitor->stop();
}

void BrokerSession::enableMarketHours(bool pollOnlyWhileOpen, std::chrono::seconds grace)
{
    m_marketHours->setGracePeriod(grace);
    m_monitor->setMarketHours(m_marketHours.get());
    m_monitor->setPollOnlyWhileOpen(pollOnlyWhileOpen);
    m_monitor->setCatchUp(m_catchUp.get());
    // The network is back (when the platform says so): check, and catch up what was missed, now.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, m_monitor.get(),
                [monitor = m_monitor.get()](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online)
                        monitor->resumeAfterGap();
                });
    }
}

} // namespace trailguard
