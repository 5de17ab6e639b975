#pragma once

#include <QDate>

#include <optional>

namespace trailguard {

// One market day of prices, the input of indicators and alert rules: the day's close, and its high and
// low when known (the ATR needs them; without them it uses the close).
struct DailyBar {
    QDate date;
    double close = 0;
    std::optional<double> high;
    std::optional<double> low;

    bool operator==(const DailyBar &) const = default;
};

} // namespace trailguard
