#include "storage/GuardianStateRepository.h"

#include "storage/SqlValues.h"

#include <QSqlQuery>
#include <QVariant>

namespace trailguard {

GuardianStateRepository::GuardianStateRepository(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<std::optional<QString>> GuardianStateRepository::value(const QString &key) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT value FROM guardian_state WHERE key = :key"));
    query.bindValue(QStringLiteral(":key"), key);
    if (!query.exec())
        return SqlValues::queryError(query);
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

Status GuardianStateRepository::setValue(const QString &key, const QString &value)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO guardian_state (key, value) VALUES (:key, :value) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.bindValue(QStringLiteral(":key"), key);
    query.bindValue(QStringLiteral(":value"), value);
    if (!query.exec())
        return SqlValues::queryError(query);
    return success();
}

} // namespace trailguard
