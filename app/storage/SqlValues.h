#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QVariant>

#include <optional>

class QSqlQuery;

// How the price history stores values in SQLite: times as ISO 8601 UTC text with milliseconds, unknown
// numbers as NULL. Shared by the price history's repository and its chart reads.
namespace trailguard::SqlValues {

QString isoTime(const QDateTime &time);
// A stored time (UTC); invalid for NULL.
QDateTime readTime(const QVariant &value);
QVariant optionalValue(const std::optional<double> &value);
std::optional<double> readOptional(const QVariant &value);
// Logs the failed query once, and says what failed for people.
Error queryError(const QSqlQuery &query);

} // namespace trailguard::SqlValues
