#include "broker/QuestradeParsingReaders.h"

#include <cmath>

namespace trailguard::QuestradeParsing::detail {

Error malformed(const QString &detail)
{
    return Error{ErrorCode::MalformedResponse,
                 Messages::tr("Questrade sent an answer Trailguard does not understand: %1.").arg(detail)};
}

std::optional<QString> readOptionalString(const QJsonObject &object, const char *name)
{
    const QJsonValue value = object.value(key(name));
    if (value.isUndefined() || value.isNull())
        return QString();
    if (value.isString())
        return value.toString();
    return std::nullopt;
}

std::optional<bool> readFlag(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return false;
    if (value.isBool())
        return value.toBool();
    if (value.isDouble())
        return value.toDouble() != 0.0;
    return std::nullopt;
}

Result<std::optional<double>> readPrice(const QJsonValue &value, const QString &context)
{
    if (value.isUndefined() || value.isNull())
        return std::optional<double>();
    if (!value.isDouble())
        return malformed(Messages::tr("%1 is not a number").arg(context));
    const double price = value.toDouble();
    if (!std::isfinite(price) || price < 0)
        return malformed(Messages::tr("%1 is not a valid price").arg(context));
    if (price == 0.0)
        return std::optional<double>();
    return std::optional<double>(price);
}

Result<std::optional<double>> readPrice(const QJsonValue &value, const std::function<QString()> &context)
{
    if (value.isUndefined() || value.isNull() || (value.isDouble() && std::isfinite(value.toDouble())))
        return readPrice(value, QString()); // well formed, or only its sign can be wrong
    return readPrice(value, context());
}

Result<QJsonArray> readArray(const QJsonObject &object, const char *name)
{
    const QJsonValue value = object.value(key(name));
    if (!value.isArray())
        return malformed(Messages::tr("\"%1\" is missing or not a list").arg(key(name)));
    return value.toArray();
}

} // namespace trailguard::QuestradeParsing::detail
