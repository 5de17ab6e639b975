#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace trailguard {

// The outbox rows of escalation steps (deliveries with escalation_step > 0) that end otherwise than by
// being sent: cancelled when no longer needed, or held until the market opens. The steps are enqueued
// with their alert (AlertRepository::enqueue) and sent like every delivery.
class EscalationRepository {
public:
    explicit EscalationRepository(QSqlDatabase db);

    // Cancels every pending escalation step of the alert that no live claim holds (one being sent now
    // finishes), with `reason` as its last error. Returns how many were cancelled.
    Result<int> cancelPending(qint64 alertId, const QString &reason, const QDateTime &now);
    // The claimed step `deliveryId` is not needed: cancelled, claim released. Only the claim's owner can.
    Status cancelClaimed(qint64 deliveryId, const QString &owner, const QDateTime &at, const QString &reason);
    // The claimed step waits until `until` (the market's next open) without counting an attempt.
    Status holdClaimed(qint64 deliveryId, const QString &owner, const QDateTime &until);

private:
    QSqlDatabase m_db;
};

} // namespace trailguard
