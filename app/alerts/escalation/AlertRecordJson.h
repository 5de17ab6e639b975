#pragma once

#include "storage/AlertRepository.h"

#include <QJsonObject>

namespace trailguard::AlertRecordJson {

// One alert as the web API (GET /api/v1/alerts, the "alert" event) and `trailguard alerts list --json` give
// it: id, ticker (null for health and test alerts), kind ("stop", the rule's spec, "health", "digest",
// "test"), raisedAt, subject, message, price and stop (null unless a stop breach), acknowledgedAt (null
// until acknowledged), ackSource (null until then), deliveries [{channel, status, attempts, lastError,
// deliveredAt, step}] and escalations [{step, channels, at, status}] (the steps of the escalation policy:
// their channels, when each was due, and pending, delivered, failed or cancelled).
QJsonObject toJson(const AlertRecord &record);

// "pending", "delivered", "failed", "cancelled".
QString statusName(Delivery::Status status);

// One escalation step of an alert: its deliveries taken together.
struct EscalationStepSummary {
    int step = 0;
    QStringList channels;                                // "ntfy-urgent" for an urgent ntfy delivery
    QDateTime at;                                        // when it was (last) due
    Delivery::Status status = Delivery::Status::Pending; // pending while any is; else delivered if any was
};
QList<EscalationStepSummary> escalationSteps(const AlertRecord &record);

} // namespace trailguard::AlertRecordJson
