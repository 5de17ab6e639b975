#include "history/ChartSeriesBuilder.h"

#include "domain/StopLossEngine.h"

#include <cmath>

namespace trailguard::ChartSeriesBuilder {

namespace {
bool usable(const StopPoint &point)
{
    return point.time.isValid() && std::isfinite(point.peak) && std::isfinite(point.stop) && point.peak > 0 &&
           point.stop > 0;
}
} // namespace

QList<StopPoint> steps(const QList<StopPoint> &held)
{
    QList<StopPoint> out;
    for (const StopPoint &point : held) {
        if (!usable(point))
            continue;
        if (!out.isEmpty() && out.constLast().peak == point.peak && out.constLast().stop == point.stop)
            continue;
        // Several moves at one instant make one step.
        if (!out.isEmpty() && out.constLast().time == point.time)
            out.last() = point;
        else
            out.append(point);
    }
    return out;
}

QList<StopPoint> engineStops(const StockState &start, const QList<PricePoint> &prices)
{
    QList<StopPoint> held;
    StockState state = start;
    for (const PricePoint &point : prices) {
        state = StopLossEngine::apply(state, Quote{state.ticker, point.price, point.time}, point.time).state;
        if (state.peak && state.stop)
            held.append(StopPoint{point.time, *state.peak, *state.stop});
    }
    return held;
}

ChartSeries build(const QString &ticker, const QString &currency, const QList<PricePoint> &prices,
                  const QList<StopPoint> &held, const QList<AlertMark> &alerts)
{
    return ChartSeries{ticker, currency, prices, steps(held), alerts};
}

} // namespace trailguard::ChartSeriesBuilder
