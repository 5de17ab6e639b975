#pragma once

#include <QtGlobal>

#include <deque>
#include <optional>

namespace trailguard {

// One rate-limit bucket of the fake Questrade server: at most `perSecond` accepted requests in any
// sliding one-second window and `perHour` per clock hour (a limit <= 0 means none). Refused requests
// do not count. Time is passed in as Unix milliseconds so tests can drive it.
class FakeRateLimiter {
public:
    struct Decision {
        bool allowed = true;
        std::optional<int> remaining;  // X-RateLimit-Remaining: hourly requests left (no hourly limit: empty)
        std::optional<qint64> resetAt; // X-RateLimit-Reset, Unix seconds
    };

    FakeRateLimiter(int perSecond, int perHour);

    void setLimits(int perSecond, int perHour);
    // Decides about one request arriving at `nowMs` and, when it is allowed, counts it.
    //   allowed:            remaining = hourly limit minus the requests counted this hour,
    //                       resetAt = the end of the current clock hour.
    //   over the hour:      remaining 0, resetAt = the end of the current clock hour.
    //   over the second:    remaining as above (unchanged), resetAt = the whole second by which the
    //                       oldest request in the window has left it, i.e. when one more request fits.
    //                       The real server's choice is unknown; this is the earliest safe retry time.
    Decision check(qint64 nowMs);

private:
    int m_perSecond;
    int m_perHour;
    std::deque<qint64> m_recent; // accepted requests within the last second
    qint64 m_hourStartMs = -1;
    int m_hourCount = 0;
};

} // namespace trailguard
