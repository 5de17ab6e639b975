#include "charts/ChartAxes.h"

#include "charts/NiceScale.h"

#include <QDateTimeAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace trailguard::ui::ChartAxes {

namespace {
constexpr double kDayMs = 24 * 3600'000.0;
constexpr double kPriceMarginFraction = 0.06; // above and below the visible extremes
constexpr int kTimeTickSpacingPx = 110;
constexpr int kPriceTickSpacingPx = 45;
constexpr int kFallbackPlotHeight = 300;
} // namespace

Bounds priceBounds(const QList<const QList<QPointF> *> &visible, const QList<const QList<QPointF> *> &lines,
                   double from, double to)
{
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    const auto extend = [&](double y) {
        low = std::min(low, y);
        high = std::max(high, y);
    };
    for (const QList<QPointF> *points : visible) {
        for (const QPointF &point : *points) {
            if (point.x() >= from && point.x() <= to)
                extend(point.y());
        }
    }
    for (const QList<QPointF> *points : lines) {
        for (const double x : {from, to}) {
            const auto after =
                std::upper_bound(points->cbegin(), points->cend(), x,
                                 [](double value, const QPointF &point) { return value < point.x(); });
            if (after != points->cbegin() && after != points->cend())
                extend((after - 1)->y());
        }
    }
    if (!std::isfinite(low))
        return Bounds{};
    return Bounds{low, high};
}

void fitPriceAxis(QValueAxis &axis, Bounds bounds, int plotHeight)
{
    const double margin = bounds.high > bounds.low ? (bounds.high - bounds.low) * kPriceMarginFraction
                                                   : std::max(std::fabs(bounds.high) * 0.01, 0.01);
    const int height = plotHeight > 0 ? plotHeight : kFallbackPlotHeight;
    const int maxTicks = std::clamp(height / kPriceTickSpacingPx, 3, 11);
    const NiceScale scale = NiceScale::around(bounds.low - margin, bounds.high + margin, maxTicks);
    axis.setRange(scale.min, scale.max);
    axis.setTickType(QValueAxis::TicksDynamic);
    axis.setTickAnchor(scale.min);
    axis.setTickInterval(scale.tick);
    axis.setLabelFormat(QStringLiteral("%.%1f").arg(scale.decimals()));
}

void fitTimeAxis(QDateTimeAxis &axis, double spanMs, int plotWidth)
{
    QString format;
    if (spanMs <= 2 * kDayMs)
        format = QStringLiteral("HH:mm");
    else if (spanMs <= 10 * kDayMs)
        format = QStringLiteral("ddd d, HH:mm");
    else if (spanMs <= 200 * kDayMs)
        format = QStringLiteral("MMM d");
    else
        format = QStringLiteral("MMM yyyy");
    axis.setFormat(format);
    axis.setTickCount(std::clamp(plotWidth / kTimeTickSpacingPx + 1, 2, 12));
}

} // namespace trailguard::ui::ChartAxes
