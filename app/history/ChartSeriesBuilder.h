#pragma once

#include "history/ChartSeries.h"

#include <optional>

namespace trailguard::ChartSeriesBuilder {

// Replays the trailing rules of StopLossEngine over a time-ordered price history and returns the peak
// and stop as a step series: one StopPoint where the history starts and one each time they move.
//  - the peak starts at `entry` when given (and usable), else at the first usable price;
//  - a higher price raises the peak, and stop = peak × ratio; the stop never moves down;
//  - prices that are missing, zero, negative or NaN are skipped, as the engine skips them.
QList<StopPoint> trailingStops(const QList<PricePoint> &prices, double ratio,
                               std::optional<double> entry = std::nullopt);

// A complete chart input: the prices, their trailing stops and the alerts that fired.
ChartSeries build(const QString &ticker, const QString &currency, const QList<PricePoint> &prices,
                  double ratio, std::optional<double> entry = std::nullopt,
                  const QList<AlertMark> &alerts = {});

} // namespace trailguard::ChartSeriesBuilder
