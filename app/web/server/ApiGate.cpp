#include "web/server/ApiGate.h"

#include "TrailguardVersion.h"
#include "access/PasswordHash.h"
#include "alerts/HealthWatch.h"
#include "web/WebLogging.h"
#include "web/server/WebReply.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace trailguard::Web {

namespace {
class ApiGateText {
    Q_DECLARE_TR_FUNCTIONS(ApiGateText)
};

const QLatin1String kApiPrefix("/api/v1/");

QByteArray httpMethodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    default:
        return QByteArrayLiteral("OTHER");
    }
}

bool changesState(const QByteArray &method)
{
    return method != "GET" && method != "HEAD";
}

// The segments after /api/v1/, each percent-decoded on its own (an encoded '/' stays inside its segment).
QStringList apiSegments(const QUrl &url)
{
    const QString path = url.path(QUrl::FullyEncoded);
    QStringList segments;
    for (const QString &part : path.mid(kApiPrefix.size()).split(QLatin1Char('/'), Qt::SkipEmptyParts))
        segments += QUrl::fromPercentEncoding(part.toUtf8());
    return segments;
}

QString remoteAddressText(const QHttpServerRequest &request)
{
    return request.remoteAddress().toString();
}
} // namespace

ApiGate::ApiGate(Parts parts, QObject *parent)
    : QObject(parent)
    , m_health(parts.health)
    , m_endpoints(std::move(parts.endpoints))
    , m_secure(parts.secure)
    , m_password(parts.settings)
    , m_tokens(parts.settings)
    , m_sessions(parts.clock, parts.sessionIdle)
    , m_throttle(parts.clock)
    , m_events(parts.feed, parts.keepAlive)
{
    m_verifiers.setMaxThreadCount(2);
}

ApiGate::~ApiGate()
{
    m_verifiers.waitForDone(); // a check in flight must not outlive what it reports to
}

void ApiGate::handle(const QHttpServerRequest &request, const std::shared_ptr<WebReply> &reply)
{
    const QUrl url = request.url();
    if (!url.path(QUrl::FullyEncoded).startsWith(kApiPrefix)) {
        reply->sendError(404, ApiGateText::tr("No such API endpoint; the API is under /api/v1/."));
        return;
    }
    const QStringList path = apiSegments(url);
    const QByteArray method = httpMethodName(request.method());
    const QString first = path.value(0);
    if (first == QLatin1String("health") && path.size() == 1) {
        if (method != "GET")
            return reply->sendError(405, ApiGateText::tr("Use GET."), {{"Allow", "GET"}});
        return health(reply);
    }
    if (first == QLatin1String("session") && path.size() == 1)
        return session(request, reply);

    const std::optional<Caller> caller = authenticate(request, reply);
    if (!caller)
        return;
    if (caller->session && changesState(method)) {
        const QByteArray sent = request.value(QByteArrayLiteral("X-CSRF-Token"));
        if (!PasswordHash::equalSecrets(sent, caller->session->csrf))
            return reply->sendError(403, ApiGateText::tr("Missing or wrong X-CSRF-Token; reload the page."));
    }
    if (first == QLatin1String("events") && path.size() == 1) {
        if (method != "GET")
            return reply->sendError(405, ApiGateText::tr("Use GET."), {{"Allow", "GET"}});
        return m_events.add(reply, caller->stillAllowed);
    }

    const ApiRequest apiRequest{method, path, request.query(), request.body(), caller->principal};
    const Respond respond = [reply](const ApiResponse &response) { reply->sendApi(response); };
    for (const auto &group : m_endpoints) {
        if (group->handle(apiRequest, respond))
            return;
    }
    reply->sendError(404, ApiGateText::tr("No such API endpoint."));
}

