#include "monitor/StreamSession.h"

#include "common/Clock.h"
#include "monitor/BrokerSession.h"
#include "monitor/MonitorLogging.h"
#include "watchlist/WatchlistService.h"

namespace trailguard {

StreamSession::StreamSession(BrokerSession &session, WatchlistService &watchlist, const Clock &clock,
                             Options options, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_watchlist(watchlist)
    , m_clock(clock)
    , m_options(options)
    , m_stream(std::make_unique<QuoteStream>(session.client(), session.auth(), options.stream))
{
    m_stream->setMarketOpenCheck([this] { return anyMarketOpen(); });
    connect(m_stream.get(), &QuoteStream::quotesReceived, this, &StreamSession::applyStreamedQuotes);
    connect(m_stream.get(), &QuoteStream::stateChanged, this, &StreamSession::updateMode);

    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { refreshIds(true); });
    const auto scheduleRefresh = [this] { m_refreshTimer.start(0); };
    connect(&m_watchlist, &WatchlistService::stockAdded, this, scheduleRefresh);
    connect(&m_watchlist, &WatchlistService::stockRemoved, this, scheduleRefresh);
    connect(&m_watchlist, &WatchlistService::stocksChanged, this, scheduleRefresh);
    connect(&m_watchlist, &WatchlistService::stockChanged, this, scheduleRefresh);
    // A cycle resolves new tickers: subscribe to their ids.
    connect(&m_session.monitor(), &Monitor::cycleFinished, this, [this] { refreshIds(false); });
    connect(&m_periodicRefresh, &QTimer::timeout, this, [this] { refreshIds(true); });

    connect(&m_session.auth(), &QuestradeAuth::stateChanged, this, &StreamSession::updateRunning);
}

StreamSession::~StreamSession()
{
    disconnect(m_stream.get(), nullptr, this, nullptr); // shutting down is no change of mode to announce
    m_stream->stop();
}

void StreamSession::start()
{
    if (m_enabled)
        return;
    m_enabled = true;
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
    m_periodicRefresh.stop();
    m_stream->stop();
    updateMode();
}

void StreamSession::setMarketOpenCheck(std::function<bool()> check)
{
    m_stream->setMarketOpenCheck(std::move(check));
}

QString StreamSession::logName(QuoteFeedMode mode)
{
    switch (mode) {
    case QuoteFeedMode::Streaming:
        return QStringLiteral("streaming");
    case QuoteFeedMode::Connecting:
        return QStringLiteral("connecting the stream (polling meanwhile)");
    case QuoteFeedMode::Polling:
        break;
    }
    return QStringLiteral("polling");
}

void StreamSession::applyStreamedQuotes(const QList<BrokerQuote> &quotes)
{
    const Result<QuoteBatchReport> applied = m_session.monitor().applyQuotes(quotes, QuoteOrigin::Stream);
    if (!applied.ok())
        qCWarning(lcMonitor).noquote() << "Streamed quotes could not be saved:" << applied.error().message;
}

void StreamSession::updateRunning()
{
    const ConnectionState state = m_session.auth().state();
    const bool usable = state == ConnectionState::Connected || state == ConnectionState::Offline;
    if (m_enabled && usable && !m_stream->isRunning())
        m_stream->start();
    else if ((!m_enabled || state == ConnectionState::NotConfigured ||
              state == ConnectionState::Disconnected) &&
             m_stream->isRunning())
        m_stream->stop();
}

void StreamSession::updateMode()
{
    QuoteFeedMode mode = QuoteFeedMode::Polling;
    if (m_enabled && m_stream->state() == QuoteStream::State::Live)
        mode = QuoteFeedMode::Streaming;
    else if (m_enabled && m_stream->state() == QuoteStream::State::Connecting)
        mode = QuoteFeedMode::Connecting;
    if (mode == m_mode)
        return;
    const bool wasStreaming = m_mode == QuoteFeedMode::Streaming;
    m_mode = mode;
    Monitor &monitor = m_session.monitor();
    if (mode == QuoteFeedMode::Streaming) {
        monitor.setStreamingBackupInterval(m_options.backupPollInterval);
        qCInfo(lcMonitor).noquote()
            << QStringLiteral("Quote mode: streaming (real-time); polling every %1 s "
                              "as a backup")
                   .arg(std::max(monitor.interval(), m_options.backupPollInterval).count());
    } else {
        monitor.setStreamingBackupInterval(std::chrono::seconds(0));
        if (mode == QuoteFeedMode::Polling)
            qCInfo(lcMonitor).noquote()
                << QStringLiteral("Quote mode: polling every %1 s").arg(monitor.interval().count());
        else
            qCInfo(lcMonitor).noquote()
                << QStringLiteral("Quote mode: connecting the stream; polling every %1 s "
                                  "meanwhile")
                       .arg(monitor.interval().count());
        // The stream went down: check now, so nothing that happened since is missed.
        if (wasStreaming && monitor.isActive())
            monitor.checkNow();
    }
    Q_EMIT modeChanged(mode);
}

void StreamSession::refreshIds(bool resolveNewTickers)
{
    if (!m_enabled)
        return;
    const auto stocks = m_watchlist.stocks();
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
    m_stream->setSymbolIds(ids);
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

bool StreamSession::anyMarketOpen()
{
    // The monitor's market hours know which markets are watched; without them, today's sessions of any.
    const MarketState state = m_session.monitor().marketState();
    if (state.known)
        return state.open;
    const QDateTime now = m_clock.now();
    if (m_sessionsDay != now.date() && !m_fetchingSessions) {
        m_fetchingSessions = true;
        m_session.client().fetchMarkets(this, [this, day = now.date()](Result<QList<MarketSession>> markets) {
            m_fetchingSessions = false;
            if (!markets.ok())
                return; // unknown: silence stays a fault, as without market hours
            m_sessions = markets.value();
            m_sessionsDay = day;
        });
    }
    if (m_sessionsDay != now.date() || m_sessions.isEmpty())
        return true;
    for (const MarketSession &market : std::as_const(m_sessions)) {
        if (!market.start.isValid() || !market.end.isValid() || (market.start <= now && now < market.end))
            return true;
    }
    return false;
}

} // namespace trailguard
