#include "broker/RateLimiter.h"

#include <QTest>
#include <QTimeZone>

#include <memory>
#include <numeric>

using namespace trailguard;
using Category = RateLimiter::Category;
using namespace std::chrono_literals;

namespace {
const QDateTime kStart(QDate(2026, 3, 10), QTime(15, 0), QTimeZone::utc());

RateLimiter::Options options(int perSecond, int perHour)
{
    RateLimiter::Options options;
    options.account = {perSecond, perHour};
    options.marketData = {perSecond, perHour};
    options.backoffBase = std::chrono::milliseconds(200);
    return options;
}

// The most grants in any window [t, t + 1 s).
int maxInOneSecond(QList<qint64> times)
{
    std::sort(times.begin(), times.end());
    int best = 0;
    qsizetype first = 0;
    for (qsizetype last = 0; last < times.size(); ++last) {
        while (times.at(last) - times.at(first) >= 1000)
            ++first;
        best = std::max(best, static_cast<int>(last - first + 1));
    }
    return best;
}
} // namespace

class TestRateLimiter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void categoryForPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<Category>("category");
        QTest::newRow("quotes") << QStringLiteral("v1/markets/quotes") << Category::MarketData;
        QTest::newRow("markets") << QStringLiteral("/v1/markets") << Category::MarketData;
        QTest::newRow("candles") << QStringLiteral("v1/markets/candles/8049") << Category::MarketData;
        QTest::newRow("symbol search counts as account")
            << QStringLiteral("v1/symbols/search") << Category::Account;
        QTest::newRow("symbols by id count as account")
            << QStringLiteral("v1/symbols/8049") << Category::Account;
        QTest::newRow("time") << QStringLiteral("v1/time") << Category::Account;
        QTest::newRow("accounts") << QStringLiteral("v1/accounts") << Category::Account;
    }
    void categoryForPath()
    {
        QFETCH(QString, path);
        QFETCH(Category, category);
        QCOMPARE(RateLimiter::categoryForPath(path), category);
    }

    void grantsLaterNeverInsideAcquire()
    {
        SystemClock clock;
        RateLimiter limiter(clock);
        bool granted = false;
        limiter.acquire(Category::Account, this, [&granted] { granted = true; });
        QVERIFY(!granted);
        QCOMPARE(limiter.waiting(Category::Account), 1);
        QTRY_VERIFY(granted);
        QCOMPARE(limiter.waiting(Category::Account), 0);
    }

    void keepsThePerSecondLimitInFifoOrder()
    {
        ManualClock clock(kStart);
        RateLimiter limiter(clock, options(5, 1000));
        QList<qint64> times;
        QList<int> order;
        for (int i = 0; i < 15; ++i) {
            limiter.acquire(Category::MarketData, this, [&times, &order, &clock, i] {
                times.append(clock.steadyTime().count());
                order.append(i);
            });
        }
        QTRY_COMPARE(times.size(), 5);
        // The window is one second plus the 100 ms guard: nothing more until it has passed.
        clock.advance(1099ms);
        QCOMPARE(times.size(), 5);
        clock.advance(1ms);
        QCOMPARE(times.size(), 10);
        clock.advance(1100ms);
        QCOMPARE(times.size(), 15);
        QCOMPARE(times,
                 (QList<qint64>{0, 0, 0, 0, 0, 1100, 1100, 1100, 1100, 1100, 2200, 2200, 2200, 2200, 2200}));
        QVERIFY(maxInOneSecond(times) <= 5);
        QList<int> expected(15);
        std::iota(expected.begin(), expected.end(), 0);
        QCOMPARE(order, expected);
    }

    void categoriesAreSeparateBuckets()
    {
        SystemClock clock;
        RateLimiter limiter(clock, options(2, 1000));
        int market = 0;
        int account = 0;
        for (int i = 0; i < 4; ++i) {
            limiter.acquire(Category::MarketData, this, [&market] { ++market; });
            limiter.acquire(Category::Account, this, [&account] { ++account; });
        }
        QTRY_COMPARE(market, 2);
        QCOMPARE(account, 2); // not held back by the market data calls
        QCOMPARE(limiter.waiting(Category::MarketData), 2);
    }

    void dropsCallersWhoseContextIsGone()
    {
        SystemClock clock;
        RateLimiter limiter(clock);
        int calls = 0;
        auto context = std::make_unique<QObject>();
        limiter.acquire(Category::Account, context.get(), [&calls] { ++calls; });
        limiter.acquire(Category::Account, this, [&calls] { calls += 10; });
        context.reset();
        QTRY_COMPARE(calls, 10);
    }

    void keepsTheHourlyLimit()
    {
        ManualClock clock(kStart);
        RateLimiter limiter(clock, options(100, 3));
        int granted = 0;
        for (int i = 0; i < 4; ++i)
            limiter.acquire(Category::Account, this, [&granted] { ++granted; });
        QTRY_COMPARE(granted, 3);
        clock.advance(1h - 1ms);
        QCOMPARE(granted, 3);
        QCOMPARE(limiter.waiting(Category::Account), 1);
        clock.advance(1ms);
        QCOMPARE(granted, 4);
    }

    void waitsForTheResetWhenTheHourIsUsedUp()
    {
        // The server said: nothing left until the reset, 2 s from now (by the injected clock).
        ManualClock clock(kStart);
        RateLimiter limiter(clock, options(100, 1000));
        RateLimitHeaders headers;
        headers.remaining = 0;
        headers.resetEpochSeconds = clock.now().toSecsSinceEpoch() + 2;
        limiter.noteResponse(Category::MarketData, headers, 429);
        QCOMPARE(limiter.pausedUntil(Category::MarketData), kStart.addSecs(2));
        QCOMPARE(grantDelay(limiter, clock, Category::MarketData), 2000);
        QVERIFY(!limiter.pausedUntil(Category::MarketData).isValid());
    }

    void remainingZeroOnASuccessAlsoWaitsForTheReset()
    {
        ManualClock clock(kStart);
        RateLimiter limiter(clock, options(100, 1000));
        RateLimitHeaders headers;
        headers.remaining = 0;
        headers.resetEpochSeconds = clock.now().toSecsSinceEpoch() + 1;
        limiter.noteResponse(Category::Account, headers, 200);
        QCOMPARE(grantDelay(limiter, clock, Category::Account), 1000);
    }

    void perSecondRefusalBacksOffExponentially()
    {
        // A 429 with hourly quota left: the per-second limit. No usable reset: back off 200 ms, 400 ms...
        ManualClock clock(kStart);
        RateLimiter limiter(clock, options(100, 1000));
        RateLimitHeaders headers;
        headers.remaining = 500;

        QList<qint64> pauses;
        for (int attempt = 0; attempt < 3; ++attempt) {
            limiter.noteResponse(Category::Account, headers, 429);
            pauses.append(grantDelay(limiter, clock, Category::Account));
        }
        // base × 2^n plus up to 50% jitter: 200-300 ms, 400-600 ms, 800-1200 ms.
        const QString all =
            QStringLiteral("%1, %2, %3").arg(pauses.at(0)).arg(pauses.at(1)).arg(pauses.at(2));
        QVERIFY2(pauses.at(0) >= 200 && pauses.at(0) <= 300, qPrintable(all));
        QVERIFY2(pauses.at(1) >= 400 && pauses.at(1) <= 600, qPrintable(all));
        QVERIFY2(pauses.at(2) >= 800 && pauses.at(2) <= 1200, qPrintable(all));

        // A success resets the backoff.
        limiter.noteResponse(Category::Account, headers, 200);
        limiter.noteResponse(Category::Account, headers, 429);
        const qint64 afterSuccess = grantDelay(limiter, clock, Category::Account);
        QVERIFY2(afterSuccess >= 200 && afterSuccess <= 300, qPrintable(QString::number(afterSuccess)));
    }

    void perSecondRefusalWaitsOnlyUntilASoonerReset()
    {
        ManualClock clock(kStart);
        RateLimiter::Options slow = options(100, 1000);
        slow.backoffBase = std::chrono::milliseconds(5000);
        RateLimiter limiter(clock, slow);
        RateLimitHeaders headers;
        headers.remaining = 500;
        headers.resetEpochSeconds = clock.now().toSecsSinceEpoch() + 1;
        limiter.noteResponse(Category::MarketData, headers, 429);
        QCOMPARE(grantDelay(limiter, clock, Category::MarketData), 1000); // not the 5 s backoff
    }

    void honoursRetryAfter()
    {
        ManualClock clock(kStart);
        RateLimiter limiter(clock, options(100, 1000));
        RateLimitHeaders headers;
        headers.retryAfterSeconds = 1;
        limiter.noteResponse(Category::Account, headers, 429);
        QCOMPARE(grantDelay(limiter, clock, Category::Account), 1000);
    }

private:
    // Asks for one call and lets the clock run until it is granted: how long it waited (ms), or -1.
    qint64 grantDelay(RateLimiter &limiter, ManualClock &clock, Category category)
    {
        const auto asked = clock.steadyTime();
        qint64 delay = -1;
        limiter.acquire(category, this, [&] { delay = (clock.steadyTime() - asked).count(); });
        QCoreApplication::processEvents(); // the limiter works out the wait from the event loop
        clock.advance(1h);
        return delay;
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
