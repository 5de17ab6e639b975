#pragma once

#include "fakes/TestQuestradeServer.h"

#include "broker/QuestradeAuth.h"
#include "broker/QuestradeClient.h"
#include "broker/RateLimiter.h"
#include "common/Clock.h"
#include "secrets/MemorySecretStore.h"

#include <QNetworkAccessManager>

#include <memory>

namespace trailguard::test {

// A QuestradeClient talking to a TestQuestradeServer on loopback, as the broker tests use it: network,
// auth on an in-memory secret store, rate limiter and client, connected with a fresh refresh token and
// with the request log cleared. Parts are destroyed client first, server last.
class QuestradeClientFixture {
public:
    explicit QuestradeClientFixture(QuestradeClient::Options options = {});
    ~QuestradeClientFixture();

    // Starts the server and connects the client; false (with a warning) when either fails.
    bool connect();

    TestQuestradeServer &server() { return m_server; }
    QuestradeAuth &auth() { return *m_auth; }
    QuestradeClient &client() { return *m_client; }

private:
    TestQuestradeServer m_server;
    MemorySecretStore m_store;
    SystemClock m_clock;
    QNetworkAccessManager m_network;
    QuestradeClient::Options m_options;
    std::unique_ptr<QuestradeAuth> m_auth;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<QuestradeClient> m_client;
};

} // namespace trailguard::test
