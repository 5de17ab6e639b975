#include "storage/SqlValues.h"

#include "storage/StorageLogging.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace trailguard::SqlValues {

namespace {
class Storage {
    Q_DECLARE_TR_FUNCTIONS(Storage)
};
} // namespace

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime readTime(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QVariant optionalValue(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

std::optional<double> readOptional(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

Error queryError(const QSqlQuery &query)
{
    const QString reason = query.lastError().text();
    qCWarning(lcStorage) << "Price history query failed:" << reason;
    return Error{ErrorCode::DatabaseQuery, Storage::tr("A database command failed: %1").arg(reason)};
}

} // namespace trailguard::SqlValues
