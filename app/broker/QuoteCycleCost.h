#pragma once

#include "broker/RateLimiter.h"

#include <chrono>

namespace trailguard {

// What one full quote cycle of a watchlist costs against Questrade's rate limits (questrade-api.md §8):
// how many v1/markets/quotes calls, how long the per-second limit makes them take, and how often the hourly
// quota lets them repeat. Also the one-time symbol look-ups (v1/symbols?names=, the account bucket).
struct QuoteCycleCost {
    int tickers = 0;
    int quoteRequests = 0;                    // market-data calls per cycle
    std::chrono::milliseconds duration{0};    // paced by the per-second limit
    std::chrono::seconds shortestInterval{0}; // the cycle's duration or the hourly quota, whichever is longer
    int lookupRequests = 0;                   // names= calls to resolve every ticker once (account bucket)
    std::chrono::milliseconds lookupDuration{0};

    // How the client sends: QuestradeClient::Options' idsPerQuoteCall and maxInFlight, and an assumed
    // round trip per answer (the in-flight cap, not the rate limit, paces small watchlists).
    struct Client {
        int idsPerCall = 50;
        int maxInFlight = 3;
        std::chrono::milliseconds roundTrip{200};
        int tickerLength = 8; // a typical ticker with its suffix and comma ("ABCD.TO,"), for names=
    };

    static QuoteCycleCost estimate(int tickers, const Client &client, const RateLimiter::Options &limits);
    static QuoteCycleCost estimate(int tickers)
    {
        return estimate(tickers, Client{}, RateLimiter::Options{});
    }
    // How long `requests` calls take when at most `perSecond` go in each (1 s + guard) window and at most
    // `maxInFlight` wait for their answer at a time.
    static std::chrono::milliseconds pacedDuration(int requests, int perSecond, const Client &client,
                                                   std::chrono::milliseconds windowGuard);
    // Whether checking every `interval` asks more of Questrade than the limits allow.
    bool tooFrequent(std::chrono::seconds interval) const
    {
        return tickers > 0 && interval < shortestInterval;
    }
};

} // namespace trailguard
