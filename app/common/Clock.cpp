#include "common/Clock.h"

#include <QTimer>

#include <algorithm>
#include <limits>
#include <tuple>

namespace trailguard {

namespace {

class SystemClockTimer final : public ClockTimer {
public:
    SystemClockTimer() { connect(&m_timer, &QTimer::timeout, this, &ClockTimer::timeout); }
    void stop() override { m_timer.stop(); }
    bool isActive() const override { return m_timer.isActive(); }

protected:
    void arm() override
    {
        m_timer.setSingleShot(isSingleShot());
        m_timer.setTimerType(timerType());
        // QTimer counts in int milliseconds.
        m_timer.start(std::min(interval(), std::chrono::milliseconds(std::numeric_limits<int>::max())));
    }

private:
    QTimer m_timer;
};

} // namespace

// Lives on a ManualClock's steady time; the clock fires it from advance().
class ManualClockTimer final : public ClockTimer {
public:
    explicit ManualClockTimer(const ManualClock &clock)
        : m_clock(&clock)
    {
        m_clock->m_timers.push_back(this);
    }
    ~ManualClockTimer() override
    {
        if (m_clock)
            std::erase(m_clock->m_timers, this);
    }
    void stop() override { m_active = false; }
    bool isActive() const override { return m_active; }

protected:
    void arm() override
    {
        if (!m_clock)
            return;
        m_active = true;
        m_due = m_clock->m_steady + interval();
        m_order = ++m_clock->m_starts;
    }

private:
    friend class ManualClock;

    const ManualClock *m_clock;
    bool m_active = false;
    std::chrono::milliseconds m_due{0};
    quint64 m_order = 0;
};

std::chrono::milliseconds SystemClock::steadyTime() const
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch());
}

std::unique_ptr<ClockTimer> SystemClock::createTimer() const
{
    return std::make_unique<SystemClockTimer>();
}

ManualClock::ManualClock(QDateTime start)
    : m_now(std::move(start))
{}

ManualClock::~ManualClock()
{
    for (ManualClockTimer *timer : m_timers) {
        timer->m_clock = nullptr; // a timer that outlives its clock never fires again
        timer->m_active = false;
    }
}

std::unique_ptr<ClockTimer> ManualClock::createTimer() const
{
    return std::make_unique<ManualClockTimer>(*this);
}

int ManualClock::activeTimers() const
{
    return static_cast<int>(std::count_if(m_timers.begin(), m_timers.end(),
                                          [](const ManualClockTimer *t) { return t->m_active; }));
}

ManualClockTimer *ManualClock::nextDue(std::chrono::milliseconds until) const
{
    ManualClockTimer *next = nullptr;
    for (ManualClockTimer *timer : m_timers) {
        if (!timer->m_active || timer->m_due > until)
            continue;
        if (!next || std::tie(timer->m_due, timer->m_order) < std::tie(next->m_due, next->m_order))
            next = timer;
    }
    return next;
}

void ManualClock::advance(std::chrono::milliseconds step)
{
    const std::chrono::milliseconds target = m_steady + std::max(step, std::chrono::milliseconds(0));
    // Looked up again after every callback: one may start, stop or delete timers.
    while (ManualClockTimer *timer = nextDue(target)) {
        m_now = m_now.addMSecs((timer->m_due - m_steady).count());
        m_steady = timer->m_due;
        if (timer->isSingleShot()) {
            timer->m_active = false;
        } else {
            // A repeating timer moves on by at least 1 ms, so a zero interval cannot spin forever.
            timer->m_due += std::max(timer->interval(), std::chrono::milliseconds(1));
            timer->m_order = ++m_starts;
        }
        Q_EMIT timer->timeout();
    }
    m_now = m_now.addMSecs((target - m_steady).count());
    m_steady = target;
}

} // namespace trailguard
