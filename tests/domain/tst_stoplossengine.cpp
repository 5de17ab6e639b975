#include "TestSupport.h"
#include "domain/StopLossEngine.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <optional>

using namespace trailguard;
using trailguard::test::toronto;

namespace {
constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

struct Tick {
    double price; // NaN: a quote with no price
    QDateTime time;
};

std::optional<double> optionalPrice(double value)
{
    return std::isnan(value) ? std::nullopt : std::optional<double>(value);
}
} // namespace

Q_DECLARE_METATYPE(Tick)

class StopLossEngineTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sequence_data();
    void sequence();
    void breachCarriesEverything();
    void badPricesChangeNothing_data();
    void badPricesChangeNothing();
    void quoteWithoutTimeUsesNow();
    void ratioChangeMovesStopBothWays();
    void ratioChangeRefusesBadRatio_data();
    void ratioChangeRefusesBadRatio();
    void peakResetRestartsFromLastPrice();
    void peakResetWithoutPriceClearsPeak();
    void initialStateWithEntry();
    void oncePerBreachWaitsForRecovery();
    void isBelowIsStrictToTheCent_data();
    void isBelowIsStrictToTheCent();
};

void StopLossEngineTest::sequence_data()
{
    QTest::addColumn<double>("ratio");
    QTest::addColumn<double>("entry");
    QTest::addColumn<QList<Tick>>("ticks");
    QTest::addColumn<QList<bool>>("breaches");
    QTest::addColumn<double>("finalPeak");
    QTest::addColumn<double>("finalStop");

    const auto day = [](int d, int h, int m = 0) { return toronto(2026, 11, d, h, m); };

    QTest::newRow("first price seeds the peak")
        << 0.9 << kNone << QList<Tick>{{100, day(2, 10)}} << QList<bool>{false} << 100.0 << 90.0;
    QTest::newRow("entry seeds the peak, first price below its stop")
        << 0.9 << 120.0 << QList<Tick>{{100, day(2, 10)}} << QList<bool>{true} << 120.0 << 108.0;
    QTest::newRow("first price above entry becomes the peak")
        << 0.9 << 50.0 << QList<Tick>{{60, day(2, 10)}} << QList<bool>{false} << 60.0 << 54.0;
    QTest::newRow("equal to the stop is not a breach")
        << 0.9 << kNone << QList<Tick>{{100, day(2, 10)}, {90, day(2, 11)}} << QList<bool>{false, false}
        << 100.0 << 90.0;
    // 110.70 × 0.9 is 99.63000000000001 in binary floating point: 99.63 equals the stop to the cent.
    QTest::newRow("equal to a stop with binary rounding is not a breach")
        << 0.9 << kNone << QList<Tick>{{110.70, day(2, 10)}, {99.63, day(2, 11)}} << QList<bool>{false, false}
        << 110.70 << 99.63;
    QTest::newRow("one cent below the stop is a breach")
        << 0.9 << kNone << QList<Tick>{{106, day(2, 10)}, {95.39, day(2, 11)}} << QList<bool>{false, true}
        << 106.0 << 95.4;
    QTest::newRow("new peak and drop in one day")
        << 0.9 << kNone << QList<Tick>{{100, day(2, 10)}, {110, day(2, 11)}, {98, day(2, 14)}}
        << QList<bool>{false, false, true} << 110.0 << 99.0;
    QTest::newRow("two drops on one market day alert once")
        << 0.9 << kNone << QList<Tick>{{100, day(2, 10)}, {85, day(2, 11)}, {80, day(2, 15, 30)}}
        << QList<bool>{false, true, false} << 100.0 << 90.0;
    QTest::newRow("drops on consecutive market days alert each day")
        << 0.9 << kNone
        << QList<Tick>{{100, day(2, 10)}, {85, day(2, 11)}, {84, day(3, 10)}, {83, day(4, 10)}}
        << QList<bool>{false, true, true, true} << 100.0 << 90.0;
    // 18:30 and 20:30 in Toronto (winter, UTC-5) are 23:30 and 01:30 UTC: two UTC dates, one market day.
    QTest::newRow("drops either side of midnight UTC are one market day")
        << 0.9 << kNone << QList<Tick>{{100, day(2, 10)}, {85, day(2, 18, 30)}, {84, day(2, 20, 30)}}
        << QList<bool>{false, true, false} << 100.0 << 90.0;
    // 23:30 and 00:30 in Toronto are 04:30 and 05:30 UTC: one UTC date, two market days.
    QTest::newRow("drops either side of midnight Toronto are two market days")
        << 0.9 << kNone << QList<Tick>{{100, day(2, 10)}, {85, day(2, 23, 30)}, {84, day(3, 0, 30)}}
        << QList<bool>{false, true, true} << 100.0 << 90.0;
    QTest::newRow("the stop never moves down")
        << 0.9 << kNone
        << QList<Tick>{{100, day(2, 10)}, {95, day(2, 11)}, {92, day(2, 12)}, {91, day(3, 10)}}
        << QList<bool>{false, false, false, false} << 100.0 << 90.0;
    QTest::newRow("recovery above the stop then a new breach next day")
        << 0.8 << kNone
        << QList<Tick>{{50, day(2, 10)}, {39, day(2, 11)}, {45, day(2, 12)}, {39.5, day(3, 10)}}
        << QList<bool>{false, true, false, true} << 50.0 << 40.0;
    QTest::newRow("quotes without a price are skipped")
        << 0.9 << kNone
        << QList<Tick>{{kNone, day(2, 9)}, {100, day(2, 10)}, {0, day(2, 11)}, {-1, day(2, 12)}}
        << QList<bool>{false, false, false, false} << 100.0 << 90.0;
    // DST ends 2026-11-01 at 02:00 in Toronto: 00:30 and 23:30 that day are the same market day.
    QTest::newRow("daylight-saving change day is one market day")
        << 0.9 << kNone << QList<Tick>{{100, day(1, 0, 10)}, {85, day(1, 0, 30)}, {84, day(1, 23, 30)}}
        << QList<bool>{false, true, false} << 100.0 << 90.0;
}

