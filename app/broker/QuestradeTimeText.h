#pragma once

#include <QByteArrayView>
#include <QStringView>

#include <optional>

namespace trailguard::QuestradeParsing {

// Questrade's usual time form, "2024-05-14T15:59:58.812000-04:00" (or "Z"), read by hand as milliseconds
// since the epoch: QDateTime's general parser costs several microseconds and a batch holds thousands.
// Anything else (surrounding spaces, no offset, a fraction exactly halfway between two milliseconds, which
// Qt rounds through a double) gives nothing, and the caller leaves the text to QDateTime. The byte form
// reads a JSON string's raw ASCII bytes, so a quote's time needs no QString.
std::optional<qint64> usualTimeMs(QStringView text);
std::optional<qint64> usualTimeMs(QByteArrayView text);

} // namespace trailguard::QuestradeParsing
