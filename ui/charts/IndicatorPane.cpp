#include "charts/IndicatorPane.h"

#include "charts/ChartAxes.h"
#include "history/Decimation.h"

#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

namespace trailguard::ui {

namespace {
constexpr int kPaneChartHeight = 110;
constexpr double kPlotTop = 6;
constexpr double kPlotBottom = 10; // room for half of the lowest value's label
constexpr double kRsiLow = 30;
constexpr double kRsiHigh = 70;

QString paneTitle(OverlayPlace place)
{
    switch (place) {
    case OverlayPlace::Rsi:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "RSI");
    case OverlayPlace::Macd:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "MACD");
    case OverlayPlace::Atr:
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", "ATR");
    case OverlayPlace::Price:
        break;
    }
    return {};
}

// A histogram drawn as one line: down to zero, up to the value and back at each day, so each day is a
// vertical bar from the zero line.
QList<QPointF> histogramBars(const QList<QPointF> &points)
{
    QList<QPointF> bars;
    bars.reserve(points.size() * 3);
    for (const QPointF &point : points)
        bars << QPointF(point.x(), 0) << point << QPointF(point.x(), 0);
    return bars;
}

bool isHistogram(const OverlayLine &line)
{
    return line.component == QLatin1String("histogram");
}
} // namespace

struct IndicatorPane::PaneChart {
    OverlayPlace place = OverlayPlace::Rsi;
    QChart *chart = nullptr;
    QChartView *view = nullptr;
    QDateTimeAxis *timeAxis = nullptr;
    QValueAxis *valueAxis = nullptr;
    QList<OverlayLine> lines;
    QList<QLineSeries *> series; // one per line
    QList<QLineSeries *> guides; // 30 and 70 (RSI) or 0 (MACD), across the whole range
};

IndicatorPane::IndicatorPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("indicatorPane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    hide();
}

IndicatorPane::~IndicatorPane()
{
    // The views (and their charts) first: a chart going away must not reach a deleted PaneChart.
    for (PaneChart *pane : std::as_const(m_charts))
        delete pane->view;
    qDeleteAll(m_charts);
}

void IndicatorPane::setLines(const QList<OverlayLine> &lines)
{
    // The same indicators with new bars (a monitor cycle): new points only, the charts stay.
    QList<OverlayLine> shown;
    for (const PaneChart *pane : std::as_const(m_charts))
        shown += pane->lines;
    QList<OverlayLine> inPane;
    std::copy_if(lines.cbegin(), lines.cend(), std::back_inserter(inPane),
                 [](const OverlayLine &line) { return line.place != OverlayPlace::Price; });
    QStringList wanted = OverlayLine::namesOf(inPane);
    QStringList drawn = OverlayLine::namesOf(shown);
    wanted.sort();
    drawn.sort();
    if (!m_charts.isEmpty() && wanted == drawn) {
        for (PaneChart *pane : std::as_const(m_charts)) {
            for (OverlayLine &line : pane->lines) {
                const auto fresh =
                    std::find_if(inPane.cbegin(), inPane.cend(),
                                 [&](const OverlayLine &other) { return other.name() == line.name(); });
                line.points = fresh->points;
            }
        }
        return;
    }
    for (PaneChart *pane : std::as_const(m_charts))
        delete pane->view; // and its chart
    qDeleteAll(m_charts);
    m_charts.clear();

    for (const OverlayPlace place : {OverlayPlace::Rsi, OverlayPlace::Macd, OverlayPlace::Atr}) {
        QList<OverlayLine> here;
        std::copy_if(lines.cbegin(), lines.cend(), std::back_inserter(here),
                     [place](const OverlayLine &line) { return line.place == place; });
        if (here.isEmpty())
            continue;
        auto *pane = new PaneChart{place, new QChart, nullptr, nullptr, nullptr, here, {}, {}};
        pane->chart->setObjectName(QStringLiteral("indicatorChart:") + paneTitle(place));
        pane->chart->setMargins(QMargins(0, 0, 0, 0));
        pane->chart->setBackgroundRoundness(0);
        pane->chart->legend()->setAlignment(Qt::AlignTop);
        pane->timeAxis = new QDateTimeAxis(pane->chart);
        pane->timeAxis->setLabelsVisible(false);
        pane->valueAxis = new QValueAxis(pane->chart);
        pane->chart->addAxis(pane->timeAxis, Qt::AlignBottom);
        pane->chart->addAxis(pane->valueAxis, Qt::AlignRight);
        const auto addLine = [pane](const QString &objectName) {
            auto *series = new QLineSeries(pane->chart);
            series->setObjectName(objectName);
            pane->chart->addSeries(series);
            series->attachAxis(pane->timeAxis);
            series->attachAxis(pane->valueAxis);
            return series;
        };
        const int guideCount = place == OverlayPlace::Rsi ? 2 : (place == OverlayPlace::Macd ? 1 : 0);
        for (int g = 0; g < guideCount; ++g) {
            pane->guides.append(addLine(QStringLiteral("guide")));
            for (QLegendMarker *marker : pane->chart->legend()->markers(pane->guides.constLast()))
                marker->setVisible(false);
        }
        for (const OverlayLine &line : std::as_const(pane->lines)) {
            QLineSeries *series = addLine(QStringLiteral("overlay:") + line.name());
            series->setName(line.label());
            pane->series.append(series);
        }
        pane->view = new QChartView(pane->chart, this);
        pane->view->setObjectName(QStringLiteral("indicatorChartView"));
        pane->view->setFrameShape(QFrame::NoFrame);
        pane->view->setRenderHint(QPainter::Antialiasing);
        pane->view->setMinimumHeight(kPaneChartHeight);
        pane->view->setFocusPolicy(Qt::NoFocus);
        layout()->addWidget(pane->view);
        connect(pane->chart, &QChart::geometryChanged, this, [this, pane] { placePlotArea(*pane); });
        m_charts.append(pane);
    }
    applyColors(m_colors);
    setVisible(!m_charts.isEmpty());
}

