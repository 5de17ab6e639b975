#pragma once

#include "common/Result.h"
#include "web/ApiTypes.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace trailguard::Web {

// The tr() context of the endpoints' own messages (bad JSON, wrong types).
class ApiText {
    Q_DECLARE_TR_FUNCTIONS(ApiText)
};

// Reading request bodies and turning the use cases' errors into answers, the same way for every group.
namespace ApiJson {

// The body as a JSON object, or an error saying why it is not one.
Result<QJsonObject> object(const QByteArray &body);
// An optional member of a type: absent (or null) gives nullopt; another type is an error naming the key.
Result<std::optional<double>> number(const QJsonObject &object, const QString &key);
Result<std::optional<QString>> text(const QJsonObject &object, const QString &key);
Result<std::optional<bool>> boolean(const QJsonObject &object, const QString &key);
Result<std::optional<int>> integer(const QJsonObject &object, const QString &key);
// Keys that are not in `known` are refused, so a typo never passes silently.
Status onlyKnownKeys(const QJsonObject &object, const QStringList &known);

// 400 for bad input, 404 for an unknown ticker, 409 for a duplicate, 500 for the rest.
int statusFor(ErrorCode code);
ApiResponse error(const Error &error);

} // namespace ApiJson
} // namespace trailguard::Web
