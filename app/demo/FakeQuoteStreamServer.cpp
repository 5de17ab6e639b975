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
// * Several sockets may be open at once (the real server may drop the older one; it is unconfirmed), and
//   maxOpenConnections() lets a test check that a client keeps only one.
// * The opening handshake is screened before QWebSocketServer sees it: a request line whose URL (ws://,
//   host, port and request-target) is longer than kMaxUrlLength is answered 414, one over the connection
//   limit 503, as a front end with IIS's limits would.
// * An unresponsive socket has its TCP connection's signals blocked: QWebSocket reads nothing, so it
//   neither answers pings nor notices a close, exactly like a peer that vanished.
// * In partial mode a push carries symbolId plus only the fields that differ from the last record sent
//   to that socket; the snapshot after {"success"} is always full.

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
    m_urlLengths.append(urlLength);
    if (end < 0 || urlLength > kMaxUrlLength) {
        qCDebug(lcDemo) << "Stream: refused a socket URL of" << urlLength << "characters (414)";
        refuseHandshake(tcp, QByteArrayLiteral("414 URI Too Long"));
        return;
    }
    if (m_maxConnections > 0 && m_clients.size() + m_handedOver.size() >= m_maxConnections) {
        qCDebug(lcDemo) << "Stream: refused a socket over the limit of" << m_maxConnections << "(503)";
        refuseHandshake(tcp, QByteArrayLiteral("503 Service Unavailable"));
        return;
    }
    disconnect(tcp, &QTcpSocket::disconnected, this, nullptr); // the WebSocket owns it from now on
    m_handedOver.append(tcp);
    m_server->handleConnection(tcp);
}

void FakeQuoteStreamServer::refuseHandshake(QTcpSocket *tcp, const QByteArray &statusLine)
{
    ++m_handshakesRefused;
    tcp->write("HTTP/1.1 " + statusLine + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    tcp->disconnectFromHost();
}

void FakeQuoteStreamServer::accept()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        ++m_accepted;
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
        m_clients.insert(socket, Client{ids.value_or(QList<qint64>()), false, false, tcp});
        m_maxOpen = std::max(m_maxOpen, int(m_clients.size()));
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
    if (m_refuseTokens || !m_checkToken(token)) {
        ++m_refused;
        qCDebug(lcDemo) << "Stream: refused a token";
        socket->close(kPolicyViolation, QStringLiteral("Access token is invalid"));
        return;
    }
    const auto succeed = [this, socket, token] {
        const auto found = m_clients.find(socket);
        if (found == m_clients.end())
            return;
        found->authenticated = true;
        m_acceptedTokens.append(token);
        socket->sendTextMessage(QStringLiteral("{\"success\":true}"));
        Q_EMIT clientAuthenticated();
        if (!m_silent)
            sendQuotes(socket, found->ids, false);
    };
    if (m_authDelayMs > 0)
        QTimer::singleShot(m_authDelayMs, socket, succeed);
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
    ++m_messages;
    socket->sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("quotes"), records}}).toJson(QJsonDocument::Compact)));
}

void FakeQuoteStreamServer::publish(qint64 symbolId)
{
    if (m_silent)
        return;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        if (it->authenticated && !it->unresponsive && it->ids.contains(symbolId))
            sendQuotes(it.key(), {symbolId}, m_partial);
    }
}

void FakeQuoteStreamServer::forget(QWebSocket *socket)
{
    if (m_clients.remove(socket) == 0)
        return;
    m_lastSent.remove(socket);
    socket->deleteLater();
    Q_EMIT clientDisconnected();
}

void FakeQuoteStreamServer::dropAllConnections()
{
    const QList<QWebSocket *> sockets = m_clients.keys();
    for (QWebSocket *socket : sockets) {
        const bool unresponsive = m_clients.value(socket).unresponsive;
        socket->abort();
        if (unresponsive)
            forget(socket); // its disconnected() is blocked with the rest of its signals
    }
}

void FakeQuoteStreamServer::setRefuseTokens(bool refuse)
{
    m_refuseTokens = refuse;
}

void FakeQuoteStreamServer::setSilent(bool silent)
{
    m_silent = silent;
}

void FakeQuoteStreamServer::setPartialRecords(bool partial)
{
    m_partial = partial;
}

void FakeQuoteStreamServer::setAuthenticationDelay(int milliseconds)
{
    m_authDelayMs = std::max(0, milliseconds);
}

void FakeQuoteStreamServer::setUnresponsive(bool unresponsive)
{
    QList<QWebSocket *> closedMeanwhile;
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        if (it->unresponsive == unresponsive || !it->tcp)
            continue;
        it->unresponsive = unresponsive;
        it->tcp->blockSignals(unresponsive);
        if (!unresponsive && it->tcp->state() != QAbstractSocket::ConnectedState)
            closedMeanwhile.append(it.key());
    }
    for (QWebSocket *socket : std::as_const(closedMeanwhile))
        forget(socket);
}

void FakeQuoteStreamServer::setMaxConnections(int maximum)
{
    m_maxConnections = std::max(0, maximum);
}

int FakeQuoteStreamServer::handshakesRefused() const
{
    return m_handshakesRefused;
}

QList<int> FakeQuoteStreamServer::urlLengths() const
{
    return m_urlLengths;
}

int FakeQuoteStreamServer::openConnections() const
{
    return int(m_clients.size());
}

int FakeQuoteStreamServer::maxOpenConnections() const
{
    return m_maxOpen;
}

int FakeQuoteStreamServer::authenticatedConnections() const
{
    return int(std::count_if(m_clients.cbegin(), m_clients.cend(),
                             [](const Client &client) { return client.authenticated; }));
}

int FakeQuoteStreamServer::connectionsAccepted() const
{
    return m_accepted;
}

int FakeQuoteStreamServer::tokensRefused() const
{
    return m_refused;
}

int FakeQuoteStreamServer::messagesSent() const
{
    return m_messages;
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

QList<QByteArray> FakeQuoteStreamServer::acceptedTokens() const
{
    return m_acceptedTokens;
}

} // namespace trailguard
