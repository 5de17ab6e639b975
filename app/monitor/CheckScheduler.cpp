#include "monitor/CheckScheduler.h"

#include "monitor/MonitorLogging.h"

#include "broker/QuoteCycleCost.h"

#include <algorithm>

namespace trailguard {

CheckScheduler::CheckScheduler(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_timer(clock.createTimer())
    , m_jumpWatch(clock.createTimer())
{
    m_timer->setSingleShot(true);
    connect(m_timer.get(), &ClockTimer::timeout, this, &CheckScheduler::checkDue);
    m_jumpWatch->setInterval(std::chrono::seconds(30));
    connect(m_jumpWatch.get(), &ClockTimer::timeout, this, &CheckScheduler::watchForClockJumps);
}

void CheckScheduler::setInterval(std::chrono::seconds interval)
{
    m_interval = std::clamp(interval, kMinimumInterval, kMaximumInterval);
}

bool CheckScheduler::setStreamingBackupInterval(std::chrono::seconds interval)
{
    if (interval == m_backupInterval)
        return false;
    m_backupInterval = interval;
    return true;
}

void CheckScheduler::updateMarketState(const QList<StockState> &stocks)
{
    warnIfTooFrequent(int(stocks.size()));
    const MarketState state = m_marketHours->state(stocks);
    if (m_marketStateSent && state == m_marketState)
        return;
    m_marketState = state;
    m_marketStateSent = true;
    if (state.known)
        qCInfo(lcMonitor).noquote() << MarketHours::describe(state, m_clock.now());
    Q_EMIT marketStateChanged(m_marketState);
}

bool CheckScheduler::warnIfTooFrequent(int tickers)
{
    const QuoteCycleCost cost = QuoteCycleCost::estimate(tickers);
    if (!cost.tooFrequent(m_interval))
        return false;
    if (m_warnedFor != std::pair(tickers, m_interval)) {
        m_warnedFor = {tickers, m_interval};
        qCWarning(
            lcMonitor,
            "Checking %d tickers every %lld s asks more than Questrade's rate limits allow: a full check "
            "is %d quote requests (about %lld s); use an interval of at least %lld s, or streaming",
            tickers, static_cast<long long>(m_interval.count()), cost.quoteRequests,
            static_cast<long long>(std::chrono::ceil<std::chrono::seconds>(cost.duration).count()),
            static_cast<long long>(cost.shortestInterval.count()));
    }
    return true;
}

bool CheckScheduler::sleepingWhileClosed() const
{
    return m_marketHours && m_pollOnlyWhileOpen && m_marketState.known && !m_marketState.open;
}

bool CheckScheduler::skipsClosedMarket(const StockState &stock) const
{
    return m_marketHours && m_pollOnlyWhileOpen && !m_marketHours->isOpenOrUnknown(stock);
}

void CheckScheduler::start()
{
    m_lastJumpTick = m_clock.now();
    m_jumpWatch->start();
}

void CheckScheduler::stop()
{
    m_timer->stop();
    m_jumpWatch->stop();
    m_nextCheck = QDateTime();
    Q_EMIT scheduleChanged(m_nextCheck);
}

void CheckScheduler::watchForClockJumps()
{
    const QDateTime now = m_clock.now();
    const qint64 elapsed = m_lastJumpTick.isValid() ? m_lastJumpTick.secsTo(now) : 0;
    m_lastJumpTick = now;
    // The 30 s watch fired much later in wall-clock time: the computer slept.
    if (elapsed > std::chrono::duration_cast<std::chrono::seconds>(m_jumpWatch->interval()).count() +
                      kClockJump.count())
        Q_EMIT clockJumped(elapsed);
}

void CheckScheduler::scheduleNext()
{
    if (sleepingWhileClosed()) {
        // Until the next open (when known), waking every kClosedWakeUp: a new day's sessions, a catch-up
        // after sleep, and a clock that moved are all noticed without polling.
        qint64 wait = std::chrono::seconds(kClosedWakeUp).count();
        const QDateTime now = m_clock.now();
        if (m_marketState.nextOpen.isValid())
            wait = std::clamp<qint64>(now.secsTo(m_marketState.nextOpen), 1, wait);
        m_timer->start(std::chrono::seconds(wait));
        m_nextCheck = m_marketState.nextOpen;
        Q_EMIT scheduleChanged(m_nextCheck);
        return;
    }
    const std::chrono::seconds interval = std::max(m_interval, m_backupInterval);
    m_timer->start(interval);
    m_nextCheck = m_clock.now().addSecs(interval.count());
    Q_EMIT scheduleChanged(m_nextCheck);
}

} // namespace trailguard
