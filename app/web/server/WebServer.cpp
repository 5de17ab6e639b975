#include "web/server/WebServer.h"

#include "web/WebLogging.h"
#include "web/server/ApiGate.h"
#include "web/server/CodeAckGate.h"
#include "web/server/WebReply.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QHttpServerRequest>
#include <QHttpServerResponder>

namespace trailguard::Web {

namespace {
class WebServerText {
    Q_DECLARE_TR_FUNCTIONS(WebServerText)
};
} // namespace

WebServer::WebServer(Config config, Settings &settings, const Clock &clock, HealthWatch *health,
                     std::vector<std::unique_ptr<ApiEndpoints>> endpoints, EventFeed *feed, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_config(std::move(config))
    , m_hostCheck(m_config.port, m_config.hostNames + QStringList{QHostInfo::localHostName()})
    , m_assets(m_config.assetRoot)
{
    m_api = std::make_unique<ApiGate>(ApiGate::Parts{settings, clock, health, feed, std::move(endpoints),
                                                     m_config.tls.has_value(), m_config.sessionIdle,
                                                     m_config.keepAlive});
}

WebServer::~WebServer() = default;

void WebServer::setCodeAckGate(std::unique_ptr<CodeAckGate> gate)
{
    m_codeAck = std::move(gate);
}

Status WebServer::start()
{
    QTcpServer *server = nullptr;
    if (m_config.tls) {
        auto *ssl = new GuardedSslServer(m_config.limits, this);
        ssl->setSslConfiguration(*m_config.tls);
        server = ssl;
    } else {
        server = new GuardedTcpServer(m_config.limits, this);
    }
    if (!server->listen(m_config.address, m_config.port)) {
        const QString reason = server->errorString();
        delete server;
        return Error{ErrorCode::InvalidSetting,
                     WebServerText::tr("The web dashboard cannot listen on %1 port %2: %3")
                         .arg(m_config.address.toString())
                         .arg(m_config.port)
                         .arg(reason)};
    }
    m_port = server->serverPort();
    m_hostCheck.setPort(m_port);
    bind(server);
    return success();
}

QString WebServer::url() const
{
    QString host = m_config.address.toString();
    if (m_config.address == QHostAddress::Any || m_config.address == QHostAddress::AnyIPv4 ||
        m_config.address == QHostAddress::AnyIPv6)
        host = QHostInfo::localHostName();
    else if (m_config.address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1://%2:%3/")
        .arg(isSecure() ? QStringLiteral("https") : QStringLiteral("http"), host, QString::number(m_port));
}

bool WebServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ConnectionGuard::requestHandled(socket);
    auto reply = std::make_shared<WebReply>(makeResponder(request, socket), socket);
    if (!m_hostCheck.allows(request.value(QByteArrayLiteral("Host")))) {
        qCInfo(lcWeb).noquote() << "Refused a request for another host from"
                                << request.remoteAddress().toString();
        reply->sendError(421, WebServerText::tr("This server does not answer for that host name; add it to "
                                                "web/hostNames in the settings."));
        return true;
    }
    if (request.body().size() > m_config.maxBodyBytes) {
        reply->sendError(413, WebServerText::tr("The request is too large (at most %1 KiB).")
                                  .arg(m_config.maxBodyBytes / 1024));
        return true;
    }
    const QString path = request.url().path(QUrl::FullyEncoded);
    if (m_codeAck && CodeAckGate::handles(path)) {
        m_codeAck->handle(request, reply);
        return true;
    }
    if (path == QLatin1String("/api") || path.startsWith(QLatin1String("/api/"))) {
        m_api->handle(request, reply);
        return true;
    }
    if (request.method() != QHttpServerRequest::Method::Get &&
        request.method() != QHttpServerRequest::Method::Head) {
        reply->sendError(405, WebServerText::tr("Only GET is allowed here."), {{"Allow", "GET, HEAD"}});
        return true;
    }
    const std::optional<StaticAssets::Asset> asset = m_assets.find(path);
    if (!asset) {
        reply->send(404, QByteArrayLiteral("text/plain; charset=utf-8"), QByteArrayLiteral("Not found\n"),
                    {{"Cache-Control", "no-store"}});
        return true;
    }
    if (request.method() == QHttpServerRequest::Method::Head)
        reply->sendHeadersOnly(200, asset->contentType, asset->content, {{"Cache-Control", "no-cache"}});
    else
        reply->send(200, asset->contentType, asset->content, {{"Cache-Control", "no-cache"}});
    return true;
}

void WebServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    WebReply(makeResponder(request, socket), socket).send(404, {}, {});
}

} // namespace trailguard::Web
