#include "domain/StopLossEngine.h"
#include "history/ChartSeriesBuilder.h"

#include <QTest>
#include <QTimeZone>

#include <limits>

using namespace trailguard;

namespace {
const QDateTime kStart(QDate(2026, 3, 2), QTime(14, 30), QTimeZone::utc());

QDateTime at(int minute)
{
    return kStart.addSecs(60 * minute);
}

QList<PricePoint> prices(const QList<double> &values)
{
    QList<PricePoint> points;
    for (qsizetype i = 0; i < values.size(); ++i)
        points.append({at(int(i)), values.at(i)});
    return points;
}
} // namespace

class ChartSeriesBuilderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stepsKeepOnlyMoves();
    void stepsMergeMovesAtOneInstant();
    void stepsSkipUnusableSamples();
    void emptyHistory();
    void engineStopsFollowTheStrategy_data();
    void engineStopsFollowTheStrategy();
    void buildKeepsEverything();
};

void ChartSeriesBuilderTest::stepsKeepOnlyMoves()
{
    const QList<StopPoint> held{
        {at(0), 100, 90}, {at(1), 100, 90}, {at(2), 105, 94.5}, {at(3), 105, 94.5}, {at(4), 110, 94.5}};
    const QList<StopPoint> expected{{at(0), 100, 90}, {at(2), 105, 94.5}, {at(4), 110, 94.5}};
    QCOMPARE(ChartSeriesBuilder::steps(held), expected);
}

void ChartSeriesBuilderTest::stepsMergeMovesAtOneInstant()
{
    const QList<StopPoint> held{{at(0), 100, 90}, {at(1), 104, 93.6}, {at(1), 106, 95.4}};
    const QList<StopPoint> expected{{at(0), 100, 90}, {at(1), 106, 95.4}};
    QCOMPARE(ChartSeriesBuilder::steps(held), expected);
}

void ChartSeriesBuilderTest::stepsSkipUnusableSamples()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QList<StopPoint> held{{QDateTime(), 100, 90},
                                {at(1), nan, 90},
                                {at(2), 100, 0},
                                {at(3), 100, std::numeric_limits<double>::infinity()},
                                {at(4), 100, 90}};
    QCOMPARE(ChartSeriesBuilder::steps(held), (QList<StopPoint>{{at(4), 100, 90}}));
}

void ChartSeriesBuilderTest::emptyHistory()
{
    QVERIFY(ChartSeriesBuilder::steps({}).isEmpty());
    const StockState start = StopLossEngine::initialState(QStringLiteral("X"), 0.9, {}, kStart);
    QVERIFY(ChartSeriesBuilder::engineStops(start, {}).isEmpty());
}

void ChartSeriesBuilderTest::engineStopsFollowTheStrategy_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QList<double>>("stops");
    // The engine's own rules: the trailing stop never falls; fixed-pct stays at the first price × R.
    QTest::newRow("trailing") << QStringLiteral("trailing:0.9") << QList<double>{90, 90, 94.5, 94.5, 99, 99};
    QTest::newRow("fixed") << QStringLiteral("fixed:80") << QList<double>{80, 80, 80, 80, 80, 80};
    QTest::newRow("fixed-pct") << QStringLiteral("fixed-pct:0.5") << QList<double>{50, 50, 50, 50, 50, 50};
}

void ChartSeriesBuilderTest::engineStopsFollowTheStrategy()
{
    QFETCH(QString, spec);
    QFETCH(QList<double>, stops);
    const StockState start =
        StopLossEngine::initialState(QStringLiteral("X"), StopStrategy::parse(spec).value(), {}, kStart);
    const QList<StopPoint> held =
        ChartSeriesBuilder::engineStops(start, prices({100, 98, 105, 104, 110, 90}));
    QCOMPARE(held.size(), stops.size());
    for (qsizetype i = 0; i < held.size(); ++i) {
        QCOMPARE(held.at(i).time, at(int(i)));
        QCOMPARE(held.at(i).stop, stops.at(i));
    }
    QCOMPARE(held.constLast().peak, 110.0);
}

void ChartSeriesBuilderTest::buildKeepsEverything()
{
    const QList<AlertMark> alerts{{at(5), 90, QStringLiteral("X fell below its stop")}};
    const ChartSeries series =
        ChartSeriesBuilder::build(QStringLiteral("X"), QStringLiteral("USD"), prices({100, 90}),
                                  {{at(0), 100, 95}, {at(1), 100, 95}}, alerts);
    QCOMPARE(series.ticker, QStringLiteral("X"));
    QCOMPARE(series.currency, QStringLiteral("USD"));
    QCOMPARE(series.prices.size(), 2);
    QCOMPARE(series.stops, (QList<StopPoint>{{at(0), 100, 95}}));
    QCOMPARE(series.alerts, alerts);
    QVERIFY(!series.isEmpty());
}

QTEST_GUILESS_MAIN(ChartSeriesBuilderTest)
#include "tst_chartseriesbuilder.moc"
