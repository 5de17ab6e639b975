#pragma once

#include "demo/FakeQuoteStreamServer.h"

#include <QByteArray>
#include <QList>
#include <QSet>

namespace trailguard::test {

// The fake Questrade stream as tests use it: the product's FakeQuoteStreamServer with fault switches and
// counters attached through its hooks. The switches keep the names tests have always called.
class TestQuoteStream : private FakeQuoteStreamServer::Hooks {
public:
    explicit TestQuoteStream(FakeQuoteStreamServer &server);
    ~TestQuoteStream() override;

    quint16 port() const { return m_server.port(); }
    void publish(qint64 symbolId) { m_server.publish(symbolId); }

    // --- faults ---------------------------------------------------------------------------------
    void dropAllConnections();                     // close every socket at once, without a close frame
    void setRefuseTokens(bool refuse);             // every first frame is refused (the socket is closed)
    void setSilent(bool silent);                   // after {"success"} nothing is sent (no snapshot either)
    void setPartialRecords(bool partial);          // pushes carry only symbolId and the changed trade fields
    void setAuthenticationDelay(int milliseconds); // hold {"success"} back this long
    // The sockets open now go dead without closing (a half-open connection): their TCP connection's
    // signals are blocked, so nothing they send is read, pings go unanswered, and nothing is pushed to
    // them. Sockets opened later are unaffected. false: they come back to life (a socket the client
    // closed meanwhile is forgotten).
    void setUnresponsive(bool unresponsive);
    // At most this many sockets open at once (0: no limit); the opening handshake of one more is answered
    // 503 Service Unavailable.
    void setMaxConnections(int maximum);

    // --- observations -----------------------------------------------------------------------------
    int openConnections() const { return m_server.openConnections(); }
    int authenticatedConnections() const { return m_server.authenticatedConnections(); }
    QList<QList<qint64>> subscriptions() const { return m_server.subscriptions(); }
    int maxOpenConnections() const { return m_maxOpen; } // the most sockets open at the same time so far
    int connectionsAccepted() const { return m_accepted; }
    int tokensRefused() const { return m_refused; }
    int messagesSent() const { return m_messages; } // quote messages, snapshots included
    // Opening handshakes refused: 414 for a long URL, 503 over the connection limit.
    int handshakesRefused() const { return m_handshakesRefused; }
    // The length of every socket URL asked for (refused ones included), in order.
    QList<int> urlLengths() const { return m_urlLengths; }
    // The tokens that authenticated sockets, oldest first.
    QList<QByteArray> acceptedTokens() const { return m_acceptedTokens; }

private:
    void handshakeRequested(int urlLength) override;
    std::optional<QByteArray> refuseHandshake(int openSockets) override;
    void handshakeRefused() override;
    void socketAccepted(int openSockets) override;
    bool refuseToken(const QByteArray &token) override;
    void tokenRefused() override;
    void tokenAccepted(const QByteArray &token) override;
    int authenticationDelayMs() override;
    bool silent() override;
    bool partialRecords() override;
    bool pushTo(QWebSocket *socket) override;
    void messageSent() override;
    void socketClosed(QWebSocket *socket) override;

    FakeQuoteStreamServer &m_server;
    bool m_refuseTokens = false;
    bool m_silent = false;
    bool m_partial = false;
    int m_authDelayMs = 0;
    int m_maxConnections = 0;
    QSet<QWebSocket *> m_unresponsive;
    int m_handshakesRefused = 0;
    QList<int> m_urlLengths;
    int m_maxOpen = 0;
    int m_accepted = 0;
    int m_refused = 0;
    int m_messages = 0;
    QList<QByteArray> m_acceptedTokens;
};

} // namespace trailguard::test
