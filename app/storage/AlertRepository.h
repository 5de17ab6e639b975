#pragma once

#include "common/Result.h"
#include "domain/AlertMessage.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace trailguard {

// One alert's delivery through one channel: the outbox row the dispatcher works on.
struct Delivery {
    // Cancelled: an escalation step that was no longer needed when it came due (migration 15).
    enum class Status { Pending, Delivered, Failed, Cancelled };

    qint64 id = 0;
    qint64 alertId = 0;
    QString channel; // AlertChannel::id()
    Status status = Status::Pending;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QDateTime lastAttemptAt;
    QDateTime deliveredAt;
    QString lastError;
    QString claimedBy; // the dispatcher sending it now (see AlertRepository::claim), or empty
    QDateTime claimExpiresAt;
    // 0: the alert's first delivery through this channel; 1, 2, …: an escalation step (EscalationPolicy).
    int escalationStep = 0;
    bool urgent = false; // the step asked for the channel's most urgent priority (ntfy 5)
};

// A delivery enqueued with an alert beyond its first ones: an escalation step, due later.
struct PlannedDelivery {
    QString channel;
    int escalationStep = 1;
    bool urgent = false;
    QDateTime dueAt;
};

// An alert with the state of each of its deliveries, for the history view.
struct AlertRecord {
    qint64 id = 0;
    AlertMessage message;
    QDateTime createdAt;
    QDateTime acknowledgedAt;
    QString ackSource; // where it was acknowledged (AckSource); empty while not acknowledged
    QList<Delivery> deliveries;
};

// The durable outbox: alerts and their per-channel deliveries. Writes join the caller's transaction when
// there is one (see Transaction), so a breach is stored together with the stock state that raised it.
class AlertRepository {
public:
    explicit AlertRepository(QSqlDatabase db);

    // Stores the alert and one pending delivery per channel, due at `now` (or at `dueAt`, later, for an
    // alert held back by quiet hours), and the `escalations` planned with it (in the same transaction).
    // Returns the alert id.
    Result<qint64> enqueue(const AlertMessage &message, const QStringList &channels, const QDateTime &now,
                           const QDateTime &dueAt = {}, const QList<PlannedDelivery> &escalations = {});

    // Pending deliveries due at `now` and not claimed by a live lease (all pending ones, claimed or not,
    // when `now` is invalid), oldest first.
    Result<QList<Delivery>> pendingDeliveries(const QDateTime &now = {}) const;
    // Pending deliveries to try now regardless of their backoff: every one that is due or was tried before,
    // unless claimed by a live lease. Deliveries never tried and due later (held back by quiet hours) keep
    // waiting.
    Result<QList<Delivery>> pendingIgnoringBackoff(const QDateTime &now) const;
    // When the next pending delivery is due, if any.
    Result<std::optional<QDateTime>> nextDueAt() const;
    Result<AlertMessage> message(qint64 alertId) const;

    // Claims `delivery` for `owner` until `leaseUntil`, so that no other dispatcher (another process on
    // this database) sends it meanwhile. False, and nothing changes, when it is no longer pending, was
    // attempted since it was read (its attempt count changed), or another owner's lease has not run out.
    // An expired lease can be taken over: its owner crashed or hung mid-send.
    Result<bool> claim(const Delivery &delivery, const QString &owner, const QDateTime &now,
                       const QDateTime &leaseUntil);

    // Frees every claim. Only for the holder of the data folder's lock (DataFolderLock): no other dispatcher
    // can be alive on this database then, so a claim left behind belongs to a process that died mid-send
    // (kill -9, a crash) and its deliveries are due again now rather than when the lease runs out.
    Result<int> releaseAllClaims();

    // The outcome of a send. Only the owner of the claim on a pending delivery can record it (an error
    // otherwise: another dispatcher took the delivery over); recording it releases the claim.
    Status markDelivered(qint64 deliveryId, const QString &owner, const QDateTime &at);
    Status markRetry(qint64 deliveryId, const QString &owner, const QDateTime &at,
                     const QDateTime &nextAttemptAt, const QString &error);
    Status markFailed(qint64 deliveryId, const QString &owner, const QDateTime &at, const QString &error);

    // The most recent alerts, newest first, with their deliveries.
    Result<QList<AlertRecord>> recent(int limit) const;
    Status acknowledge(qint64 alertId, const QDateTime &at);
    // One alert with its deliveries; std::nullopt when there is no such alert.
    Result<std::optional<AlertRecord>> find(qint64 alertId) const;
    // Records the first acknowledgement only: when and from where (`source`, "web"). A later one changes
    // nothing. Returns the alert as stored, std::nullopt when there is no such alert; `newlyAcknowledged`
    // (optional) says whether this call recorded it.
    Result<std::optional<AlertRecord>> acknowledgeOnce(qint64 alertId, const QDateTime &at,
                                                       const QString &source,
                                                       bool *newlyAcknowledged = nullptr);

private:
    QSqlDatabase m_db;
};

} // namespace trailguard