void StopLossEngineTest::sequence()
{
    QFETCH(double, ratio);
    QFETCH(double, entry);
    QFETCH(QList<Tick>, ticks);
    QFETCH(QList<bool>, breaches);
    QFETCH(double, finalPeak);
    QFETCH(double, finalStop);
    QCOMPARE(ticks.size(), breaches.size());

    StockState state = StopLossEngine::initialState(QStringLiteral("SHOP.TO"), ratio, optionalPrice(entry),
                                                    toronto(2026, 10, 1, 9));
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        const Quote quote{state.ticker, optionalPrice(ticks[i].price), ticks[i].time};
        const auto outcome = StopLossEngine::apply(state, quote, ticks[i].time.addSecs(2));
        QVERIFY2(outcome.breach.has_value() == breaches[i], qPrintable(QStringLiteral("step %1").arg(i)));
        state = outcome.state;
    }
    QVERIFY(state.peak && state.stop);
    QCOMPARE(*state.peak, finalPeak);
    QVERIFY2(std::fabs(*state.stop - finalStop) < 1e-9, qPrintable(QString::number(*state.stop, 'g', 17)));
}

void StopLossEngineTest::breachCarriesEverything()
{
    StockState state =
        StopLossEngine::initialState(QStringLiteral("RY.TO"), 0.9, std::nullopt, toronto(2026, 11, 2, 9));
    state = StopLossEngine::apply(state, {state.ticker, 106.0, toronto(2026, 11, 2, 10)},
                                  toronto(2026, 11, 2, 10))
                .state;
    const QDateTime quoteTime = toronto(2026, 11, 3, 23, 45); // 04:45 UTC on the 4th
    const QDateTime now = quoteTime.addSecs(3);
    const auto outcome = StopLossEngine::apply(state, {state.ticker, 92.10, quoteTime}, now);
    QVERIFY(outcome.breach);
    const Breach &breach = *outcome.breach;
    QCOMPARE(breach.ticker, QStringLiteral("RY.TO"));
    QCOMPARE(breach.price, 92.10);
    QCOMPARE(breach.peak, 106.0);
    QVERIFY(std::fabs(breach.stop - 95.4) < 1e-9);
    QCOMPARE(breach.ratio, 0.9);
    QCOMPARE(breach.quoteTime, quoteTime);
    QCOMPARE(breach.marketDay, QDate(2026, 11, 3));
    QCOMPARE(outcome.state.lastAlertAt, now);
    QCOMPARE(outcome.state.lastAlertMarketDay, QDate(2026, 11, 3));
    QCOMPARE(outcome.state.lastPrice, 92.10);
    QCOMPARE(outcome.state.lastQuoteAt, quoteTime);
    QVERIFY(outcome.changed);
}

void StopLossEngineTest::badPricesChangeNothing_data()
{
    QTest::addColumn<double>("price");
    QTest::newRow("missing") << kNone;
    QTest::newRow("zero") << 0.0;
    QTest::newRow("negative") << -12.5;
    QTest::newRow("infinite") << std::numeric_limits<double>::infinity();
    QTest::newRow("negative infinite") << -std::numeric_limits<double>::infinity();
}

