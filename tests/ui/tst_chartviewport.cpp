// ChartViewport: the chart's zoom, pan and range clamping, without widgets.
#include "charts/ChartViewport.h"

#include <QTest>

using namespace trailguard::ui;

namespace {
constexpr double kMinute = 60'000;
constexpr double kDay = 1440 * kMinute;

// Data over ten days from x = 0.
ChartViewport tenDays()
{
    ChartViewport viewport;
    viewport.setData(0, 10 * kDay);
    viewport.goHome(0);
    return viewport;
}
} // namespace

class ChartViewportTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void homeIsNotZoomed();
    void zoomAroundAnAnchor();
    void zoomStopsAtTheMinimumSpan();
    void zoomOutStopsAtAllTheData();
    void panStaysInsideTheData();
    void selectShowsThePart();
    void rangeBeyondAnEndSlidesBack();
    void lonePointIsShownAnHourWide();
    void goHomeEndsAtTheLastPrice();
};

void ChartViewportTest::homeIsNotZoomed()
{
    const ChartViewport viewport = tenDays();
    QCOMPARE(viewport.from(), 0.0);
    QCOMPARE(viewport.to(), 10 * kDay);
    QVERIFY(!viewport.isZoomed());
}

void ChartViewportTest::zoomAroundAnAnchor()
{
    ChartViewport viewport = tenDays();
    viewport.zoom(0.5, 0.5); // around day 5: days 2.5 .. 7.5
    QCOMPARE(viewport.from(), 2.5 * kDay);
    QCOMPARE(viewport.to(), 7.5 * kDay);
    QVERIFY(viewport.isZoomed());
    viewport.zoom(0, 0.5); // the left edge stays
    QCOMPARE(viewport.from(), 2.5 * kDay);
    QCOMPARE(viewport.to(), 5 * kDay);
    viewport.zoom(0.5, 0); // a factor of zero is ignored
    QCOMPARE(viewport.span(), 2.5 * kDay);
}

void ChartViewportTest::zoomStopsAtTheMinimumSpan()
{
    ChartViewport viewport = tenDays();
    for (int i = 0; i < 40; ++i)
        viewport.zoom(0.5, 0.5);
    QCOMPARE(viewport.span(), ChartViewport::kMinSpanMs);
    QCOMPARE(viewport.from() + viewport.span() / 2, 5 * kDay);
}

void ChartViewportTest::zoomOutStopsAtAllTheData()
{
    ChartViewport viewport = tenDays();
    viewport.zoom(0.2, 0.5);
    viewport.zoom(0.9, 10);
    QCOMPARE(viewport.from(), 0.0);
    QCOMPARE(viewport.to(), 10 * kDay);
    QVERIFY(!viewport.isZoomed());
}

void ChartViewportTest::panStaysInsideTheData()
{
    ChartViewport viewport = tenDays();
    viewport.zoom(0.5, 0.2); // days 4 .. 6
    viewport.pan(0.5);
    QCOMPARE(viewport.from(), 5 * kDay);
    QCOMPARE(viewport.to(), 7 * kDay);
    viewport.pan(100);
    QCOMPARE(viewport.to(), 10 * kDay);
    QCOMPARE(viewport.span(), 2 * kDay);
    viewport.pan(-100);
    QCOMPARE(viewport.from(), 0.0);
    QCOMPARE(viewport.span(), 2 * kDay);
}

void ChartViewportTest::selectShowsThePart()
{
    ChartViewport viewport = tenDays();
    viewport.select(0.1, 0.3);
    QCOMPARE(viewport.from(), 1 * kDay);
    QCOMPARE(viewport.to(), 3 * kDay);
    QCOMPARE(viewport.xAt(0.5), 2 * kDay);
}

void ChartViewportTest::rangeBeyondAnEndSlidesBack()
{
    ChartViewport viewport = tenDays();
    viewport.show(9 * kDay, 12 * kDay);
    QCOMPARE(viewport.from(), 7 * kDay);
    QCOMPARE(viewport.to(), 10 * kDay);
    viewport.show(-5 * kDay, -4 * kDay);
    QCOMPARE(viewport.from(), 0.0);
    QCOMPARE(viewport.to(), 1 * kDay);
}

void ChartViewportTest::lonePointIsShownAnHourWide()
{
    ChartViewport viewport;
    viewport.setData(kDay, kDay);
    viewport.goHome(kDay);
    QCOMPARE(viewport.from(), kDay - ChartViewport::kLonePointPadMs);
    QCOMPARE(viewport.to(), kDay + ChartViewport::kLonePointPadMs);
    viewport.zoom(0.5, 0.1);
    QCOMPARE(viewport.span(), 2 * ChartViewport::kLonePointPadMs);
}

void ChartViewportTest::goHomeEndsAtTheLastPrice()
{
    ChartViewport viewport = tenDays();
    viewport.zoom(0.3, 0.1);
    viewport.goHome(8 * kDay);
    QCOMPARE(viewport.from(), 8 * kDay);
    QCOMPARE(viewport.to(), 10 * kDay);
    QVERIFY(!viewport.isZoomed());
    // Fewer minutes of data than the minimum span: all of it.
    viewport.setData(0, 2 * kMinute);
    viewport.goHome(0);
    QCOMPARE(viewport.span(), 2 * kMinute);
}

QTEST_GUILESS_MAIN(ChartViewportTest)
#include "tst_chartviewport.moc"
