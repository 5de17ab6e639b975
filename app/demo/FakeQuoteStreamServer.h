#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

class QWebSocket;
class QWebSocketServer;

namespace trailguard {

// The streaming side of the fake Questrade server (questrade-api.md §7): a WebSocket server on 127.0.0.1.
// A client connects to ws://127.0.0.1:PORT/v1/markets/quotes?ids=...&stream=true&mode=WebSocket (the ids in
// the URL are its subscription), sends the bare access token as its first text frame, gets {"success":true}
// and a snapshot of its ids' quotes, then a {"quotes": [record]} message whenever a subscribed quote
// changes. A first frame that is not a valid access token closes the socket (policy violation, 1008).
// Reached through FakeQuestradeServer, which owns it and answers the port request.
class FakeQuoteStreamServer : public QObject {
    Q_OBJECT
public:
    // Whether a token is a valid access token right now.
    using TokenCheck = std::function<bool(const QByteArray &token)>;
    // The full quote record of a symbol (§3), or nothing for an unknown one.
    using QuoteSource = std::function<std::optional<QJsonObject>(qint64 symbolId)>;

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

    // --- observations -----------------------------------------------------------------------------
    int openConnections() const;          // sockets open now
    int maxOpenConnections() const;       // the most sockets open at the same time so far
    int authenticatedConnections() const; // open sockets that passed the token check
    int connectionsAccepted() const;
    int tokensRefused() const;
    int messagesSent() const; // quote messages, snapshots included
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
    };

    void accept();
    void handleFirstFrame(QWebSocket *socket, const QString &message);
    void sendQuotes(QWebSocket *socket, const QList<qint64> &ids, bool partial);
    void forget(QWebSocket *socket);

    TokenCheck m_checkToken;
    QuoteSource m_quotes;
    QWebSocketServer *m_server; // a child, so moveToThread takes it along
    QHash<QWebSocket *, Client> m_clients;
    QHash<QWebSocket *, QHash<qint64, QJsonObject>> m_lastSent; // for partial records
    bool m_refuseTokens = false;
    bool m_silent = false;
    bool m_partial = false;
    int m_authDelayMs = 0;
    int m_maxOpen = 0;
    int m_accepted = 0;
    int m_refused = 0;
    int m_messages = 0;
    QList<QByteArray> m_acceptedTokens;
};

} // namespace trailguard
