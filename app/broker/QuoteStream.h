#pragma once

#include "broker/BrokerTypes.h"
#include "broker/StreamQuoteRecords.h"
#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QWebSocket;

namespace trailguard {

class QuestradeAuth;
class QuestradeClient;

// Questrade's streaming Level 1 quotes over one WebSocket (questrade-api.md §7):
//   1. ask for a port (v1/markets/quotes?ids=...&stream=true&mode=WebSocket, through the REST client, so the
//      rate limiter and the token chain apply);
//   2. open ws(s)://<api host>:<port>/v1/markets/quotes?ids=...&stream=true&mode=WebSocket (wss; ws only
//      for an http api_server on loopback, i.e. the fake server);
//   3. send the bare access token as the first text frame and wait for {"success": true};
//   4. read {"quotes": [...]} messages. Records are merged by symbolId: a key a message leaves out keeps
//      its last known value, so partial records never zero a price.
// The ids are part of the URL, so changing them means a new port request and a new socket, and a long
// list must be split over several streams (QuoteStreamPool does): a URL of kMaxUrlLength characters or
// more, or a server that finds the list too long (413/414/1003/1005), stops this stream with
// subscriptionTooLong() instead of retrying. Any other failure (port refused, socket closed or refused, no
// {"success"} in time, no pong to a ping) closes the socket and tries again after an exponential backoff
// with jitter. Silence is no fault: a thinly traded symbol may not trade for an hour; a dead connection is
// found by WebSocket ping/pong instead. While live, the token is renewed every keepAliveInterval and a
// cheap v1/time call follows, so Questrade's session (and with it the socket) stays alive; when the socket
// closes anyway, the next attempt asks for a new port with the newest token.
class QuoteStream : public QObject {
    Q_OBJECT
public:
    enum class State {
        Stopped,    // not wanted (stop(), or no ids to watch)
        Connecting, // asking for the port, opening the socket or authenticating
        Live,       // authenticated: quotes arrive
        Waiting,    // the last attempt failed; the next one starts after a backoff
    };
    Q_ENUM(State)

    struct Options {
        std::chrono::milliseconds backoffBase{1000}; // then x2 per failure in a row, plus up to 50% jitter
        std::chrono::milliseconds backoffMax{60000};
        // After the server refused to give a port (an HTTP 4xx: no streaming offered), wait at least this.
        std::chrono::milliseconds notOfferedDelay{600000};
        // From opening the socket to {"success": true}: longer is a fault (a handshake that hangs included).
        std::chrono::milliseconds authTimeout{15000};
        // While live, a ping this often; no pong within pongTimeout means the connection is dead.
        std::chrono::milliseconds pingInterval{30000};
        std::chrono::milliseconds pongTimeout{20000};
        // Renew the token and call v1/time this often while live (the session ends after 30 min idle).
        std::chrono::milliseconds keepAliveInterval{25 * 60 * 1000};
        // false: someone else keeps the session alive (QuoteStreamPool does it once for all its streams).
        bool keepSessionAlive = true;
    };

    // Every request this stream makes (the port request's URL, the socket URL) stays shorter than this
    // (IIS's default query limit is 2,048; questrade-api.md "Corrections").
    static constexpr int kMaxUrlLength = 2000;
    // Incoming size caps: a message (all its frames) and one frame.
    static constexpr quint64 kMaxMessageBytes = 32 * 1024 * 1024;
    static constexpr quint64 kMaxFrameBytes = 1024 * 1024;

    QuoteStream(QuestradeClient &client, QuestradeAuth &auth, Options options, QObject *parent = nullptr);
    ~QuoteStream() override;

    // The ids to subscribe to. A change while running resubscribes at once (new port, new socket).
    void setSymbolIds(const QList<qint64> &ids);
    QList<qint64> symbolIds() const { return m_ids; }

    // Connects (when there are ids) and keeps reconnecting until stop().
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    State state() const { return m_state; }
    bool isLive() const { return m_state == State::Live; }

    // Failures in a row since the last healthy stream (for tests and diagnostics).
    int failuresInRow() const { return m_failures; }
    // While Waiting: how long until the next attempt (for tests and diagnostics).
    std::chrono::milliseconds nextAttemptIn() const { return m_retryTimer.remainingTimeAsDuration(); }
    // Sockets opened so far.
    int connectionAttempts() const { return m_attempts; }
    // Pongs received so far (answers to the liveness pings).
    int pongsReceived() const { return m_pongs; }
    // The open socket's incoming size caps (0 without a socket).
    quint64 maxAllowedIncomingMessageSize() const;
    quint64 maxAllowedIncomingFrameSize() const;

    // Renews the token early and makes a cheap v1/time call with it: a live socket alone does not keep
    // Questrade's session alive (questrade-api.md §7).
    static void keepSessionAlive(QuestradeClient &client, QuestradeAuth &auth, QObject *context);

    // The URL the socket opens for `ids`, given the api_server and the port (public for tests).
    static QUrl socketUrl(const QUrl &apiServer, quint16 port, const QList<qint64> &ids);

Q_SIGNALS:
    void stateChanged(trailguard::QuoteStream::State state);
    // Every streamed batch, merged with the last known values of each symbol.
    void quotesReceived(const QList<trailguard::BrokerQuote> &quotes);
    // A failed attempt or a dropped stream, in words for the log and the status bar.
    void faulted(const QString &reason);
    // The ids do not fit one request (see the class comment): the stream stopped; split them.
    void subscriptionTooLong();

private:
    void connectNow();
    void openSocket(quint16 port, const AccessGrant &grant, quint64 generation);
    void handleText(const QString &text);
    void handleQuotes(const QJsonObject &message);
    void fail(const QString &reason, bool notOffered = false);
    void stopTooLong(const QString &reason);
    void closeSocket();
    void setState(State state);
    void becomeLive();
    void ping();
    void keepAlive();

    QuestradeClient &m_client;
    QuestradeAuth &m_auth;
    Options m_options;

    QList<qint64> m_ids;
    bool m_running = false;
    State m_state = State::Stopped;
    quint64 m_generation = 0; // bumped by every new attempt and by stop(): stale callbacks are ignored
    QPointer<QObject> m_attemptContext;
    QWebSocket *m_socket = nullptr;
    QByteArray m_sentToken;   // the token this socket authenticated with
    bool m_tokenSent = false; // the handshake is over and the token went out
    bool m_authenticated = false;
    bool m_receivedQuotes = false; // on this socket, after {"success"}
    int m_failures = 0;
    int m_attempts = 0;
    int m_pongs = 0;
    StreamQuoteRecords m_records;

    QTimer m_retryTimer;
    QTimer m_authTimer;
    QTimer m_pingTimer;
    QTimer m_pongDeadline; // runs from a ping until its pong
    QTimer m_keepAliveTimer;
};

} // namespace trailguard
