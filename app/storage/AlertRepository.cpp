#include "storage/AlertRepository.h"

#include "domain/AlertMessageJson.h"
#include "storage/SqlValues.h"
#include "storage/StorageLogging.h"
#include "storage/StorageText.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace trailguard {

namespace {
Delivery::Status statusFromName(const QString &name)
{
    if (name == QLatin1String("delivered"))
        return Delivery::Status::Delivered;
    if (name == QLatin1String("failed"))
        return Delivery::Status::Failed;
    if (name == QLatin1String("cancelled"))
        return Delivery::Status::Cancelled;
    return Delivery::Status::Pending;
}

const QString kDeliveryColumns =
    QStringLiteral("id, alert_id, channel, status, attempts, next_attempt_at, last_attempt_at, delivered_at, "
                   "last_error, claimed_by, claim_expires_at, escalation_step, urgent");

// Not held by another dispatcher's lease that is still running (bind :now).
const QString kUnclaimed = QStringLiteral("(claimed_by IS NULL OR claim_expires_at <= :now)");

Delivery readDelivery(const QSqlQuery &query)
{
    Delivery delivery;
    delivery.id = query.value(0).toLongLong();
    delivery.alertId = query.value(1).toLongLong();
    delivery.channel = query.value(2).toString();
    delivery.status = statusFromName(query.value(3).toString());
    delivery.attempts = query.value(4).toInt();
    delivery.nextAttemptAt = SqlValues::readTime(query.value(5));
    delivery.lastAttemptAt = SqlValues::readTime(query.value(6));
    delivery.deliveredAt = SqlValues::readTime(query.value(7));
    delivery.lastError = query.value(8).toString();
    delivery.claimedBy = query.value(9).toString();
    delivery.claimExpiresAt = SqlValues::readTime(query.value(10));
    delivery.escalationStep = query.value(11).toInt();
    delivery.urgent = query.value(12).toBool();
    return delivery;
}

Status execUpdate(QSqlQuery &query)
{
    if (!query.exec())
        return SqlValues::queryError(query);
    if (query.numRowsAffected() != 1)
        return Error{ErrorCode::DatabaseQuery, StorageText::tr("The delivery to update no longer exists.")};
    return success();
}

// An outcome is only recorded by the dispatcher that holds the claim, and it releases the claim.
const QString kReleaseClaim = QStringLiteral(", claimed_by = NULL, claim_expires_at = NULL");
const QString kOwnedPending =
    QStringLiteral(" WHERE id = :id AND status = 'pending' AND claimed_by = :owner");

Status execOutcome(QSqlQuery &query)
{
    if (!query.exec())
        return SqlValues::queryError(query);
    if (query.numRowsAffected() != 1) {
        return Error{
            ErrorCode::DatabaseQuery,
            StorageText::tr("The delivery is no longer claimed by this dispatcher: another one took it over "
                            "after its lease ran out.")};
    }
    return success();
}
} // namespace

AlertRepository::AlertRepository(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<qint64> AlertRepository::enqueue(const AlertMessage &message, const QStringList &channels,
                                        const QDateTime &now, const QDateTime &dueAt,
                                        const QList<PlannedDelivery> &escalations)
{
    return inTransaction(m_db, [&]() -> Result<qint64> {
        QSqlQuery insertAlert(m_db);
        insertAlert.prepare(
            QStringLiteral("INSERT INTO alerts (kind, ticker, rule, subject, message, created_at) "
                           "VALUES (:kind, :ticker, :rule, :subject, :message, :created_at)"));
        insertAlert.bindValue(QStringLiteral(":rule"),
                              message.rule.isNull() ? QStringLiteral("") : message.rule);
        insertAlert.bindValue(QStringLiteral(":kind"), AlertMessageJson::kindName(message.kind));
        insertAlert.bindValue(QStringLiteral(":ticker"),
                              message.ticker.isNull() ? QStringLiteral("") : message.ticker);
        insertAlert.bindValue(QStringLiteral(":subject"), message.subject);
        insertAlert.bindValue(QStringLiteral(":message"),
                              QString::fromUtf8(AlertMessageJson::toJson(message)));
        insertAlert.bindValue(QStringLiteral(":created_at"), SqlValues::isoTime(now));
        if (!insertAlert.exec())
            return SqlValues::queryError(insertAlert);
        const qint64 alertId = insertAlert.lastInsertId().toLongLong();

        QList<PlannedDelivery> planned;
        for (const QString &channel : channels)
            planned.append({channel, 0, false, dueAt.isValid() ? dueAt : now});
        planned.append(escalations);
        QSqlQuery insertDelivery(m_db);
        insertDelivery.prepare(QStringLiteral(
            "INSERT INTO deliveries (alert_id, channel, status, next_attempt_at, escalation_step, urgent) "
            "VALUES (:alert_id, :channel, 'pending', :due, :step, :urgent)"));
        for (const PlannedDelivery &delivery : std::as_const(planned)) {
            insertDelivery.bindValue(QStringLiteral(":alert_id"), alertId);
            insertDelivery.bindValue(QStringLiteral(":channel"), delivery.channel);
            insertDelivery.bindValue(QStringLiteral(":due"), SqlValues::isoTime(delivery.dueAt));
            insertDelivery.bindValue(QStringLiteral(":step"), delivery.escalationStep);
            insertDelivery.bindValue(QStringLiteral(":urgent"), delivery.urgent ? 1 : 0);
            if (!insertDelivery.exec())
                return SqlValues::queryError(insertDelivery);
        }
        return alertId;
    });
}

Result<QList<Delivery>> AlertRepository::pendingDeliveries(const QDateTime &now) const
{
    QSqlQuery query(m_db);
    QString sql = QStringLiteral("SELECT %1 FROM deliveries WHERE status = 'pending'").arg(kDeliveryColumns);
    if (now.isValid())
        sql += QStringLiteral(" AND next_attempt_at <= :now AND ") + kUnclaimed;
    sql += QStringLiteral(" ORDER BY next_attempt_at, id");
    query.prepare(sql);
    if (now.isValid())
        query.bindValue(QStringLiteral(":now"), SqlValues::isoTime(now));
    if (!query.exec())
        return SqlValues::queryError(query);
    QList<Delivery> deliveries;
    while (query.next())
        deliveries.append(readDelivery(query));
    return deliveries;
}

Result<QList<Delivery>> AlertRepository::pendingIgnoringBackoff(const QDateTime &now) const
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT %1 FROM deliveries WHERE status = 'pending' AND "
                       "(attempts > 0 OR next_attempt_at <= :now) AND %2 ORDER BY next_attempt_at, id")
            .arg(kDeliveryColumns, kUnclaimed));
    query.bindValue(QStringLiteral(":now"), SqlValues::isoTime(now));
    if (!query.exec())
        return SqlValues::queryError(query);
    QList<Delivery> deliveries;
    while (query.next())
        deliveries.append(readDelivery(query));
    return deliveries;
}

