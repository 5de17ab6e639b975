#include "common/Clock.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace trailguard;
using namespace std::chrono_literals;

namespace {
const QDateTime kStart(QDate(2026, 3, 10), QTime(15, 0), QTimeZone::utc());
}

class TestClock : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void advanceMovesWallAndSteadyTime()
    {
        ManualClock clock(kStart);
        const auto steady = clock.steadyTime();
        clock.advance(1500ms);
        QCOMPARE(clock.now(), kStart.addMSecs(1500));
        QCOMPARE(clock.steadyTime() - steady, 1500ms);
        clock.advance(60);
        QCOMPARE(clock.now(), kStart.addMSecs(61500));
    }

    void setJumpsTheWallClockOnly()
    {
        ManualClock clock(kStart);
        auto timer = clock.createTimer();
        QSignalSpy fired(timer.get(), &ClockTimer::timeout);
        timer->start(30s);
        clock.set(kStart.addSecs(7200)); // a sleeping computer: timers do not fire for the jump
        QCOMPARE(fired.count(), 0);
        QCOMPARE(clock.steadyTime(), 0ms);
        clock.advance(30s);
        QCOMPARE(fired.count(), 1);
        QCOMPARE(clock.now(), kStart.addSecs(7230));
    }

    void timersFireInOrderOfDueTimeSeeingTheirTime()
    {
        ManualClock clock(kStart);
        QList<std::pair<QString, QDateTime>> fired;
        auto late = clock.createTimer();
        auto early = clock.createTimer();
        auto sameAsLate = clock.createTimer();
        for (auto [timer, name] :
             {std::pair{late.get(), QStringLiteral("late")}, std::pair{early.get(), QStringLiteral("early")},
              std::pair{sameAsLate.get(), QStringLiteral("sameAsLate")}}) {
            timer->setSingleShot(true);
            const QString label = name;
            connect(timer, &ClockTimer::timeout, this, [&fired, &clock, label] {
                fired.append({label, clock.now()});
            });
        }
        late->start(20s);
        early->start(5s);
        sameAsLate->start(20s); // started after `late`: fires after it
        clock.advance(19s);
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired.at(0).first, QStringLiteral("early"));
        QCOMPARE(fired.at(0).second, kStart.addSecs(5));
        clock.advance(1s);
        QCOMPARE(fired.size(), 3);
        QCOMPARE(fired.at(1).first, QStringLiteral("late"));
        QCOMPARE(fired.at(2).first, QStringLiteral("sameAsLate"));
        QCOMPARE(fired.at(2).second, kStart.addSecs(20));
        QVERIFY(!late->isActive());
        QCOMPARE(clock.activeTimers(), 0);
    }

    void repeatingTimerFiresEveryInterval()
    {
        ManualClock clock(kStart);
        auto timer = clock.createTimer();
        QList<QDateTime> times;
        connect(timer.get(), &ClockTimer::timeout, this, [&] { times.append(clock.now()); });
        timer->setInterval(10s);
        timer->start();
        QVERIFY(timer->isActive());
        clock.advance(35s);
        QCOMPARE(times, (QList<QDateTime>{kStart.addSecs(10), kStart.addSecs(20), kStart.addSecs(30)}));
        QVERIFY(timer->isActive());
        clock.advance(5s);
        QCOMPARE(times.size(), 4);
    }

    void restartingPostponesAndStopCancels()
    {
        ManualClock clock(kStart);
        auto timer = clock.createTimer();
        timer->setSingleShot(true);
        QSignalSpy fired(timer.get(), &ClockTimer::timeout);
        timer->start(10s);
        clock.advance(8s);
        timer->start(10s); // restarted: due 10 s from now, not from the first start
        clock.advance(8s);
        QCOMPARE(fired.count(), 0);
        clock.advance(2s);
        QCOMPARE(fired.count(), 1);

        timer->start(10s);
        timer->stop();
        QVERIFY(!timer->isActive());
        clock.advance(1h);
        QCOMPARE(fired.count(), 1);
    }

    void zeroIntervalFiresOnTheNextAdvance()
    {
        ManualClock clock(kStart);
        auto timer = clock.createTimer();
        timer->setSingleShot(true);
        QSignalSpy fired(timer.get(), &ClockTimer::timeout);
        timer->start(0ms);
        QCOMPARE(fired.count(), 0); // never inside start()
        clock.advance(0ms);
        QCOMPARE(fired.count(), 1);
    }

    void timerStartedInsideACallbackFiresInTheSameAdvance()
    {
        ManualClock clock(kStart);
        auto first = clock.createTimer();
        std::unique_ptr<ClockTimer> second;
        QDateTime secondFiredAt;
        first->setSingleShot(true);
        connect(first.get(), &ClockTimer::timeout, this, [&] {
            second = clock.createTimer();
            second->setSingleShot(true);
            connect(second.get(), &ClockTimer::timeout, this, [&] { secondFiredAt = clock.now(); });
            second->start(5s);
        });
        first->start(10s);
        clock.advance(20s);
        QCOMPARE(secondFiredAt, kStart.addSecs(15));
        QCOMPARE(clock.now(), kStart.addSecs(20));
    }

    void callbackMayDeleteAnotherDueTimer()
    {
        ManualClock clock(kStart);
        auto killer = clock.createTimer();
        auto victim = clock.createTimer();
        bool victimFired = false;
        connect(victim.get(), &ClockTimer::timeout, this, [&victimFired] { victimFired = true; });
        connect(killer.get(), &ClockTimer::timeout, this, [&victim] { victim.reset(); });
        killer->setSingleShot(true);
        killer->start(1s);
        victim->start(1s);
        clock.advance(2s);
        QVERIFY(!victim);
        QVERIFY(!victimFired);
    }

    void timerOutlivingItsClockIsInert()
    {
        std::unique_ptr<ClockTimer> timer;
        {
            ManualClock clock(kStart);
            timer = clock.createTimer();
            timer->start(1s);
        }
        QVERIFY(!timer->isActive());
        timer->start(1s); // must not reach the destroyed clock
        QVERIFY(!timer->isActive());
    }

    void systemClockTimerFiresFromTheEventLoop()
    {
        SystemClock clock;
        auto timer = clock.createTimer();
        timer->setSingleShot(true);
        QSignalSpy fired(timer.get(), &ClockTimer::timeout);
        const auto before = clock.steadyTime();
        timer->start(20ms);
        QVERIFY(timer->isActive());
        QVERIFY(fired.wait(5000));
        QVERIFY(clock.steadyTime() - before >= 19ms);
        QVERIFY(!timer->isActive());
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
