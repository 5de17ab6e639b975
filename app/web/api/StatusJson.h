#pragma once

#include "web/ApiTypes.h"

#include <QJsonObject>

namespace trailguard::Web::StatusJson {

// The guardian's health as GET /api/v1/status and the "status" event give it: connection ("connected",
// "connecting", "offline", "disconnected", "not-configured"), connected, reconnectNeeded, quoteMode
// ("polling", "connecting", "streaming", "partly-streaming"), lastCheck, nextCheck, checkIntervalSeconds,
// channels [{channel, pending, failed, failing}], failingChannels (their ids), healthAlerts
// [{condition, subject, since}], version.
QJsonObject toJson(const WebServices &services);

} // namespace trailguard::Web::StatusJson
