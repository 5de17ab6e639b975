#pragma once

#include "broker/BrokerTypes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <chrono>

namespace trailguard {

// One Questrade token chain as it is kept in the SecretStore: everything one exchange produced, written
// as ONE blob under kSecretKey so the refresh token, the access token, api_server and the expiry can
// never be stored half-updated.
struct TokenSet {
    // The SecretStore key of the blob.
    static QString secretKey() { return QStringLiteral("questrade/tokens"); }

    QByteArray refreshToken; // single-use: spent by the next exchange
    QByteArray accessToken;
    QUrl apiServer;            // e.g. https://api03.iq.questrade.com/
    QDateTime accessIssuedAt;  // UTC
    QDateTime accessExpiresAt; // UTC
    BrokerEnvironment environment = BrokerEnvironment::Live;
    // Hex SHA-256 of the environment bootstrap token this chain started from (never the token itself);
    // empty when the chain started from the connect dialog.
    QByteArray bootstrapHash;
    // Questrade refused refreshToken: nothing but a new token from the user helps.
    bool rejected = false;

    // The hash kept in bootstrapHash.
    static QByteArray hashBootstrapToken(const QByteArray &token);

    // True while the access token may be used: not yet within `margin` of its expiry. The margin shrinks
    // to half the token's lifetime for short-lived tokens, so a fresh token is always usable.
    bool accessTokenUsable(const QDateTime &now, std::chrono::seconds margin) const;

    // This chain after Questrade refused its refresh token: both tokens dropped, marked rejected.
    TokenSet asRejected() const;

    // The blob: compact JSON with a "format" version.
    QByteArray toJson() const;
    // Reads a blob written by toJson; an error says what is wrong (never quoting a token).
    static Result<TokenSet> fromJson(const QByteArray &json);

    bool operator==(const TokenSet &) const = default;
};

} // namespace trailguard
