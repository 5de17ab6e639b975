#include "web/api/ApiJson.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace trailguard::Web::ApiJson {

namespace {
Error wrongJsonType(const QString &key, const QString &expected)
{
    return Error{ErrorCode::InvalidArguments, ApiText::tr("\"%1\" must be %2.").arg(key, expected)};
}
} // namespace

Result<QJsonObject> object(const QByteArray &body)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{ErrorCode::InvalidArguments,
                     ApiText::tr("The request body is not valid JSON (%1 at offset %2).")
                         .arg(parseError.errorString())
                         .arg(parseError.offset)};
    }
    if (!document.isObject())
        return Error{ErrorCode::InvalidArguments, ApiText::tr("The request body must be a JSON object.")};
    return document.object();
}

Result<std::optional<double>> number(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<double>();
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return wrongJsonType(key, ApiText::tr("a number"));
    return std::optional<double>(value.toDouble());
}

Result<std::optional<QString>> text(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<QString>();
    if (!value.isString())
        return wrongJsonType(key, ApiText::tr("a string"));
    return std::optional<QString>(value.toString());
}

Result<std::optional<bool>> boolean(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<bool>();
    if (!value.isBool())
        return wrongJsonType(key, ApiText::tr("true or false"));
    return std::optional<bool>(value.toBool());
}

Result<std::optional<int>> integer(const QJsonObject &object, const QString &key)
{
    const Result<std::optional<double>> read = number(object, key);
    if (!read.ok())
        return wrongJsonType(key, ApiText::tr("a whole number"));
    if (!read.value())
        return std::optional<int>();
    const double value = *read.value();
    if (value != std::floor(value) || std::abs(value) > 1e9)
        return wrongJsonType(key, ApiText::tr("a whole number"));
    return std::optional<int>(static_cast<int>(value));
}

Status onlyKnownKeys(const QJsonObject &object, const QStringList &known)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!known.contains(it.key())) {
            return Error{ErrorCode::InvalidArguments, ApiText::tr("Unknown field \"%1\"; the fields are: %2.")
                                                          .arg(it.key(), known.join(QStringLiteral(", ")))};
        }
    }
    return success();
}

int statusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::UnknownTicker:
        return 404;
    case ErrorCode::DuplicateTicker:
        return 409;
    case ErrorCode::InvalidTicker:
    case ErrorCode::InvalidRatio:
    case ErrorCode::InvalidPrice:
    case ErrorCode::InvalidSetting:
    case ErrorCode::InvalidArguments:
    case ErrorCode::InvalidStrategy:
    case ErrorCode::InvalidIndicator:
        return 400;
    default:
        return 500;
    }
}

ApiResponse error(const Error &error)
{
    return ApiResponse::error(statusFor(error.code), error.message);
}

} // namespace trailguard::Web::ApiJson
