#include "charts/PriceOverlays.h"

#include "charts/ChartColors.h"
#include "history/Decimation.h"

#include <QChart>
#include <QCoreApplication>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>

#include <cmath>

namespace trailguard::ui {

namespace {
// Upper and lower Bollinger bands are drawn in the middle line's colour, lighter; the legend names the
// indicator once.
bool isBandEdge(const OverlayLine &line)
{
    return line.spec.kind == IndicatorSpec::Kind::Bollinger && line.component != QLatin1String("middle");
}

} // namespace

PriceOverlays::PriceOverlays(QChart *chart, QAbstractAxis *timeAxis, QAbstractAxis *priceAxis)
    : m_chart(chart)
    , m_timeAxis(timeAxis)
    , m_priceAxis(priceAxis)
    , m_markSeries(new QScatterSeries(chart))
{
    m_markSeries->setObjectName(QStringLiteral("ruleMarkSeries"));
    m_markSeries->setName(QCoreApplication::translate("trailguard::ui::PriceChartPanel", "Rules fired"));
    m_markSeries->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    m_markSeries->setMarkerSize(12);
    m_chart->addSeries(m_markSeries);
    m_markSeries->attachAxis(m_timeAxis);
    m_markSeries->attachAxis(m_priceAxis);
    m_markSeries->setVisible(false);
}

void PriceOverlays::setLines(const QList<OverlayLine> &lines)
{
    // The same indicators with new bars (a monitor cycle): new points only, no new series.
    if (OverlayLine::namesOf(lines, OverlayPlace::Price) == OverlayLine::namesOf(m_lines)) {
        m_lines.clear();
        std::copy_if(lines.cbegin(), lines.cend(), std::back_inserter(m_lines),
                     [](const OverlayLine &line) { return line.place == OverlayPlace::Price; });
        return;
    }
    for (QLineSeries *series : std::as_const(m_series)) {
        m_chart->removeSeries(series);
        delete series;
    }
    m_series.clear();
    m_lines.clear();
    for (const OverlayLine &line : lines) {
        if (line.place != OverlayPlace::Price)
            continue;
        auto *series = new QLineSeries(m_chart);
        series->setObjectName(QStringLiteral("overlay:") + line.name());
        series->setName(line.label());
        // Below the price line and the markers, which were added first: drawn in insertion order.
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_priceAxis);
        if (line.component == QLatin1String("lower") || line.component == QLatin1String("middle")) {
            const QList<QLegendMarker *> markers = m_chart->legend()->markers(series);
            for (QLegendMarker *marker : markers)
                marker->setVisible(false);
        }
        m_lines.append(line);
        m_series.append(series);
    }
    applyColors(m_colors); // new series start in the theme's colours
}

void PriceOverlays::setRuleMarks(const QList<RuleMark> &marks)
{
    m_marks = marks;
    m_markSeries->setVisible(!marks.isEmpty());
}

void PriceOverlays::clear()
{
    setLines({});
    setRuleMarks({});
    m_markSeries->clear();
}

QList<QList<QPointF>> PriceOverlays::refresh(double from, double to, int buckets)
{
    QList<QList<QPointF>> shown;
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        const QList<QPointF> points = Decimation::minMaxInRange(m_lines.at(i).points, from, to, buckets);
        m_series.at(i)->replace(points);
        shown.append(points);
    }
    QList<QPointF> marks;
    for (const RuleMark &mark : std::as_const(m_marks)) {
        if (mark.point.x() >= from && mark.point.x() <= to)
            marks.append(mark.point);
    }
    m_markSeries->replace(marks);
    shown.append(marks);
    return shown;
}

void PriceOverlays::applyColors(const ChartColors &colors)
{
    m_colors = colors;
    if (colors.indicators.isEmpty())
        return; // not given yet
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        // Each indicator its own colour; the three lines of a Bollinger band share one.
        qsizetype indicator = 0;
        for (qsizetype j = 1; j <= i; ++j) {
            if (!(m_lines.at(j).spec == m_lines.at(j - 1).spec))
                ++indicator;
        }
        QColor color = colors.indicators.at(indicator % colors.indicators.size());
        const bool edge = isBandEdge(m_lines.at(i));
        if (edge)
            color.setAlpha(170);
        m_series.at(i)->setPen(QPen(color, edge ? 1.0 : 1.4, edge ? Qt::DashLine : Qt::SolidLine));
    }
    m_markSeries->setColor(colors.ruleMark);
    m_markSeries->setBorderColor(colors.background);
}

QString PriceOverlays::ruleMarkNear(double x, double tolerance) const
{
    const RuleMark *nearest = nullptr;
    for (const RuleMark &mark : m_marks) {
        const double distance = std::abs(mark.point.x() - x);
        if (distance <= tolerance && (!nearest || distance < std::abs(nearest->point.x() - x)))
            nearest = &mark;
    }
    return nearest ? nearest->text : QString();
}

} // namespace trailguard::ui
