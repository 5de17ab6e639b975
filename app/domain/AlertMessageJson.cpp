#include "domain/AlertMessageJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace trailguard::AlertMessageJson {

namespace {
class Outbox {
    Q_DECLARE_TR_FUNCTIONS(Outbox)
};

AlertMessage::Kind kindFromName(const QString &name)
{
    if (name == QLatin1String("health"))
        return AlertMessage::Kind::Health;
    if (name == QLatin1String("digest"))
        return AlertMessage::Kind::Digest;
    if (name == QLatin1String("test"))
        return AlertMessage::Kind::Test;
    return AlertMessage::Kind::Breach;
}

AlertMessage::Priority priorityFromName(const QString &name)
{
    if (name == QLatin1String("normal"))
        return AlertMessage::Priority::Normal;
    if (name == QLatin1String("low"))
        return AlertMessage::Priority::Low;
    return AlertMessage::Priority::High;
}
} // namespace

QString kindName(AlertMessage::Kind kind)
{
    switch (kind) {
    case AlertMessage::Kind::Breach:
        return QStringLiteral("breach");
    case AlertMessage::Kind::Health:
        return QStringLiteral("health");
    case AlertMessage::Kind::Digest:
        return QStringLiteral("digest");
    case AlertMessage::Kind::Test:
        return QStringLiteral("test");
    }
    return QStringLiteral("breach");
}

QString priorityName(AlertMessage::Priority priority)
{
    switch (priority) {
    case AlertMessage::Priority::High:
        return QStringLiteral("high");
    case AlertMessage::Priority::Normal:
        return QStringLiteral("normal");
    case AlertMessage::Priority::Low:
        return QStringLiteral("low");
    }
    return QStringLiteral("high");
}

QByteArray toJson(const AlertMessage &message)
{
    QJsonArray fields;
    for (const AlertMessage::Field &field : message.fields)
        fields.append(
            QJsonObject{{QStringLiteral("name"), field.name}, {QStringLiteral("value"), field.value}});
    QJsonObject object{
        {QStringLiteral("kind"), kindName(message.kind)},
        {QStringLiteral("priority"), priorityName(message.priority)},
        {QStringLiteral("ticker"), message.ticker},
        {QStringLiteral("subject"), message.subject},
        {QStringLiteral("text"), message.text},
        {QStringLiteral("html"), message.html},
        {QStringLiteral("fields"), fields},
        {QStringLiteral("tags"), QJsonArray::fromStringList(message.tags)},
        {QStringLiteral("clickUrl"), message.clickUrl.toString()},
        {QStringLiteral("createdAt"), message.createdAt.toUTC().toString(Qt::ISODateWithMs)},
    };
    if (!message.rule.isEmpty())
        object.insert(QStringLiteral("rule"), message.rule);
    if (message.price)
        object.insert(QStringLiteral("price"), *message.price);
    if (message.stop)
        object.insert(QStringLiteral("stop"), *message.stop);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<AlertMessage> fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        return Error{ErrorCode::DatabaseQuery,
                     Outbox::tr("A stored alert could not be read (%1).").arg(parseError.errorString())};
    }
    const QJsonObject object = document.object();
    AlertMessage message;
    message.kind = kindFromName(object.value(QStringLiteral("kind")).toString());
    message.priority = priorityFromName(object.value(QStringLiteral("priority")).toString());
    message.ticker = object.value(QStringLiteral("ticker")).toString();
    message.subject = object.value(QStringLiteral("subject")).toString();
    message.rule = object.value(QStringLiteral("rule")).toString();
    message.text = object.value(QStringLiteral("text")).toString();
    message.html = object.value(QStringLiteral("html")).toString();
    for (const QJsonValue &value : object.value(QStringLiteral("fields")).toArray()) {
        const QJsonObject field = value.toObject();
        message.fields.append({field.value(QStringLiteral("name")).toString(),
                               field.value(QStringLiteral("value")).toString()});
    }
    for (const QJsonValue &tag : object.value(QStringLiteral("tags")).toArray())
        message.tags.append(tag.toString());
    message.clickUrl = QUrl(object.value(QStringLiteral("clickUrl")).toString());
    message.createdAt =
        QDateTime::fromString(object.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs)
            .toUTC();
    if (const QJsonValue price = object.value(QStringLiteral("price")); price.isDouble())
        message.price = price.toDouble();
    if (const QJsonValue stop = object.value(QStringLiteral("stop")); stop.isDouble())
        message.stop = stop.toDouble();
    return message;
}

} // namespace trailguard::AlertMessageJson
