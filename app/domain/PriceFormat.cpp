#include "domain/PriceFormat.h"

#include <cmath>

namespace trailguard::PriceFormat {

int decimals(double price)
{
    // Rounded first: 0.99996 shows as 1.00 rather than as a sub-dollar "1.0000".
    const double rounded = std::round(std::fabs(price) * 10000.0) / 10000.0;
    return rounded < 1.0 ? kSubDollarDecimals : kDecimals;
}

QString text(double price)
{
    return QString::number(price, 'f', decimals(price));
}

QString localized(double price, const QLocale &locale)
{
    return locale.toString(price, 'f', decimals(price));
}

} // namespace trailguard::PriceFormat
