#pragma once

#include <QDateTime>
#include <QObject>

#include <chrono>
#include <memory>
#include <vector>

namespace trailguard {

// A timer that runs on a Clock's time: a QTimer for the system clock, ManualClock::advance() for a test
// clock. Its API is the part of QTimer the core uses.
class ClockTimer : public QObject {
    Q_OBJECT
public:
    ~ClockTimer() override = default;

    void setSingleShot(bool singleShot) { m_singleShot = singleShot; }
    bool isSingleShot() const { return m_singleShot; }
    void setInterval(std::chrono::milliseconds interval) { m_interval = interval; }
    std::chrono::milliseconds interval() const { return m_interval; }
    // Only the system clock's timers use it (Qt::PreciseTimer for a rate limit's windows).
    void setTimerType(Qt::TimerType type) { m_type = type; }
    Qt::TimerType timerType() const { return m_type; }

    // (Re)starts the timer: it fires `interval` from now, and every `interval` after unless single-shot.
    void start(std::chrono::milliseconds interval)
    {
        m_interval = interval;
        arm();
    }
    void start() { arm(); }
    virtual void stop() = 0;
    virtual bool isActive() const = 0;

Q_SIGNALS:
    void timeout();

protected:
    ClockTimer() = default;
    virtual void arm() = 0;

private:
    std::chrono::milliseconds m_interval{0};
    bool m_singleShot = false;
    Qt::TimerType m_type = Qt::CoarseTimer;
};

// The one source of "now" for the core, and of its timers, so tests and replays can move time instead of
// sleeping.
class Clock {
public:
    virtual ~Clock() = default;
    // Wall-clock time (it may jump: a sleeping computer, a changed system clock).
    virtual QDateTime now() const = 0;
    // Time that only moves forward, for measuring intervals; timers run on it.
    virtual std::chrono::milliseconds steadyTime() const = 0;
    // A stopped timer on this clock.
    virtual std::unique_ptr<ClockTimer> createTimer() const = 0;
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    std::chrono::milliseconds steadyTime() const override;
    std::unique_ptr<ClockTimer> createTimer() const override;
};

class ManualClockTimer;

// A clock that only moves when told to. advance() lets time pass: its timers fire in order of their due
// time (then of starting), each seeing now() at its due time, including timers started by an earlier
// one's callback. set() makes the wall clock jump, as after a sleep, without moving the steady time or
// firing a timer.
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start);
    ~ManualClock() override;
    ManualClock(const ManualClock &) = delete;
    ManualClock &operator=(const ManualClock &) = delete;

    QDateTime now() const override { return m_now; }
    std::chrono::milliseconds steadyTime() const override { return m_steady; }
    std::unique_ptr<ClockTimer> createTimer() const override;

    void set(const QDateTime &now) { m_now = now; }
    void advance(std::chrono::milliseconds step);
    void advance(qint64 seconds) { advance(std::chrono::seconds(seconds)); }
    // How many of its timers are running.
    int activeTimers() const;

private:
    friend class ManualClockTimer;
    ManualClockTimer *nextDue(std::chrono::milliseconds until) const;

    QDateTime m_now;
    std::chrono::milliseconds m_steady{0};
    mutable std::vector<ManualClockTimer *> m_timers;
    mutable quint64 m_starts = 0; // orders timers due at the same moment
};

} // namespace trailguard
