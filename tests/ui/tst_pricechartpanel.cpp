#include "GuiTestMain.h"
#include "WatchlistFixture.h"

#include "MainWindow.h"
#include "WatchlistModel.h"
#include "charts/NiceScale.h"
#include "charts/PriceChartPanel.h"
#include "charts/PriceChartView.h"
#include "domain/StopLossEngine.h"
#include "history/ChartSeriesBuilder.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QDir>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QValueAxis>

#include <cmath>

using namespace trailguard;
using trailguard::ui::MainWindow;
using trailguard::ui::PriceChartPanel;

namespace {
// 400 days of a price every ten minutes (57,600 points): a wavy climb to a peak near 151.5 on day 300,
// then a slide that crosses the 0.9 stop once, near day 327; the alert fired at the first price below it.
const QDateTime kStart(QDate(2025, 1, 6), QTime(0, 0), Qt::UTC);
constexpr int kDays = 400;
constexpr int kPerDay = 144;
const QString kAlertText = QStringLiteral("TEST fell below its stop");

double priceAt(double day)
{
    // Slow waves on a trend, so that the peak moves in steps.
    const double waves = 4 * std::sin(day / 9) + 1.5 * std::sin(day * 1.7);
    if (day <= 300)
        return 100 + 50 * day / 300 + waves * day / 300;
    return 150 - 15 * (day - 300) / 30 + waves * 0.3;
}

ChartSeries testSeries()
{
    QList<PricePoint> prices;
    prices.reserve(kDays * kPerDay);
    for (int i = 0; i < kDays * kPerDay; ++i) {
        const double day = double(i) / kPerDay;
        prices.append({kStart.addSecs(qint64(i) * 600), priceAt(day)});
    }
    ChartSeries series = ChartSeriesBuilder::build(
        QStringLiteral("TEST"), QStringLiteral("USD"), prices,
        ChartSeriesBuilder::engineStops(StopLossEngine::initialState(QStringLiteral("TEST"), 0.9, {}, kStart),
                                        prices));
    // The first price below the stop in force at its time.
    qsizetype step = 0;
    const auto breach = std::find_if(prices.cbegin(), prices.cend(), [&](const PricePoint &point) {
        while (step + 1 < series.stops.size() && series.stops.at(step + 1).time <= point.time)
            ++step;
        return point.price < series.stops.at(step).stop;
    });
    series.alerts.append({breach->time, breach->price, kAlertText});
    return series;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    palette.setColor(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b));
    palette.setColor(QPalette::ToolTipText, QColor(0xee, 0xee, 0xee));
    return palette;
}

qint64 axisMin(const PriceChartPanel &panel)
{
    return panel.timeAxis()->min().toMSecsSinceEpoch();
}

qint64 axisMax(const PriceChartPanel &panel)
{
    return panel.timeAxis()->max().toMSecsSinceEpoch();
}

bool containsPoint(const QLineSeries *series, const QPointF &point)
{
    const QList<QPointF> points = series->points();
    return points.contains(point);
}

int pixelsNear(const QImage &image, const QColor &color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - color.red()) < 24 && std::abs(pixel.green() - color.green()) < 24 &&
                std::abs(pixel.blue() - color.blue()) < 24)
                ++count;
        }
    }
    return count;
}
} // namespace

class TestPriceChartPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_series = testSeries();
    }

    void init()
    {
        m_panel = std::make_unique<PriceChartPanel>();
        m_panel->resize(900, 500);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void cleanup() { m_panel.reset(); }

    void showsAPlaceholderWithoutHistory()
    {
        QVERIFY(!m_panel->isShowingChart());
        QCOMPARE(m_panel->placeholderText(), QStringLiteral("No price history yet"));
        QVERIFY(!m_panel->findChild<QToolButton *>(QStringLiteral("range1MButton"))->isEnabled());
        m_panel->setSeries(ChartSeries{QStringLiteral("NEW"), QStringLiteral("CAD"), {}, {}, {}});
        QVERIFY(!m_panel->isShowingChart());
        QCOMPARE(m_panel->placeholderText(), QStringLiteral("No price history yet for NEW"));
    }

    void priceAxisHasRoundTicks()
    {
        m_panel->setSeries(m_series);
        for (const PriceChartPanel::Range range :
             {PriceChartPanel::Range::All, PriceChartPanel::Range::SixMonths, PriceChartPanel::Range::Day}) {
            m_panel->setRange(range);
            const QValueAxis *axis = m_panel->priceAxis();
            QCOMPARE(axis->tickType(), QValueAxis::TicksDynamic);
            const double tick = axis->tickInterval();
            QCOMPARE(ui::NiceScale::niceInterval(tick), tick);
            QCOMPARE(axis->tickAnchor(), axis->min());
            // Both ends are whole multiples of the tick: 90, 100, ... rather than 87.37.
            for (const double end : {axis->min(), axis->max()})
                QVERIFY2(std::fabs(end / tick - std::round(end / tick)) < 1e-6,
                         qPrintable(QString::number(end)));
            QVERIFY(axis->labelFormat() == QStringLiteral("%.0f") || tick < 1);
        }
    }

    void strategyLineBeforeWatchingIsDotted()
    {
        // Watched from the middle of the history: the held stop starts there, the strategy's line ends there.
        ChartSeries series = m_series;
        const QDateTime watched = series.prices.at(series.prices.size() / 2).time;
        QList<StopPoint> held;
        for (const StopPoint &step : std::as_const(series.stops)) {
            if (step.time < watched)
                series.strategyStops.append(step);
            else
                held.append(step);
        }
        QVERIFY(!held.isEmpty() && !series.strategyStops.isEmpty());
        series.stops = held;
        m_panel->setSeries(series);
        m_panel->setRange(PriceChartPanel::Range::All);
        const QLineSeries *line = m_panel->strategyStopSeries();
        QVERIFY(line->isVisible());
        QCOMPARE(line->pen().style(), Qt::DotLine);
        QVERIFY(!line->name().isEmpty());
        QVERIFY(line->count() > 0);
        const double end = double(held.constFirst().time.toMSecsSinceEpoch());
        for (const QPointF &point : line->points())
            QVERIFY(point.x() <= end);
        QCOMPARE(m_panel->stopSeries()->points().constFirst().x(), end);

        // Without such a line the series is hidden.
        m_panel->setSeries(m_series);
        QVERIFY(!m_panel->strategyStopSeries()->isVisible());
    }

    void decimatesToThePlotWidth()
    {
        m_panel->setSeries(m_series);
        m_panel->setRange(PriceChartPanel::Range::All);
        QVERIFY(m_panel->isShowingChart());
        QTRY_COMPARE(m_panel->decimationBuckets(), int(m_panel->chart()->plotArea().width()));
        const int buckets = m_panel->decimationBuckets();
        QVERIFY2(buckets > 300 && buckets < 900, qPrintable(QString::number(buckets)));

        // 57,600 prices become at most four per pixel column (plus one beyond each edge).
        const qsizetype prices = m_panel->priceSeries()->count();
        qInfo("prices: %lld of %lld handed to Qt Charts for %d pixel columns", qlonglong(prices),
              qlonglong(m_series.prices.size()), buckets);
        QVERIFY(prices <= 4 * buckets + 2);
        QVERIFY(prices >= buckets);
        QVERIFY(m_panel->stopSeries()->count() <= 4 * buckets + 2);
        QVERIFY(m_panel->stopSeries()->count() >= 2);
        QVERIFY(m_panel->peakSeries()->count() >= 2);
        QCOMPARE(m_panel->alertSeries()->count(), 1);
        QCOMPARE(m_panel->alertSeries()->at(0),
                 QPointF(double(m_series.alerts.constFirst().time.toMSecsSinceEpoch()),
                         m_series.alerts.constFirst().price));

        // The extremes survive: the lowest and highest prices, the first and the last.
        const auto [low, high] =
            std::minmax_element(m_series.prices.cbegin(), m_series.prices.cend(),
                                [](const PricePoint &a, const PricePoint &b) { return a.price < b.price; });
        for (const PricePoint &point :
             {*low, *high, m_series.prices.constFirst(), m_series.prices.constLast()})
            QVERIFY(
                containsPoint(m_panel->priceSeries(), {double(point.time.toMSecsSinceEpoch()), point.price}));
        // The price axis fits them.
        QVERIFY(m_panel->priceAxis()->min() < low->price);
        QVERIFY(m_panel->priceAxis()->max() > high->price);

        // A narrower window decimates to fewer points.
        m_panel->resize(500, 400);
        QTRY_COMPARE(m_panel->decimationBuckets(), int(m_panel->chart()->plotArea().width()));
        QVERIFY(m_panel->decimationBuckets() < buckets);
        QVERIFY(m_panel->priceSeries()->count() <= 4 * m_panel->decimationBuckets() + 2);
    }

    void rangeButtonsChangeTheAxis()
    {
        m_panel->setSeries(m_series);
        const QDateTime last = m_series.prices.constLast().time;
        const QDateTime first = m_series.prices.constFirst().time;
        struct Case {
            const char *button;
            QDateTime from;
        };
        const QDateTime startOfLastDay = last.toLocalTime().date().startOfDay();
        const Case cases[] = {
            {"rangeAllButton", first},
            {"range1YButton", last.addYears(-1)},
            {"range6MButton", last.addMonths(-6)},
            {"range1MButton", last.addMonths(-1)},
            {"range5DButton", startOfLastDay.addDays(-4)}, // every day has prices here
            {"range1DButton", startOfLastDay},
        };
        qint64 previousMin = -1;
        for (const Case &c : cases) {
            auto *button = m_panel->findChild<QToolButton *>(QLatin1String(c.button));
            QVERIFY2(button, c.button);
            QVERIFY(button->isEnabled());
            QTest::mouseClick(button, Qt::LeftButton);
            QVERIFY(button->isChecked());
            QCOMPARE(axisMin(*m_panel), c.from.toMSecsSinceEpoch());
            QCOMPARE(axisMax(*m_panel), last.toMSecsSinceEpoch());
            QVERIFY(axisMin(*m_panel) != previousMin);
            previousMin = axisMin(*m_panel);
            // Only the visible prices are handed over, still decimated.
            QVERIFY(m_panel->priceSeries()->count() <= 4 * m_panel->decimationBuckets() + 2);
        }
        QCOMPARE(m_panel->range(), PriceChartPanel::Range::Day);
        // One day of ten-minute prices is fewer points than pixels: all of them are drawn.
        const auto today = std::count_if(m_series.prices.cbegin(), m_series.prices.cend(),
                                         [&](const PricePoint &p) { return p.time >= startOfLastDay; });
        QCOMPARE(m_panel->priceSeries()->count(), qsizetype(today + 1)); // and the one before, to the edge
        // The axis shows times for a day, dates for a month.
        QCOMPARE(m_panel->timeAxis()->format(), QStringLiteral("HH:mm"));
        QTest::mouseClick(m_panel->findChild<QToolButton *>(QStringLiteral("range1MButton")), Qt::LeftButton);
        QCOMPARE(m_panel->timeAxis()->format(), QStringLiteral("MMM d"));
    }

    void zoomsAndPans()
    {
        m_panel->setSeries(m_series);
        m_panel->setRange(PriceChartPanel::Range::Year);
        auto *reset = m_panel->findChild<QToolButton *>(QStringLiteral("resetZoomButton"));
        QVERIFY(!reset->isEnabled());
        const qint64 from = axisMin(*m_panel);
        const qint64 to = axisMax(*m_panel);

        // The wheel zooms in around the pointer (here the plot's centre).
        ui::PriceChartView *view = m_panel->chartView();
        const QRectF plot = m_panel->chart()->plotArea();
        const QPoint centre = view->mapFromScene(m_panel->chart()->mapToScene(plot.center()));
        QWheelEvent wheel(centre, view->viewport()->mapToGlobal(centre), {}, QPoint(0, 240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        const qint64 zoomedSpan = axisMax(*m_panel) - axisMin(*m_panel);
        QVERIFY(zoomedSpan < (to - from) * 0.7);
        QVERIFY(m_panel->isZoomed());
        QVERIFY(reset->isEnabled());

        // Arrow keys pan; the range keeps its width.
        const qint64 zoomedFrom = axisMin(*m_panel);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Left);
        QVERIFY(axisMin(*m_panel) < zoomedFrom);
        QCOMPARE(axisMax(*m_panel) - axisMin(*m_panel), zoomedSpan);
        QTest::keyClick(view, Qt::Key_Right);
        QTest::keyClick(view, Qt::Key_Right);
        QVERIFY(axisMin(*m_panel) > zoomedFrom);

        // Dragging right shows earlier times.
        const qint64 beforeDrag = axisMin(*m_panel);
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, centre);
        QMouseEvent move(QEvent::MouseMove, QPointF(centre + QPoint(100, 0)),
                         QPointF(view->viewport()->mapToGlobal(centre + QPoint(100, 0))), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, centre + QPoint(100, 0));
        QVERIFY(axisMin(*m_panel) < beforeDrag);

        // Shift+drag zooms to the band.
        const qint64 spanBeforeBand = axisMax(*m_panel) - axisMin(*m_panel);
        // The plot's width now: round price ticks make the axis labels, and so the plot, change with zoom.
        const double bandPlotWidth = m_panel->chart()->plotArea().width();
        QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, centre - QPoint(100, 0));
        QMouseEvent bandMove(QEvent::MouseMove, QPointF(centre + QPoint(100, 0)),
                             QPointF(view->viewport()->mapToGlobal(centre + QPoint(100, 0))), Qt::NoButton,
                             Qt::LeftButton, Qt::ShiftModifier);
        QApplication::sendEvent(view->viewport(), &bandMove);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, centre + QPoint(100, 0));
        const double expected = spanBeforeBand * 200.0 / bandPlotWidth;
        QVERIFY(std::abs((axisMax(*m_panel) - axisMin(*m_panel)) - expected) < expected * 0.05);

        // Panning never leaves the data.
        for (int i = 0; i < 200; ++i)
            m_panel->pan(0.5);
        QCOMPARE(axisMax(*m_panel), m_series.prices.constLast().time.toMSecsSinceEpoch());

        QTest::mouseClick(reset, Qt::LeftButton);
        QCOMPARE(axisMin(*m_panel), from);
        QCOMPARE(axisMax(*m_panel), to);
        QVERIFY(!reset->isEnabled());
        QVERIFY(!m_panel->isZoomed());

        // Zooming out stops at the whole history; Esc resets.
        m_panel->zoom(0.5, 100);
        QCOMPARE(axisMin(*m_panel), m_series.prices.constFirst().time.toMSecsSinceEpoch());
        QTest::keyClick(view, Qt::Key_Escape);
        QCOMPARE(axisMin(*m_panel), from);
    }

    void newPricesKeepTheZoom()
    {
        m_panel->setSeries(m_series);
        m_panel->setRange(PriceChartPanel::Range::All);
        m_panel->zoom(0.5, 0.25);
        const qint64 from = axisMin(*m_panel);
        m_panel->setSeries(m_series);
        QCOMPARE(axisMin(*m_panel), from);
        ChartSeries other = m_series;
        other.ticker = QStringLiteral("OTHER");
        m_panel->setSeries(other);
        QVERIFY(!m_panel->isZoomed());
    }

    void crosshairShowsTheValues()
    {
        m_panel->setSeries(m_series);
        m_panel->setRange(PriceChartPanel::Range::SixMonths);
        QVERIFY(m_panel->crosshairText().isEmpty());

        m_panel->showCrosshairAt(m_series.alerts.constFirst().time);
        const QString text = m_panel->crosshairText();
        qInfo("crosshair: %s", qPrintable(QString(text).replace(QLatin1Char('\n'), QLatin1String(" | "))));
        const StopPoint stop = m_series.stops.constLast();
        const QStringList lines = text.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.at(0),
                 QLocale().toString(m_series.alerts.constFirst().time.toLocalTime(), QLocale::ShortFormat));
        QCOMPARE(lines.at(1), QStringLiteral("Price: %1 USD")
                                  .arg(QLocale().toString(m_series.alerts.constFirst().price, 'f', 2)));
        QCOMPARE(lines.at(2), QStringLiteral("Peak: %1").arg(QLocale().toString(stop.peak, 'f', 2)));
        QCOMPARE(lines.at(3), QStringLiteral("Stop: %1").arg(QLocale().toString(stop.stop, 'f', 2)));
        QCOMPARE(lines.at(4), QStringLiteral("Alert: ") + kAlertText);

        // Hovering with the mouse snaps to the nearest price (one day: several pixels per price).
        m_panel->setRange(PriceChartPanel::Range::Day);
        const PricePoint target = m_series.prices.at(m_series.prices.size() - 20);
        const QPointF value(double(target.time.toMSecsSinceEpoch()), target.price);
        ui::PriceChartView *view = m_panel->chartView();
        const QPointF chartPos = m_panel->chart()->mapToPosition(value, m_panel->priceSeries());
        const QPoint pos = view->mapFromScene(m_panel->chart()->mapToScene(chartPos));
        QMouseEvent move(QEvent::MouseMove, QPointF(pos), QPointF(view->viewport()->mapToGlobal(pos)),
                         Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        const QString hovered = m_panel->crosshairText();
        QVERIFY2(hovered.startsWith(QLocale().toString(target.time.toLocalTime(), QLocale::ShortFormat)),
                 qPrintable(hovered));
        QVERIFY2(hovered.contains(QLocale().toString(target.price, 'f', 2)), qPrintable(hovered));
        QVERIFY(!hovered.contains(kAlertText));
        // Leaving the chart hides it.
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(view, &leave);
        QVERIFY(m_panel->crosshairText().isEmpty());
    }

    void followsThePalette()
    {
        m_panel->setSeries(m_series);
        QVERIFY(!m_panel->colors().dark);
        QCOMPARE(m_panel->chart()->theme(), QChart::ChartThemeLight);
        const QColor lightBackground = m_panel->chart()->backgroundBrush().color();
        const QColor lightStop = m_panel->stopSeries()->pen().color();
        const QColor lightLabels = m_panel->timeAxis()->labelsColor();

        m_panel->setPalette(darkPalette());
        QVERIFY(m_panel->colors().dark);
        QCOMPARE(m_panel->chart()->theme(), QChart::ChartThemeDark);
        QCOMPARE(m_panel->chart()->backgroundBrush().color(), QColor(0x1e, 0x1e, 0x1e));
        QCOMPARE(m_panel->timeAxis()->labelsColor(), QColor(0xee, 0xee, 0xee));
        QCOMPARE(m_panel->priceSeries()->pen().color(), QColor(0x3d, 0xae, 0xe9)); // the accent colour
        QVERIFY(m_panel->stopSeries()->pen().color() != lightStop);
        QVERIFY(m_panel->chart()->backgroundBrush().color() != lightBackground);
        QVERIFY(m_panel->timeAxis()->labelsColor() != lightLabels);
        saveScreenshot(QStringLiteral("chart-dark.png"));

        m_panel->setPalette(QPalette());
        QCOMPARE(m_panel->chart()->theme(), QChart::ChartThemeLight);
        QCOMPARE(m_panel->chart()->backgroundBrush().color(), lightBackground);
    }

    void savesAScreenshot()
    {
        m_panel->resize(1000, 520);
        m_panel->setSeries(m_series);
        m_panel->setRange(PriceChartPanel::Range::SixMonths);
        QTRY_COMPARE(m_panel->decimationBuckets(), int(m_panel->chart()->plotArea().width()));
        m_panel->showCrosshairAt(m_series.alerts.constFirst().time);
        const QImage image = saveScreenshot(QStringLiteral("chart.png"));
        QCOMPARE(image.size(), m_panel->size() * m_panel->devicePixelRatio());
        // The stop line and the price line are on it.
        QVERIFY(pixelsNear(image, m_panel->colors().stop) > 200);
        QVERIFY(pixelsNear(image, m_panel->colors().price) > 200);
    }

    void mainWindowFollowsTheSelectedTicker()
    {
        test::WatchlistFixture fixture;
        QVERIFY(fixture.open().isEmpty());
        fixture.seed(QStringLiteral("AAPL"), 0.9, {100, 110});
        fixture.seed(QStringLiteral("SHOP.TO"), 0.8, {50});
        MainWindow window(fixture.service(), fixture.settings());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *panel = window.chartPanel();
        QVERIFY(panel);
        QVERIFY(window.findChild<QSplitter *>(QStringLiteral("chartSplitter")));

        window.showTicker(QStringLiteral("AAPL"));
        QTRY_COMPARE(panel->placeholderText(), QStringLiteral("No price history yet for AAPL"));

        QStringList asked;
        window.setChartProvider([&](const QString &ticker) {
            asked << ticker;
            ChartSeries series = m_series;
            series.ticker = ticker;
            series.currency = QStringLiteral("CAD");
            series.alerts.first().text = ticker + QStringLiteral(" fell below its stop");
            return series;
        });
        QTRY_VERIFY(panel->isShowingChart());
        QCOMPARE(panel->series().ticker, QStringLiteral("AAPL"));
        window.showTicker(QStringLiteral("SHOP.TO"));
        QTRY_COMPARE(panel->series().ticker, QStringLiteral("SHOP.TO"));
        QCOMPARE(asked.constLast(), QStringLiteral("SHOP.TO"));

        // The sparkline column asks its provider for all rows in one batch and paints nothing without data.
        QStringList sparklinesAsked;
        window.setSparklineProvider([&](const QStringList &tickers) {
            sparklinesAsked << tickers;
            return [] {
                return ui::SparklineLoader::Sparklines{{QStringLiteral("AAPL"), {100, 104, 101, 110}},
                                                       {QStringLiteral("SHOP.TO"), {}}};
            };
        });
        auto *table = window.findChild<QTableView *>(QStringLiteral("watchlistTableView"));
        const int trend = ui::WatchlistModel::column(ui::WatchlistModel::Column::Trend);
        QVERIFY(!table->isColumnHidden(trend));
        const QModelIndex aapl = table->model()->index(0, trend);
        QTRY_COMPARE(
            aapl.data(ui::WatchlistModel::role(ui::WatchlistModel::Role::Sparkline)).value<QList<double>>(),
            (QList<double>{100, 104, 101, 110}));
        QVERIFY(sparklinesAsked.contains(QStringLiteral("SHOP.TO")));
        window.resize(1200, 760);
        panel->setRange(PriceChartPanel::Range::SixMonths);
        QTest::qWait(100);
        panel->showCrosshairAt(m_series.alerts.constFirst().time);
        QVERIFY(panel->crosshairText().contains(QStringLiteral("SHOP.TO fell below its stop")));
        QTest::qWait(50);
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        const QString artifacts = QDir::currentPath() + QStringLiteral("/artifacts");
        QDir().mkpath(artifacts);
        QVERIFY(shot.save(artifacts + QStringLiteral("/mainwindow-chart.png")));
        qInfo("screenshot: %s", qPrintable(artifacts + QStringLiteral("/mainwindow-chart.png")));
    }

private:
    QImage saveScreenshot(const QString &name)
    {
        QTest::qWait(50); // layouts and the chart scene settle in the event loop
        const QImage image = m_panel->grab().toImage();
        const QString folder = QDir::currentPath() + QStringLiteral("/artifacts");
        QDir().mkpath(folder);
        const QString path = folder + QLatin1Char('/') + name;
        if (!image.save(path))
            qWarning("could not save %s", qPrintable(path));
        qInfo("screenshot: %s", qPrintable(path));
        return image;
    }

    ChartSeries m_series;
    std::unique_ptr<PriceChartPanel> m_panel;
};

TRAILGUARD_GUI_TEST_MAIN(TestPriceChartPanel)
#include "tst_pricechartpanel.moc"
