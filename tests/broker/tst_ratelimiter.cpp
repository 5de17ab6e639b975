#include "broker/RateLimiter.h"

#include <QElapsedTimer>
#include <QTest>

#include <memory>
#include <numeric>

using namespace trailguard;
using Category = RateLimiter::Category;

namespace {
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
        SystemClock clock;
        RateLimiter limiter(clock, options(5, 1000));
        QElapsedTimer elapsed;
        elapsed.start();
        QList<qint64> times;
        QList<int> order;
        for (int i = 0; i < 15; ++i) {
            limiter.acquire(Category::MarketData, this, [&times, &order, &elapsed, i] {
                times.append(elapsed.elapsed());
                order.append(i);
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(times.size(), 15, 10000);
        QVERIFY2(maxInOneSecond(times) <= 5, qPrintable(QString::number(maxInOneSecond(times))));
        QVERIFY(times.last() >= 2000); // 15 at 5 per second: two full windows of waiting
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
        SystemClock clock;
        RateLimiter limiter(clock, options(100, 3));
        int granted = 0;
        for (int i = 0; i < 4; ++i)
            limiter.acquire(Category::Account, this, [&granted] { ++granted; });
        QTRY_COMPARE(granted, 3);
        QTest::qWait(300);
        QCOMPARE(granted, 3);
        QCOMPARE(limiter.waiting(Category::Account), 1);
    }

    void waitsForTheResetWhenTheHourIsUsedUp()
    {
        // The server said: nothing left until the reset, 2 s from now (by the injected clock).
        ManualClock clock(QDateTime::currentDateTimeUtc());
        RateLimiter limiter(clock, options(100, 1000));
        RateLimitHeaders headers;
        headers.remaining = 0;
        headers.resetEpochSeconds = clock.now().toSecsSinceEpoch() + 2;
        const qint64 resetMs = headers.resetEpochSeconds.value() * 1000 - clock.now().toMSecsSinceEpoch();
        limiter.noteResponse(Category::MarketData, headers, 429);
        QVERIFY(limiter.pausedUntil(Category::MarketData).isValid());

        QElapsedTimer elapsed;
        elapsed.start();
        qint64 grantedAfter = -1;
        limiter.acquire(Category::MarketData, this, [&] { grantedAfter = elapsed.elapsed(); });
        QTRY_VERIFY_WITH_TIMEOUT(grantedAfter >= 0, 10000);
        QVERIFY2(grantedAfter >= resetMs - 20, qPrintable(QString::number(grantedAfter)));
        QVERIFY(!limiter.pausedUntil(Category::MarketData).isValid());
    }

    void remainingZeroOnASuccessAlsoWaitsForTheReset()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        RateLimiter limiter(clock, options(100, 1000));
        RateLimitHeaders headers;
        headers.remaining = 0;
        headers.resetEpochSeconds = clock.now().toSecsSinceEpoch() + 1;
        limiter.noteResponse(Category::Account, headers, 200);
        bool granted = false;
        limiter.acquire(Category::Account, this, [&granted] { granted = true; });
        QTest::qWait(200);
        QVERIFY(!granted);
        QTRY_VERIFY_WITH_TIMEOUT(granted, 5000);
    }

    void perSecondRefusalBacksOffExponentially()
    {
        // A 429 with hourly quota left: the per-second limit. No usable reset: back off 200 ms, 400 ms...
        SystemClock clock;
        RateLimiter limiter(clock, options(100, 1000));
        RateLimitHeaders headers;
        headers.remaining = 500;

        QList<qint64> pauses;
        for (int attempt = 0; attempt < 3; ++attempt) {
            limiter.noteResponse(Category::Account, headers, 429);
            QElapsedTimer elapsed;
            elapsed.start();
            qint64 grantedAfter = -1;
            limiter.acquire(Category::Account, this, [&] { grantedAfter = elapsed.elapsed(); });
            QTRY_VERIFY_WITH_TIMEOUT(grantedAfter >= 0, 5000);
            pauses.append(grantedAfter);
        }
        // 200-300 ms, 400-600 ms, 800-1200 ms (base × 2^n plus up to 50% jitter), plus scheduling latency.
        const QString all =
            QStringLiteral("%1, %2, %3").arg(pauses.at(0)).arg(pauses.at(1)).arg(pauses.at(2));
        QVERIFY2(pauses.at(0) >= 190 && pauses.at(0) < 1000, qPrintable(all));
        QVERIFY2(pauses.at(1) >= 390 && pauses.at(1) > pauses.at(0), qPrintable(all));
        QVERIFY2(pauses.at(2) >= 790 && pauses.at(2) > pauses.at(1), qPrintable(all));

        // A success resets the backoff.
        limiter.noteResponse(Category::Account, headers, 200);
        limiter.noteResponse(Category::Account, headers, 429);
        QElapsedTimer elapsed;
        elapsed.start();
        qint64 grantedAfter = -1;
        limiter.acquire(Category::Account, this, [&] { grantedAfter = elapsed.elapsed(); });
        QTRY_VERIFY_WITH_TIMEOUT(grantedAfter >= 0, 5000);
        QVERIFY2(grantedAfter < 1000, qPrintable(QString::number(grantedAfter))); // not the 4th step, 1.6 s+
    }

    void perSecondRefusalWaitsOnlyUntilASoonerReset()
    {
        SystemClock clock;
        RateLimiter::Options slow = options(100, 1000);
        slow.backoffBase = std::chrono::milliseconds(5000);
        RateLimiter limiter(clock, slow);
        RateLimitHeaders headers;
        headers.remaining = 500;
        headers.resetEpochSeconds = clock.now().toSecsSinceEpoch() + 1; // within 1 s
        limiter.noteResponse(Category::MarketData, headers, 429);
        QElapsedTimer elapsed;
        elapsed.start();
        qint64 grantedAfter = -1;
        limiter.acquire(Category::MarketData, this, [&] { grantedAfter = elapsed.elapsed(); });
        QTRY_VERIFY_WITH_TIMEOUT(grantedAfter >= 0, 8000);
        QVERIFY2(grantedAfter <= 2500, qPrintable(QString::number(grantedAfter))); // not the 5 s backoff
    }

    void honoursRetryAfter()
    {
        SystemClock clock;
        RateLimiter limiter(clock, options(100, 1000));
        RateLimitHeaders headers;
        headers.retryAfterSeconds = 1;
        limiter.noteResponse(Category::Account, headers, 429);
        QElapsedTimer elapsed;
        elapsed.start();
        qint64 grantedAfter = -1;
        limiter.acquire(Category::Account, this, [&] { grantedAfter = elapsed.elapsed(); });
        QTRY_VERIFY_WITH_TIMEOUT(grantedAfter >= 0, 5000);
        QVERIFY2(grantedAfter >= 980 && grantedAfter < 3000, qPrintable(QString::number(grantedAfter)));
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
