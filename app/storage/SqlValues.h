#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QVariant>

#include <optional>

class QSqlQuery;

// How the price history stores values in SQLite (migration 12): quote times as milliseconds and candle
// starts as seconds since the epoch, prices as exact ten-thousandths (INTEGER) or REAL, unknown numbers as
// NULL. Shared by the price history's repository, its chart reads and HistoryConversion.
namespace trailguard::SqlValues {

QString isoTime(const QDateTime &time);
// A stored time (UTC); invalid for NULL.
QDateTime readTime(const QVariant &value);
// A time as stored, or NULL when it is invalid.
QVariant optionalTime(const QDateTime &time);
QVariant optionalValue(const std::optional<double> &value);
std::optional<double> readOptional(const QVariant &value);

// Quote times (milliseconds) and candle starts (seconds) since the epoch; read back as UTC.
qint64 epochMs(const QDateTime &time);
QDateTime fromEpochMs(const QVariant &value);
qint64 epochSeconds(const QDateTime &time);
QDateTime fromEpochSeconds(qint64 seconds);

// Prices stored as integers count ten-thousandths.
constexpr double kPriceScale = 10000.0;
// A price as stored: the price in ten-thousandths (an INTEGER, 1 to 4 bytes on disk) when that gives it
// back exactly, else the REAL itself (8 bytes). readPrice undoes either.
QVariant priceValue(double price);
// The price in ten-thousandths when that gives it back exactly (the INTEGER of priceValue).
std::optional<qint64> exactTenThousandths(double price);
QVariant optionalPrice(const std::optional<double> &price);
double readPrice(const QVariant &value);
std::optional<double> readOptionalPrice(const QVariant &value);
// The same rule in SQL, for the price column `column` of the old tables (HistoryConversion).
QString priceValueSql(const QString &column);
// Logs the failed query once, and says what failed for people.
Error queryError(const QSqlQuery &query);

} // namespace trailguard::SqlValues
