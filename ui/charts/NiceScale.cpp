#include "charts/NiceScale.h"

#include <algorithm>
#include <cmath>

namespace trailguard::ui {

namespace {
// A relative slack, so that 430.0000000001 / 10 does not make an extra tick.
constexpr double kSlack = 1e-9;
} // namespace

double NiceScale::niceInterval(double rough)
{
    if (!(rough > 0) || !std::isfinite(rough))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= rough * (1 - kSlack))
            return step * magnitude;
    }
    return 10 * magnitude;
}

NiceScale NiceScale::around(double low, double high, int maxTicks)
{
    if (!std::isfinite(low) || !std::isfinite(high))
        return NiceScale{};
    if (low > high)
        std::swap(low, high);
    if (high - low <= std::max(std::fabs(high), 1.0) * kSlack) {
        // One value: a range of about 1 % around it (or ±0.01 around zero).
        const double pad = std::max(std::fabs(high) * 0.01, 0.01);
        low -= pad;
        high += pad;
    }
    const int intervals = std::max(1, maxTicks - 1);
    double tick = niceInterval((high - low) / intervals);
    // Rounding the bounds out can need one interval more than the ticks allow: take the next size.
    for (int attempt = 0; attempt < 4; ++attempt) {
        const double min = std::floor(low / tick + kSlack) * tick;
        const double max = std::ceil(high / tick - kSlack) * tick;
        if (std::llround((max - min) / tick) <= intervals)
            return NiceScale{min, max, tick};
        tick = niceInterval(tick * (1 + 1e-6));
    }
    return NiceScale{std::floor(low / tick) * tick, std::ceil(high / tick) * tick, tick};
}

int NiceScale::tickCount() const
{
    return tick > 0 ? int(std::llround((max - min) / tick)) + 1 : 2;
}

int NiceScale::decimals() const
{
    for (int places = 0; places < 10; ++places) {
        const double scaled = tick * std::pow(10.0, places);
        if (std::fabs(scaled - std::round(scaled)) <= scaled * kSlack * 1000)
            return places;
    }
    return 10;
}

} // namespace trailguard::ui
