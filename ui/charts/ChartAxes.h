#pragma once

#include <QList>
#include <QPointF>

class QDateTimeAxis;
class QValueAxis;

namespace trailguard::ui::ChartAxes {

struct Bounds {
    double low = 0;
    double high = 0;
};

// The lowest and highest y the plot shows over [from, to]: the points of `visible` inside it, and the
// values `lines` hold at its two edges (a flat step crossing the whole plot counts). {0, 0} when none.
Bounds priceBounds(const QList<const QList<QPointF> *> &visible, const QList<const QList<QPointF> *> &lines,
                   double from, double to);

// A margin above and below [low, high], widened to round ticks (NiceScale), about one tick per 45 pixels
// of `plotHeight`; the labels show the decimals the ticks need.
void fitPriceAxis(QValueAxis &axis, Bounds bounds, int plotHeight);

// The label format for a visible `spanMs` (hours, days or months) and a tick about every 110 pixels.
void fitTimeAxis(QDateTimeAxis &axis, double spanMs, int plotWidth);

} // namespace trailguard::ui::ChartAxes
