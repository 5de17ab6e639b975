#include "alerts/QuietHours.h"

namespace trailguard {

QDateTime QuietHours::holdUntil(const QDateTime &now) const
{
    if (!enabled || !start.isValid() || !end.isValid() || start == end)
        return {};
    const QDateTime local = now.toLocalTime();
    const QTime time = local.time();
    const QDate today = local.date();
    if (start < end) { // e.g. 12:00-13:00
        if (time >= start && time < end)
            return QDateTime(today, end).toUTC();
        return {};
    }
    // Spans midnight, e.g. 22:00-07:00.
    if (time >= start)
        return QDateTime(today.addDays(1), end).toUTC();
    if (time < end)
        return QDateTime(today, end).toUTC();
    return {};
}

} // namespace trailguard
