// Alert rules: parsing, and the edge behaviour of each kind (it fires on the day its condition starts to
// hold; never on the first day its indicator is defined; once while it keeps holding).
#include "domain/AlertRule.h"

#include <QTest>

using namespace trailguard;

namespace {
QList<DailyBar> bars(const QList<double> &closes)
{
    QList<DailyBar> out;
    QDate date(2024, 5, 1);
    for (double close : closes) {
        out.append(DailyBar{date, close, std::nullopt, std::nullopt});
        date = date.addDays(1);
    }
    return out;
}

AlertRule rule(const QString &spec)
{
    const auto parsed = AlertRule::parse(spec);
    if (!parsed)
        qFatal("bad rule %s: %s", qPrintable(spec), qPrintable(parsed.error().message));
    return parsed.value();
}

QList<qsizetype> firingDays(const QString &spec, const QList<double> &closes)
{
    QList<qsizetype> days;
    for (const RuleFiring &firing : AlertRules::firings(rule(spec), bars(closes)))
        days.append(firing.index);
    return days;
}
} // namespace

class TestAlertRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesCanonicalSpecs_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("cross-below-sma")
            << QStringLiteral("Cross-Below-SMA: 50") << QStringLiteral("cross-below-sma:50");
        QTest::newRow("cross-above-sma")
            << QStringLiteral("cross-above-sma:20") << QStringLiteral("cross-above-sma:20");
        QTest::newRow("rsi-below") << QStringLiteral("rsi-below:14, 30") << QStringLiteral("rsi-below:14,30");
        QTest::newRow("rsi-above") << QStringLiteral("rsi-above:14,70.5")
                                   << QStringLiteral("rsi-above:14,70.5");
        QTest::newRow("macd-cross-below")
            << QStringLiteral("macd-cross-below:12,26,9") << QStringLiteral("macd-cross-below:12,26,9");
        QTest::newRow("macd-cross-above")
            << QStringLiteral("macd-cross-above:5,35,5") << QStringLiteral("macd-cross-above:5,35,5");
        QTest::newRow("bb-below") << QStringLiteral("bb-below:20,2") << QStringLiteral("bb-below:20,2");
        QTest::newRow("bb-above") << QStringLiteral("bb-above:20,2.5") << QStringLiteral("bb-above:20,2.5");
        QTest::newRow("target") << QStringLiteral("target:120.5") << QStringLiteral("target:120.5");
    }
    void parsesCanonicalSpecs()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        QCOMPARE(rule(input).spec(), canonical);
        QCOMPARE(rule(canonical), rule(input));
    }

    void refusesBadRules_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("rsi level 0") << QStringLiteral("rsi-below:14,0")
                                     << QStringLiteral("between 0 and 100");
        QTest::newRow("rsi level 100")
            << QStringLiteral("rsi-above:14,100") << QStringLiteral("between 0 and 100");
        QTest::newRow("target 0") << QStringLiteral("target:0") << QStringLiteral("greater than 0");
        QTest::newRow("target text") << QStringLiteral("target:abc") << QStringLiteral("greater than 0");
        QTest::newRow("sma period") << QStringLiteral("cross-below-sma:0") << QStringLiteral("whole number");
        QTest::newRow("macd order") << QStringLiteral("macd-cross-above:26,12,9")
                                    << QStringLiteral("shorter");
        QTest::newRow("bb width") << QStringLiteral("bb-below:20,0") << QStringLiteral("greater than 0");
        QTest::newRow("parameters") << QStringLiteral("rsi-below:14") << QStringLiteral("parameter");
        QTest::newRow("unknown") << QStringLiteral("moon-phase:3") << QStringLiteral("not an alert rule");
    }
    void refusesBadRules()
    {
        QFETCH(QString, input);
        QFETCH(QString, mentions);
        const auto parsed = AlertRule::parse(input);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::InvalidIndicator);
        QVERIFY2(parsed.error().message.contains(mentions), qPrintable(parsed.error().message));
    }

    void firesWhenTheConditionStartsToHold()
    {
        // target:12 holds on days 1, 2 and 4: it fires on 1 (started) and 4 (started again), not on 2.
        QCOMPARE(firingDays(QStringLiteral("target:12"), {10, 12, 13, 11, 12.5}), QList<qsizetype>({1, 4}));
    }

    void neverOnTheFirstDefinedDay()
    {
        // sma:3 is first defined on day 2, where the close (8) is already below it (9.67): no alert then,
        // nor on day 3 (still below); day 4 is above, day 5 below again → one alert.
        QCOMPARE(firingDays(QStringLiteral("cross-below-sma:3"), {10, 11, 8, 7, 12, 9}),
                 QList<qsizetype>({5}));
        // target on the very first row: no day before it, no alert.
        QCOMPARE(firingDays(QStringLiteral("target:5"), {10, 11}), QList<qsizetype>());
    }

    void aboveTheAverage()
    {
        // sma:2: day 1 mean 9.5 (close 9 below), day 2 mean 10 (close 11 above) → fires on 2.
        QCOMPARE(firingDays(QStringLiteral("cross-above-sma:2"), {10, 9, 11, 12}), QList<qsizetype>({2}));
    }

    void rsiLevels()
    {
        // rsi:2 = 100 after two rises (day 2, first defined, above 70: no alert); day 3 falls (rsi 33.3 <
        // 70), day 4 rises again: 77.8 > 70 → fires on 4. Below 40: day 3 (33.3) after 100 → fires on 3.
        QCOMPARE(firingDays(QStringLiteral("rsi-above:2,70"), {10, 11, 12, 10, 13}), QList<qsizetype>({4}));
        QCOMPARE(firingDays(QStringLiteral("rsi-below:2,40"), {10, 11, 12, 10, 13}), QList<qsizetype>({3}));
    }

    void macdCrossesItsSignal()
    {
        // A rise then a fall: the macd line goes above its signal during the rise, below during the fall.
        const QList<double> closes = {10, 10, 10, 10, 11, 12, 13, 14, 13, 11, 9, 8};
        const QList<qsizetype> below = firingDays(QStringLiteral("macd-cross-below:2,4,2"), closes);
        QCOMPARE(below.size(), 1);
        QVERIFY(below.constFirst() >= 8);
        const IndicatorValues macd =
            Indicators::compute(rule(QStringLiteral("macd-cross-below:2,4,2")).indicator, bars(closes));
        const qsizetype day = below.constFirst();
        QVERIFY(*macd.value(day, 0) < *macd.value(day, 1));
        QVERIFY(*macd.value(day - 1, 0) >= *macd.value(day - 1, 1));
    }

    void bollingerBands()
    {
        // bb:3,1 over flat 10s then a jump to 14: above the upper band on the jump day only.
        QCOMPARE(firingDays(QStringLiteral("bb-above:3,1"), {10, 10, 10.1, 10, 14, 14.2}),
                 QList<qsizetype>({4}));
        QCOMPARE(firingDays(QStringLiteral("bb-below:3,1"), {10, 10, 10.1, 10, 6, 5.9}),
                 QList<qsizetype>({4}));
    }

    void lastBarIsToday()
    {
        const AlertRule target = rule(QStringLiteral("target:12"));
        QVERIFY(AlertRules::firesOnLastBar(target, bars({10, 11, 12})).has_value());
        QVERIFY(!AlertRules::firesOnLastBar(target, bars({10, 12, 12})).has_value());
        QVERIFY(!AlertRules::firesOnLastBar(target, bars({12})).has_value());
    }

    void messageSaysWhatHappened()
    {
        const AlertRule below = rule(QStringLiteral("cross-below-sma:50"));
        const RuleFiring firing{10, QDate(2024, 5, 14), 101.2, 101.2, 103.55};
        QCOMPARE(AlertRules::message(below, QStringLiteral("SHOP.TO"), firing),
                 QStringLiteral("SHOP.TO closed below its 50-day average: 101.20 < 103.55"));
    }
};

QTEST_GUILESS_MAIN(TestAlertRules)
#include "tst_alertrules.moc"
