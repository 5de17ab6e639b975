#pragma once

#include "common/Result.h"
#include "domain/AlertMessage.h"

#include <QByteArray>

namespace trailguard::AlertMessageJson {

// The outbox stores each alert's message as JSON, so a retry sends exactly what the first attempt sent.
QByteArray toJson(const AlertMessage &message);
Result<AlertMessage> fromJson(const QByteArray &json);

QString kindName(AlertMessage::Kind kind);
QString priorityName(AlertMessage::Priority priority);

} // namespace trailguard::AlertMessageJson
