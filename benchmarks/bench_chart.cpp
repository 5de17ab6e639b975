// Building the price chart for 1,000,000 prices (about two years of minute prices): the series handed to
// the panel, decimated to the plot's pixel width, handed to Qt Charts, and rendered once.
#include "charts/PriceChartPanel.h"
#include "domain/StopLossEngine.h"
#include "history/ChartSeriesBuilder.h"
#include "history/Decimation.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QPixmap>
#include <QRandomGenerator>
#include <QTest>

using namespace trailguard;

namespace {
constexpr int kPoints = 1'000'000;
constexpr QSize kChartSize(1200, 500);

// A seeded random walk, one price a minute.
QList<PricePoint> randomWalk()
{
    QRandomGenerator random(42);
    QList<PricePoint> prices;
    prices.reserve(kPoints);
    const QDateTime start(QDate(2024, 1, 2), QTime(14, 30), Qt::UTC);
    double price = 100;
    for (int i = 0; i < kPoints; ++i) {
        price = std::max(1.0, price * (1 + (random.generateDouble() - 0.5) * 0.002));
        prices.append({start.addSecs(qint64(i) * 60), price});
    }
    return prices;
}
} // namespace

class ChartBenchmark : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void decimateMillionPoints();
    void buildStopSteps();
    void buildChartMillionPoints();

private:
    ChartSeries m_series;
    QList<StopPoint> m_held; // what the engine held at each price
};

void ChartBenchmark::initTestCase()
{
    const QList<PricePoint> prices = randomWalk();
    const StockState start =
        StopLossEngine::initialState(QStringLiteral("BENCH"), 0.9, {}, prices.constFirst().time);
    m_held = ChartSeriesBuilder::engineStops(start, prices);
    m_series = ChartSeriesBuilder::build(QStringLiteral("BENCH"), QStringLiteral("USD"), prices, m_held);
    m_series.alerts.append({m_series.prices.at(kPoints / 2).time, m_series.prices.at(kPoints / 2).price,
                            QStringLiteral("BENCH fell below its stop")});
    qInfo("FIGURE chart input: %d prices, %lld stop steps", kPoints, qlonglong(m_series.stops.size()));
}

void ChartBenchmark::decimateMillionPoints()
{
    QList<QPointF> points;
    points.reserve(kPoints);
    for (const PricePoint &point : m_series.prices)
        points.append({double(point.time.toMSecsSinceEpoch()), point.price});
    QList<QPointF> out;
    QElapsedTimer timer;
    qint64 rounds = 0;
    timer.start();
    QBENCHMARK
    {
        out = Decimation::minMax(points, kChartSize.width());
        ++rounds;
    }
    qInfo("FIGURE decimation: %d points to %lld (M4, %d buckets): %.2f ms", kPoints, qlonglong(out.size()),
          kChartSize.width(), timer.nsecsElapsed() / 1e6 / double(rounds));
}

void ChartBenchmark::buildStopSteps()
{
    QList<StopPoint> steps;
    QElapsedTimer timer;
    qint64 rounds = 0;
    timer.start();
    QBENCHMARK
    {
        steps = ChartSeriesBuilder::steps(m_held);
        ++rounds;
    }
    qInfo("FIGURE held stop steps: %d samples to %lld steps: %.2f ms", kPoints, qlonglong(steps.size()),
          timer.nsecsElapsed() / 1e6 / double(rounds));
}

// What selecting a ticker with a million stored prices costs: setSeries (plot data, decimation, Qt Charts
// series and axes, All range) and one render of the panel.
void ChartBenchmark::buildChartMillionPoints()
{
    ui::PriceChartPanel panel;
    panel.resize(kChartSize);
    panel.setRange(ui::PriceChartPanel::Range::All);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    qint64 handed = 0;
    QElapsedTimer timer;
    qint64 rounds = 0;
    timer.start();
    QBENCHMARK
    {
        panel.clear(QStringLiteral("-"));
        panel.setSeries(m_series);
        const QPixmap rendered = panel.grab();
        handed = panel.priceSeries()->count();
        QVERIFY(!rendered.isNull());
        ++rounds;
    }
    qInfo("FIGURE chart: %d prices -> %lld points handed to Qt Charts (%d px plot) + one render: %.1f ms",
          kPoints, qlonglong(handed), panel.decimationBuckets(), timer.nsecsElapsed() / 1e6 / double(rounds));
}

QTEST_MAIN(ChartBenchmark)
#include "bench_chart.moc"
