#pragma once

#include <QString>

namespace trailguard {
struct Breach;
}

#include <optional>

namespace trailguard::ui::Formatting {

// What an unknown value looks like in the window: an em dash.
QString emptyValue();
// A price in the user's locale by the one PriceFormat rule. Empty → emptyValue().
QString price(const std::optional<double> &value);
// A stop ratio in the user's locale with two to four decimals: 0.9 → "0.90", 0.925 → "0.925".
QString ratio(double value);
// What a breach says in a notification: "Stop-loss breach: SHOP.TO" and "92.10 < stop 95.40 (peak 106.00)".
QString breachTitle(const Breach &breach);
QString breachText(const Breach &breach);

} // namespace trailguard::ui::Formatting