void StopLossEngineTest::badPricesChangeNothing()
{
    QFETCH(double, price);
    StockState state =
        StopLossEngine::initialState(QStringLiteral("AAPL"), 0.9, std::nullopt, toronto(2026, 11, 2, 9));
    state = StopLossEngine::apply(state, {state.ticker, 100.0, toronto(2026, 11, 2, 10)},
                                  toronto(2026, 11, 2, 10))
                .state;
    std::optional<double> bad = price;
    if (std::isnan(price))
        bad.reset();
    const auto outcome =
        StopLossEngine::apply(state, {state.ticker, bad, toronto(2026, 11, 2, 11)}, toronto(2026, 11, 2, 11));
    QVERIFY(!outcome.breach);
    QVERIFY(!outcome.changed);
    QCOMPARE(outcome.state, state);

    const auto nanOutcome = StopLossEngine::apply(
        state, {state.ticker, std::numeric_limits<double>::quiet_NaN(), {}}, toronto(2026, 11, 2, 11));
    QVERIFY(!nanOutcome.changed);
}

void StopLossEngineTest::quoteWithoutTimeUsesNow()
{
    const StockState state =
        StopLossEngine::initialState(QStringLiteral("AAPL"), 0.9, 100.0, toronto(2026, 11, 2, 9));
    const QDateTime now = toronto(2026, 11, 2, 23, 50);
    const auto outcome = StopLossEngine::apply(state, {state.ticker, 50.0, QDateTime()}, now);
    QVERIFY(outcome.breach);
    QCOMPARE(outcome.breach->quoteTime, now);
    QCOMPARE(outcome.breach->marketDay, QDate(2026, 11, 2));
}

void StopLossEngineTest::ratioChangeMovesStopBothWays()
{
    StockState state =
        StopLossEngine::initialState(QStringLiteral("AAPL"), 0.9, std::nullopt, toronto(2026, 11, 2, 9));
    state = StopLossEngine::apply(state, {state.ticker, 200.0, toronto(2026, 11, 2, 10)},
                                  toronto(2026, 11, 2, 10))
                .state;
    const auto lower = StopLossEngine::changeRatio(state, 0.8);
    QVERIFY(lower.ok());
    QCOMPARE(*lower.value().stop, 160.0);
    QCOMPARE(*lower.value().peak, 200.0);
    const auto higher = StopLossEngine::changeRatio(lower.value(), 0.95);
    QVERIFY(higher.ok());
    QCOMPARE(*higher.value().stop, 190.0);
    QCOMPARE(higher.value().ratio, 0.95);

    // After the change the engine trails at the new ratio: 185 is now a breach, at 0.9 it was not.
    const auto outcome = StopLossEngine::apply(
        higher.value(), {state.ticker, 185.0, toronto(2026, 11, 2, 11)}, toronto(2026, 11, 2, 11));
    QVERIFY(outcome.breach);
    QCOMPARE(outcome.breach->ratio, 0.95);
}

void StopLossEngineTest::ratioChangeRefusesBadRatio_data()
{
    QTest::addColumn<double>("ratio");
    QTest::newRow("zero") << 0.0;
    QTest::newRow("one") << 1.0;
    QTest::newRow("negative") << -0.5;
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN();
}

void StopLossEngineTest::ratioChangeRefusesBadRatio()
{
    QFETCH(double, ratio);
    const StockState state =
        StopLossEngine::initialState(QStringLiteral("AAPL"), 0.9, 100.0, toronto(2026, 11, 2, 9));
    const auto result = StopLossEngine::changeRatio(state, ratio);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidRatio);
}

void StopLossEngineTest::peakResetRestartsFromLastPrice()
{
    StockState state =
        StopLossEngine::initialState(QStringLiteral("AAPL"), 0.9, std::nullopt, toronto(2026, 11, 2, 9));
    state = StopLossEngine::apply(state, {state.ticker, 200.0, toronto(2026, 11, 2, 10)},
                                  toronto(2026, 11, 2, 10))
                .state;
    state = StopLossEngine::apply(state, {state.ticker, 150.0, toronto(2026, 11, 2, 11)},
                                  toronto(2026, 11, 2, 11))
                .state;
    QCOMPARE(*state.stop, 180.0);
    const StockState reset = StopLossEngine::resetPeak(state);
    QCOMPARE(*reset.peak, 150.0);
    QCOMPARE(*reset.stop, 135.0);
    // The day's alert was already raised; the reset does not re-arm it for the same market day.
    QCOMPARE(reset.lastAlertMarketDay, QDate(2026, 11, 2));
}

