// The chart's indicators: chosen with the "Indicators" button, drawn on the price (SMA, EMA, Bollinger) or
// in the pane below it (RSI, MACD), remembered per ticker in the settings; and the marks of fired rules.
#include "GuiTestMain.h"
#include "WatchlistFixture.h"

#include "MainWindow.h"
#include "charts/ChartIndicators.h"
#include "charts/CustomIndicatorDialog.h"
#include "charts/IndicatorMenuButton.h"
#include "charts/IndicatorPane.h"
#include "charts/PriceChartPanel.h"
#include "domain/AlertRule.h"

#include <QAction>
#include <QChart>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QPushButton>
#include <QScatterSeries>

#include <cmath>

using namespace trailguard;
using trailguard::ui::ChartIndicators;
using trailguard::ui::IndicatorMenuButton;
namespace IndicatorOverlayBuilder = trailguard::ui::IndicatorOverlayBuilder;
using trailguard::ui::MainWindow;
using trailguard::ui::OverlayPlace;
using trailguard::ui::PriceChartPanel;

namespace {
constexpr int kDays = 120;
const QDate kFirstDay(2025, 1, 6);

double closeOn(int day)
{
    return 100 + 8 * std::sin(day / 7.0) + day * 0.2;
}

// A ticker with a close a day (the price line and the daily bars agree), and its rules.
ChartSeries dailySeries(const QString &ticker, const QStringList &rules = {})
{
    ChartSeries series;
    series.ticker = ticker;
    series.currency = QStringLiteral("USD");
    for (int day = 0; day < kDays; ++day) {
        const QDate date = kFirstDay.addDays(day);
        const qint64 ms = static_cast<qint64>(IndicatorOverlayBuilder::dayX(date));
        series.prices.append(PricePoint{QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC), closeOn(day)});
        series.dailyBars.append(DailyBar{date, closeOn(day), std::nullopt, std::nullopt});
    }
    series.rules = rules;
    return series;
}

QLineSeries *priceOverlay(PriceChartPanel *panel, const QString &name)
{
    return panel->chart()->findChild<QLineSeries *>(QStringLiteral("overlay:") + name);
}

void choose(IndicatorMenuButton *button, const QString &spec)
{
    QAction *action = button->actionFor(spec);
    QVERIFY2(action, qPrintable(spec));
    action->trigger();
}
} // namespace

class ChartIndicatorsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chosenIndicatorsAreDrawnAndRememberedPerTicker()
    {
        test::WatchlistFixture fixture;
        QVERIFY(fixture.open().isEmpty());
        fixture.seed(QStringLiteral("AAPL"), 0.9, {100});
        fixture.seed(QStringLiteral("SHOP.TO"), 0.9, {50});
        const auto provider = [](const QString &ticker) { return dailySeries(ticker); };
        {
            MainWindow window(fixture.service(), fixture.settings());
            window.resize(1000, 800);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.setChartProvider(provider);
            window.showTicker(QStringLiteral("AAPL"));
            PriceChartPanel *panel = window.chartPanel();
            QTRY_VERIFY(panel->isShowingChart());
            ChartIndicators *indicators = panel->indicators();
            QVERIFY(indicators->button()->isEnabled());
            QVERIFY(!indicators->pane()->isVisible());

            choose(indicators->button(), QStringLiteral("sma:20"));
            choose(indicators->button(), QStringLiteral("rsi:14"));
            QCOMPARE(indicators->specs(), (QStringList{QStringLiteral("sma:20"), QStringLiteral("rsi:14")}));
            QTRY_VERIFY(priceOverlay(panel, QStringLiteral("sma:20")));
            QTRY_VERIFY(indicators->pane()->isVisible());
            // The SMA on the price from its 20th day; the RSI in the pane, no MACD chart.
            QTRY_VERIFY(priceOverlay(panel, QStringLiteral("sma:20"))->count() > 0);
            QVERIFY(indicators->pane()->chartFor(OverlayPlace::Rsi));
            QVERIFY(!indicators->pane()->chartFor(OverlayPlace::Macd));
            QCOMPARE(indicators->pane()->seriesOf(OverlayPlace::Rsi).size(), 1);
            QTRY_VERIFY(indicators->pane()->seriesOf(OverlayPlace::Rsi).at(0)->count() > 0);
            QCOMPARE(indicators->button()->text(), QStringLiteral("Indicators (2)"));
            QCOMPARE(fixture.settings().chartOverlays(QStringLiteral("AAPL")),
                     (QStringList{QStringLiteral("sma:20"), QStringLiteral("rsi:14")}));

            // Another ticker has its own (none yet).
            window.showTicker(QStringLiteral("SHOP.TO"));
            QTRY_COMPARE(panel->series().ticker, QStringLiteral("SHOP.TO"));
            QVERIFY(indicators->specs().isEmpty());
            QVERIFY(!priceOverlay(panel, QStringLiteral("sma:20")));
            QTRY_VERIFY(!indicators->pane()->isVisible());
            window.saveWindowLayout();
        }
        fixture.settings().sync();

        // A restart: new settings read from the same file, a new window.
        const std::unique_ptr<Settings> reopened = Settings::forFile(fixture.settingsFile());
        MainWindow window(fixture.service(), *reopened);
        window.resize(1000, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setChartProvider(provider);
        window.showTicker(QStringLiteral("AAPL"));
        PriceChartPanel *panel = window.chartPanel();
        QTRY_VERIFY(panel->isShowingChart());
        QCOMPARE(panel->indicators()->specs(),
                 (QStringList{QStringLiteral("sma:20"), QStringLiteral("rsi:14")}));
        QVERIFY(panel->indicators()->button()->actionFor(QStringLiteral("sma:20"))->isChecked());
        QVERIFY(!panel->indicators()->button()->actionFor(QStringLiteral("sma:50"))->isChecked());
        QTRY_VERIFY(priceOverlay(panel, QStringLiteral("sma:20")));
        QTRY_VERIFY(panel->indicators()->pane()->isVisible());
        QVERIFY(panel->indicators()->pane()->chartFor(OverlayPlace::Rsi));

        // Turning one off is remembered too.
        choose(panel->indicators()->button(), QStringLiteral("rsi:14"));
        QTRY_VERIFY(!panel->indicators()->pane()->isVisible());
        QCOMPARE(reopened->chartOverlays(QStringLiteral("AAPL")), QStringList{QStringLiteral("sma:20")});
    }

    void paneFollowsThePriceChartsTimeAndPlot()
    {
        PriceChartPanel panel;
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setSeries(dailySeries(QStringLiteral("AAPL")));
        panel.setRange(PriceChartPanel::Range::All);
        panel.indicators()->setSpecs({QStringLiteral("macd:12,26,9"), QStringLiteral("bb:20,2")});
        QTRY_VERIFY(panel.indicators()->pane()->isVisible());
        QChart *macd = panel.indicators()->pane()->chartFor(OverlayPlace::Macd);
        QVERIFY(macd);
        QCOMPARE(panel.indicators()->pane()->seriesOf(OverlayPlace::Macd).size(), 3);
        // Bollinger: three lines on the price.
        QVERIFY(priceOverlay(&panel, QStringLiteral("bb:20,2 upper")));
        QVERIFY(priceOverlay(&panel, QStringLiteral("bb:20,2 lower")));

        panel.zoom(0.5, 0.5);
        auto *paneTime = qobject_cast<QDateTimeAxis *>(macd->axes(Qt::Horizontal).value(0));
        QVERIFY(paneTime);
        QTRY_COMPARE(paneTime->min(), panel.timeAxis()->min());
        QCOMPARE(paneTime->max(), panel.timeAxis()->max());
        // The same days at the same x: the plots' left and right edges line up.
        QTRY_VERIFY(std::abs(macd->plotArea().left() - panel.chart()->plotArea().left()) < 1.5);
        QTRY_VERIFY(std::abs((macd->size().width() - macd->plotArea().right()) -
                             (panel.chart()->size().width() - panel.chart()->plotArea().right())) < 1.5);
    }

    void newBarsKeepTheSameSeries()
    {
        PriceChartPanel panel;
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        ChartSeries series = dailySeries(QStringLiteral("AAPL"));
        panel.setSeries(series);
        panel.setRange(PriceChartPanel::Range::All);
        panel.indicators()->setSpecs({QStringLiteral("rsi:14"), QStringLiteral("sma:10")});
        QTRY_VERIFY(panel.indicators()->pane()->isVisible());
        QLineSeries *sma = priceOverlay(&panel, QStringLiteral("sma:10"));
        QChart *rsi = panel.indicators()->pane()->chartFor(OverlayPlace::Rsi);
        QVERIFY(sma && rsi);
        QTRY_COMPARE(sma->count(), kDays - 9);

        // A monitor cycle brings one more day: the same series and charts (nothing blinks), new points.
        series.prices.removeLast();
        series.dailyBars.removeLast();
        panel.setSeries(series);
        QCOMPARE(priceOverlay(&panel, QStringLiteral("sma:10")), sma);
        QCOMPARE(panel.indicators()->pane()->chartFor(OverlayPlace::Rsi), rsi);
        QTRY_COMPARE(sma->count(), kDays - 10);
        QTRY_COMPARE(panel.indicators()->pane()->seriesOf(OverlayPlace::Rsi).at(0)->count(), kDays - 1 - 14);
    }

    void customSpecIsCheckedAsTyped()
    {
        PriceChartPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setSeries(dailySeries(QStringLiteral("AAPL")));
        IndicatorMenuButton *button = panel.indicators()->button();
        auto *custom = button->menu()->findChild<QAction *>(QStringLiteral("customIndicatorAction"));
        QVERIFY(custom);
        custom->trigger();
        ui::CustomIndicatorDialog *dialog = button->customDialog();
        QVERIFY(dialog);
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());

        dialog->specLineEdit()->setText(QStringLiteral("sma:0"));
        QCOMPARE(dialog->message(), IndicatorSpec::parse(QStringLiteral("sma:0")).error().message);
        QVERIFY(!dialog->message().isEmpty());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("indicatorMessageLabel"))->isVisible());
        QVERIFY(!ok->isEnabled());

        dialog->specLineEdit()->setText(QStringLiteral(" EMA:7 "));
        QVERIFY(dialog->message().isEmpty());
        QVERIFY(ok->isEnabled());
        ok->click();
        QCOMPARE(panel.indicators()->specs(), QStringList{QStringLiteral("ema:7")});
        QTRY_VERIFY(!button->customDialog());
        // The custom one is listed, checked, while it is on.
        QTRY_VERIFY(button->actionFor(QStringLiteral("ema:7")));
        QVERIFY(button->actionFor(QStringLiteral("ema:7"))->isChecked());
        QTRY_VERIFY(priceOverlay(&panel, QStringLiteral("ema:7")));
    }

    void ruleMarksShowWhereRulesFired()
    {
        PriceChartPanel panel;
        panel.resize(900, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // target:110 holds first on the day the close reaches 110.
        const QString rule = QStringLiteral("target:110");
        const ChartSeries series = dailySeries(QStringLiteral("AAPL"), {rule});
        const AlertRule parsed = AlertRule::parse(rule).value();
        const QList<RuleFiring> firings = AlertRules::firings(parsed, series.dailyBars);
        QVERIFY(!firings.isEmpty());
        panel.setSeries(series);
        panel.setRange(PriceChartPanel::Range::All);
        QScatterSeries *marks = panel.indicators()->priceOverlays().ruleMarkSeries();
        QTRY_COMPARE(marks->count(), firings.size());
        QVERIFY(marks->isVisible());
        QCOMPARE(marks->at(0).y(), firings.at(0).close);

        // The crosshair on that day says what the rule said.
        const QDateTime day = QDateTime::fromMSecsSinceEpoch(
            static_cast<qint64>(IndicatorOverlayBuilder::dayX(firings.at(0).date)), Qt::UTC);
        panel.showCrosshairAt(day);
        QVERIFY2(panel.crosshairText().contains(
                     AlertRules::message(parsed, QStringLiteral("AAPL"), firings.at(0))),
                 qPrintable(panel.crosshairText()));

        // No rules: no marks.
        panel.setSeries(dailySeries(QStringLiteral("AAPL")));
        QTRY_COMPARE(marks->count(), 0);
        QVERIFY(!marks->isVisible());
    }
};

TRAILGUARD_GUI_TEST_MAIN(ChartIndicatorsTest)
#include "tst_chartindicators.moc"
