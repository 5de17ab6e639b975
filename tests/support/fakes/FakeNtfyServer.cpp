#include "fakes/FakeNtfyServer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTcpSocket>

namespace trailguard::test {

namespace {
constexpr qsizetype kMaxRequestBytes = 1 << 20;

QJsonObject ntfyEvent(int id, const QString &kind, const QString &topic)
{
    return {{QStringLiteral("id"), QStringLiteral("msg%1").arg(id)},
            {QStringLiteral("time"), QDateTime::currentSecsSinceEpoch()},
            {QStringLiteral("event"), kind},
            {QStringLiteral("topic"), topic}};
}

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}
} // namespace

FakeNtfyServer::FakeNtfyServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

FakeNtfyServer::~FakeNtfyServer() = default;

bool FakeNtfyServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeNtfyServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

QList<QJsonObject> FakeNtfyServer::publishedTo(const QString &topic) const
{
    QList<QJsonObject> list;
    for (const Publish &publish : m_published) {
        if (publish.topic == topic)
            list.append(publish.json);
    }
    return list;
}

QStringList FakeNtfyServer::subscribedTopics() const
{
    QStringList topics;
    for (const auto &[topic, socket] : m_streams) {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            topics.append(topic);
    }
    return topics;
}

void FakeNtfyServer::readRequest(QTcpSocket *socket)
{
    QByteArray &buffer = m_pending[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffer.size() > kMaxRequestBytes)
            socket->abort();
        return;
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QByteArray method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    qsizetype length = 0;
    for (const QByteArray &header : lines) {
        if (header.toLower().startsWith("content-length:"))
            length = header.mid(15).trimmed().toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + length)
        return; // the body is still coming
    const QByteArray body = buffer.mid(headerEnd + 4, length);
    m_pending.remove(socket);

    const QByteArray path = target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    if (method == "GET" && path.endsWith("/json")) {
        const QString topic = QString::fromUtf8(path.mid(1, path.size() - 6));
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson; charset=utf-8\r\n"
                      "Connection: close\r\n\r\n");
        socket->write(line(ntfyEvent(m_nextId++, QStringLiteral("open"), topic)));
        m_streams.append({topic, QPointer<QTcpSocket>(socket)});
        return;
    }
    if (method != "POST" && method != "PUT") {
        socket->write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        return;
    }
    Publish publish;
    publish.path = path;
    if (path == "/") {
        publish.json = QJsonDocument::fromJson(body).object();
        publish.topic = publish.json.value(QStringLiteral("topic")).toString();
    } else {
        publish.topic = QString::fromUtf8(path.mid(1));
        publish.json = {{QStringLiteral("topic"), publish.topic},
                        {QStringLiteral("message"), QString::fromUtf8(body)}};
    }
    const int id = m_nextId++;
    QJsonObject answer = ntfyEvent(id, QStringLiteral("message"), publish.topic);
    answer.insert(QStringLiteral("message"), publish.json.value(QStringLiteral("message")));
    const QByteArray reply = line(answer);
    socket->write(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
        QByteArray::number(reply.size()) + "\r\n\r\n" + reply);
    socket->disconnectFromHost();
    m_published.append(publish);
    // Subscribers of the topic hear the message (what ntfy.sh does for a phone's reply).
    for (const auto &[topic, stream] : m_streams) {
        if (topic == publish.topic && stream && stream->state() == QAbstractSocket::ConnectedState)
            stream->write(reply);
    }
    Q_EMIT publishReceived();
}

} // namespace trailguard::test
