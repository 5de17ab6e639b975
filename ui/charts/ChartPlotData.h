#pragma once

#include "history/ChartSeries.h"

#include <QList>
#include <QPointF>
#include <QStringList>

#include <optional>

namespace trailguard::ui {

// A ChartSeries as plot points (x = milliseconds since the epoch, y = price), with the look-ups the
// crosshair needs. The peak and stop become step lines: each value holds until the next one.
struct ChartPlotData {
    QList<QPointF> prices;
    QList<QPointF> peaks; // step line
    QList<QPointF> stops; // step line
    // What the strategy would have held before the ticker was watched: a step line up to the held one.
    QList<QPointF> strategyStops;
    QList<QPointF> alerts;
    QStringList alertTexts; // one per alert point
    QList<StopPoint> stopSteps;

    static ChartPlotData from(const ChartSeries &series);

    bool isEmpty() const { return prices.isEmpty(); }
    double firstX() const { return prices.isEmpty() ? 0 : prices.constFirst().x(); }
    double lastX() const { return prices.isEmpty() ? 0 : prices.constLast().x(); }

    // The index of the price point nearest to x, or -1 when there are none.
    qsizetype nearestPrice(double x) const;
    // The index of the last price point strictly before x, or -1.
    qsizetype lastPriceBefore(double x) const;
    // The peak and stop in force at x, if any was set by then.
    std::optional<StopPoint> stopAt(double x) const;
    // The index of the alert nearest to x within `tolerance`, or -1.
    qsizetype alertNear(double x, double tolerance) const;
};

} // namespace trailguard::ui
