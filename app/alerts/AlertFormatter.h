#pragma once

#include "alerts/AlertMessage.h"
#include "domain/StockState.h"

#include <QTimeZone>

namespace trailguard::AlertFormatter {

// The message for a breach: subject "Stop-loss breach: SHOP.TO 92.10 < stop 95.40 (peak 106.00)", and a
// body with price, peak, stop, ratio, distance, the quote time in `userZone` and the currency.
AlertMessage breach(const Breach &breach, const QString &currency, const QDateTime &now,
                    const QTimeZone &userZone = QTimeZone::systemTimeZone());

// The message "Send test" sends through one channel.
AlertMessage test(const QDateTime &now);

// Prices to the cent, or to a tenth of a cent below one dollar.
QString price(double value);

} // namespace trailguard::AlertFormatter
