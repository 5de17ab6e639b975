#include "web/api/AlertEndpoints.h"

#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "alerts/escalation/AlertRecordJson.h"
#include "common/Clock.h"
#include "domain/StockJson.h"
#include "storage/AlertRepository.h"
#include "watchlist/WatchlistService.h"
#include "web/api/ApiJson.h"

#include <QJsonArray>

namespace trailguard::Web {

namespace {
ApiResponse unknownAlert(const QString &id)
{
    return ApiResponse::error(404, ApiText::tr("There is no alert %1.").arg(id));
}
} // namespace

AlertEndpoints::AlertEndpoints(const WebServices &services)
    : m_services(services)
{}

bool AlertEndpoints::handle(const ApiRequest &request, const Respond &respond)
{
    const QStringList &path = request.path;
    if (path.value(0) != QLatin1String("alerts"))
        return false;
    if (path.size() == 1) {
        respond(request.method == "GET" ? list(request.query)
                                        : ApiResponse::error(405, ApiText::tr("Use GET on /api/v1/alerts.")));
        return true;
    }
    if (path.size() != 3)
        return false;
    bool isNumber = false;
    const qint64 alertId = path.at(1).toLongLong(&isNumber);
    const QString &action = path.at(2);
    if (action != QLatin1String("ack") && action != QLatin1String("snooze"))
        return false;
    if (request.method != "POST")
        respond(ApiResponse::error(405, ApiText::tr("Use POST to %1 an alert.").arg(action)));
    else if (!isNumber || alertId <= 0)
        respond(unknownAlert(path.at(1)));
    else if (action == QLatin1String("ack"))
        respond(acknowledge(alertId));
    else
        respond(snooze(alertId, request.body));
    return true;
}

ApiResponse AlertEndpoints::list(const QUrlQuery &query) const
{
    int limit = kDefaultLimit;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool isNumber = false;
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&isNumber);
        if (!isNumber || limit < 1 || limit > kMaximumLimit) {
            return ApiResponse::error(
                400, ApiText::tr("\"limit\" must be a whole number from 1 to %1.").arg(kMaximumLimit));
        }
    }
    const Result<QList<AlertRecord>> records = m_services.alerts->recent(limit);
    if (!records.ok())
        return ApiJson::error(records.error());
    QJsonArray array;
    for (const AlertRecord &record : records.value())
        array.append(AlertRecordJson::toJson(record));
    return ApiResponse::json(200, array);
}

ApiResponse AlertEndpoints::acknowledge(qint64 alertId)
{
    if (!m_services.acknowledger)
        return ApiResponse::error(503, ApiText::tr("Acknowledging is not available yet."));
    // Acknowledging twice answers the alert as it is (acknowledged the first time, with that source).
    const Result<AlertAcknowledger::Outcome> outcome =
        m_services.acknowledger->acknowledge(alertId, AckSource::web());
    if (!outcome.ok()) {
        if (outcome.error().code == ErrorCode::InvalidArguments)
            return unknownAlert(QString::number(alertId));
        return ApiJson::error(outcome.error());
    }
    return ApiResponse::json(200, AlertRecordJson::toJson(outcome.value().alert));
}

ApiResponse AlertEndpoints::snooze(qint64 alertId, const QByteArray &body)
{
    const Result<QJsonObject> object = ApiJson::object(body);
    if (!object.ok())
        return ApiJson::error(object.error());
    const Result<std::optional<int>> days = ApiJson::integer(object.value(), QStringLiteral("days"));
    if (!days.ok())
        return ApiJson::error(days.error());
    if (!days.value())
        return ApiResponse::error(400, ApiText::tr("\"days\" is missing: snooze for 1 to 365 days."));
    const Result<std::optional<AlertRecord>> record = m_services.alerts->find(alertId);
    if (!record.ok())
        return ApiJson::error(record.error());
    if (!record.value())
        return unknownAlert(QString::number(alertId));
    const QString ticker = record.value()->message.ticker;
    if (ticker.isEmpty())
        return ApiResponse::error(
            400, ApiText::tr("Alert %1 is not about a ticker; there is nothing to snooze.").arg(alertId));
    const Result<StockState> snoozed = m_services.watchlist->snooze(ticker, *days.value());
    if (!snoozed.ok())
        return ApiJson::error(snoozed.error());
    return ApiResponse::json(
        200, QJsonObject{{QStringLiteral("ticker"), snoozed.value().ticker},
                         {QStringLiteral("snoozedUntil"), StockJson::time(snoozed.value().snoozedUntil)}});
}

} // namespace trailguard::Web
