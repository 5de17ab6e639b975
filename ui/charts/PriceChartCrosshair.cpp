#include "charts/PriceChartPanel.h"

#include "charts/ChartCrosshair.h"
#include "charts/ChartIndicators.h"

#include <QChart>
#include <QValueAxis>

#include <algorithm>

// PriceChartPanel, second part: the crosshair that follows the pointer over the price line.

namespace trailguard::ui {

namespace {
constexpr double kChartAlertHitPixels = 8; // how near an alert or rule mark the pointer shows its text
} // namespace

void PriceChartPanel::showCrosshairAt(const QDateTime &time)
{
    if (m_data.isEmpty())
        return;
    placeCrosshair(m_data.nearestPrice(static_cast<double>(time.toMSecsSinceEpoch())));
}

void PriceChartPanel::hoverAt(const QPointF &chartPos)
{
    if (m_data.isEmpty())
        return;
    const QRectF plot = m_chart->plotArea();
    if (plot.width() <= 0)
        return;
    const double x = m_viewport.xAt((chartPos.x() - plot.left()) / plot.width());
    placeCrosshair(m_data.nearestPrice(std::clamp(x, m_viewport.from(), m_viewport.to())));
}

void PriceChartPanel::placeCrosshair(qsizetype priceIndex)
{
    if (priceIndex < 0)
        return;
    m_crossIndex = priceIndex;
    const QRectF plot = m_chart->plotArea();
    const double msPerPixel = m_viewport.span() / std::max(1.0, plot.width());
    const double tolerance = kChartAlertHitPixels * msPerPixel;
    const QPointF point = m_data.prices.at(priceIndex);
    QString text = ChartCrosshair::describe(m_data, m_series.currency, priceIndex, tolerance);
    if (const QString rules = m_indicators->priceOverlays().ruleMarkNear(point.x(), tolerance);
        !rules.isEmpty())
        text += QLatin1Char('\n') + rules;
    m_crosshair->place(toChartPosition(point), plot, text);
}

// Where a value is drawn, from the ranges the panel set (Qt Charts applies them to its own mapping
// lazily, so QChart::mapToPosition can lag behind a range change).
QPointF PriceChartPanel::toChartPosition(const QPointF &value) const
{
    const QRectF plot = m_chart->plotArea();
    const double xSpan = m_viewport.span();
    const double ySpan = m_priceAxis->max() - m_priceAxis->min();
    if (xSpan <= 0 || ySpan <= 0)
        return plot.center();
    return {plot.left() + (value.x() - m_viewport.from()) / xSpan * plot.width(),
            plot.bottom() - (value.y() - m_priceAxis->min()) / ySpan * plot.height()};
}

QString PriceChartPanel::crosshairText() const
{
    return m_crosshair->text();
}

} // namespace trailguard::ui
