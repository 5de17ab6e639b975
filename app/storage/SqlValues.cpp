#include "storage/SqlValues.h"

#include "storage/IsoTimeText.h"
#include "storage/StorageLogging.h"
#include "storage/StorageText.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace trailguard::SqlValues {

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime readTime(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QVariant optionalTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(IsoTimeText::format(time)) : QVariant(QMetaType(QMetaType::QString));
}

QVariant optionalValue(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

std::optional<double> readOptional(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

qint64 epochMs(const QDateTime &time)
{
    return time.toMSecsSinceEpoch();
}

QDateTime fromEpochMs(const QVariant &value)
{
    // Qt::UTC, not QTimeZone::utc(): in Qt 6.4 a QTimeZone-based QDateTime allocates and compares slowly,
    // and a chart reads tens of thousands of them.
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

qint64 epochSeconds(const QDateTime &time)
{
    return time.toSecsSinceEpoch();
}

QDateTime fromEpochSeconds(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

namespace {
// Above this the scaled price would not fit the exact integers of a double.
constexpr double kLargestScaledPrice = 1e9;
} // namespace

std::optional<qint64> exactTenThousandths(double price)
{
    const double scaled = std::round(price * kPriceScale);
    if (std::abs(price) < kLargestScaledPrice && scaled / kPriceScale == price)
        return qint64(scaled);
    return std::nullopt;
}

QVariant priceValue(double price)
{
    if (const std::optional<qint64> scaled = exactTenThousandths(price))
        return QVariant(*scaled);
    return QVariant(price);
}

QVariant optionalPrice(const std::optional<double> &price)
{
    return price ? priceValue(*price) : QVariant(QMetaType(QMetaType::Double));
}

double readPrice(const QVariant &value)
{
    if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int)
        return double(value.toLongLong()) / kPriceScale;
    return value.toDouble();
}

std::optional<double> readOptionalPrice(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(readPrice(value));
}

QString priceValueSql(const QString &column)
{
    return QStringLiteral("CASE WHEN abs(%1) < 1e9 AND round(%1 * 10000) / 10000.0 = %1 "
                          "THEN CAST(round(%1 * 10000) AS INTEGER) ELSE %1 END")
        .arg(column);
}

Error queryError(const QSqlQuery &query)
{
    const QString reason = query.lastError().text();
    qCWarning(lcStorage) << "Query failed:" << reason;
    return Error{ErrorCode::DatabaseQuery, StorageText::tr("A database command failed: %1").arg(reason)};
}

} // namespace trailguard::SqlValues
