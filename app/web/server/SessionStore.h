#pragma once

#include <QByteArray>
#include <QHash>

#include <chrono>
#include <optional>

namespace trailguard {
class Clock;
}

namespace trailguard::Web {

// A logged-in browser: its cookie's id and the CSRF token its state-changing requests must echo.
struct WebSession {
    QByteArray id;   // 256 random bits, base64url
    QByteArray csrf; // 256 random bits, base64url
};

// The browser sessions, in memory only (a restart logs everyone out). A session ends after `idle` without a
// request. Sessions are found by the SHA-256 of their id, so the lookup's timing tells nothing about ids.
class SessionStore {
public:
    static inline const QByteArray kCookieName = QByteArrayLiteral("tg_session");

    SessionStore(const Clock &clock, std::chrono::minutes idle);

    WebSession create();
    // The live session with this id (its idle time starts again), or nullopt.
    std::optional<WebSession> touch(const QByteArray &id);
    void remove(const QByteArray &id);
    // Whether the session is live, without counting this as its use.
    bool isLive(const QByteArray &id);
    int size() const { return int(m_sessions.size()); }

    // Set-Cookie values: the session's, and one that clears it.
    QByteArray cookie(const WebSession &session, bool secure) const;
    static QByteArray clearingCookie(bool secure);
    // The session id in a Cookie header ("a=b; tg_session=ID"), or empty.
    static QByteArray idFromCookieHeader(const QByteArray &header);

private:
    struct Entry {
        WebSession session;
        std::chrono::milliseconds lastSeen;
    };
    void dropExpired();

    const Clock &m_clock;
    std::chrono::minutes m_idle;
    QHash<QByteArray, Entry> m_sessions; // SHA-256 of the id → session
};

} // namespace trailguard::Web
