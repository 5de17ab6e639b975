#include "demo/LoopbackHttpServer.h"

#include "demo/DemoLogging.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace trailguard {

namespace {
// A client that keeps sending while its answers are held back is cut off beyond this.
constexpr qsizetype kMaxBufferedBytes = qsizetype(4) * 1024 * 1024;
} // namespace

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(this) // a child, so moveToThread takes the listening socket (and its connections) along
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackHttpServer::acceptConnections);
}

LoopbackHttpServer::~LoopbackHttpServer()
{
    m_server.close();
    const QList<QTcpSocket *> sockets = m_connections.keys();
    m_connections.clear();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

void LoopbackHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

bool LoopbackHttpServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress(QHostAddress::LocalHost), port);
}

quint16 LoopbackHttpServer::port() const
{
    return m_server.serverPort();
}

QString LoopbackHttpServer::errorString() const
{
    return m_server.errorString();
}

int LoopbackHttpServer::connectionsAccepted() const
{
    return m_accepted;
}

void LoopbackHttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_accepted;
        m_connections.insert(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
        if (socket->bytesAvailable() > 0)
            readFrom(socket);
    }
}

void LoopbackHttpServer::readFrom(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    const QByteArray data = socket->readAll();
    if (it->closing)
        return; // answered for the last time: whatever else comes is discarded
    it->buffer += data;
    if (it->buffer.size() > kMaxBufferedBytes) {
        qCDebug(lcDemo) << "Cutting off a connection that sent too much";
        it->closing = true;
        socket->abort();
        return;
    }
    processBuffer(socket);
}

void LoopbackHttpServer::forget(QTcpSocket *socket)
{
    m_connections.remove(socket);
    socket->deleteLater();
}

void LoopbackHttpServer::processBuffer(QTcpSocket *socket)
{
    // Looked up again on every round: an answer may have closed or dropped the connection.
    for (auto it = m_connections.find(socket);
         it != m_connections.end() && !it->busy && !it->closing && !it->buffer.isEmpty();
         it = m_connections.find(socket)) {
        const http::ParseResult parsed = http::RequestParser::parse(it->buffer);
        switch (parsed.status) {
        case http::ParseStatus::Incomplete:
            if (parsed.expectsContinue && !it->continueSent) {
                it->continueSent = true;
                socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        case http::ParseStatus::Error: {
            qCDebug(lcDemo) << "Protocol error" << parsed.errorStatus << parsed.errorMessage;
            http::Response response;
            response.status = parsed.errorStatus;
            response.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
            response.body = http::reasonPhrase(parsed.errorStatus);
            write(socket, response, false);
            return;
        }
        case http::ParseStatus::Complete:
            break;
        }
        const http::Request request = parsed.request;
        it->buffer.remove(0, parsed.consumed);
        it->continueSent = false;
        Answer answer;
        if (m_handler)
            answer = m_handler(request);
        else
            answer.response.status = 404;
        deliver(socket, answer, request.keepAlive() && !answer.close);
    }
}

void LoopbackHttpServer::deliver(QTcpSocket *socket, const Answer &answer, bool keepAlive)
{
    if (answer.drop) {
        auto it = m_connections.find(socket);
        if (it != m_connections.end())
            it->closing = true;
        socket->abort();
    } else if (answer.delayMs > 0) {
        m_connections[socket].busy = true;
        QTimer::singleShot(answer.delayMs, this,
                           [this, guard = QPointer<QTcpSocket>(socket), answer, keepAlive] {
                               QTcpSocket *socket = guard.data();
                               auto it = socket ? m_connections.find(socket) : m_connections.end();
                               if (it != m_connections.end()) {
                                   it->busy = false;
                                   write(socket, answer.response, keepAlive);
                               }
                               if (answer.done)
                                   answer.done();
                               if (socket)
                                   processBuffer(socket); // requests that came in meanwhile
                           });
        return;
    } else {
        write(socket, answer.response, keepAlive);
    }
    if (answer.done)
        answer.done();
}

void LoopbackHttpServer::write(QTcpSocket *socket, const http::Response &response, bool keepAlive)
{
    if (socket->state() == QAbstractSocket::ConnectedState)
        socket->write(response.serialize(keepAlive));
    if (!keepAlive)
        closeAfterWriting(socket);
}

void LoopbackHttpServer::closeAfterWriting(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it != m_connections.end()) {
        it->closing = true;
        it->buffer.clear();
    }
    socket->disconnectFromHost(); // once the answer is out
}

} // namespace trailguard
