#pragma once

#include <QDateTime>
#include <QTime>

namespace trailguard {

// A daily window (local time, may span midnight, e.g. 22:00-07:00) during which digests and health
// alerts are held back until it ends. Breaches are never held.
struct QuietHours {
    bool enabled = false;
    QTime start{22, 0};
    QTime end{7, 0};

    // When the window containing `now` ends, or an invalid QDateTime when `now` is outside it.
    QDateTime holdUntil(const QDateTime &now) const;
};

} // namespace trailguard
