#pragma once

// The shared readers of QuestradeParsing's files (not for use elsewhere): each checks the JSON types it
// reads and turns anything else into a MalformedResponse.

#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <optional>

namespace trailguard::QuestradeParsing::detail {

// The translation context of every QuestradeParsing message.
class Messages {
    Q_DECLARE_TR_FUNCTIONS(QuestradeParsing)
};

Error malformed(const QString &detail);
// A field's name, looked up without building a QString (a quote batch looks up thousands).
inline QLatin1StringView key(const char *name)
{
    return QLatin1StringView(name);
}
// A string field that may be absent or null; anything else is malformed.
std::optional<QString> readOptionalString(const QJsonObject &object, const char *name);
// A flag sent as a boolean or a number (`delay` is documented as Boolean and observed as 0/1).
std::optional<bool> readFlag(const QJsonValue &value);
// A price: null, absent or 0 mean "no trade"; negative or non-numeric values are malformed.
Result<std::optional<double>> readPrice(const QJsonValue &value, const QString &context);
// The same, with the context built only for a malformed value (a quote batch parses thousands of prices).
Result<std::optional<double>> readPrice(const QJsonValue &value, const std::function<QString()> &context);
Result<QJsonArray> readArray(const QJsonObject &object, const char *name);

} // namespace trailguard::QuestradeParsing::detail
