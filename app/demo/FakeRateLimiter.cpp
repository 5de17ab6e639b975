#include "demo/FakeRateLimiter.h"

namespace trailguard {

namespace {
constexpr qint64 kSecondMs = 1000;
constexpr qint64 kHourMs = 3600 * kSecondMs;

qint64 ceilToSeconds(qint64 ms)
{
    return (ms + kSecondMs - 1) / kSecondMs;
}
} // namespace

FakeRateLimiter::FakeRateLimiter(int perSecond, int perHour)
    : m_perSecond(perSecond)
    , m_perHour(perHour)
{}

void FakeRateLimiter::setLimits(int perSecond, int perHour)
{
    m_perSecond = perSecond;
    m_perHour = perHour;
}

FakeRateLimiter::Decision FakeRateLimiter::check(qint64 nowMs)
{
    const qint64 hourStart = nowMs - nowMs % kHourMs;
    if (hourStart != m_hourStartMs) {
        m_hourStartMs = hourStart;
        m_hourCount = 0;
    }
    // A request at t counts in the window (now - 1 s, now].
    while (!m_recent.empty() && m_recent.front() <= nowMs - kSecondMs)
        m_recent.pop_front();

    const bool hourly = m_perHour > 0;
    const qint64 hourReset = (hourStart + kHourMs) / kSecondMs;

    Decision decision;
    if (hourly && m_hourCount >= m_perHour) {
        decision.allowed = false;
        decision.remaining = 0;
        decision.resetAt = hourReset;
        return decision;
    }
    if (m_perSecond > 0 && static_cast<qint64>(m_recent.size()) >= m_perSecond) {
        decision.allowed = false;
        if (hourly) {
            decision.remaining = m_perHour - m_hourCount;
            // The oldest request leaves the window 1 s after it arrived.
            decision.resetAt = ceilToSeconds(m_recent.front() + kSecondMs);
        }
        return decision;
    }

    m_recent.push_back(nowMs);
    ++m_hourCount;
    if (hourly) {
        decision.remaining = m_perHour - m_hourCount;
        decision.resetAt = hourReset;
    }
    return decision;
}

} // namespace trailguard
