#pragma once

#include <QDateTime>
#include <QString>

// The stocks table stores times as ISO text in UTC with milliseconds ("2026-11-24T14:30:00.000Z"), written
// and read for every watched row of every cycle. These do the common case by hand (QDateTime's general
// formatter and parser cost several microseconds each) and give exactly what QDateTime gives; anything
// else (other years, offsets, no milliseconds) goes through QDateTime.
namespace trailguard::IsoTimeText {

// Same text as time.toUTC().toString(Qt::ISODateWithMs); `time` must be valid.
QString format(const QDateTime &time);
// The same text as ASCII into `out` (kLength bytes, no terminator), for binding without a QString; false
// (and `out` untouched) for a year outside 1-9999, which only format() writes.
constexpr qsizetype kLength = 24; // yyyy-MM-ddTHH:mm:ss.zzzZ
bool formatAscii(const QDateTime &time, char *out);
// Same as QDateTime::fromString(text, Qt::ISODateWithMs).toUTC().
QDateTime parse(const QString &text);

} // namespace trailguard::IsoTimeText
