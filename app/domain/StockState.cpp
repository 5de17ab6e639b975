#include "domain/StockState.h"

namespace trailguard {

QString StockState::strategySpec() const
{
    StopStrategy withRatio = strategy;
    if (withRatio.usesRatio())
        withRatio.ratio = ratio;
    return withRatio.spec();
}

std::optional<double> StockState::distanceToStopPercent() const
{
    if (!lastPrice || !stop || *lastPrice <= 0.0)
        return std::nullopt;
    return (*lastPrice - *stop) / *lastPrice * 100.0;
}

} // namespace trailguard
