#pragma once

#include <QJsonValue>

#include <optional>

namespace trailguard::Cli {

// A number, or null when unknown: how every `--json` output writes an optional value.
inline QJsonValue jsonNumber(std::optional<double> value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace trailguard::Cli
