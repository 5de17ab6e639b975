#include "alerts/escalation/AlertRecordJson.h"

#include "domain/AlertMessageJson.h"
#include "domain/StockJson.h"

#include <QJsonArray>

#include <map>

namespace trailguard::AlertRecordJson {

namespace {
QString alertRecordKind(const AlertMessage &message)
{
    if (message.kind == AlertMessage::Kind::Breach)
        return message.rule.isEmpty() ? QStringLiteral("stop") : message.rule;
    return AlertMessageJson::kindName(message.kind);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// Pending wins (the step is not over), then delivered, then failed, then cancelled.
int statusRank(Delivery::Status status)
{
    switch (status) {
    case Delivery::Status::Pending:
        return 3;
    case Delivery::Status::Delivered:
        return 2;
    case Delivery::Status::Failed:
        return 1;
    case Delivery::Status::Cancelled:
        break;
    }
    return 0;
}
} // namespace

QString statusName(Delivery::Status status)
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

QList<EscalationStepSummary> escalationSteps(const AlertRecord &record)
{
    std::map<int, EscalationStepSummary> steps;
    for (const Delivery &delivery : record.deliveries) {
        if (delivery.escalationStep <= 0)
            continue;
        auto [it, added] = steps.try_emplace(delivery.escalationStep);
        EscalationStepSummary &step = it->second;
        step.channels.append(delivery.urgent ? delivery.channel + QStringLiteral("-urgent")
                                             : delivery.channel);
        if (added) {
            step.step = delivery.escalationStep;
            step.at = delivery.nextAttemptAt;
            step.status = delivery.status;
            continue;
        }
        if (delivery.nextAttemptAt.isValid() && (!step.at.isValid() || delivery.nextAttemptAt < step.at))
            step.at = delivery.nextAttemptAt;
        if (statusRank(delivery.status) > statusRank(step.status))
            step.status = delivery.status;
    }
    QList<EscalationStepSummary> list;
    for (auto &[number, step] : steps) {
        step.channels.sort();
        list.append(step);
    }
    return list;
}

QJsonObject toJson(const AlertRecord &record)
{
    const AlertMessage &message = record.message;
    QJsonArray deliveries;
    for (const Delivery &delivery : record.deliveries) {
        deliveries.append(QJsonObject{
            {QStringLiteral("channel"), delivery.channel},
            {QStringLiteral("status"), statusName(delivery.status)},
            {QStringLiteral("attempts"), delivery.attempts},
            {QStringLiteral("lastError"), textOrNull(delivery.lastError)},
            {QStringLiteral("deliveredAt"), StockJson::time(delivery.deliveredAt)},
            {QStringLiteral("step"), delivery.escalationStep},
        });
    }
    QJsonArray escalations;
    for (const EscalationStepSummary &step : escalationSteps(record)) {
        escalations.append(QJsonObject{
            {QStringLiteral("step"), step.step},
            {QStringLiteral("channels"), QJsonArray::fromStringList(step.channels)},
            {QStringLiteral("at"), StockJson::time(step.at)},
            {QStringLiteral("status"), statusName(step.status)},
        });
    }
    return QJsonObject{
        {QStringLiteral("id"), record.id},
        {QStringLiteral("ticker"), textOrNull(message.ticker)},
        {QStringLiteral("kind"), alertRecordKind(message)},
        {QStringLiteral("raisedAt"), StockJson::time(record.createdAt)},
        {QStringLiteral("subject"), message.subject},
        {QStringLiteral("message"), message.text},
        {QStringLiteral("price"), StockJson::number(message.price)},
        {QStringLiteral("stop"), StockJson::number(message.stop)},
        {QStringLiteral("acknowledgedAt"), StockJson::time(record.acknowledgedAt)},
        {QStringLiteral("ackSource"), textOrNull(record.ackSource)},
        {QStringLiteral("deliveries"), deliveries},
        {QStringLiteral("escalations"), escalations},
    };
}

} // namespace trailguard::AlertRecordJson
