#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace trailguard {

// The streaming side of the fake Questrade server (questrade-api.md §7): a WebSocket server on 127.0.0.1.
// A client connects to ws://127.0.0.1:PORT/v1/markets/quotes?ids=...&stream=true&mode=WebSocket (the ids in
// the URL are its subscription), sends the bare access token as its first text frame, gets {"success":true}
// and a snapshot of its ids' quotes, then a {"quotes": [record]} message whenever a subscribed quote
// changes. A first frame that is not a valid access token closes the socket (policy violation, 1008).
// Like a real front end, it answers the opening handshake 414 when the URL is longer than kMaxUrlLength.
// Reached through FakeQuestradeServer, which owns it and answers the port request.
class FakeQuoteStreamServer : public QObject {
    Q_OBJECT
public:
    // Whether a token is a valid access token right now.
    using TokenCheck = std::function<bool(const QByteArray &token)>;
    // The full quote record of a symbol (§3), or nothing for an unknown one.
    using QuoteSource = std::function<std::optional<QJsonObject>(qint64 symbolId)>;

    // The longest socket URL (ws://host:port/path?query) accepted; longer ones are answered 414.
    static constexpr int kMaxUrlLength = 2000;

    FakeQuoteStreamServer(TokenCheck checkToken, QuoteSource quotes, QObject *parent = nullptr);
    ~FakeQuoteStreamServer() override;

    bool listen(quint16 port = 0);
    quint16 port() const;

    // A subscribed symbol's quote changed: pushed to every authenticated connection watching it.
    void publish(qint64 symbolId);

    int openConnections() const;          // sockets open now
    int authenticatedConnections() const; // open sockets that passed the token check
    // The ids of every open authenticated socket (in no particular order).
    QList<QList<qint64>> subscriptions() const;

    // What a test-only layer (tests/support/fakes: TestQuoteStream, with fault switches and counters) does
    // to the stream; the demo runs without. Called on the server's thread.
    class Hooks {
    public:
        virtual ~Hooks() = default;
        // An opening handshake asked for a socket URL this long (refused ones included).
        virtual void handshakeRequested(int urlLength) = 0;
        // With `openSockets` open or being opened: the status line to refuse one more with, or nothing.
        virtual std::optional<QByteArray> refuseHandshake(int openSockets) = 0;
        // An opening handshake was refused (414 for a long URL, or refuseHandshake's answer).
        virtual void handshakeRefused() = 0;
        // A WebSocket was accepted; `openSockets` are open now.
        virtual void socketAccepted(int openSockets) = 0;
        // true: refuse this token although it is valid.
        virtual bool refuseToken(const QByteArray &token) = 0;
        // A first frame was refused (an invalid token, or refuseToken).
        virtual void tokenRefused() = 0;
        virtual void tokenAccepted(const QByteArray &token) = 0;
        // How long to hold {"success"} back.
        virtual int authenticationDelayMs() = 0;
        // true: after {"success"} nothing is sent (no snapshot either).
        virtual bool silent() = 0;
        // true: pushes carry only symbolId and the fields that changed since the last record sent.
        virtual bool partialRecords() = 0;
        // false: nothing is pushed to this socket.
        virtual bool pushTo(QWebSocket *socket) = 0;
        // A quote message (a snapshot or a push) was sent.
        virtual void messageSent() = 0;
        // The socket is gone (closed by either side, or forgotten); its pointer may be reused.
        virtual void socketClosed(QWebSocket *socket) = 0;
    };
    // Not owned; nullptr detaches.
    void setHooks(Hooks *hooks);

    // For Hooks implementations that act on connections: the open sockets, the TCP connection under each,
    // and forgetting one whose signals are blocked (it cannot report its own end).
    QList<QWebSocket *> sockets() const;
    QTcpSocket *transportOf(QWebSocket *socket) const;
    void forget(QWebSocket *socket);

private:
    struct Client {
        QList<qint64> ids;
        bool authenticated = false;
        QPointer<QTcpSocket> tcp; // the connection under the WebSocket
    };

    void acceptTcp();
    void screenHandshake(QTcpSocket *tcp);
    void refuseHandshake(QTcpSocket *tcp, const QByteArray &statusLine);
    void accept();
    void handleFirstFrame(QWebSocket *socket, const QString &message);
    void sendQuotes(QWebSocket *socket, const QList<qint64> &ids, bool partial);

    TokenCheck m_checkToken;
    QuoteSource m_quotes;
    QTcpServer *m_tcpServer;    // a child, so moveToThread takes it along; hands screened sockets to m_server
    QWebSocketServer *m_server; // a child too
    QList<QTcpSocket *> m_handedOver; // connections given to m_server, not yet matched to a WebSocket
    int m_handshaking = 0;            // connections whose request line is being read
    QHash<QWebSocket *, Client> m_clients;
    QHash<QWebSocket *, QHash<qint64, QJsonObject>> m_lastSent; // for partial records
    Hooks *m_hooks = nullptr;
};

} // namespace trailguard
