#pragma once

#include "common/Clock.h"
#include "demo/HttpMessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QUrl>

namespace trailguard {

// The fake server's OAuth side (questrade-api.md §1): single-use refresh tokens that rotate on every
// exchange, and access tokens that expire.
class FakeTokenIssuer {
public:
    static constexpr int kDefaultAccessLifetimeSeconds = 1800;

    QByteArray issueRefreshToken();
    void addRefreshToken(const QByteArray &token);
    void setAccessTokenLifetime(int seconds);
    void expireAccessTokens();
    void revokeAll();
    int exchanges() const;
    // Where expiry times come from (not owned); the system clock unless set.
    void setClock(const Clock &clock) { m_clock = &clock; }

    // Known and not expired.
    bool acceptsAccessToken(const QByteArray &token) const;

    // A refresh_token grant from the query or a form body: a new access token and the next refresh
    // token, with `apiServer` as api_server; a token that is unknown, used or revoked: a bare 400.
    http::Response exchange(const http::Request &request, const QByteArray &rawQuery, const QUrl &apiServer);

private:
    QDateTime now() const { return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc(); }

    const Clock *m_clock = nullptr;
    QSet<QByteArray> m_refreshTokens;
    QHash<QByteArray, QDateTime> m_accessTokens; // token -> expiry (UTC)
    int m_accessLifetime = kDefaultAccessLifetimeSeconds;
    int m_exchanges = 0;
};

} // namespace trailguard
