#pragma once

// The inside of FakeQuestradeServer, shared by its two halves: FakeQuestradeServer.cpp (the set-up API
// the tests and the demo call) and FakeQuestradeRouting.cpp (how a request is checked and answered).

#include "demo/FakeMarketState.h"
#include "demo/FakeQuestradeEndpoints.h"
#include "demo/FakeQuestradeServer.h"
#include "demo/FakeQuoteStreamServer.h"
#include "demo/FakeRateLimiter.h"
#include "demo/FakeTokenIssuer.h"
#include "demo/LoopbackHttpServer.h"

namespace trailguard {

class FakeQuestradeServer::Private {
public:
    explicit Private(FakeQuestradeServer *owner)
        : q(owner)
    {
        http.setHandler([this](const http::Request &request) { return handle(request); });
        stream = new FakeQuoteStreamServer(
            [this](const QByteArray &token) { return tokens.acceptsAccessToken(token); },
            [this](qint64 symbolId) { return state.quoteRecord(symbolId); }, q);
    }

    LoopbackHttpServer::Answer handle(const http::Request &request);
    http::Response respond(const http::Request &request, const Request &record, const QByteArray &rawQuery);
    http::Response tokenEndpoint(const http::Request &request, const QByteArray &rawQuery);
    http::Response apiEndpoint(const http::Request &request, const Request &record,
                               const QByteArray &rawQuery);
    http::Response streamPort(const FakeQuestradeEndpoints::Params &params, const QString &rawQuery) const;
    FakeRateLimiter &limiter(Category category);

    FakeQuestradeServer *q;
    SystemClock systemClock;
    const Clock *clock = &systemClock;
    FakeTokenIssuer tokens;
    FakeMarketState state;
    Hooks *hooks = nullptr;

    FakeRateLimiter accountLimiter{30, 30000};
    FakeRateLimiter marketLimiter{20, 15000};
    FakeRateLimiter loginLimiter{0, 0};
    int maxQueryLength = FakeQuestradeServer::kIisMaxQueryLength;

    // streaming: the WebSocket side, created in the constructor, listening from listen() on
    FakeQuoteStreamServer *stream = nullptr; // a child of the server, so moveToThread takes it along
    bool streamingOffered = true;

    // Last, so it goes first: no answer is delivered into a half-destroyed server. A child of the server, so
    // moveToThread takes it along (a test or benchmark serving from another thread).
    LoopbackHttpServer http{q};
};

} // namespace trailguard