std::optional<ApiGate::Caller> ApiGate::authenticate(const QHttpServerRequest &request,
                                                     const std::shared_ptr<WebReply> &reply)
{
    const QByteArray authorization = request.value(QByteArrayLiteral("Authorization")).trimmed();
    if (!authorization.isEmpty()) {
        const QByteArray scheme("Bearer ");
        const std::optional<QString> name = authorization.left(scheme.size()).toLower() == "bearer "
                                                ? m_tokens.nameFor(authorization.mid(scheme.size()).trimmed())
                                                : std::nullopt;
        if (name) {
            return Caller{QStringLiteral("token:") + *name, std::nullopt,
                          [this, token = authorization.mid(scheme.size()).trimmed(), name = *name] {
                              return m_tokens.nameFor(token) == name;
                          }};
        }
        qCInfo(lcWeb).noquote() << "Refused an unknown API token from" << remoteAddressText(request);
        reply->sendError(401, ApiGateText::tr("Unknown or revoked API token."),
                         {{"WWW-Authenticate", "Bearer"}});
        return std::nullopt;
    }
    const QByteArray id = SessionStore::idFromCookieHeader(request.value(QByteArrayLiteral("Cookie")));
    if (const std::optional<WebSession> session = m_sessions.touch(id))
        return Caller{QStringLiteral("session"), session, [this, id] { return m_sessions.isLive(id); }};
    reply->sendError(401, ApiGateText::tr("Log in first (POST /api/v1/session) or send an API token."));
    return std::nullopt;
}

void ApiGate::health(const std::shared_ptr<WebReply> &reply)
{
    const bool degraded = m_health && m_health->anyActive();
    reply->sendApi(ApiResponse::json(
        200,
        QJsonObject{{QStringLiteral("status"), degraded ? QStringLiteral("degraded") : QStringLiteral("ok")},
                    {QStringLiteral("version"), QStringLiteral(TRAILGUARD_VERSION)}}));
}

void ApiGate::session(const QHttpServerRequest &request, const std::shared_ptr<WebReply> &reply)
{
    const QByteArray method = httpMethodName(request.method());
    if (method == "POST")
        return logIn(request, reply);
    const QByteArray id = SessionStore::idFromCookieHeader(request.value(QByteArrayLiteral("Cookie")));
    const std::optional<WebSession> live = m_sessions.touch(id);
    if (method == "GET") {
        if (!live)
            return reply->sendError(401, ApiGateText::tr("Not logged in."));
        return reply->sendApi(
            ApiResponse::json(200, QJsonObject{{QStringLiteral("csrf"), QString::fromLatin1(live->csrf)}}));
    }
    if (method == "DELETE") {
        if (live && !PasswordHash::equalSecrets(request.value(QByteArrayLiteral("X-CSRF-Token")), live->csrf))
            return reply->sendError(403, ApiGateText::tr("Missing or wrong X-CSRF-Token; reload the page."));
        if (live)
            m_sessions.remove(id);
        m_events.recheck(); // a logged-out session's event streams end now
        return reply->sendApi(ApiResponse::noContent(),
                              {{"Set-Cookie", SessionStore::clearingCookie(m_secure)}});
    }
    reply->sendError(405, ApiGateText::tr("Use POST to log in, GET to renew, DELETE to log out."),
                     {{"Allow", "GET, POST, DELETE"}});
}

void ApiGate::logIn(const QHttpServerRequest &request, const std::shared_ptr<WebReply> &reply)
{
    const QHostAddress address = request.remoteAddress();
    if (const auto wait = m_throttle.retryAfter(address)) {
        qCWarning(lcWeb).noquote() << "Refused a web log-in from" << address.toString()
                                   << ": too many failed attempts";
        return reply->sendError(
            429, ApiGateText::tr("Too many failed log-ins; try again in %1 s.").arg(wait->count()),
            {{"Retry-After", QByteArray::number(qint64(wait->count()))}});
    }
    const QJsonDocument body = QJsonDocument::fromJson(request.body());
    const QJsonValue password = body.object().value(QStringLiteral("password"));
    if (!body.isObject() || !password.isString())
        return reply->sendError(400, ApiGateText::tr("Send {\"password\": \"…\"} as JSON."));

    m_throttle.attemptStarted(address);
    const QString hash = m_password.hash();
    QtConcurrent::run(&m_verifiers, [hash, text = password.toString()] {
        return WebPassword::verify(hash, text);
    }).then(this, [this, reply, address](bool verified) {
        if (!verified) {
            qCWarning(lcWeb).noquote() << "Failed web log-in from" << address.toString();
            return reply->sendError(401, ApiGateText::tr("Wrong password."));
        }
        m_throttle.attemptSucceeded(address);
        const WebSession created = m_sessions.create();
        qCInfo(lcWeb).noquote() << "Web log-in from" << address.toString();
        reply->sendApi(
            ApiResponse::json(200, QJsonObject{{QStringLiteral("csrf"), QString::fromLatin1(created.csrf)}}),
            {{"Set-Cookie", m_sessions.cookie(created, m_secure)}});
    });
}

} // namespace trailguard::Web
