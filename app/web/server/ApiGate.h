#pragma once

#include "access/ApiTokens.h"
#include "access/WebPassword.h"
#include "web/ApiTypes.h"
#include "web/server/EventStream.h"
#include "web/server/LoginThrottle.h"
#include "web/server/SessionStore.h"

#include <QObject>
#include <QThreadPool>

#include <memory>
#include <optional>
#include <vector>

class QHttpServerRequest;

namespace trailguard::Web {

class WebReply;

// Everything under /api/: health (no log-in), the session (log in, the page's reload, log out), then for
// every other request the caller's identity (a session cookie or an API token, else 401), the CSRF token of
// a cookie session's state-changing request (else 403), the event stream, and finally the endpoint groups
// in order (none: 404).
class ApiGate : public QObject {
    Q_OBJECT
public:
    struct Parts {
        Settings &settings;
        const Clock &clock;
        HealthWatch *health = nullptr; // null: always "ok"
        EventFeed *feed = nullptr;
        std::vector<std::unique_ptr<ApiEndpoints>> endpoints;
        bool secure = false; // served over TLS: cookies get `Secure`
        std::chrono::minutes sessionIdle{30};
        std::chrono::milliseconds keepAlive{15'000};
    };

    explicit ApiGate(Parts parts, QObject *parent = nullptr);
    ~ApiGate() override;

    void handle(const QHttpServerRequest &request, const std::shared_ptr<WebReply> &reply);

    int sessionCount() const { return m_sessions.size(); }
    EventStream &events() { return m_events; }

private:
    struct Caller {
        QString principal;
        std::optional<WebSession> session;
        // Whether this caller may still listen to the event stream (its session live, its token valid).
        std::function<bool()> stillAllowed;
    };
    // nullopt after answering 401.
    std::optional<Caller> authenticate(const QHttpServerRequest &request,
                                       const std::shared_ptr<WebReply> &reply);
    void health(const std::shared_ptr<WebReply> &reply);
    void session(const QHttpServerRequest &request, const std::shared_ptr<WebReply> &reply);
    void logIn(const QHttpServerRequest &request, const std::shared_ptr<WebReply> &reply);

    HealthWatch *m_health;
    std::vector<std::unique_ptr<ApiEndpoints>> m_endpoints;
    bool m_secure;
    WebPassword m_password;
    ApiTokens m_tokens;
    SessionStore m_sessions;
    LoginThrottle m_throttle;
    EventStream m_events;
    QThreadPool m_verifiers; // Argon2 checks (64 MiB each): two at a time at most
};

} // namespace trailguard::Web
