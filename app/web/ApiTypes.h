#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>

namespace trailguard {
class AlertAcknowledger;
class AlertOutbox;
class AlertRepository;
class Clock;
class Database;
class HealthWatch;
class Monitor;
class OutboxDispatcher;
class SecretStore;
class Settings;
class StreamSession;
class WatchlistService;
} // namespace trailguard

// The contract between the web server (app/web/server/: listening, TLS, authentication, CSRF, headers,
// static assets, the event stream's transport) and the REST endpoints (app/web/api/: what each request
// does). The server has authenticated a request and checked its CSRF token before an endpoint sees it.
namespace trailguard::Web {

// One authenticated request under /api/v1/.
struct ApiRequest {
    QByteArray method; // "GET", "POST", "PATCH", "DELETE"
    QStringList path;  // the segments after /api/v1/, percent-decoded: {"watchlist", "SHOP.TO"}
    QUrlQuery query;   // ?limit=50
    QByteArray body;   // the raw body (JSON for POST and PATCH), already within the size limit
    QString principal; // who asks: "session" (a logged-in browser) or "token:NAME" (an API token)
};

// What an endpoint answers: JSON (or nothing, for 204). Errors are {"error": "message"}, never echoing a
// secret.
struct ApiResponse {
    int status = 200;
    QByteArray body; // JSON text, empty for 204

    static ApiResponse json(int status, const QJsonValue &value);
    static ApiResponse error(int status, const QString &message);
    static ApiResponse noContent();
};

using Respond = std::function<void(const ApiResponse &)>;

// A group of endpoints (watchlist, alerts, history, settings, status). handle() returns false when the
// request is not this group's (the server then asks the next group and finally answers 404); when it returns
// true it calls respond exactly once, now or later (a channel's "send test" answers when the test is done).
class ApiEndpoints {
public:
    virtual ~ApiEndpoints() = default;
    virtual bool handle(const ApiRequest &request, const Respond &respond) = 0;
};

// What the guardian publishes to the browsers as Server-Sent Events (GET /api/v1/events): the server writes
// each as `event: <name>\ndata: <compact JSON>\n\n` to every authenticated listener.
// Names and data (docs/api.md documents them):
//   "stock"   — one watchlist object (as in GET /api/v1/watchlist) that changed: a quote, an edit, an add
//   "removed" — {"ticker": "SHOP.TO"}
//   "alert"   — one alert object (as in GET /api/v1/alerts) that was raised, acknowledged or delivered
//   "status"  — the guardian's status object (as in GET /api/v1/status)
class EventFeed : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    void event(const QByteArray &name, const QJsonObject &data);
};

// The running guardian's parts the web layer works with (not owned; runners/ fills it in from GuardianCore).
struct WebServices {
    const Clock *clock = nullptr;
    Database *database = nullptr;
    Settings *settings = nullptr;
    WatchlistService *watchlist = nullptr;
    Monitor *monitor = nullptr;
    StreamSession *stream = nullptr; // null when not streaming
    AlertRepository *alerts = nullptr;
    AlertOutbox *outbox = nullptr;
    OutboxDispatcher *dispatcher = nullptr;
    // Every acknowledgement goes through it (POST /api/v1/alerts/<id>/ack and the one-time code routes);
    // without it there are no code routes.
    AlertAcknowledger *acknowledger = nullptr;
    HealthWatch *health = nullptr;
    // The channels' secrets (settings: the "…Set" flags, replacing one, "Send test"); without it there are
    // no settings endpoints.
    SecretStore *secrets = nullptr;
    // Applies changed settings to the running guardian at once (GuardianCore::applySettings).
    std::function<void()> applySettings;
};

} // namespace trailguard::Web