void IndicatorPane::showRange(double from, double to, int buckets, int timeTicks)
{
    const QDateTime fromTime = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(from), Qt::UTC);
    const QDateTime toTime = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(to), Qt::UTC);
    for (PaneChart *pane : std::as_const(m_charts)) {
        pane->timeAxis->setRange(fromTime, toTime);
        pane->timeAxis->setTickCount(timeTicks);
        for (qsizetype i = 0; i < pane->series.size(); ++i) {
            const QList<QPointF> points =
                Decimation::minMaxInRange(pane->lines.at(i).points, from, to, buckets);
            pane->series.at(i)->replace(isHistogram(pane->lines.at(i)) ? histogramBars(points) : points);
        }
        const QList<double> levels =
            pane->place == OverlayPlace::Rsi ? QList<double>{kRsiLow, kRsiHigh} : QList<double>{0};
        for (qsizetype g = 0; g < pane->guides.size() && g < levels.size(); ++g)
            pane->guides.at(g)->replace({QPointF(from, levels.at(g)), QPointF(to, levels.at(g))});
        fitValueAxis(*pane, from, to);
    }
}

void IndicatorPane::fitValueAxis(PaneChart &pane, double from, double to) const
{
    if (pane.place == OverlayPlace::Rsi) {
        pane.valueAxis->setRange(0, 100);
        pane.valueAxis->setTickType(QValueAxis::TicksDynamic);
        pane.valueAxis->setTickAnchor(kRsiLow);
        pane.valueAxis->setTickInterval(kRsiHigh - kRsiLow);
        pane.valueAxis->setLabelFormat(QStringLiteral("%.0f"));
        return;
    }
    QList<const QList<QPointF> *> visible;
    QList<QList<QPointF>> held;
    held.reserve(pane.series.size() + 1);
    for (QLineSeries *series : std::as_const(pane.series))
        held.append(series->points());
    if (pane.place == OverlayPlace::Macd)
        held.append(QList<QPointF>{QPointF(from, 0)}); // the zero line stays in sight
    for (const QList<QPointF> &points : std::as_const(held))
        visible.append(&points);
    ChartAxes::fitPriceAxis(*pane.valueAxis, ChartAxes::priceBounds(visible, {}, from, to),
                            static_cast<int>(pane.chart->size().height()));
}

void IndicatorPane::alignPlot(double left, double right)
{
    m_left = left;
    m_right = right;
    for (PaneChart *pane : std::as_const(m_charts))
        placePlotArea(*pane);
}

void IndicatorPane::placePlotArea(PaneChart &pane) const
{
    const QSizeF size = pane.chart->size();
    // The legend sits above the plot; with the plot area fixed, its room is left at the top by hand.
    const double legend = fontMetrics().height() + 8;
    const QRectF plot(m_left, kPlotTop + legend, size.width() - m_left - m_right,
                      size.height() - kPlotTop - kPlotBottom - legend);
    if (plot.width() > 0 && plot.height() > 0 && plot != pane.chart->plotArea())
        pane.chart->setPlotArea(plot);
}

void IndicatorPane::applyColors(const ChartColors &colors)
{
    m_colors = colors;
    if (colors.indicators.isEmpty())
        return;
    const QChart::ChartTheme theme = colors.dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    for (PaneChart *pane : std::as_const(m_charts)) {
        if (pane->chart->theme() != theme)
            pane->chart->setTheme(theme);
        pane->chart->setBackgroundBrush(colors.background);
        pane->chart->setBackgroundPen(Qt::NoPen);
        pane->chart->setPlotAreaBackgroundVisible(false);
        pane->chart->legend()->setLabelColor(colors.text);
        pane->chart->legend()->setFont(font());
        pane->view->setBackgroundBrush(colors.background);
        for (QAbstractAxis *axis : std::initializer_list<QAbstractAxis *>{pane->timeAxis, pane->valueAxis}) {
            axis->setLabelsColor(colors.text);
            axis->setLinePenColor(colors.grid);
            axis->setGridLineColor(colors.grid);
            axis->setLabelsFont(font());
        }
        for (QLineSeries *guide : std::as_const(pane->guides))
            guide->setPen(QPen(colors.guide, 1, Qt::DashLine));
        qsizetype colour = 0;
        for (qsizetype i = 0; i < pane->series.size(); ++i) {
            if (isHistogram(pane->lines.at(i))) {
                pane->series.at(i)->setPen(QPen(colors.histogram, 2.5, Qt::SolidLine, Qt::FlatCap));
                continue;
            }
            pane->series.at(i)->setPen(QPen(colors.indicators.at(colour++ % colors.indicators.size()), 1.4));
        }
    }
}

QList<QChart *> IndicatorPane::charts() const
{
    QList<QChart *> charts;
    for (const PaneChart *pane : m_charts)
        charts.append(pane->chart);
    return charts;
}

QChart *IndicatorPane::chartFor(OverlayPlace place) const
{
    for (const PaneChart *pane : m_charts) {
        if (pane->place == place)
            return pane->chart;
    }
    return nullptr;
}

QList<QLineSeries *> IndicatorPane::seriesOf(OverlayPlace place) const
{
    for (const PaneChart *pane : m_charts) {
        if (pane->place == place)
            return pane->series;
    }
    return {};
}

} // namespace trailguard::ui
