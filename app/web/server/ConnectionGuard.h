#pragma once

#include <QObject>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTimer>

#include <chrono>

namespace trailguard::Web {

// What one connection may cost: a request's bytes (headers and body), how long a started request may take
// to arrive whole (slow clients, "slowloris"), and how long a connection may sit idle between requests.
struct ConnectionLimits {
    qint64 maxRequestBytes = 80 * 1024; // the 64 KiB body limit plus room for headers
    std::chrono::milliseconds requestTimeout{30'000};
    std::chrono::milliseconds idleTimeout{120'000};
};

// Watches one socket for the limits, before Qt HttpServer's parser reads it (it buffers a whole request):
// too many bytes get a 413 and the connection is closed; a request that takes too long, or a connection idle
// too long, is closed. The server tells it when a request was handed over, and when the connection became an
// event stream (then only its writes matter).
class ConnectionGuard : public QObject {
    Q_OBJECT
public:
    static void watch(QTcpSocket *socket, const ConnectionLimits &limits);
    static void requestHandled(QTcpSocket *socket);
    static void becameStream(QTcpSocket *socket);

private:
    ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits);
    static ConnectionGuard *of(QTcpSocket *socket);
    void bytesArrived();
    void timedOut();

    QTcpSocket *m_socket;
    ConnectionLimits m_limits;
    QTimer m_timer;
    qint64 m_requestBytes = 0;
    bool m_receiving = false;
    bool m_streaming = false;
};

// The listening sockets, plain and TLS, that put a ConnectionGuard on every connection they hand over.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    GuardedTcpServer(const ConnectionLimits &limits, QObject *parent = nullptr);
    QTcpSocket *nextPendingConnection() override;

private:
    ConnectionLimits m_limits;
};

class GuardedSslServer : public QSslServer {
    Q_OBJECT
public:
    GuardedSslServer(const ConnectionLimits &limits, QObject *parent = nullptr);
    QTcpSocket *nextPendingConnection() override;

protected:
    // Qt 6.4's QSslServer has no handshake timeout: a client that never finishes the handshake is closed
    // after the request timeout.
    void incomingConnection(qintptr descriptor) override;

private:
    ConnectionLimits m_limits;
};

} // namespace trailguard::Web
