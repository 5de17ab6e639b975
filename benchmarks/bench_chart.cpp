// Building the price chart for 1,000,000 prices (about two years of minute prices): the series handed to
// the panel, decimated to the plot's pixel width, handed to Qt Charts, and rendered once.
#include "charts/ChartIndicators.h"
#include "charts/IndicatorOverlayBuilder.h"
#include "charts/PriceChartPanel.h"
#include "charts/RuleMarks.h"
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
    void buildOverlaysTwentyYears();
    void chartWithOverlays();

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

namespace {
constexpr int kDailyBars = 5'000; // about twenty years of market days
const QStringList kOverlaySpecs{QStringLiteral("sma:50"), QStringLiteral("ema:20"), QStringLiteral("bb:20,2"),
                                QStringLiteral("rsi:14"), QStringLiteral("macd:12,26,9")};
const QStringList kRuleSpecs{QStringLiteral("cross-below-sma:50"), QStringLiteral("rsi-below:14,30"),
                             QStringLiteral("macd-cross-above:12,26,9")};

QList<DailyBar> dailyWalk()
{
    QRandomGenerator random(7);
    QList<DailyBar> bars;
    double close = 100;
    for (int i = 0; i < kDailyBars; ++i) {
        close = std::max(1.0, close * (1 + (random.generateDouble() - 0.5) * 0.04));
        bars.append(DailyBar{QDate(2005, 1, 3).addDays(i), close, std::nullopt, std::nullopt});
    }
    return bars;
}
} // namespace

// What the GUI thread computes when a ticker with twenty years of daily candles shows five indicators and
// three rules: Indicators::compute for each, the plot points, and the rules' firings with their messages.
void ChartBenchmark::buildOverlaysTwentyYears()
{
    const QList<DailyBar> bars = dailyWalk();
    QList<IndicatorSpec> specs;
    for (const QString &text : kOverlaySpecs)
        specs.append(IndicatorSpec::parse(text).value());
    qsizetype points = 0;
    qsizetype marks = 0;
    QElapsedTimer timer;
    qint64 rounds = 0;
    timer.start();
    QBENCHMARK
    {
        points = 0;
        for (const ui::OverlayLine &line : ui::IndicatorOverlayBuilder::build(bars, specs))
            points += line.points.size();
        marks = ui::RuleMarks::build(QStringLiteral("BENCH"), bars, kRuleSpecs).size();
        ++rounds;
    }
    qInfo("FIGURE overlays: %d daily bars x 5 indicators (%lld points) + 3 rules (%lld marks): %.2f ms",
          kDailyBars, qlonglong(points), qlonglong(marks), timer.nsecsElapsed() / 1e6 / double(rounds));
}

// The million-price chart again with those five indicators and three rules on twenty years of daily bars.
void ChartBenchmark::chartWithOverlays()
{
    ChartSeries series = m_series;
    series.dailyBars = dailyWalk();
    series.rules = kRuleSpecs;
    ui::PriceChartPanel panel;
    panel.resize(kChartSize.width(), kChartSize.height() + 250);
    panel.setRange(ui::PriceChartPanel::Range::All);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.indicators()->setSpecs(kOverlaySpecs);
    QElapsedTimer timer;
    qint64 rounds = 0;
    timer.start();
    QBENCHMARK
    {
        panel.clear(QStringLiteral("-"));
        panel.setSeries(series);
        QCoreApplication::processEvents(); // the overlays' refresh is scheduled
        const QPixmap rendered = panel.grab();
        QVERIFY(!rendered.isNull());
        ++rounds;
    }
    qInfo(
        "FIGURE chart with overlays: %d prices + %d daily bars, 5 indicators, 3 rules + one render: %.1f ms",
        kPoints, kDailyBars, timer.nsecsElapsed() / 1e6 / double(rounds));
}

QTEST_MAIN(ChartBenchmark)
#include "bench_chart.moc"
