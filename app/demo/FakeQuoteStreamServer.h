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

    // --- faults ---------------------------------------------------------------------------------
    void dropAllConnections();                     // close every socket at once, without a close frame
    void setRefuseTokens(bool refuse);             // every first frame is refused (the socket is closed)
    void setSilent(bool silent);                   // after {"success"} nothing is sent (no snapshot either)
    void setPartialRecords(bool partial);          // pushes carry only symbolId and the changed trade fields
    void setAuthenticationDelay(int milliseconds); // hold {"success"} back this long
    // The sockets open now go dead without closing (a half-open connection): nothing they send is read, so
    // pings go unanswered, and nothing is pushed to them. Sockets opened later are unaffected.
    // false: they come back to life (a socket the client closed meanwhile is forgotten).
    void setUnresponsive(bool unresponsive);
    // At most this many sockets open at once (0: no limit); the opening handshake of one more is answered
    // 503 Service Unavailable.
    void setMaxConnections(int maximum);

    // --- observations -----------------------------------------------------------------------------
    int openConnections() const;          // sockets open now
    int maxOpenConnections() const;       // the most sockets open at the same time so far
    int authenticatedConnections() const; // open sockets that passed the token check
    int connectionsAccepted() const;
    int tokensRefused() const;
    int messagesSent() const; // quote messages, snapshots included
    // Opening handshakes refused: 414 for a long URL, 503 over the connection limit.
    int handshakesRefused() const;
    // The length of every socket URL asked for (refused ones included), in order.
    QList<int> urlLengths() const;
    // The ids of every open authenticated socket (in no particular order).
    QList<QList<qint64>> subscriptions() const;
    // The tokens that authenticated sockets, oldest first.
    QList<QByteArray> acceptedTokens() const;

Q_SIGNALS:
    void clientAuthenticated();
    void clientDisconnected();

private:
    struct Client {
        QList<qint64> ids;
        bool authenticated = false;
        bool unresponsive = false;
        QPointer<QTcpSocket> tcp; // the connection under the WebSocket
    };

    void acceptTcp();
    void screenHandshake(QTcpSocket *tcp);
    void refuseHandshake(QTcpSocket *tcp, const QByteArray &statusLine);
    void accept();
    void handleFirstFrame(QWebSocket *socket, const QString &message);
    void sendQuotes(QWebSocket *socket, const QList<qint64> &ids, bool partial);
    void forget(QWebSocket *socket);

    TokenCheck m_checkToken;
    QuoteSource m_quotes;
    QTcpServer *m_tcpServer;    // a child, so moveToThread takes it along; hands screened sockets to m_server
    QWebSocketServer *m_server; // a child too
    QList<QTcpSocket *> m_handedOver; // connections given to m_server, not yet matched to a WebSocket
    int m_handshaking = 0;            // connections whose request line is being read
    QHash<QWebSocket *, Client> m_clients;
    QHash<QWebSocket *, QHash<qint64, QJsonObject>> m_lastSent; // for partial records
    bool m_refuseTokens = false;
    bool m_silent = false;
    bool m_partial = false;
    int m_authDelayMs = 0;
    int m_maxConnections = 0;
    int m_handshakesRefused = 0;
    QList<int> m_urlLengths;
    int m_maxOpen = 0;
    int m_accepted = 0;
    int m_refused = 0;
    int m_messages = 0;
    QList<QByteArray> m_acceptedTokens;
};

} // namespace trailguard