void StopLossEngineTest::peakResetWithoutPriceClearsPeak()
{
    const StockState state =
        StopLossEngine::initialState(QStringLiteral("AAPL"), 0.9, 100.0, toronto(2026, 11, 2, 9));
    const StockState reset = StopLossEngine::resetPeak(state);
    QVERIFY(!reset.peak);
    QVERIFY(!reset.stop);
    // The next quote seeds the peak again (from the entry price, rule 2).
    const auto outcome = StopLossEngine::apply(reset, {state.ticker, 95.0, toronto(2026, 11, 2, 10)},
                                               toronto(2026, 11, 2, 10));
    QCOMPARE(*outcome.state.peak, 100.0);
}

void StopLossEngineTest::initialStateWithEntry()
{
    const StockState withEntry =
        StopLossEngine::initialState(QStringLiteral("XEQT.TO"), 0.85, 40.0, toronto(2026, 11, 2, 9));
    QCOMPARE(*withEntry.peak, 40.0);
    QCOMPARE(*withEntry.stop, 34.0);
    QCOMPARE(*withEntry.entry, 40.0);
    const StockState without =
        StopLossEngine::initialState(QStringLiteral("XEQT.TO"), 0.85, std::nullopt, toronto(2026, 11, 2, 9));
    QVERIFY(!without.peak);
    QVERIFY(!without.stop);
    QVERIFY(!without.lastPrice);
}

void StopLossEngineTest::oncePerBreachWaitsForRecovery()
{
    const auto run = [](RepeatPolicy policy) {
        StockState state =
            StopLossEngine::initialState(QStringLiteral("RY.TO"), 0.9, 100.0, toronto(2026, 11, 2, 9));
        QList<bool> alerts;
        // Below on the 2nd, still below on the 3rd, back at the stop on the 4th, below again on the 5th
        // and, after recovering above, once more later that same day.
        const QList<Tick> ticks{{85, toronto(2026, 11, 2, 10)}, {84, toronto(2026, 11, 3, 10)},
                                {90, toronto(2026, 11, 4, 10)}, {88, toronto(2026, 11, 5, 10)},
                                {95, toronto(2026, 11, 5, 11)}, {87, toronto(2026, 11, 5, 12)}};
        for (const Tick &tick : ticks) {
            const auto outcome =
                StopLossEngine::apply(state, {state.ticker, tick.price, tick.time}, tick.time, policy);
            alerts.append(outcome.breach.has_value());
            state = outcome.state;
        }
        return alerts;
    };
    QCOMPARE(run(RepeatPolicy::DailyWhileBelow), (QList<bool>{true, true, false, true, false, false}));
    QCOMPARE(run(RepeatPolicy::OncePerBreach), (QList<bool>{true, false, false, true, false, false}));
}

void StopLossEngineTest::isBelowIsStrictToTheCent_data()
{
    QTest::addColumn<double>("peak");
    QTest::addColumn<double>("ratio");
    QTest::addColumn<double>("price");
    QTest::addColumn<bool>("below");
    QTest::newRow("95.40 vs 106 x 0.9") << 106.0 << 0.9 << 95.40 << false;
    QTest::newRow("95.39 vs 106 x 0.9") << 106.0 << 0.9 << 95.39 << true;
    QTest::newRow("0.63 vs 0.70 x 0.9") << 0.70 << 0.9 << 0.63 << false;
    QTest::newRow("99.63 vs 110.70 x 0.9 (rounds up in binary)") << 110.70 << 0.9 << 99.63 << false;
    QTest::newRow("84.80 vs 106 x 0.8 (rounds up in binary)") << 106.0 << 0.8 << 84.80 << false;
    QTest::newRow("0.99 vs 1.10 x 0.9 (rounds up in binary)") << 1.10 << 0.9 << 0.99 << false;
    QTest::newRow("0.98 vs 1.10 x 0.9") << 1.10 << 0.9 << 0.98 << true;
    QTest::newRow("0.62 vs 0.70 x 0.9") << 0.70 << 0.9 << 0.62 << true;
    QTest::newRow("33.33 vs 37.0333.. x 0.9") << 37.03333333333333 << 0.9 << 33.33 << false;
    QTest::newRow("4499.99 vs 5000 x 0.9") << 5000.0 << 0.9 << 4499.99 << true;
    QTest::newRow("above") << 100.0 << 0.9 << 90.01 << false;
}

void StopLossEngineTest::isBelowIsStrictToTheCent()
{
    QFETCH(double, peak);
    QFETCH(double, ratio);
    QFETCH(double, price);
    QFETCH(bool, below);
    QCOMPARE(StopLossEngine::isBelow(price, peak * ratio), below);
}

QTEST_GUILESS_MAIN(StopLossEngineTest)
#include "tst_stoplossengine.moc"
