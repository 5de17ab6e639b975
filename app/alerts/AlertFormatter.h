#pragma once

#include "domain/AlertMessage.h"
#include "domain/RuleAlert.h"
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

// The message for an alert rule that fired: subject "SHOP.TO closed below its 50-day average: 101.20 <
// 103.55", the rule, the market day and the quote time. Kind Breach with AlertMessage::rule set.
AlertMessage rule(const RuleAlert &alert, const QDateTime &now,
                  const QTimeZone &userZone = QTimeZone::systemTimeZone());

// The message "Send test" sends through one channel.
AlertMessage test(const QDateTime &now);

// "stop breached while offline at 10:42" (or "... on 2026-11-20 at 10:42") for an offline breach.
QString offlineNote(const Breach &breach, const QDateTime &now);

} // namespace trailguard::AlertFormatter
