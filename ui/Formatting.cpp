#include "Formatting.h"

#include <QLocale>

#include <cmath>

namespace trailguard::ui::Formatting {

namespace {
constexpr int kPriceDecimals = 2;
constexpr int kPennyStockDecimals = 4;
constexpr int kMinRatioDecimals = 2;
constexpr int kMaxRatioDecimals = 4;
} // namespace

QString emptyValue()
{
    return QStringLiteral("\u2014");
}

QString price(const std::optional<double> &value)
{
    if (!value)
        return emptyValue();
    return QLocale().toString(*value, 'f', std::fabs(*value) < 1.0 ? kPennyStockDecimals : kPriceDecimals);
}

QString ratio(double value)
{
    int decimals = kMinRatioDecimals;
    while (decimals < kMaxRatioDecimals) {
        const double scaled = value * std::pow(10.0, decimals);
        if (std::fabs(scaled - std::round(scaled)) < 1e-6)
            break;
        ++decimals;
    }
    return QLocale().toString(value, 'f', decimals);
}

} // namespace trailguard::ui::Formatting
