#pragma once

#include "domain/DailyBar.h"
#include "domain/PricePoint.h"
#include "domain/StopPoint.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace trailguard {

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
    QList<StopPoint> stops; // the peak and stop the guardian held, from when it watched the ticker
    QList<AlertMark> alerts;
    // What the ticker's strategy would have held over the prices from before it was watched (the engine
    // run over them, ChartSeriesBuilder::engineStops): drawn dotted, apart from the held stop.
    QList<StopPoint> strategyStops = {};
    // The stored daily candles, oldest first: what the indicator overlays and the rule marks are computed on.
    QList<DailyBar> dailyBars = {};
    // The ticker's alert rules (canonical specs): the chart marks the days they fired.
    QStringList rules = {};

    bool isEmpty() const { return prices.isEmpty(); }
    bool operator==(const ChartSeries &) const = default;
};

} // namespace trailguard
