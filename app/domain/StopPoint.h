#pragma once

#include <QDateTime>

namespace trailguard {

// The peak and stop a ticker had from `time` on, until the next StopPoint (a step series): what the
// guardian held after applying a quote, or what a strategy would have held over older prices.
struct StopPoint {
    QDateTime time; // UTC
    double peak = 0;
    double stop = 0;

    bool operator==(const StopPoint &) const = default;
};

} // namespace trailguard
