// RefreshBackoff: the delays between token refresh retries (doubling, capped, ±20 % jitter) and their
// text for the status line.
#include "broker/RefreshBackoff.h"

#include <QTest>

using namespace trailguard;
using namespace std::chrono_literals;

class TestRefreshBackoff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void delaysDoubleWithinTheJitterUpToTheCap()
    {
        for (int round = 0; round < 50; ++round) { // the jitter is random: many rounds
            RefreshBackoff backoff(30s, 15min);
            std::chrono::milliseconds nominal = 30s;
            for (int retry = 0; retry < 10; ++retry) {
                const std::chrono::milliseconds delay = backoff.next();
                QVERIFY2(delay >= nominal * 8 / 10 &&
                             delay <= std::min<std::chrono::milliseconds>(nominal * 12 / 10, 15min),
                         qPrintable(QStringLiteral("retry %1: %2 ms").arg(retry).arg(delay.count())));
                nominal = std::min<std::chrono::milliseconds>(nominal * 2, 15min);
            }
        }
    }

    void resetStartsAgainFromTheFirstDelay()
    {
        RefreshBackoff backoff(1s, 1min);
        for (int i = 0; i < 5; ++i)
            (void)backoff.next();
        QVERIFY(backoff.next() > 12s); // 16 s nominal by now
        backoff.reset();
        const std::chrono::milliseconds first = backoff.next();
        QVERIFY2(first >= 800ms && first <= 1200ms, qPrintable(QString::number(first.count())));
    }

    void describe_data()
    {
        QTest::addColumn<qint64>("milliseconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << qint64(29600) << QStringLiteral("30 s");
        QTest::newRow("just under a minute") << qint64(59400) << QStringLiteral("59 s");
        QTest::newRow("a minute") << qint64(60000) << QStringLiteral("1 min");
        QTest::newRow("minutes round") << qint64(150000) << QStringLiteral("3 min");
        QTest::newRow("the cap") << qint64(900000) << QStringLiteral("15 min");
    }

    void describe()
    {
        QFETCH(qint64, milliseconds);
        QFETCH(QString, text);
        QCOMPARE(RefreshBackoff::describe(std::chrono::milliseconds(milliseconds)), text);
    }
};

QTEST_GUILESS_MAIN(TestRefreshBackoff)
#include "tst_refreshbackoff.moc"
