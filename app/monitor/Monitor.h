#pragma once

#include "broker/BrokerTypes.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "domain/CycleReport.h"
#include "domain/StockState.h"
#include "domain/StopLossEngine.h"
#include "monitor/CheckScheduler.h"
#include "monitor/MarketHours.h"
#include "monitor/WatchedStates.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <chrono>
#include <functional>

namespace trailguard {

class CatchUp;
struct QuoteBatchEvaluation;
class RuleWatch;
class QuestradeClient;
class WatchlistService;

// The check loop: every interval (and on "Check now") one cycle runs
//   resolve new tickers → batched quotes → engine for each stock → persist all changes in one
//   transaction (each ticker in its own savepoint: one that cannot be saved blocks no other) → announce
//   breaches.
// Cycles never overlap: a check asked for during a cycle runs right after it.
class Monitor : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::seconds kMinimumInterval = CheckScheduler::kMinimumInterval;
    static constexpr std::chrono::seconds kMaximumInterval = CheckScheduler::kMaximumInterval;
    static constexpr std::chrono::seconds kDefaultInterval = CheckScheduler::kDefaultInterval;

    Monitor(WatchlistService &watchlist, QuestradeClient &client, const Clock &clock,
            QObject *parent = nullptr);

    // Called for each breach inside the cycle's transaction (the alert outbox): a failure rolls the whole
    // cycle back, so a breach is never stored without its alert or the other way round.
    using BreachRecorder = std::function<Status(const Breach &breach, const StockState &stock)>;
    void setBreachRecorder(BreachRecorder recorder) { m_recordBreach = std::move(recorder); }

    void setRepeatPolicy(RepeatPolicy policy) { m_repeatPolicy = policy; }

    // See trailguard::QuoteRecorder (the price history).
    using QuoteRecorder = trailguard::QuoteRecorder;
    void setQuoteRecorder(QuoteRecorder recorder) { m_recordQuotes = std::move(recorder); }

    // Extended-hours trades: false (the default) makes stops follow the regular session, i.e. the engine
    // sees `lastTradePriceTrHrs` when Questrade sent it (else `lastTradePrice`), so a pre-market or
    // after-hours trade neither raises the peak nor raises a breach; true makes them use every trade. Either
    // way the price history records the last trade of any session.
    void setIncludeExtendedHours(bool include) { m_includeExtendedHours = include; }
    bool includeExtendedHours() const { return m_includeExtendedHours; }

    // Runs broker quotes through the engine for every watched stock with that symbol id, saves the changed
    // states (and their breaches and recorded quotes) in one transaction and announces the breaches.
    // Polling cycles, the stream and the offline catch-up all come through here, so they obey the same
    // rules (once per market day, snooze, repeat policy). Synchronous; it works on the watched states kept in
    // memory (WatchedStates), which follow every edit, so edits made while the quotes were on the network are
    // kept; its cost grows with the batch, not with the watchlist.
    Result<QuoteBatchReport> applyQuotes(const QList<BrokerQuote> &quotes, QuoteOrigin origin);

    // Clamped to [kMinimumInterval, kMaximumInterval].
    void setInterval(std::chrono::seconds interval);
    std::chrono::seconds interval() const { return m_schedule.interval(); }
    // While quotes stream in, polling only backs the stream up: scheduled cycles run at least `interval`
    // apart (zero: the normal interval). "Check now" is not slowed down.
    void setStreamingBackupInterval(std::chrono::seconds interval);
    std::chrono::seconds streamingBackupInterval() const { return m_schedule.streamingBackupInterval(); }

