// NiceScale: round axis ticks, without widgets.
#include "charts/NiceScale.h"

#include <QTest>

#include <cmath>

using namespace trailguard::ui;

class NiceScaleTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void niceInterval_data();
    void niceInterval();
    void around_data();
    void around();
    void boundsInAnyOrderAndSingleValues();
    void decimals_data();
    void decimals();
};

void NiceScaleTest::niceInterval_data()
{
    QTest::addColumn<double>("rough");
    QTest::addColumn<double>("nice");
    QTest::newRow("exactly 1") << 1.0 << 1.0;
    QTest::newRow("1.2 -> 2") << 1.2 << 2.0;
    QTest::newRow("2.1 -> 2.5") << 2.1 << 2.5;
    QTest::newRow("3 -> 5") << 3.0 << 5.0;
    QTest::newRow("5.5 -> 10") << 5.5 << 10.0;
    QTest::newRow("19.7 -> 20") << 19.71 << 20.0;
    QTest::newRow("0.023 -> 0.025") << 0.023 << 0.025;
    QTest::newRow("rounding noise of 20") << 20.000000000001 << 20.0;
    QTest::newRow("zero") << 0.0 << 1.0;
    QTest::newRow("negative") << -3.0 << 1.0;
}

void NiceScaleTest::niceInterval()
{
    QFETCH(double, rough);
    QFETCH(double, nice);
    QCOMPARE(NiceScale::niceInterval(rough), nice);
}

void NiceScaleTest::around_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("tick");
    // The axis: 407.22 .. 446.64 read as 400, 410, ... 450.
    QTest::newRow("BRK.B") << 407.22 << 446.64 << 6 << 400.0 << 450.0 << 10.0;
    QTest::newRow("more ticks, smaller step") << 407.22 << 446.64 << 11 << 405.0 << 450.0 << 5.0;
    QTest::newRow("penny stock") << 0.0312 << 0.0487 << 9 << 0.03 << 0.05 << 0.0025;
    QTest::newRow("bounds on ticks stay") << 100.0 << 200.0 << 6 << 100.0 << 200.0 << 20.0;
    // 20 would need 0, 20, 40, 60: one interval more than asked, so 25.
    QTest::newRow("rounded out, next interval") << 19.0 << 41.0 << 3 << 0.0 << 50.0 << 25.0;
}

void NiceScaleTest::around()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(int, maxTicks);
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, tick);
    const NiceScale scale = NiceScale::around(low, high, maxTicks);
    QCOMPARE(scale.tick, tick);
    QVERIFY2(std::fabs(scale.min - min) < tick * 1e-9, qPrintable(QString::number(scale.min, 'g', 17)));
    QVERIFY2(std::fabs(scale.max - max) < tick * 1e-9, qPrintable(QString::number(scale.max, 'g', 17)));
    QVERIFY(scale.min <= low && scale.max >= high);
    QVERIFY(scale.tickCount() <= maxTicks);
}

void NiceScaleTest::boundsInAnyOrderAndSingleValues()
{
    QCOMPARE(NiceScale::around(446.64, 407.22, 6), NiceScale::around(407.22, 446.64, 6));
    const NiceScale single = NiceScale::around(413.71, 413.71, 6);
    QVERIFY(single.min < 413.71 && single.max > 413.71);
    QVERIFY(single.tick > 0);
    const NiceScale zero = NiceScale::around(0, 0, 6);
    QVERIFY(zero.min < 0 && zero.max > 0);
    QCOMPARE(NiceScale::around(std::nan(""), 1, 6), NiceScale{});
}

void NiceScaleTest::decimals_data()
{
    QTest::addColumn<double>("tick");
    QTest::addColumn<int>("decimals");
    QTest::newRow("10") << 10.0 << 0;
    QTest::newRow("1") << 1.0 << 0;
    QTest::newRow("2.5") << 2.5 << 1;
    QTest::newRow("0.25") << 0.25 << 2;
    QTest::newRow("0.1") << 0.1 << 1;
    QTest::newRow("0.0025") << 0.0025 << 4;
}

void NiceScaleTest::decimals()
{
    QFETCH(double, tick);
    QFETCH(int, decimals);
    QCOMPARE((NiceScale{0, 10 * tick, tick}.decimals()), decimals);
}

QTEST_GUILESS_MAIN(NiceScaleTest)
#include "tst_nicescale.moc"
