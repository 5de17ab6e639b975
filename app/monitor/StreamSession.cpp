#include "monitor/StreamSession.h"

#include "common/Clock.h"
#include "monitor/BrokerSession.h"
#include "monitor/MonitorLogging.h"
#include "watchlist/WatchlistService.h"

#include <utility>

namespace trailguard {

StreamSession::StreamSession(BrokerSession &session, WatchlistService &watchlist, const Clock &clock,
                             Options options, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_watchlist(watchlist)
    , m_clock(clock)
    , m_options(options)
    , m_streams(std::make_unique<QuoteStreamPool>(session.client(), session.auth(), options.streams))
{
    connect(m_streams.get(), &QuoteStreamPool::quotesReceived, this, &StreamSession::queueStreamedQuotes);
    m_applyTimer.setSingleShot(true);
    connect(&m_applyTimer, &QTimer::timeout, this, &StreamSession::applyQueuedQuotes);
    m_modeTimer.setSingleShot(true);
    connect(&m_modeTimer, &QTimer::timeout, this, &StreamSession::updateMode);
    connect(m_streams.get(), &QuoteStreamPool::stateChanged, this, [this] { m_modeTimer.start(0); });

    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { refreshIds(true); });
    const auto scheduleRefresh = [this] { m_refreshTimer.start(0); };
    connect(&m_watchlist, &WatchlistService::stockAdded, this, scheduleRefresh);
    connect(&m_watchlist, &WatchlistService::stockRemoved, this, scheduleRefresh);
    // Saved batches change no subscription; resolved or unknown symbols do.
    connect(&m_watchlist, &WatchlistService::stocksChanged, this, &StreamSession::scheduleRefreshFor);
    connect(&m_watchlist, &WatchlistService::stockChanged, this, scheduleRefresh);
    // A cycle resolves new tickers: subscribe to their ids.
    connect(&m_session.monitor(), &Monitor::cycleFinished, this, [this] { refreshIds(false); });
    // Edits made elsewhere: read the watchlist again only when another connection wrote to the database.
    connect(&m_periodicRefresh, &QTimer::timeout, this, [this] {
        if (m_watchlist.changedElsewhere())
            refreshIds(true);
    });

    connect(&m_session.auth(), &QuestradeAuth::stateChanged, this, &StreamSession::updateRunning);
}

StreamSession::~StreamSession()
{
    disconnect(m_streams.get(), nullptr, this, nullptr); // shutting down is no change of mode to announce
    m_streams->stop();
}

void StreamSession::start()
{
    if (m_enabled)
        return;
    m_enabled = true;
    // Starts from the database (the truth); afterwards the monitor's copy follows the edits.
    if (const Status read = m_session.monitor().watchedStates().reload(); !read.ok())
        qCWarning(lcMonitor).noquote() << "Could not read the watchlist:" << read.error().message;
    refreshIds(false);
    m_periodicRefresh.start(m_options.watchlistRefreshInterval);
    updateRunning();
    updateMode();
    if (m_mode == QuoteFeedMode::Polling)
        qCInfo(lcMonitor).noquote() << QStringLiteral("Quote mode: polling every %1 s; streaming starts once "
                                                      "the account is connected and a symbol is known")
                                           .arg(m_session.monitor().interval().count());
}

void StreamSession::stop()
{
    if (!m_enabled)
        return;
    m_enabled = false;
    applyQueuedQuotes();
    m_periodicRefresh.stop();
    m_streams->stop();
    updateMode();
}

QString StreamSession::logName(QuoteFeedMode mode)
{
    switch (mode) {
    case QuoteFeedMode::Streaming:
        return QStringLiteral("streaming");
    case QuoteFeedMode::PartlyStreaming:
        return QStringLiteral("partly streaming (polling the rest)");
    case QuoteFeedMode::Connecting:
        return QStringLiteral("connecting the stream (polling meanwhile)");
    case QuoteFeedMode::Polling:
        break;
    }
    return QStringLiteral("polling");
}

void StreamSession::queueStreamedQuotes(const QList<BrokerQuote> &quotes)
{
    for (const BrokerQuote &quote : quotes) {
        if (m_queuedIds.contains(quote.symbolId))
            applyQueuedQuotes(); // the earlier quote of this symbol is judged first
        m_queuedIds.insert(quote.symbolId);
        m_queued.append(quote);
    }
    if (!m_queued.isEmpty() && !m_applyTimer.isActive())
        m_applyTimer.start(0); // after the other messages already waiting in this turn
}

void StreamSession::applyQueuedQuotes()
{
    m_applyTimer.stop();
    if (m_queued.isEmpty())
        return;
    const QList<BrokerQuote> batch = std::exchange(m_queued, {});
    m_queuedIds.clear();
    const Result<QuoteBatchReport> applied = m_session.monitor().applyQuotes(batch, QuoteOrigin::Stream);
    if (!applied.ok())
        qCWarning(lcMonitor).noquote() << "Streamed quotes could not be saved:" << applied.error().message;
}

void StreamSession::scheduleRefreshFor(const QList<StockState> &changed)
{
    for (const StockState &stock : changed) {
        const bool wanted = stock.symbolId && !stock.symbolNotFound;
        const bool subscribed = stock.symbolId && m_subscribedIds.contains(*stock.symbolId);
        if (wanted != subscribed || (!stock.symbolId && !stock.symbolNotFound)) {
            m_refreshTimer.start(0);
            return;
        }
    }
}

void StreamSession::updateRunning()
{
    const ConnectionState state = m_session.auth().state();
    const bool usable = state == ConnectionState::Connected || state == ConnectionState::Offline;
    if (m_enabled && usable && !m_streams->isRunning())
        m_streams->start();
    else if ((!m_enabled || state == ConnectionState::NotConfigured ||
              state == ConnectionState::Disconnected) &&
             m_streams->isRunning())
        m_streams->stop();
}

void StreamSession::updateMode()
{
    m_modeTimer.stop();
    const int subscribed = m_enabled ? m_streams->symbolCount() : 0;
    const int streamed = m_enabled ? m_streams->liveSymbolCount() : 0;
    QuoteFeedMode mode = QuoteFeedMode::Polling;
    if (subscribed > 0 && streamed == subscribed)
        mode = QuoteFeedMode::Streaming;
    else if (streamed > 0)
        mode = QuoteFeedMode::PartlyStreaming;
    else if (m_enabled && m_streams->anyConnecting())
        mode = QuoteFeedMode::Connecting;
    const bool coverageChanged = subscribed != m_subscribed || streamed != m_streamed;
    m_subscribed = subscribed;
    m_streamed = streamed;
    if (mode == m_mode) {
        if (coverageChanged && mode == QuoteFeedMode::PartlyStreaming)
            logMode();
        if (coverageChanged)
            Q_EMIT this->coverageChanged(streamed, subscribed);
        return;
    }
    const bool wasStreaming = m_mode == QuoteFeedMode::Streaming;
    m_mode = mode;
    Monitor &monitor = m_session.monitor();
    // Polling only backs the stream up while every ticker streams; otherwise the normal interval.
    monitor.setStreamingBackupInterval(mode == QuoteFeedMode::Streaming ? m_options.backupPollInterval
                                                                        : std::chrono::seconds(0));
    logMode();
    // A stream went down: check now, so nothing that happened since is missed.
    if (wasStreaming && monitor.isActive())
        monitor.checkNow();
    Q_EMIT modeChanged(mode);
    if (coverageChanged)
        Q_EMIT this->coverageChanged(streamed, subscribed);
}

void StreamSession::logMode() const
{
    const Monitor &monitor = m_session.monitor();
    QString line;
    switch (m_mode) {
    case QuoteFeedMode::Streaming:
        line = QStringLiteral("Quote mode: streaming (real-time, %1 tickers over %2 sockets); polling every "
                              "%3 s as a backup")
                   .arg(m_subscribed)
                   .arg(m_streams->streams().size())
                   .arg(std::max(monitor.interval(), m_options.backupPollInterval).count());
        break;
    case QuoteFeedMode::PartlyStreaming:
        line = QStringLiteral("Quote mode: streaming %1 of %2 tickers; %3 on polling every %4 s")
                   .arg(m_streamed)
                   .arg(m_subscribed)
                   .arg(m_subscribed - m_streamed)
                   .arg(monitor.interval().count());
        break;
    case QuoteFeedMode::Connecting:
        line = QStringLiteral("Quote mode: connecting the stream; polling every %1 s meanwhile")
                   .arg(monitor.interval().count());
        break;
    case QuoteFeedMode::Polling:
        line = QStringLiteral("Quote mode: polling every %1 s").arg(monitor.interval().count());
        break;
    }
    qCInfo(lcMonitor).noquote() << line;
}

void StreamSession::refreshIds(bool resolveNewTickers)
{
    if (!m_enabled)
        return;
    // The monitor's copy of the watchlist, read again if another process changed the database.
    WatchedStates &states = m_session.monitor().watchedStates();
    if (!states.reloadIfChangedElsewhere().ok())
        return;
    const auto stocks = states.all();
    if (!stocks.ok())
        return;
    QList<qint64> ids;
    QStringList unresolved;
    for (const StockState &stock : stocks.value()) {
        if (stock.symbolId && !stock.symbolNotFound)
            ids.append(*stock.symbolId);
        else if (!stock.symbolId && !stock.symbolNotFound)
            unresolved.append(stock.ticker);
    }
    m_streams->setSymbolIds(ids);
    m_subscribedIds = QSet<qint64>(ids.cbegin(), ids.cend());
    unresolved.sort();
    // New tickers need a look-up, which only a monitor cycle does: ask for one now rather than at the next
    // (slow) backup poll. Once per set of unresolved tickers, so a failing look-up does not loop.
    Monitor &monitor = m_session.monitor();
    if (resolveNewTickers && !unresolved.isEmpty() && unresolved != m_unresolvedAsked && monitor.isActive() &&
        m_mode == QuoteFeedMode::Streaming) {
        m_unresolvedAsked = unresolved;
        monitor.checkNow();
    }
}

} // namespace trailguard
