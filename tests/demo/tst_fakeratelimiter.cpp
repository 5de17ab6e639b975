#include "demo/FakeRateLimiter.h"

#include <QTest>

using trailguard::FakeRateLimiter;

namespace {
// 2024-05-14 19:00:00 UTC, on a clock-hour boundary.
constexpr qint64 kHour = 1715713200000;
} // namespace

class FakeRateLimiterTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsDownTheHour();
    void perSecondWindowSlides();
    void perSecondRefusalResetsWhenTheWindowHasRoom();
    void hourlyRefusalUntilTheNextHour();
    void noLimits();
};

void FakeRateLimiterTest::countsDownTheHour()
{
    QCOMPARE(kHour % 3600000, 0);
    FakeRateLimiter limiter(20, 15000);
    const FakeRateLimiter::Decision first = limiter.check(kHour + 1234);
    QVERIFY(first.allowed);
    QCOMPARE(first.remaining, std::optional<int>(14999));
    QCOMPARE(first.resetAt, std::optional<qint64>(kHour / 1000 + 3600));
    QCOMPARE(limiter.check(kHour + 5000).remaining, std::optional<int>(14998));
}

void FakeRateLimiterTest::perSecondWindowSlides()
{
    FakeRateLimiter limiter(3, 100);
    QVERIFY(limiter.check(kHour + 100).allowed);
    QVERIFY(limiter.check(kHour + 600).allowed);
    QVERIFY(limiter.check(kHour + 900).allowed);
    QVERIFY(!limiter.check(kHour + 1099).allowed); // 100, 600, 900 are all within (99, 1099]
    QVERIFY(limiter.check(kHour + 1100).allowed);  // 100 has left the window
    QVERIFY(!limiter.check(kHour + 1500).allowed);
    QVERIFY(limiter.check(kHour + 1600).allowed);
    // 900, 1100 and 1600 fill (700, 1700]; a fixed-second counter would allow a third in [1000, 2000).
    const FakeRateLimiter::Decision refused = limiter.check(kHour + 1700);
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.remaining, std::optional<int>(95)); // five counted this hour
}

void FakeRateLimiterTest::perSecondRefusalResetsWhenTheWindowHasRoom()
{
    FakeRateLimiter limiter(2, 100);
    QVERIFY(limiter.check(kHour + 400).allowed);
    QVERIFY(limiter.check(kHour + 700).allowed);
    const FakeRateLimiter::Decision refused = limiter.check(kHour + 800);
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.remaining, std::optional<int>(98)); // the refusal is not counted
    // The request at +400 leaves the window at +1400, so the next whole second is +2 s.
    QCOMPARE(refused.resetAt, std::optional<qint64>(kHour / 1000 + 2));
    QVERIFY(limiter.check((kHour / 1000 + 2) * 1000).allowed);
}

void FakeRateLimiterTest::hourlyRefusalUntilTheNextHour()
{
    FakeRateLimiter limiter(100, 2);
    QVERIFY(limiter.check(kHour + 10).allowed);
    QCOMPARE(limiter.check(kHour + 20000).remaining, std::optional<int>(0));
    const FakeRateLimiter::Decision refused = limiter.check(kHour + 3599999);
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.remaining, std::optional<int>(0));
    QCOMPARE(refused.resetAt, std::optional<qint64>(kHour / 1000 + 3600));
    const FakeRateLimiter::Decision nextHour = limiter.check(kHour + 3600000);
    QVERIFY(nextHour.allowed);
    QCOMPARE(nextHour.remaining, std::optional<int>(1));
    QCOMPARE(nextHour.resetAt, std::optional<qint64>(kHour / 1000 + 7200));
}

void FakeRateLimiterTest::noLimits()
{
    FakeRateLimiter limiter(0, 0);
    for (int i = 0; i < 1000; ++i) {
        const FakeRateLimiter::Decision decision = limiter.check(kHour);
        QVERIFY(decision.allowed);
        QVERIFY(!decision.remaining.has_value()); // no headers without an hourly limit
        QVERIFY(!decision.resetAt.has_value());
    }
}

QTEST_GUILESS_MAIN(FakeRateLimiterTest)
#include "tst_fakeratelimiter.moc"
