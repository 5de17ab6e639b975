#pragma once

#include "domain/StockState.h"
#include "history/ChartSeries.h"

namespace trailguard::ChartSeriesBuilder {

// The peak and stop the guardian held (PriceHistoryRepository::heldStops, one sample per processed
// quote) as a step series: one StopPoint where the samples start and one each time the peak or the stop
// moves. Samples with an invalid time or a value that is not a positive number are skipped. No rule is
// replayed here: the values are the engine's.
QList<StopPoint> steps(const QList<StopPoint> &held);

// What the engine (StopLossEngine::apply, the guardian's own rules) would have held over `prices`, starting
// from `start` (e.g. StopLossEngine::initialState with the ticker's strategy): one sample per price once the
// strategy has a stop. For prices the guardian never watched (a backfilled year), or test data.
QList<StopPoint> engineStops(const StockState &start, const QList<PricePoint> &prices);

// A complete chart input: the prices, the held peak and stop as steps, and the alerts that fired.
ChartSeries build(const QString &ticker, const QString &currency, const QList<PricePoint> &prices,
                  const QList<StopPoint> &held, const QList<AlertMark> &alerts = {});

} // namespace trailguard::ChartSeriesBuilder
