#include "demo/FakeQuoteStreamServer.h"

#include "demo/DemoLogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

// Choices where the contract leaves room:
// * The socket URL must be /v1/markets/quotes with stream=true, mode=WebSocket and a valid ids list;
//   otherwise the socket is closed (1008) before any token is read. Unknown ids are accepted and ignored.
// * Only the first frame is read as the token; later frames are ignored. A refused token closes with 1008.
// * Several sockets may be open at once (the real server may drop the older one; it is unconfirmed); the
//   test-only hooks count them so a test can check that a client keeps only one.
// * The opening handshake is screened before QWebSocketServer sees it: a request line whose URL (ws://,
//   host, port and request-target) is longer than kMaxUrlLength is answered 414, as a front end with IIS's
//   limits would (and the hooks may refuse more, e.g. 503 over a connection limit).
// * With partial records (a hook) a push carries symbolId plus only the fields that differ from the last
//   record sent to that socket; the snapshot after {"success"} is always full.

namespace trailguard {

namespace {
constexpr auto kPolicyViolation = QWebSocketProtocol::CloseCodePolicyViolated;
// A request line longer than this without its end is refused at once (414).
constexpr qsizetype kMaxRequestLineBytes = 16 * 1024;

std::optional<QList<qint64>> parseIds(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    QList<qint64> ids;
    for (const QString &part : text.split(QLatin1Char(','))) {
        bool ok = false;
        const qint64 id = part.toLongLong(&ok);
        if (!ok || id <= 0)
            return std::nullopt;
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}
} // namespace

FakeQuoteStreamServer::FakeQuoteStreamServer(TokenCheck checkToken, QuoteSource quotes, QObject *parent)
    : QObject(parent)
    , m_checkToken(std::move(checkToken))
    , m_quotes(std::move(quotes))
    , m_tcpServer(new QTcpServer(this))
    , m_server(
          new QWebSocketServer(QStringLiteral("FakeQuestradeStream"), QWebSocketServer::NonSecureMode, this))
{
    connect(m_tcpServer, &QTcpServer::newConnection, this, &FakeQuoteStreamServer::acceptTcp);
    connect(m_server, &QWebSocketServer::newConnection, this, &FakeQuoteStreamServer::accept);
}

FakeQuoteStreamServer::~FakeQuoteStreamServer()
{
    const QList<QWebSocket *> sockets = m_clients.keys();
    m_clients.clear();
    for (QWebSocket *socket : sockets) {
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        delete socket;
    }
}

bool FakeQuoteStreamServer::listen(quint16 port)
{
    return m_tcpServer->listen(QHostAddress::LocalHost, port);
}

quint16 FakeQuoteStreamServer::port() const
{
    return m_tcpServer->serverPort();
}

void FakeQuoteStreamServer::acceptTcp()
{
    while (QTcpSocket *tcp = m_tcpServer->nextPendingConnection()) {
        ++m_handshaking;
        connect(tcp, &QTcpSocket::readyRead, this, [this, tcp] { screenHandshake(tcp); });
        connect(tcp, &QTcpSocket::disconnected, this, [this, tcp] {
            if (disconnect(tcp, &QTcpSocket::readyRead, this, nullptr))
                --m_handshaking; // gone before its request line was read
            tcp->deleteLater();
        });
        connect(tcp, &QObject::destroyed, this, [this, tcp] { m_handedOver.removeOne(tcp); });
        if (tcp->canReadLine())
            screenHandshake(tcp);
    }
}

void FakeQuoteStreamServer::screenHandshake(QTcpSocket *tcp)
{
    const QByteArray head = tcp->peek(kMaxRequestLineBytes);
    const qsizetype end = head.indexOf("\r\n");
    if (end < 0 && head.size() < kMaxRequestLineBytes)
        return; // the request line is not complete yet
    disconnect(tcp, &QTcpSocket::readyRead, this, nullptr);
    --m_handshaking;
    const QList<QByteArray> parts = head.left(end < 0 ? head.size() : end).split(' ');
    const QByteArray target = parts.size() == 3 ? parts.at(1) : head;
    const int urlLength = int(QStringLiteral("ws://127.0.0.1:%1").arg(port()).size() + target.size());
    if (m_hooks)
        m_hooks->handshakeRequested(urlLength);
    if (end < 0 || urlLength > kMaxUrlLength) {
        qCDebug(lcDemo) << "Stream: refused a socket URL of" << urlLength << "characters (414)";
        refuseHandshake(tcp, QByteArrayLiteral("414 URI Too Long"));
        return;
    }
    if (m_hooks) {
        if (const auto refusal = m_hooks->refuseHandshake(int(m_clients.size() + m_handedOver.size()))) {
            qCDebug(lcDemo) << "Stream: refused a socket:" << *refusal;
            refuseHandshake(tcp, *refusal);
            return;
        }
    }
    disconnect(tcp, &QTcpSocket::disconnected, this, nullptr); // the WebSocket owns it from now on
    m_handedOver.append(tcp);
    m_server->handleConnection(tcp);
}

void FakeQuoteStreamServer::refuseHandshake(QTcpSocket *tcp, const QByteArray &statusLine)
{
    if (m_hooks)
        m_hooks->handshakeRefused();
    tcp->write("HTTP/1.1 " + statusLine + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    tcp->disconnectFromHost();
}

void FakeQuoteStreamServer::accept()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        // The TCP connection under it: the one handed over from the same client port.
        QTcpSocket *tcp = nullptr;
        for (QTcpSocket *candidate : std::as_const(m_handedOver)) {
            if (candidate->peerPort() == socket->peerPort()) {
                tcp = candidate;
                break;
            }
        }
        m_handedOver.removeOne(tcp);
        const QUrl url = socket->requestUrl();
        const QUrlQuery query(url);
        const auto ids = parseIds(query.queryItemValue(QStringLiteral("ids")));
        m_clients.insert(socket, Client{ids.value_or(QList<qint64>()), false, tcp});
        if (m_hooks)
            m_hooks->socketAccepted(int(m_clients.size()));
        connect(socket, &QWebSocket::disconnected, this, [this, socket] { forget(socket); });
        if (url.path() != QLatin1String("/v1/markets/quotes") ||
            query.queryItemValue(QStringLiteral("stream")) != QLatin1String("true") ||
            query.queryItemValue(QStringLiteral("mode")) != QLatin1String("WebSocket") || !ids) {
            qCDebug(lcDemo) << "Stream: refused a socket for" << url.path();
            socket->close(kPolicyViolation, QStringLiteral("Invalid stream URL"));
            continue;
        }
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &message) { handleFirstFrame(socket, message); });
    }
}

