#pragma once

#include "domain/PricePoint.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace trailguard {

// The trailing peak and stop from `time` on, until the next StopPoint (a step series).
struct StopPoint {
    QDateTime time; // UTC
    double peak = 0;
    double stop = 0;

    bool operator==(const StopPoint &) const = default;
};

// An alert that fired at `time` (a breach), drawn as a marker on the price line.
struct AlertMark {
    QDateTime time; // UTC
    double price = 0;
    QString text; // what the alert said, shown in the chart's tooltip

    bool operator==(const AlertMark &) const = default;
};

// Everything the price chart of one ticker shows. Each list is in time order.
struct ChartSeries {
    QString ticker;
    QString currency;
    QList<PricePoint> prices;
    QList<StopPoint> stops;
    QList<AlertMark> alerts;

    bool isEmpty() const { return prices.isEmpty(); }
    bool operator==(const ChartSeries &) const = default;
};

} // namespace trailguard
