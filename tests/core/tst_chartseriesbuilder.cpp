#include "history/ChartSeriesBuilder.h"

#include <QTest>

#include <limits>

using namespace trailguard;

namespace {
const QDateTime kStart(QDate(2026, 3, 2), QTime(14, 30), Qt::UTC);

QList<PricePoint> prices(const QList<double> &values)
{
    QList<PricePoint> points;
    for (qsizetype i = 0; i < values.size(); ++i)
        points.append({kStart.addSecs(60 * i), values.at(i)});
    return points;
}

QDateTime at(int minute)
{
    return kStart.addSecs(60 * minute);
}
} // namespace

class ChartSeriesBuilderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void peakStartsAtFirstPrice();
    void peakStartsAtEntry();
    void entryBelowFirstPriceIsRaisedAtOnce();
    void stopNeverMovesDown();
    void skipsUnusablePrices();
    void emptyHistory();
    void buildKeepsEverything();
};

void ChartSeriesBuilderTest::peakStartsAtFirstPrice()
{
    const QList<StopPoint> steps =
        ChartSeriesBuilder::trailingStops(prices({100, 98, 105, 104, 110, 90}), 0.9);
    const QList<StopPoint> expected{{at(0), 100, 90}, {at(2), 105, 94.5}, {at(4), 110, 99}};
    QCOMPARE(steps.size(), expected.size());
    for (qsizetype i = 0; i < steps.size(); ++i) {
        QCOMPARE(steps.at(i).time, expected.at(i).time);
        QCOMPARE(steps.at(i).peak, expected.at(i).peak);
        QCOMPARE(steps.at(i).stop, expected.at(i).stop);
    }
}

void ChartSeriesBuilderTest::peakStartsAtEntry()
{
    const QList<StopPoint> steps = ChartSeriesBuilder::trailingStops(prices({100, 118, 121}), 0.8, 120.0);
    QCOMPARE(steps.size(), 2);
    QCOMPARE(steps.at(0).time, at(0));
    QCOMPARE(steps.at(0).peak, 120.0);
    QCOMPARE(steps.at(0).stop, 96.0);
    QCOMPARE(steps.at(1).time, at(2));
    QCOMPARE(steps.at(1).peak, 121.0);
}

void ChartSeriesBuilderTest::entryBelowFirstPriceIsRaisedAtOnce()
{
    // Peak starts at the entry, then the first price above it raises it at the same instant: one step.
    const QList<StopPoint> steps = ChartSeriesBuilder::trailingStops(prices({110, 109}), 0.5, 100.0);
    QCOMPARE(steps.size(), 1);
    QCOMPARE(steps.at(0).peak, 110.0);
    QCOMPARE(steps.at(0).stop, 55.0);
}

void ChartSeriesBuilderTest::stopNeverMovesDown()
{
    const QList<StopPoint> steps =
        ChartSeriesBuilder::trailingStops(prices({50, 40, 60, 30, 20, 61, 100, 1, 100.0000000001}), 0.75);
    for (qsizetype i = 1; i < steps.size(); ++i) {
        QVERIFY(steps.at(i).peak > steps.at(i - 1).peak);
        QVERIFY(steps.at(i).stop >= steps.at(i - 1).stop);
        QVERIFY(steps.at(i).time > steps.at(i - 1).time);
    }
    QCOMPARE(steps.constLast().peak, 100.0); // rounding noise above the peak does not move it
    QCOMPARE(steps.size(), 4);
}

void ChartSeriesBuilderTest::skipsUnusablePrices()
{
    QList<PricePoint> input = prices({0, -5, std::numeric_limits<double>::quiet_NaN(), 10, 1e9 * 0, 12});
    input.append({QDateTime(), 500}); // no time
    const QList<StopPoint> steps = ChartSeriesBuilder::trailingStops(input, 0.9);
    QCOMPARE(steps.size(), 2);
    QCOMPARE(steps.at(0).time, at(3));
    QCOMPARE(steps.at(0).peak, 10.0);
    QCOMPARE(steps.at(1).peak, 12.0);
}

void ChartSeriesBuilderTest::emptyHistory()
{
    QVERIFY(ChartSeriesBuilder::trailingStops({}, 0.9).isEmpty());
    QVERIFY(ChartSeriesBuilder::trailingStops({}, 0.9, 50.0).isEmpty());
}

void ChartSeriesBuilderTest::buildKeepsEverything()
{
    const QList<AlertMark> alerts{{at(3), 85, QStringLiteral("AAPL fell below its stop")}};
    const ChartSeries series = ChartSeriesBuilder::build(
        QStringLiteral("AAPL"), QStringLiteral("USD"), prices({100, 95, 90, 85}), 0.9, std::nullopt, alerts);
    QCOMPARE(series.ticker, QStringLiteral("AAPL"));
    QCOMPARE(series.currency, QStringLiteral("USD"));
    QCOMPARE(series.prices.size(), 4);
    QCOMPARE(series.stops.size(), 1);
    QCOMPARE(series.alerts, alerts);
    QVERIFY(!series.isEmpty());
}

QTEST_GUILESS_MAIN(ChartSeriesBuilderTest)
#include "tst_chartseriesbuilder.moc"
