#pragma once

#include "domain/AlertRule.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace trailguard {

// An alert rule that fired live for a ticker (see RuleWatch), on its way to the outbox.
struct RuleAlert {
    QString ticker;
    QString rule; // the rule's canonical spec
    QDate marketDay;
    RuleFiring firing;
    QString message; // AlertRules::message: "SHOP.TO closed below its 50-day average: 101.20 < 103.55"
    QString currency;
    QDateTime quoteTime; // the trade that gave today's provisional close (UTC)
};

} // namespace trailguard
