#include "web/api/StatusJson.h"

#include "TrailguardVersion.h"
#include "alerts/HealthWatch.h"
#include "alerts/OutboxDispatcher.h"
#include "domain/StockJson.h"
#include "monitor/Monitor.h"
#include "monitor/StreamSession.h"
#include "storage/AlertRepository.h"

#include <QJsonArray>
#include <QMap>

namespace trailguard::Web::StatusJson {

namespace {
// How many recent alerts the channels' failed deliveries are counted over.
constexpr int kRecentAlerts = 100;

QString connectionName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connected:
        return QStringLiteral("connected");
    case ConnectionState::Connecting:
        return QStringLiteral("connecting");
    case ConnectionState::Offline:
        return QStringLiteral("offline");
    case ConnectionState::Disconnected:
        return QStringLiteral("disconnected");
    case ConnectionState::NotConfigured:
        break;
    }
    return QStringLiteral("not-configured");
}

QString quoteModeName(const StreamSession *stream)
{
    switch (stream ? stream->mode() : QuoteFeedMode::Polling) {
    case QuoteFeedMode::Streaming:
        return QStringLiteral("streaming");
    case QuoteFeedMode::PartlyStreaming:
        return QStringLiteral("partly-streaming");
    case QuoteFeedMode::Connecting:
        return QStringLiteral("connecting");
    case QuoteFeedMode::Polling:
        break;
    }
    return QStringLiteral("polling");
}

struct ChannelCounts {
    int pending = 0; // waiting for a retry after a failed attempt
    int failed = 0;  // failed for good, among the recent alerts
    bool failing = false;
};

// Per channel: the pending deliveries that already failed once, the recent ones that failed for good, and
// whether the health watch reports it failing.
QMap<QString, ChannelCounts> channelCounts(const WebServices &services)
{
    QMap<QString, ChannelCounts> channels;
    if (services.dispatcher) {
        for (const QString &id : services.dispatcher->channelIds())
            channels[id];
    }
    if (services.alerts) {
        if (const auto pending = services.alerts->pendingDeliveries(); pending.ok()) {
            for (const Delivery &delivery : pending.value()) {
                if (delivery.attempts > 0)
                    ++channels[delivery.channel].pending;
            }
        }
        if (const auto recent = services.alerts->recent(kRecentAlerts); recent.ok()) {
            for (const AlertRecord &record : recent.value()) {
                for (const Delivery &delivery : record.deliveries) {
                    if (delivery.status == Delivery::Status::Failed)
                        ++channels[delivery.channel].failed;
                }
            }
        }
    }
    if (services.health) {
        for (const HealthWatch::ActiveCondition &active : services.health->activeConditions()) {
            if (active.condition.startsWith(QLatin1String("channel:")))
                channels[active.condition.mid(8)].failing = true;
        }
    }
    return channels;
}
} // namespace

QJsonObject toJson(const WebServices &services)
{
    const ConnectionState connection =
        services.health ? services.health->connectionState() : ConnectionState::NotConfigured;
    QJsonArray channels;
    QJsonArray failing;
    const QMap<QString, ChannelCounts> counts = channelCounts(services);
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
        const bool isFailing = it->failing || it->pending > 0;
        channels.append(QJsonObject{{QStringLiteral("channel"), it.key()},
                                    {QStringLiteral("pending"), it->pending},
                                    {QStringLiteral("failed"), it->failed},
                                    {QStringLiteral("failing"), isFailing}});
        if (isFailing)
            failing.append(it.key());
    }
    QJsonArray healthAlerts;
    if (services.health) {
        for (const HealthWatch::ActiveCondition &active : services.health->activeConditions()) {
            healthAlerts.append(QJsonObject{{QStringLiteral("condition"), active.condition},
                                            {QStringLiteral("subject"), active.subject},
                                            {QStringLiteral("since"), StockJson::time(active.since)}});
        }
    }
    const Monitor *monitor = services.monitor;
    return QJsonObject{
        {QStringLiteral("connection"), connectionName(connection)},
        {QStringLiteral("connected"), connection == ConnectionState::Connected},
        {QStringLiteral("reconnectNeeded"), connection == ConnectionState::Disconnected},
        {QStringLiteral("quoteMode"), quoteModeName(services.stream)},
        {QStringLiteral("lastCheck"), StockJson::time(monitor ? monitor->lastCheck() : QDateTime())},
        {QStringLiteral("nextCheck"), StockJson::time(monitor ? monitor->nextCheck() : QDateTime())},
        {QStringLiteral("checkIntervalSeconds"),
         static_cast<qint64>(monitor ? monitor->interval().count() : 0)},
        {QStringLiteral("channels"), channels},
        {QStringLiteral("failingChannels"), failing},
        {QStringLiteral("healthAlerts"), healthAlerts},
        {QStringLiteral("version"), QStringLiteral(TRAILGUARD_VERSION)},
    };
}

} // namespace trailguard::Web::StatusJson
