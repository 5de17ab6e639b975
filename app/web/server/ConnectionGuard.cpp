#include "web/server/ConnectionGuard.h"

#include "web/WebLogging.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace trailguard::Web {

namespace {
// How long a refused connection is drained before it is closed.
constexpr std::chrono::milliseconds kLingering{1000};
} // namespace

void ConnectionGuard::watch(QTcpSocket *socket, const ConnectionLimits &limits)
{
    if (socket)
        new ConnectionGuard(socket, limits); // a child of the socket: gone with it
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
{
    setObjectName(QStringLiteral("trailguardConnectionGuard"));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::timedOut);
    // Connected before the HTTP server's own reader, so this sees each chunk first.
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::bytesArrived);
    m_timer.start(m_limits.idleTimeout);
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QStringLiteral("trailguardConnectionGuard"),
                                                         Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGuard::requestHandled(QTcpSocket *socket)
{
    if (ConnectionGuard *guard = of(socket); guard && !guard->m_streaming) {
        guard->m_requestBytes = 0;
        guard->m_receiving = false;
        guard->m_timer.start(guard->m_limits.idleTimeout);
    }
}

void ConnectionGuard::becameStream(QTcpSocket *socket)
{
    if (ConnectionGuard *guard = of(socket)) {
        guard->m_streaming = true;
        guard->m_timer.stop();
    }
}

void ConnectionGuard::bytesArrived()
{
    if (m_streaming)
        return;
    if (!m_receiving) {
        m_receiving = true;
        m_timer.start(m_limits.requestTimeout);
    }
    m_requestBytes += m_socket->bytesAvailable();
    if (m_requestBytes <= m_limits.maxRequestBytes)
        return;
    qCWarning(lcWeb).noquote() << "Request too large from" << m_socket->peerAddress().toString()
                               << "; closing the connection";
    // Nobody parses this connection again (the parser would buffer the rest): what still arrives is read
    // and dropped for a moment, so closing does not reset the connection before the client reads the 413.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, [this] { m_socket->readAll(); });
    m_socket->readAll();
    m_timer.stop();
    m_socket->write(QByteArrayLiteral("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                                      "Content-Length: 37\r\nConnection: close\r\n\r\n"
                                      "{\"error\":\"The request is too large.\"}"));
    QTimer::singleShot(kLingering, m_socket, [socket = m_socket] { socket->disconnectFromHost(); });
}

void ConnectionGuard::timedOut()
{
    if (m_receiving)
        qCInfo(lcWeb).noquote() << "Closing a connection from" << m_socket->peerAddress().toString()
                                << "whose request did not arrive in time";
    m_socket->abort();
}

GuardedTcpServer::GuardedTcpServer(const ConnectionLimits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{}

QTcpSocket *GuardedTcpServer::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    ConnectionGuard::watch(socket, m_limits);
    return socket;
}

GuardedSslServer::GuardedSslServer(const ConnectionLimits &limits, QObject *parent)
    : QSslServer(parent)
    , m_limits(limits)
{}

void GuardedSslServer::incomingConnection(qintptr descriptor)
{
    QSslServer::incomingConnection(descriptor);
    const char *const watched = "trailguardHandshakeWatched";
    for (QSslSocket *socket : findChildren<QSslSocket *>(Qt::FindDirectChildrenOnly)) {
        if (socket->property(watched).toBool())
            continue;
        socket->setProperty(watched, true);
        QTimer::singleShot(m_limits.requestTimeout, socket, [socket] {
            if (socket->isEncrypted())
                return;
            qCInfo(lcWeb).noquote() << "Closing a connection from" << socket->peerAddress().toString()
                                    << "that did not finish the TLS handshake in time";
            socket->abort();
            socket->deleteLater();
        });
    }
}

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    QTcpSocket *socket = QSslServer::nextPendingConnection();
    ConnectionGuard::watch(socket, m_limits);
    return socket;
}

} // namespace trailguard::Web