void FakeQuoteStreamServer::handleFirstFrame(QWebSocket *socket, const QString &message)
{
    const auto client = m_clients.find(socket);
    if (client == m_clients.end() || client->authenticated)
        return;
    disconnect(socket, &QWebSocket::textMessageReceived, this, nullptr);
    const QByteArray token = message.trimmed().toLatin1();
    if (!m_checkToken(token) || (m_hooks && m_hooks->refuseToken(token))) {
        if (m_hooks)
            m_hooks->tokenRefused();
        qCDebug(lcDemo) << "Stream: refused a token";
        socket->close(kPolicyViolation, QStringLiteral("Access token is invalid"));
        return;
    }
    const auto succeed = [this, socket, token] {
        const auto found = m_clients.find(socket);
        if (found == m_clients.end())
            return;
        found->authenticated = true;
        if (m_hooks)
            m_hooks->tokenAccepted(token);
        socket->sendTextMessage(QStringLiteral("{\"success\":true}"));
        if (!m_hooks || !m_hooks->silent())
            sendQuotes(socket, found->ids, false);
    };
    if (const int delayMs = m_hooks ? m_hooks->authenticationDelayMs() : 0; delayMs > 0)
        QTimer::singleShot(delayMs, socket, succeed);
    else
        succeed();
}

void FakeQuoteStreamServer::sendQuotes(QWebSocket *socket, const QList<qint64> &ids, bool partial)
{
    QJsonArray records;
    for (qint64 id : ids) {
        std::optional<QJsonObject> record = m_quotes(id);
        if (!record)
            continue;
        if (partial) {
            QJsonObject &last = m_lastSent[socket][id];
            QJsonObject changed{{QStringLiteral("symbolId"), double(id)}};
            for (auto it = record->constBegin(); it != record->constEnd(); ++it) {
                if (last.value(it.key()) != it.value())
                    changed.insert(it.key(), it.value());
            }
            last = *record;
            records.append(changed);
        } else {
            m_lastSent[socket][id] = *record;
            records.append(*record);
        }
    }
    if (records.isEmpty())
        return;
    if (m_hooks)
        m_hooks->messageSent();
    socket->sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("quotes"), records}}).toJson(QJsonDocument::Compact)));
}

void FakeQuoteStreamServer::publish(qint64 symbolId)
{
    if (m_hooks && m_hooks->silent())
        return;
    const bool partial = m_hooks && m_hooks->partialRecords();
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        if (it->authenticated && it->ids.contains(symbolId) && (!m_hooks || m_hooks->pushTo(it.key())))
            sendQuotes(it.key(), {symbolId}, partial);
    }
}

void FakeQuoteStreamServer::forget(QWebSocket *socket)
{
    if (m_clients.remove(socket) == 0)
        return;
    m_lastSent.remove(socket);
    if (m_hooks)
        m_hooks->socketClosed(socket);
    socket->deleteLater();
}

void FakeQuoteStreamServer::setHooks(Hooks *hooks)
{
    m_hooks = hooks;
}

QList<QWebSocket *> FakeQuoteStreamServer::sockets() const
{
    return m_clients.keys();
}

QTcpSocket *FakeQuoteStreamServer::transportOf(QWebSocket *socket) const
{
    return m_clients.value(socket).tcp;
}

int FakeQuoteStreamServer::openConnections() const
{
    return int(m_clients.size());
}

int FakeQuoteStreamServer::authenticatedConnections() const
{
    return int(std::count_if(m_clients.cbegin(), m_clients.cend(),
                             [](const Client &client) { return client.authenticated; }));
}

QList<QList<qint64>> FakeQuoteStreamServer::subscriptions() const
{
    QList<QList<qint64>> out;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        if (it->authenticated)
            out.append(it->ids);
    }
    return out;
}

} // namespace trailguard
