#pragma once

#include <QDateTime>
#include <QList>

namespace trailguard {

// A half-open time range [start, end).
struct TimeRange {
    QDateTime start;
    QDateTime end;

    bool operator==(const TimeRange &) const = default;
};

namespace TimeRanges {

// Sorted, merged: ranges that overlap or touch become one.
QList<TimeRange> merged(QList<TimeRange> ranges);
// True when a sorted list of merged ranges overlaps [start, end).
bool overlaps(const QList<TimeRange> &ranges, const QDateTime &start, const QDateTime &end);
// The parts of `wanted` that none of `covered` (sorted, merged) contains.
QList<TimeRange> subtract(const TimeRange &wanted, const QList<TimeRange> &covered);

} // namespace TimeRanges

} // namespace trailguard