Result<std::optional<QDateTime>> AlertRepository::nextDueAt() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT min(next_attempt_at) FROM deliveries WHERE status = 'pending'")))
        return SqlValues::queryError(query);
    if (!query.next() || query.value(0).isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(SqlValues::readTime(query.value(0)));
}

Result<AlertMessage> AlertRepository::message(qint64 alertId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT message FROM alerts WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), alertId);
    if (!query.exec())
        return SqlValues::queryError(query);
    if (!query.next())
        return Error{ErrorCode::DatabaseQuery,
                     StorageText::tr("Alert %1 is not in the database.").arg(alertId)};
    return AlertMessageJson::fromJson(query.value(0).toString().toUtf8());
}

Result<bool> AlertRepository::claim(const Delivery &delivery, const QString &owner, const QDateTime &now,
                                    const QDateTime &leaseUntil)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE deliveries SET claimed_by = :owner, claim_expires_at = :until "
                                 "WHERE id = :id AND status = 'pending' AND attempts = :attempts AND "
                                 "(claimed_by IS NULL OR claimed_by = :owner OR claim_expires_at <= :now)"));
    query.bindValue(QStringLiteral(":owner"), owner);
    query.bindValue(QStringLiteral(":until"), SqlValues::isoTime(leaseUntil));
    query.bindValue(QStringLiteral(":id"), delivery.id);
    query.bindValue(QStringLiteral(":attempts"), delivery.attempts);
    query.bindValue(QStringLiteral(":now"), SqlValues::isoTime(now));
    if (!query.exec())
        return SqlValues::queryError(query);
    return query.numRowsAffected() == 1;
}

Result<int> AlertRepository::releaseAllClaims()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("UPDATE deliveries SET claimed_by = NULL, claim_expires_at = NULL "
                                   "WHERE claimed_by IS NOT NULL")))
        return SqlValues::queryError(query);
    return query.numRowsAffected();
}

Status AlertRepository::markDelivered(qint64 deliveryId, const QString &owner, const QDateTime &at)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, "
                                 "last_attempt_at = :at, delivered_at = :at, last_error = ''") +
                  kReleaseClaim + kOwnedPending);
    query.bindValue(QStringLiteral(":at"), SqlValues::isoTime(at));
    query.bindValue(QStringLiteral(":id"), deliveryId);
    query.bindValue(QStringLiteral(":owner"), owner);
    return execOutcome(query);
}

Status AlertRepository::markRetry(qint64 deliveryId, const QString &owner, const QDateTime &at,
                                  const QDateTime &nextAttemptAt, const QString &error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE deliveries SET attempts = attempts + 1, last_attempt_at = :at, "
                                 "next_attempt_at = :next, last_error = :error") +
                  kReleaseClaim + kOwnedPending);
    query.bindValue(QStringLiteral(":at"), SqlValues::isoTime(at));
    query.bindValue(QStringLiteral(":next"), SqlValues::isoTime(nextAttemptAt));
    query.bindValue(QStringLiteral(":error"), error);
    query.bindValue(QStringLiteral(":id"), deliveryId);
    query.bindValue(QStringLiteral(":owner"), owner);
    return execOutcome(query);
}

