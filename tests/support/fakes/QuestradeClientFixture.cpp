#include "fakes/QuestradeClientFixture.h"

#include <QTest>

namespace trailguard::test {

namespace {
constexpr int kConnectWaitMs = 20000;
}

QuestradeClientFixture::QuestradeClientFixture(QuestradeClient::Options options)
    : m_options(options)
{}

QuestradeClientFixture::~QuestradeClientFixture()
{
    m_client.reset();
    m_limiter.reset();
    m_auth.reset();
}

bool QuestradeClientFixture::connect()
{
    if (!m_server.listen()) {
        qWarning("The fake Questrade server cannot listen");
        return false;
    }
    QuestradeAuth::Options authOptions;
    authOptions.loginUrlOverride = m_server.loginUrl().toString();
    m_auth = std::make_unique<QuestradeAuth>(&m_network, m_store, m_clock, authOptions);
    m_limiter = std::make_unique<RateLimiter>(m_clock);
    m_client = std::make_unique<QuestradeClient>(&m_network, *m_auth, *m_limiter, m_options);
    m_auth->connectWithRefreshToken(m_server.issueRefreshToken(), BrokerEnvironment::Live);
    if (!QTest::qWaitFor([this] { return m_auth->state() == ConnectionState::Connected; }, kConnectWaitMs)) {
        qWarning("The client did not connect to the fake Questrade server: %s",
                 qPrintable(m_auth->stateMessage()));
        return false;
    }
    m_server.clearRequests();
    return true;
}

} // namespace trailguard::test
