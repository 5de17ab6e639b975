#pragma once

#include "common/Clock.h"
#include "domain/StockState.h"
#include "monitor/MarketHours.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <chrono>

namespace trailguard {

// When the Monitor checks next: the interval (slower while the stream is live), sleeping while the
// watched markets are closed (waking every kClosedWakeUp), and a watch that notices the computer slept.
// It only tells the time: the Monitor decides whether a cycle may run.
class CheckScheduler : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::seconds kMinimumInterval{5};
    static constexpr std::chrono::seconds kMaximumInterval{3600};
    static constexpr std::chrono::seconds kDefaultInterval{300};
    static constexpr std::chrono::minutes kClosedWakeUp{5};
    // A timer that fires this much later than planned means the computer slept (or the clock jumped).
    static constexpr std::chrono::seconds kClockJump{90};

    explicit CheckScheduler(const Clock &clock, QObject *parent = nullptr);

    // Clamped to [kMinimumInterval, kMaximumInterval].
    void setInterval(std::chrono::seconds interval);
    std::chrono::seconds interval() const { return m_interval; }
    // Zero: the normal interval. Returns whether it changed.
    bool setStreamingBackupInterval(std::chrono::seconds interval);
    std::chrono::seconds streamingBackupInterval() const { return m_backupInterval; }

    void setMarketHours(MarketHours *hours) { m_marketHours = hours; }
    MarketHours *marketHours() const { return m_marketHours; }
    void setPollOnlyWhileOpen(bool only) { m_pollOnlyWhileOpen = only; }
    bool pollOnlyWhileOpen() const { return m_pollOnlyWhileOpen; }
    MarketState marketState() const { return m_marketState; }
    // Asks the market hours about `stocks`; announces a change (and the first answer). Warns about the
    // interval too (warnIfTooFrequent).
    void updateMarketState(const QList<StockState> &stocks);
    // Logs a warning when polling `tickers` every interval asks more than Questrade's rate limits allow
    // (QuoteCycleCost), once per watchlist size and interval. Returns whether it is too frequent.
    bool warnIfTooFrequent(int tickers);
    // Market hours known, polling only while open, and every watched market closed.
    bool sleepingWhileClosed() const;
    // A scheduled cycle leaves out a stock whose market is closed today (a holiday on one exchange).
    bool skipsClosedMarket(const StockState &stock) const;

    // Starts and stops the sleep watch; stop() also cancels the next check.
    void start();
    void stop();
    // The timer for the next check (after the interval, or until the next open while closed).
    void scheduleNext();
    void cancelNext() { m_timer->stop(); }
    QDateTime nextCheck() const { return m_nextCheck; }

Q_SIGNALS:
    void checkDue();
    // The sleep watch fired `elapsedSeconds` after its previous tick instead of 30 s: the computer slept.
    void clockJumped(qint64 elapsedSeconds);
    void scheduleChanged(const QDateTime &nextCheck);
    void marketStateChanged(const trailguard::MarketState &state);

private:
    void watchForClockJumps();

    const Clock &m_clock;
    std::unique_ptr<ClockTimer> m_timer;
    std::chrono::seconds m_interval = kDefaultInterval;
    std::chrono::seconds m_backupInterval{0}; // set while the stream is live
    MarketHours *m_marketHours = nullptr;
    bool m_pollOnlyWhileOpen = true;
    MarketState m_marketState;
    bool m_marketStateSent = false;
    std::unique_ptr<ClockTimer> m_jumpWatch; // notices a resume from sleep sooner than a long timer would
    QDateTime m_lastJumpTick;
    QDateTime m_nextCheck;
    std::pair<int, std::chrono::seconds> m_warnedFor{0, std::chrono::seconds(0)}; // tickers, interval
};

} // namespace trailguard
