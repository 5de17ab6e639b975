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
// Same as QDateTime::fromString(text, Qt::ISODateWithMs).toUTC().
QDateTime parse(const QString &text);

} // namespace trailguard::IsoTimeText
