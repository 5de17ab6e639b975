#pragma once

#include "broker/BrokerTypes.h"
#include "broker/QuoteStreamPool.h"
#include "domain/StockState.h"
#include "monitor/QuoteFeedMode.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>

namespace trailguard {

class BrokerSession;
class Clock;
class WatchlistService;

// Real-time quotes for the monitor: owns the app's streams (a QuoteStreamPool: one socket per slice of
// ids short enough for one request), keeps them subscribed to the watchlist's symbol ids, and feeds the
// streamed quotes into Monitor::applyQuotes(…, QuoteOrigin::Stream), the same engine, transaction and outbox
// as polling. Quotes that arrive together (in one turn of the event loop, from any socket) make one batch:
// one engine pass, one transaction; a second quote for a symbol already waiting starts the next batch, so
// every trade is still judged and recorded.
//
// Polling policy (documented choice): while the stream is live, the monitor keeps polling, but only as a
// backup every Options::backupPollInterval (15 min by default; "Check now" is never slowed). That backup
// cycle also resolves tickers the stream cannot know yet. When the stream goes down, the monitor is put
// back on its normal interval and checks at once, so the gap is covered; it polls until the stream is
// live again. While only some of the streams are live (PartlyStreaming, e.g. the server refused another
// socket), the monitor polls on its normal interval too, so the tickers of the others are checked; the log
// and coverageChanged() (for the status bar and the tray) say how many stream ("Streaming 800 of 1,000
// tickers; 200 on polling"). A ticker added while streaming triggers one check right away (its symbol is
// looked up), after which the stream resubscribes with the new id.
class StreamSession : public QObject {
    Q_OBJECT
public:
    struct Options {
        QuoteStreamPool::Options streams;
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
    QuoteStreamPool &streams() { return *m_streams; }
    // Symbol ids subscribed, and those whose stream is live now (the others are polled).
    int subscribedCount() const { return m_subscribed; }
    int streamedCount() const { return m_streamed; }

    // "streaming", "polling", "connecting the stream" — for log lines (not translated).
    static QString logName(QuoteFeedMode mode);

Q_SIGNALS:
    void modeChanged(trailguard::QuoteFeedMode mode);
    // How many of the subscribed ids stream changed (also with the mode).
    void coverageChanged(int streamed, int subscribed);

private:
    void queueStreamedQuotes(const QList<BrokerQuote> &quotes);
    void applyQueuedQuotes();
    void scheduleRefreshFor(const QList<StockState> &changed);
    void updateRunning();
    void updateMode();
    void refreshIds(bool resolveNewTickers);
    void logMode() const;

    BrokerSession &m_session;
    WatchlistService &m_watchlist;
    const Clock &m_clock;
    Options m_options;
    std::unique_ptr<QuoteStreamPool> m_streams;
    bool m_enabled = false;
    QuoteFeedMode m_mode = QuoteFeedMode::Polling;
    int m_subscribed = 0;
    int m_streamed = 0;
    QTimer m_modeTimer;            // coalesces the state changes of many streams into one update
    QStringList m_unresolvedAsked; // unresolved tickers a check was already asked for
    QTimer m_refreshTimer;         // coalesces watchlist signals
    QTimer m_periodicRefresh;
    QList<BrokerQuote> m_queued; // streamed quotes waiting for the end of this turn of the event loop
    QSet<qint64> m_queuedIds;
    QTimer m_applyTimer;
    QSet<qint64> m_subscribedIds; // what the streams were last given
};

} // namespace trailguard
