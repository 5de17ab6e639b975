#include "broker/QuoteCycleCost.h"

#include "broker/SymbolResolver.h"

#include <algorithm>
#include <cmath>

namespace trailguard {

std::chrono::milliseconds QuoteCycleCost::pacedDuration(int requests, int perSecond, const Client &client,
                                                        std::chrono::milliseconds windowGuard)
{
    if (requests <= 0)
        return std::chrono::milliseconds(0);
    // The first window's calls go at once; each further full window waits one second plus the guard.
    const int extraWindows = perSecond > 0 ? (requests - 1) / perSecond : 0;
    const auto byRate = extraWindows * (std::chrono::milliseconds(1000) + windowGuard);
    // The answers still take their round trips, a few at a time.
    const int rounds = (requests + std::max(1, client.maxInFlight) - 1) / std::max(1, client.maxInFlight);
    const auto byRoundTrips = rounds * client.roundTrip;
    return std::max(byRate + client.roundTrip, byRoundTrips);
}

QuoteCycleCost QuoteCycleCost::estimate(int tickers, const Client &client, const RateLimiter::Options &limits)
{
    QuoteCycleCost cost;
    cost.tickers = std::max(0, tickers);
    const int perCall = std::max(1, client.idsPerCall);
    cost.quoteRequests = (cost.tickers + perCall - 1) / perCall;
    cost.duration =
        pacedDuration(cost.quoteRequests, limits.marketData.perSecond, client, limits.windowGuard);

    // Sustained, the hourly quota allows one call every 3600 / perHour seconds.
    const double hourlySeconds =
        limits.marketData.perHour > 0 ? cost.quoteRequests * 3600.0 / limits.marketData.perHour : 0.0;
    const double durationSeconds = std::chrono::duration<double>(cost.duration).count();
    cost.shortestInterval =
        std::chrono::seconds(static_cast<qint64>(std::ceil(std::max(hourlySeconds, durationSeconds))));

    const int namesPerCall =
        std::max(1, (SymbolResolver::kMaxQueryLength - 6) / std::max(1, client.tickerLength)); // "names="
    cost.lookupRequests = (cost.tickers + namesPerCall - 1) / namesPerCall;
    cost.lookupDuration =
        pacedDuration(cost.lookupRequests, limits.account.perSecond, client, limits.windowGuard);
    return cost;
}

} // namespace trailguard
