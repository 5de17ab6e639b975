// The Monitor's scheduler: the interval rules, the next check it announces, and its timers on a test
// clock.
#include "monitor/CheckScheduler.h"

#include <QSignalSpy>
#include <QTest>

using namespace trailguard;
using namespace std::chrono_literals;

class TestCheckScheduler : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void intervalIsClamped_data()
    {
        QTest::addColumn<qint64>("asked");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("below the minimum") << qint64(1) << qint64(CheckScheduler::kMinimumInterval.count());
        QTest::newRow("in range") << qint64(60) << qint64(60);
        QTest::newRow("above the maximum")
            << qint64(86400) << qint64(CheckScheduler::kMaximumInterval.count());
    }

    void intervalIsClamped()
    {
        QFETCH(qint64, asked);
        QFETCH(qint64, expected);
        ManualClock clock(QDateTime(QDate(2026, 3, 10), QTime(15, 0), Qt::UTC));
        CheckScheduler scheduler(clock);
        scheduler.setInterval(std::chrono::seconds(asked));
        QCOMPARE(scheduler.interval().count(), expected);
    }

    void theNextCheckIsOneIntervalAway()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 10), QTime(15, 0), Qt::UTC));
        CheckScheduler scheduler(clock);
        QSignalSpy changed(&scheduler, &CheckScheduler::scheduleChanged);
        scheduler.setInterval(60s);
        scheduler.scheduleNext();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(scheduler.nextCheck(), clock.now().addSecs(60));
        QCOMPARE(changed.first().first().toDateTime(), clock.now().addSecs(60));
    }

    void aLiveStreamSlowsPollingDown()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 10), QTime(15, 0), Qt::UTC));
        CheckScheduler scheduler(clock);
        scheduler.setInterval(60s);
        QVERIFY(scheduler.setStreamingBackupInterval(600s));
        QVERIFY(!scheduler.setStreamingBackupInterval(600s)); // unchanged
        scheduler.scheduleNext();
        QCOMPARE(scheduler.nextCheck(), clock.now().addSecs(600));
        // A backup interval shorter than the interval never speeds polling up.
        QVERIFY(scheduler.setStreamingBackupInterval(10s));
        scheduler.scheduleNext();
        QCOMPARE(scheduler.nextCheck(), clock.now().addSecs(60));
    }

    void stopForgetsTheNextCheck()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 10), QTime(15, 0), Qt::UTC));
        CheckScheduler scheduler(clock);
        scheduler.start();
        scheduler.scheduleNext();
        QSignalSpy changed(&scheduler, &CheckScheduler::scheduleChanged);
        scheduler.stop();
        QCOMPARE(changed.size(), 1);
        QVERIFY(!changed.first().first().toDateTime().isValid());
        QVERIFY(!scheduler.nextCheck().isValid());
    }

    void checkIsDueWhenTheIntervalHasPassed()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 10), QTime(15, 0), Qt::UTC));
        CheckScheduler scheduler(clock);
        QSignalSpy due(&scheduler, &CheckScheduler::checkDue);
        scheduler.setInterval(60s);
        scheduler.scheduleNext();
        clock.advance(59s);
        QCOMPARE(due.count(), 0);
        clock.advance(1s);
        QCOMPARE(due.count(), 1);
        clock.advance(1h); // single shot: the Monitor schedules the next one after its cycle
        QCOMPARE(due.count(), 1);

        scheduler.scheduleNext();
        scheduler.cancelNext();
        clock.advance(1h);
        QCOMPARE(due.count(), 1);
    }

    void noticesASleepingComputer()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 10), QTime(15, 0), Qt::UTC));
        CheckScheduler scheduler(clock);
        QSignalSpy jumped(&scheduler, &CheckScheduler::clockJumped);
        scheduler.start();
        clock.advance(10min); // time passing normally: every 30 s tick is on time
        QCOMPARE(jumped.count(), 0);
        clock.set(clock.now().addSecs(2 * 3600)); // asleep for two hours: the steady clock stood still
        clock.advance(30s);
        QCOMPARE(jumped.count(), 1);
        QCOMPARE(jumped.first().first().toLongLong(), 2 * 3600 + 30);
        clock.advance(5min);
        QCOMPARE(jumped.count(), 1);
        scheduler.stop();
        QCOMPARE(clock.activeTimers(), 0);
    }

    void warnsOnceWhenTheIntervalIsTooShortForTheWatchlist()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(15, 0), Qt::UTC));
        CheckScheduler scheduler(clock);
        scheduler.setInterval(std::chrono::seconds(30));
        QVERIFY(!scheduler.warnIfTooFrequent(1000)); // 20 requests: one check every 5 s is allowed
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "Checking 10000 tickers every 30 s.*at least 48 s")));
        QVERIFY(scheduler.warnIfTooFrequent(10000));
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Checking 10000 tickers")));
        QVERIFY(scheduler.warnIfTooFrequent(10000)); // said once
        scheduler.setInterval(std::chrono::seconds(60));
        QVERIFY(!scheduler.warnIfTooFrequent(10000));
    }

    void withoutMarketHoursItNeverSleeps()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 14), QTime(15, 0), Qt::UTC)); // a Saturday
        CheckScheduler scheduler(clock);
        StockState stock;
        stock.ticker = QStringLiteral("SHOP.TO");
        QVERIFY(!scheduler.sleepingWhileClosed());
        QVERIFY(!scheduler.skipsClosedMarket(stock));
    }
};

QTEST_GUILESS_MAIN(TestCheckScheduler)
#include "tst_checkscheduler.moc"