Status AlertRepository::markFailed(qint64 deliveryId, const QString &owner, const QDateTime &at,
                                   const QString &error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE deliveries SET status = 'failed', attempts = attempts + 1, "
                                 "last_attempt_at = :at, last_error = :error") +
                  kReleaseClaim + kOwnedPending);
    query.bindValue(QStringLiteral(":at"), SqlValues::isoTime(at));
    query.bindValue(QStringLiteral(":error"), error);
    query.bindValue(QStringLiteral(":id"), deliveryId);
    query.bindValue(QStringLiteral(":owner"), owner);
    return execOutcome(query);
}

Result<QList<AlertRecord>> AlertRepository::recent(int limit) const
{
    QSqlQuery alerts(m_db);
    alerts.prepare(QStringLiteral("SELECT id, message, created_at, acknowledged_at, ack_source FROM alerts "
                                  "ORDER BY created_at DESC, id DESC LIMIT :limit"));
    alerts.bindValue(QStringLiteral(":limit"), limit);
    if (!alerts.exec())
        return SqlValues::queryError(alerts);
    QList<AlertRecord> records;
    QHash<qint64, qsizetype> indexById;
    while (alerts.next()) {
        AlertRecord record;
        record.id = alerts.value(0).toLongLong();
        const auto message = AlertMessageJson::fromJson(alerts.value(1).toString().toUtf8());
        if (message.ok())
            record.message = message.value();
        record.createdAt = SqlValues::readTime(alerts.value(2));
        record.acknowledgedAt = SqlValues::readTime(alerts.value(3));
        record.ackSource = alerts.value(4).toString();
        indexById.insert(record.id, records.size());
        records.append(record);
    }
    if (records.isEmpty())
        return records;

    QSqlQuery deliveries(m_db);
    deliveries.prepare(QStringLiteral("SELECT %1 FROM deliveries WHERE alert_id >= :oldest "
                                      "ORDER BY escalation_step, channel")
                           .arg(kDeliveryColumns));
    qint64 oldest = records.constFirst().id;
    for (const AlertRecord &record : std::as_const(records))
        oldest = std::min(oldest, record.id);
    deliveries.bindValue(QStringLiteral(":oldest"), oldest);
    if (!deliveries.exec())
        return SqlValues::queryError(deliveries);
    while (deliveries.next()) {
        const Delivery delivery = readDelivery(deliveries);
        if (const auto found = indexById.constFind(delivery.alertId); found != indexById.constEnd())
            records[*found].deliveries.append(delivery);
    }
    return records;
}

Status AlertRepository::acknowledge(qint64 alertId, const QDateTime &at)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE alerts SET acknowledged_at = :at WHERE id = :id"));
    query.bindValue(QStringLiteral(":at"), SqlValues::isoTime(at));
    query.bindValue(QStringLiteral(":id"), alertId);
    return execUpdate(query);
}

Result<std::optional<AlertRecord>> AlertRepository::find(qint64 alertId) const
{
    QSqlQuery alert(m_db);
    alert.prepare(
        QStringLiteral("SELECT message, created_at, acknowledged_at, ack_source FROM alerts WHERE id = :id"));
    alert.bindValue(QStringLiteral(":id"), alertId);
    if (!alert.exec())
        return SqlValues::queryError(alert);
    if (!alert.next())
        return std::optional<AlertRecord>();
    AlertRecord record;
    record.id = alertId;
    if (const auto message = AlertMessageJson::fromJson(alert.value(0).toString().toUtf8()); message.ok())
        record.message = message.value();
    record.createdAt = SqlValues::readTime(alert.value(1));
    record.acknowledgedAt = SqlValues::readTime(alert.value(2));
    record.ackSource = alert.value(3).toString();

    QSqlQuery deliveries(m_db);
    deliveries.prepare(QStringLiteral("SELECT %1 FROM deliveries WHERE alert_id = :id "
                                      "ORDER BY escalation_step, channel")
                           .arg(kDeliveryColumns));
    deliveries.bindValue(QStringLiteral(":id"), alertId);
    if (!deliveries.exec())
        return SqlValues::queryError(deliveries);
    while (deliveries.next())
        record.deliveries.append(readDelivery(deliveries));
    return std::optional<AlertRecord>(record);
}

Result<std::optional<AlertRecord>> AlertRepository::acknowledgeOnce(qint64 alertId, const QDateTime &at,
                                                                    const QString &source,
                                                                    bool *newlyAcknowledged)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE alerts SET acknowledged_at = :at, ack_source = :source "
                                 "WHERE id = :id AND acknowledged_at IS NULL"));
    query.bindValue(QStringLiteral(":at"), SqlValues::isoTime(at));
    query.bindValue(QStringLiteral(":source"), source);
    query.bindValue(QStringLiteral(":id"), alertId);
    if (!query.exec())
        return SqlValues::queryError(query);
    if (newlyAcknowledged)
        *newlyAcknowledged = query.numRowsAffected() == 1;
    return find(alertId);
}

} // namespace trailguard
