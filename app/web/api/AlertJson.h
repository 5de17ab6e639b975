#pragma once

#include "storage/AlertRepository.h"

#include <QJsonObject>

namespace trailguard::Web::AlertJson {

// One alert as GET /api/v1/alerts and the "alert" event give it: id, ticker (null for health and test
// alerts), kind ("stop", the rule's spec, "health", "digest", "test"), raisedAt, subject, message, price and
// stop (null unless a stop breach), acknowledgedAt (null until acknowledged), ackSource, deliveries
// [{channel, status, attempts, lastError, deliveredAt}].
QJsonObject toJson(const AlertRecord &record);

} // namespace trailguard::Web::AlertJson
