#pragma once

namespace trailguard::ui {

// A "nice" axis scale around a range of values: the tick interval is 1, 2, 2.5 or 5 × 10^n, and the
// bounds are multiples of it, so an axis reads 410, 420, 430 rather than 407.22, 426.93, 446.64.
// Pure arithmetic, no widgets.
struct NiceScale {
    double min = 0;
    double max = 1;
    double tick = 1;

    // The smallest nice interval that covers [low, high] in at most `maxTicks` ticks (at least 2);
    // bounds in any order. An empty or single-value range gets a small range around its value.
    static NiceScale around(double low, double high, int maxTicks);
    // The smallest of 1, 2, 2.5, 5 × 10^n that is at least `rough` (> 0).
    static double niceInterval(double rough);

    // How many ticks the axis shows, both bounds included.
    int tickCount() const;
    // The decimals a tick label needs to show every tick exactly (0 for 10, 1 for 2.5 at 0.1 steps...).
    int decimals() const;

    bool operator==(const NiceScale &) const = default;
};

} // namespace trailguard::ui
