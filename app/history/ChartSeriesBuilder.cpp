#include "history/ChartSeriesBuilder.h"

#include "domain/Ticker.h"

#include <algorithm>
#include <cmath>

namespace trailguard::ChartSeriesBuilder {

namespace {
// The engine's tolerance: a price equal to the peak to rounding noise does not raise it.
constexpr double kRelativeTolerance = 1e-9;

bool clearlyAbove(double price, double peak)
{
    return price > peak && std::fabs(price - peak) > kRelativeTolerance * std::max(price, peak);
}
} // namespace

QList<StopPoint> trailingStops(const QList<PricePoint> &prices, double ratio, std::optional<double> entry)
{
    QList<StopPoint> steps;
    std::optional<double> peak;
    double stop = 0;
    for (const PricePoint &point : prices) {
        if (!Price::isUsable(point.price) || !point.time.isValid())
            continue;
        if (!peak) {
            peak = entry && Price::isUsable(*entry) ? *entry : point.price;
            stop = *peak * ratio;
            steps.append({point.time, *peak, stop});
        }
        if (!clearlyAbove(point.price, *peak))
            continue;
        peak = point.price;
        stop = std::max(stop, *peak * ratio);
        // Several moves at one instant make one step.
        if (steps.constLast().time == point.time)
            steps.last() = {point.time, *peak, stop};
        else
            steps.append({point.time, *peak, stop});
    }
    return steps;
}

ChartSeries build(const QString &ticker, const QString &currency, const QList<PricePoint> &prices,
                  double ratio, std::optional<double> entry, const QList<AlertMark> &alerts)
{
    return ChartSeries{ticker, currency, prices, trailingStops(prices, ratio, entry), alerts};
}

} // namespace trailguard::ChartSeriesBuilder
