#pragma once

#include <QDateTime>

namespace trailguard {

// One observed price of a ticker at a time (a processed quote, or a candle's close). Shared by the
// price-history store and the charts.
struct PricePoint {
    QDateTime time; // UTC
    double price = 0;

    bool operator==(const PricePoint &) const = default;
};

} // namespace trailguard
