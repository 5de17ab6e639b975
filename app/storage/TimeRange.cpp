#include "storage/TimeRange.h"

#include <algorithm>

namespace trailguard::TimeRanges {

QList<TimeRange> merged(QList<TimeRange> ranges)
{
    std::sort(ranges.begin(), ranges.end(),
              [](const TimeRange &a, const TimeRange &b) { return a.start < b.start; });
    QList<TimeRange> out;
    for (const TimeRange &range : std::as_const(ranges)) {
        if (!out.isEmpty() && range.start <= out.constLast().end)
            out.last().end = std::max(out.constLast().end, range.end);
        else
            out.append(range);
    }
    return out;
}

bool overlaps(const QList<TimeRange> &ranges, const QDateTime &start, const QDateTime &end)
{
    // The first range that ends after `start`.
    const auto it =
        std::upper_bound(ranges.cbegin(), ranges.cend(), start,
                         [](const QDateTime &time, const TimeRange &range) { return time < range.end; });
    return it != ranges.cend() && it->start < end;
}

QList<TimeRange> subtract(const TimeRange &wanted, const QList<TimeRange> &covered)
{
    QList<TimeRange> missing;
    QDateTime from = wanted.start;
    for (const TimeRange &range : covered) {
        if (from >= wanted.end)
            break;
        if (range.end <= from)
            continue;
        if (range.start > from)
            missing.append(TimeRange{from, std::min(range.start, wanted.end)});
        from = std::max(from, range.end);
    }
    if (from < wanted.end)
        missing.append(TimeRange{from, wanted.end});
    return missing;
}

} // namespace trailguard::TimeRanges
