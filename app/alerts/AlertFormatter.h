#pragma once

#include "domain/AlertMessage.h"
#include "domain/StockState.h"

#include <QTimeZone>

namespace trailguard::AlertFormatter {

// The message for a breach: subject "Stop-loss breach: SHOP.TO 92.10 < stop 95.40 (peak 106.00)", and a
// body with price, peak, stop, ratio, distance, the quote time in `userZone` and the currency.
// A breach found by the catch-up after downtime (Breach::whileOffline) says so in the subject and the first
// line: "stop breached while offline at 10:42" (the exchange's local time; with the date when it was not
// the market day of `now`).
AlertMessage breach(const Breach &breach, const QString &currency, const QDateTime &now,
                    const QTimeZone &userZone = QTimeZone::systemTimeZone());

// The message "Send test" sends through one channel.
AlertMessage test(const QDateTime &now);

// "stop breached while offline at 10:42" (or "... on 2026-11-20 at 10:42") for an offline breach.
QString offlineNote(const Breach &breach, const QDateTime &now);

} // namespace trailguard::AlertFormatter
