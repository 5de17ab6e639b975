#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>

#include <chrono>
#include <optional>

namespace trailguard {
class Clock;
}

namespace trailguard::Web {

// Failed log-ins per address: the sixth attempt within a minute of five failures is refused (429) until the
// oldest of them is a minute old. An attempt counts from its start (Argon2 runs on a worker), so many
// parallel guesses from one address are refused as well; a successful one is forgiven.
class LoginThrottle {
public:
    static constexpr int kAttempts = 5;
    static constexpr std::chrono::seconds kWindow{60};

    explicit LoginThrottle(const Clock &clock);

    // nullopt: `address` may try now; else how long it must wait.
    std::optional<std::chrono::seconds> retryAfter(const QHostAddress &address);
    void attemptStarted(const QHostAddress &address);
    void attemptSucceeded(const QHostAddress &address);

private:
    void forgetOld(QList<std::chrono::milliseconds> &attempts) const;

    const Clock &m_clock;
    QHash<QString, QList<std::chrono::milliseconds>> m_attempts; // address → steady times
};

} // namespace trailguard::Web
