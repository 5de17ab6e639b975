#pragma once

#include "broker/BrokerTypes.h"
#include "broker/TokenSet.h"

#include <QByteArray>

namespace trailguard {

// One refresh token to exchange at Questrade's login host, and why.
struct TokenExchangeRequest {
    enum class Origin {
        Rotation,  // the held chain's next link
        Connect,   // a token the user pasted
        Bootstrap, // the environment's token (headless)
    };

    QByteArray refreshToken;
    BrokerEnvironment environment = BrokerEnvironment::Live;
    QByteArray bootstrapHash;
    Origin origin = Origin::Rotation;

    // The next rotation of `tokens`, the chain a process holds.
    static TokenExchangeRequest rotationOf(const TokenSet &tokens)
    {
        return {tokens.refreshToken, tokens.environment, tokens.bootstrapHash, Origin::Rotation};
    }
};

} // namespace trailguard
