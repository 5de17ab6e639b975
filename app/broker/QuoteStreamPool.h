#pragma once

#include "broker/BrokerTypes.h"
#include "broker/QuoteStream.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace trailguard {

class QuestradeAuth;
class QuestradeClient;

// Streams any number of symbol ids: the ids are cut into slices short enough for one request each (the
// port request's query and the socket URL stay under QuoteStream::kMaxUrlLength), and every slice gets its
// own QuoteStream (port request and socket). A slice the server still finds too long is split in two.
// A slice whose stream is not live (a server that refuses another socket, a dropped one) is left to
// polling; the others keep streaming, and liveSymbolCount() says how many ids stream.
// Slices are kept stable: a watchlist edit changes (and reconnects) only the slices it touches. The pool
// keeps Questrade's session alive once for all its streams (every keepAliveInterval while any is live).
class QuoteStreamPool : public QObject {
    Q_OBJECT
public:
    struct Options {
        QuoteStream::Options stream;
        // Room kept in kMaxUrlLength for what the socket URL adds to the query: "wss://", the API host,
        // the port and the path. A host that needs more is caught when the URL is built (and split).
        int urlAllowance = 200;
    };

    QuoteStreamPool(QuestradeClient &client, QuestradeAuth &auth, Options options, QObject *parent = nullptr);
    ~QuoteStreamPool() override;

    // The ids to stream. Changes reach only the slices they touch.
    void setSymbolIds(const QList<qint64> &ids);
    QList<qint64> symbolIds() const;

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // The streams, one per slice, in slice order.
    QList<QuoteStream *> streams() const { return m_streams; }
    int symbolCount() const;     // ids to stream
    int liveSymbolCount() const; // ids whose stream is live
    bool anyLive() const;
    bool anyConnecting() const; // a stream is being set up (and none has failed for good)

    // The longest query (ids=...&stream=true&mode=WebSocket) a slice may have with `options`.
    static int maxQueryLength(const Options &options);
    // The query of a port request or socket URL for `ids` (public for tests).
    static QString streamQuery(const QList<qint64> &ids);

Q_SIGNALS:
    // Any stream's state, or the slicing, changed.
    void stateChanged();
    void quotesReceived(const QList<trailguard::BrokerQuote> &quotes);
    void faulted(const QString &reason);

private:
    QuoteStream *addStream(const QList<qint64> &ids, int position);
    void removeStream(QuoteStream *stream);
    void split(QuoteStream *stream);
    void updateKeepAlive();

    QuestradeClient &m_client;
    QuestradeAuth &m_auth;
    Options m_options;
    bool m_running = false;
    QList<QuoteStream *> m_streams; // children
    QTimer m_keepAliveTimer;
};

} // namespace trailguard
