#include "web/server/LoginThrottle.h"

#include "common/Clock.h"

#include <algorithm>

namespace trailguard::Web {

namespace {
QString addressKey(const QHostAddress &address)
{
    // An IPv4 client of a dual-stack socket is the same client as its plain IPv4 form.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}
} // namespace

LoginThrottle::LoginThrottle(const Clock &clock)
    : m_clock(clock)
{}

void LoginThrottle::forgetOld(QList<std::chrono::milliseconds> &attempts) const
{
    const auto now = m_clock.steadyTime();
    attempts.removeIf([&](std::chrono::milliseconds at) { return now - at >= kWindow; });
}

std::optional<std::chrono::seconds> LoginThrottle::retryAfter(const QHostAddress &address)
{
    const QString key = addressKey(address);
    auto it = m_attempts.find(key);
    if (it == m_attempts.end())
        return std::nullopt;
    forgetOld(*it);
    if (it->isEmpty()) {
        m_attempts.erase(it);
        return std::nullopt;
    }
    if (it->size() < kAttempts)
        return std::nullopt;
    const auto oldest = *std::min_element(it->cbegin(), it->cend());
    const auto wait = oldest + kWindow - m_clock.steadyTime();
    return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(wait));
}

void LoginThrottle::attemptStarted(const QHostAddress &address)
{
    m_attempts[addressKey(address)].append(m_clock.steadyTime());
}

void LoginThrottle::attemptSucceeded(const QHostAddress &address)
{
    auto it = m_attempts.find(addressKey(address));
    if (it != m_attempts.end() && !it->isEmpty())
        it->removeLast();
}

} // namespace trailguard::Web
