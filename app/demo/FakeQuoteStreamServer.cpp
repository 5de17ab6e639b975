#include "demo/FakeQuoteStreamServer.h"

#include "demo/DemoLogging.h"

#include <QJsonArray>
#include <QJsonDocument>
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
// * In partial mode a push carries symbolId plus only the fields that differ from the last record sent
//   to that socket; the snapshot after {"success"} is always full.

namespace trailguard {

namespace {
constexpr auto kPolicyViolation = QWebSocketProtocol::CloseCodePolicyViolated;

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
    , m_server(
          new QWebSocketServer(QStringLiteral("FakeQuestradeStream"), QWebSocketServer::NonSecureMode, this))
{
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
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 FakeQuoteStreamServer::port() const
{
    return m_server->serverPort();
}

void FakeQuoteStreamServer::accept()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        ++m_accepted;
        socket->setParent(this);
        const QUrl url = socket->requestUrl();
        const QUrlQuery query(url);
        const auto ids = parseIds(query.queryItemValue(QStringLiteral("ids")));
        m_clients.insert(socket, Client{ids.value_or(QList<qint64>()), false});
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
        if (it->authenticated && it->ids.contains(symbolId))
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
    for (QWebSocket *socket : sockets)
        socket->abort();
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
