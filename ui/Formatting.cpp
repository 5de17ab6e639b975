#include "Formatting.h"

#include "alerts/AlertFormatter.h"
#include "domain/PriceFormat.h"
#include "domain/StockState.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace trailguard::ui::Formatting {

namespace {
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
    return PriceFormat::localized(*value);
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

QString breachTitle(const Breach &breach)
{
    return QCoreApplication::translate("Formatting", "Stop-loss breach: %1").arg(breach.ticker);
}

QString breachText(const Breach &breach)
{
    const QString text =
        QCoreApplication::translate("Formatting", "%1 < stop %2 (peak %3)", "price < stop (peak)")
            .arg(price(breach.price), price(breach.stop), price(breach.peak));
    // Found by the catch-up after downtime: say so, and when.
    if (breach.whileOffline)
        return text + QStringLiteral(", ") +
               AlertFormatter::offlineNote(breach, QDateTime::currentDateTimeUtc());
    return text;
}

} // namespace trailguard::ui::Formatting
