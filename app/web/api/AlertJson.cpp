#include "web/api/AlertJson.h"

#include "domain/AlertMessageJson.h"
#include "domain/StockJson.h"

#include <QJsonArray>

namespace trailguard::Web::AlertJson {

namespace {
QString alertKind(const AlertMessage &message)
{
    if (message.kind == AlertMessage::Kind::Breach)
        return message.rule.isEmpty() ? QStringLiteral("stop") : message.rule;
    return AlertMessageJson::kindName(message.kind);
}

QString deliveryStatus(Delivery::Status status)
{
    switch (status) {
    case Delivery::Status::Delivered:
        return QStringLiteral("delivered");
    case Delivery::Status::Failed:
        return QStringLiteral("failed");
    case Delivery::Status::Cancelled:
        return QStringLiteral("cancelled");
    case Delivery::Status::Pending:
        break;
    }
    return QStringLiteral("pending");
}
} // namespace

QJsonObject toJson(const AlertRecord &record)
{
    const AlertMessage &message = record.message;
    QJsonArray deliveries;
    for (const Delivery &delivery : record.deliveries) {
        deliveries.append(QJsonObject{
            {QStringLiteral("channel"), delivery.channel},
            {QStringLiteral("status"), deliveryStatus(delivery.status)},
            {QStringLiteral("attempts"), delivery.attempts},
            {QStringLiteral("lastError"),
             delivery.lastError.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(delivery.lastError)},
            {QStringLiteral("deliveredAt"), StockJson::time(delivery.deliveredAt)},
        });
    }
    return QJsonObject{
        {QStringLiteral("id"), record.id},
        {QStringLiteral("ticker"),
         message.ticker.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(message.ticker)},
        {QStringLiteral("kind"), alertKind(message)},
        {QStringLiteral("raisedAt"), StockJson::time(record.createdAt)},
        {QStringLiteral("subject"), message.subject},
        {QStringLiteral("message"), message.text},
        {QStringLiteral("price"), StockJson::number(message.price)},
        {QStringLiteral("stop"), StockJson::number(message.stop)},
        {QStringLiteral("acknowledgedAt"), StockJson::time(record.acknowledgedAt)},
        {QStringLiteral("ackSource"),
         record.ackSource.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(record.ackSource)},
        {QStringLiteral("deliveries"), deliveries},
    };
}

} // namespace trailguard::Web::AlertJson
