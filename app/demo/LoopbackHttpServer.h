#pragma once

#include "demo/HttpMessage.h"

#include <QHash>
#include <QObject>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

namespace trailguard {

// A small HTTP/1.1 server on 127.0.0.1 for the fake servers the tests and the demo run: keep-alive,
// pipelining (answers leave in request order), requests split over many reads, "Connection: close",
// and protocol errors (garbage, huge headers or bodies) answered with 400/413/414/431/501/505 and a
// closed connection. What to answer is up to the handler, which may also drop the connection without
// an answer or hold the answer back for a while; holding back never blocks the event loop.
class LoopbackHttpServer : public QObject {
    Q_OBJECT
public:
    struct Answer {
        http::Response response;
        bool drop = false;  // close the connection without answering
        bool close = false; // close the connection after this answer
        int delayMs = 0;    // write the answer this much later
        // Runs once the answer has been written, or the connection dropped or found gone.
        std::function<void()> done;
    };
    using Handler = std::function<Answer(const http::Request &request)>;

    explicit LoopbackHttpServer(QObject *parent = nullptr);
    ~LoopbackHttpServer() override;

    void setHandler(Handler handler);
    bool listen(quint16 port = 0);
    quint16 port() const;
    QString errorString() const;
    int connectionsAccepted() const;

private:
    struct Connection {
        QByteArray buffer;
        bool busy = false;    // an answer is being held back
        bool closing = false; // no more requests are read
        bool continueSent = false;
    };

    void acceptConnections();
    void readFrom(QTcpSocket *socket);
    void forget(QTcpSocket *socket);
    void processBuffer(QTcpSocket *socket);
    void deliver(QTcpSocket *socket, const Answer &answer, bool keepAlive);
    void write(QTcpSocket *socket, const http::Response &response, bool keepAlive);
    void closeAfterWriting(QTcpSocket *socket);

    Handler m_handler;
    QTcpServer m_server;
    QHash<QTcpSocket *, Connection> m_connections;
    int m_accepted = 0;
};

} // namespace trailguard
