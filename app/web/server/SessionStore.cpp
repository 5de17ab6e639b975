#include "web/server/SessionStore.h"

#include "access/PasswordHash.h"
#include "common/Clock.h"

#include <QCryptographicHash>
#include <QList>

namespace trailguard::Web {

namespace {
// More sessions than anyone needs: a flood of log-ins cannot grow memory without bound.
constexpr qsizetype kMaximumSessions = 256;

QByteArray randomSessionToken()
{
    return PasswordHash::randomBytes(32).toBase64(QByteArray::Base64UrlEncoding |
                                                  QByteArray::OmitTrailingEquals);
}

QByteArray sessionKey(const QByteArray &id)
{
    return QCryptographicHash::hash(id, QCryptographicHash::Sha256);
}
} // namespace

SessionStore::SessionStore(const Clock &clock, std::chrono::minutes idle)
    : m_clock(clock)
    , m_idle(idle)
{}

void SessionStore::dropExpired()
{
    const auto now = m_clock.steadyTime();
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (now - it->lastSeen >= m_idle)
            it = m_sessions.erase(it);
        else
            ++it;
    }
}

WebSession SessionStore::create()
{
    dropExpired();
    if (m_sessions.size() >= kMaximumSessions) {
        // The least recently used one goes.
        auto oldest = m_sessions.begin();
        for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
            if (it->lastSeen < oldest->lastSeen)
                oldest = it;
        }
        m_sessions.erase(oldest);
    }
    WebSession session{randomSessionToken(), randomSessionToken()};
    m_sessions.insert(sessionKey(session.id), Entry{session, m_clock.steadyTime()});
    return session;
}

std::optional<WebSession> SessionStore::touch(const QByteArray &id)
{
    if (id.isEmpty())
        return std::nullopt;
    dropExpired();
    const auto it = m_sessions.find(sessionKey(id));
    if (it == m_sessions.end())
        return std::nullopt;
    it->lastSeen = m_clock.steadyTime();
    return it->session;
}

bool SessionStore::isLive(const QByteArray &id)
{
    dropExpired();
    return !id.isEmpty() && m_sessions.contains(sessionKey(id));
}

void SessionStore::remove(const QByteArray &id)
{
    m_sessions.remove(sessionKey(id));
}

QByteArray SessionStore::cookie(const WebSession &session, bool secure) const
{
    const qint64 maxAge = std::chrono::duration_cast<std::chrono::seconds>(m_idle).count();
    return kCookieName + '=' + session.id +
           "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + QByteArray::number(maxAge) +
           (secure ? "; Secure" : "");
}

QByteArray SessionStore::clearingCookie(bool secure)
{
    return kCookieName + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0" + (secure ? "; Secure" : "");
}

QByteArray SessionStore::idFromCookieHeader(const QByteArray &header)
{
    for (const QByteArray &part : header.split(';')) {
        const QByteArray pair = part.trimmed();
        const qsizetype equals = pair.indexOf('=');
        if (equals > 0 && pair.left(equals).trimmed() == kCookieName)
            return pair.mid(equals + 1).trimmed();
    }
    return {};
}

} // namespace trailguard::Web
