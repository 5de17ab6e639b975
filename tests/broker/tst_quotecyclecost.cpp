// QuoteCycleCost: what a full quote cycle of a watchlist asks of Questrade's rate limits, checked against
// the real RateLimiter's pacing.
#include "broker/QuoteCycleCost.h"
#include "broker/RateLimiter.h"

#include <QTest>

using namespace trailguard;
using namespace std::chrono_literals;

class TestQuoteCycleCost : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void estimate_data()
    {
        QTest::addColumn<int>("tickers");
        QTest::addColumn<int>("requests");
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<qint64>("shortestSeconds");
        QTest::addColumn<int>("lookups");
        // 10,000: 200 calls; three in flight at 200 ms make 67 round trips (13.4 s), slower than the
        // 20/s pace (9.9 s); the hourly 15,000 allows 200 calls every 48 s.
        QTest::newRow("10,000") << 10000 << 200 << qint64(13400) << qint64(48) << 41;
        QTest::newRow("1,000") << 1000 << 20 << qint64(1400) << qint64(5) << 5;
        QTest::newRow("1") << 1 << 1 << qint64(200) << qint64(1) << 1;
        QTest::newRow("none") << 0 << 0 << qint64(0) << qint64(0) << 0;
    }
    void estimate()
    {
        QFETCH(int, tickers);
        const QuoteCycleCost cost = QuoteCycleCost::estimate(tickers);
        QCOMPARE(cost.tickers, tickers);
        QFETCH(int, requests);
        QFETCH(qint64, durationMs);
        QFETCH(qint64, shortestSeconds);
        QFETCH(int, lookups);
        QCOMPARE(cost.quoteRequests, requests);
        QCOMPARE(qint64(cost.duration.count()), durationMs);
        QCOMPARE(qint64(cost.shortestInterval.count()), shortestSeconds);
        QCOMPARE(cost.lookupRequests, lookups);
    }

    void tooFrequentBelowTheShortestInterval()
    {
        const QuoteCycleCost cost = QuoteCycleCost::estimate(10000);
        QVERIFY(cost.tooFrequent(47s));
        QVERIFY(!cost.tooFrequent(48s));
        QVERIFY(!QuoteCycleCost::estimate(0).tooFrequent(5s));
        QVERIFY(!QuoteCycleCost::estimate(100).tooFrequent(5s));
    }

    void theRateLimiterGrantsAsFastAsThePaceSays()
    {
        // Round trips aside, the last of 200 calls is granted when the estimate's rate part says.
        ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(15, 0), Qt::UTC));
        RateLimiter limiter(clock);
        const QuoteCycleCost::Client instant{50, 1000, 0ms, 8};
        const int requests = QuoteCycleCost::estimate(10000, instant, RateLimiter::Options{}).quoteRequests;
        qint64 lastGrant = -1;
        int granted = 0;
        for (int i = 0; i < requests; ++i)
            limiter.acquire(RateLimiter::Category::MarketData, this, [&] {
                lastGrant = clock.steadyTime().count();
                ++granted;
            });
        QTRY_COMPARE(granted, 20);
        for (int step = 0; step < 20 && granted < requests; ++step)
            clock.advance(1100ms);
        QCOMPARE(granted, requests);
        QCOMPARE(lastGrant, qint64(QuoteCycleCost::pacedDuration(requests, 20, instant, 100ms).count()));
    }
};

QTEST_GUILESS_MAIN(TestQuoteCycleCost)
#include "tst_quotecyclecost.moc"
