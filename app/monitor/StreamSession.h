#pragma once

#include "broker/BrokerTypes.h"
#include "broker/QuoteStream.h"
#include "monitor/QuoteFeedMode.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>

namespace trailguard {

class BrokerSession;
class Clock;
class WatchlistService;

// Real-time quotes for the monitor: owns the one QuoteStream of the app, keeps it subscribed to the
// watchlist's symbol ids, and feeds every streamed batch into Monitor::applyQuotes(…, QuoteOrigin::Stream),
// the same engine, transaction and outbox as polling.
//
// Polling policy (documented choice): while the stream is live, the monitor keeps polling, but only as a
// backup every Options::backupPollInterval (15 min by default; "Check now" is never slowed). That backup
// cycle also resolves tickers the stream cannot know yet. When the stream goes down, the monitor is put
// back on its normal interval and checks at once, so the gap is covered; it polls until the stream is
// live again. A ticker added while streaming triggers one check right away (its symbol is looked up),
// after which the stream resubscribes with the new id.
class StreamSession : public QObject {
    Q_OBJECT
public:
    struct Options {
        QuoteStream::Options stream;
        std::chrono::seconds backupPollInterval{15 * 60};
        // How often the watchlist is re-read for edits made elsewhere (the CLI, another process).
        std::chrono::milliseconds watchlistRefreshInterval{15000};
    };

    // `session`, `watchlist` and `clock` must outlive this object.
    StreamSession(BrokerSession &session, WatchlistService &watchlist, const Clock &clock, Options options,
                  QObject *parent = nullptr);
    ~StreamSession() override;

    // Streaming wanted: the stream runs whenever the account is usable. stop(): polling only.
    void start();
    void stop();
    bool isEnabled() const { return m_enabled; }

    QuoteFeedMode mode() const { return m_mode; }
    QuoteStream &stream() { return *m_stream; }

    // Replaces the default "is a watched market open?" check of the stream's silence watchdog (default: the
    // monitor's market state when known, else today's regular sessions from v1/markets fetched once a day,
    // else open).
    void setMarketOpenCheck(std::function<bool()> check);

    // "streaming", "polling", "connecting the stream" — for log lines (not translated).
    static QString logName(QuoteFeedMode mode);

Q_SIGNALS:
    void modeChanged(trailguard::QuoteFeedMode mode);

private:
    void applyStreamedQuotes(const QList<BrokerQuote> &quotes);
    void updateRunning();
    void updateMode();
    void refreshIds(bool resolveNewTickers);
    bool anyMarketOpen();

    BrokerSession &m_session;
    WatchlistService &m_watchlist;
    const Clock &m_clock;
    Options m_options;
    std::unique_ptr<QuoteStream> m_stream;
    bool m_enabled = false;
    QuoteFeedMode m_mode = QuoteFeedMode::Polling;
    QStringList m_unresolvedAsked; // unresolved tickers a check was already asked for
    QTimer m_refreshTimer;         // coalesces watchlist signals
    QTimer m_periodicRefresh;
    QList<MarketSession> m_sessions;
    QDate m_sessionsDay; // the UTC day m_sessions were fetched for
    bool m_fetchingSessions = false;
};

} // namespace trailguard