    // --- market hours and offline catch-up (both optional, not owned; BrokerSession sets them) -----------
    // With market hours, scheduled cycles (start() and the timer) run only while a watched market is open
    // or within the grace period after its close; otherwise the monitor sleeps until the next open, waking
    // every kClosedWakeUp to notice a new day. checkNow() (the "Check now" action and --once) always checks.
    // A polled or streamed quote whose last trade is older than the current session of its market never
    // raises a breach (the state still records the price).
    void setMarketHours(MarketHours *hours);
    MarketHours *marketHours() const { return m_schedule.marketHours(); }
    // false: poll at every interval whatever the markets say (stale quotes are still kept from alerting).
    void setPollOnlyWhileOpen(bool only) { m_schedule.setPollOnlyWhileOpen(only); }
    bool pollOnlyWhileOpen() const { return m_schedule.pollOnlyWhileOpen(); }
    MarketState marketState() const { return m_schedule.marketState(); }
    // Run before the quotes of every cycle (and on wake-ups while closed): checks the minute candles of a
    // downtime gap (see CatchUp).
    void setCatchUp(CatchUp *catchUp) { m_catchUp = catchUp; }
    // The tickers' alert rules (optional, not owned): evaluated on every batch applyQuotes saves, their
    // alerts stored in the batch's transaction.
    void setRuleWatch(RuleWatch *ruleWatch) { m_ruleWatch = ruleWatch; }
    RepeatPolicy repeatPolicy() const { return m_repeatPolicy; }
    // The computer woke up or the network came back: a scheduled cycle now (it catches up the gap; while
    // the market is closed it polls nothing). Ignored while stopped or during a cycle.
    void resumeAfterGap();
    static constexpr std::chrono::minutes kClosedWakeUp = CheckScheduler::kClosedWakeUp;
    static constexpr std::chrono::seconds kClockJump = CheckScheduler::kClockJump;

    // Runs a cycle now and then one every interval.
    void start();
    void stop();
    bool isActive() const { return m_active; }
    // Runs a cycle as soon as possible (after the current one, if one is running).
    void checkNow();

    bool isCycleRunning() const { return m_cycleRunning; }
    QDateTime lastCheck() const { return m_lastReport.finishedAt; }
    QDateTime nextCheck() const { return m_schedule.nextCheck(); }
    const CycleReport &lastReport() const { return m_lastReport; }
    // The watched states as the monitor holds them (read again at every cycle and whenever another
    // connection wrote to the database).
    WatchedStates &watchedStates() { return m_states; }

Q_SIGNALS:
    void cycleStarted();
    void cycleFinished(const trailguard::CycleReport &report);
    // Emitted after the breach was saved with the stock's new state.
    void breachDetected(const trailguard::Breach &breach);
    // After every batch applyQuotes saved, whatever its origin.
    void quotesApplied(trailguard::QuoteOrigin origin, const trailguard::QuoteBatchReport &report);
    void scheduleChanged(const QDateTime &nextCheck);
    // The watched markets opened or closed, or the next open became known (see MarketHours::describe).
    void marketStateChanged(const trailguard::MarketState &state);

private:
    void runCycle();
    void resolveSymbols(const QList<StockState> &stocks);
    void fetchQuotes();
    Status markUnknownIds(const QList<qint64> &unknownIds);
    void queueCycle(bool forced);
    void afterMarkets(bool forced);
    void beginCycle();
    void catchUpThenQuote();
    void finishIdle();
    void clockJumped(qint64 elapsedSeconds);
    // A failed status ends the cycle as failed; CycleReport keeps ok/error for its readers.
    void finishCycle(const Status &status);
    void logNotes(const QuoteBatchEvaluation &evaluation);
    void announce(const QuoteBatchReport &report, QuoteOrigin origin);

    WatchlistService &m_watchlist;
    WatchedStates m_states;
    QuestradeClient &m_client;
    const Clock &m_clock;
    CheckScheduler m_schedule;
    CatchUp *m_catchUp = nullptr;
    RuleWatch *m_ruleWatch = nullptr;
    bool m_forceNext = false;   // the queued cycle came from checkNow()
    bool m_cycleForced = false; // the running cycle came from checkNow()
    bool m_active = false;
    bool m_cycleRunning = false;
    bool m_checkRequested = false;
    quint64 m_generation = 0; // bumped by stop(): a cycle queued before it does not run
    CycleReport m_current;
    Status m_lookupStatus = success(); // a failed symbol look-up: the cycle goes on but ends as failed
    CycleReport m_lastReport;
    BreachRecorder m_recordBreach;
    QuoteRecorder m_recordQuotes;
    RepeatPolicy m_repeatPolicy = RepeatPolicy::DailyWhileBelow;
    bool m_includeExtendedHours = false;
    QObject *m_cycleContext = nullptr; // destroyed by stop(): late answers of a stopped cycle are dropped
    QSet<QString> m_warnedTickers;     // engine warnings are logged once per ticker and run
};

} // namespace trailguard
