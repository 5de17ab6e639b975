#pragma once

#include <QString>

#include <optional>

namespace trailguard::ui::Formatting {

// What an unknown value looks like in the window: an em dash.
QString emptyValue();
// A price in the user's locale: two decimals, four under 1. Empty → emptyValue().
QString price(const std::optional<double> &value);
// A stop ratio in the user's locale with two to four decimals: 0.9 → "0.90", 0.925 → "0.925".
QString ratio(double value);

} // namespace trailguard::ui::Formatting
