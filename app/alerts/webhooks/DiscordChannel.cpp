#include "alerts/webhooks/DiscordChannel.h"

#include "alerts/webhooks/WebhookLogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

namespace trailguard {

namespace {
const QString kName = QStringLiteral("Trailguard");
const QString kEmpty = QStringLiteral("—"); // Discord refuses an empty field name or value

qsizetype fieldLength(const QJsonObject &field)
{
    return field.value(QLatin1String("name")).toString().size() +
           field.value(QLatin1String("value")).toString().size();
}

bool isWebLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() &&
           (scheme == QStringLiteral("https") || scheme == QStringLiteral("http"));
}
} // namespace

DiscordChannel::DiscordChannel(QNetworkAccessManager *network, DiscordConfig config, QObject *parent)
    : WebhookChannel(network, parent)
    , m_config(std::move(config))
{}

QString DiscordChannel::displayName() const
{
    return tr("Discord");
}

void DiscordChannel::setConfig(DiscordConfig config)
{
    m_config = std::move(config);
}

void DiscordChannel::send(const AlertMessage &message, QObject *context, SendCallback done)
{
    if (Status valid = m_config.validate(); !valid) {
        qCWarning(lcWebhooks, "discord: not sent: %s", qUtf8Printable(valid.error().message));
        finishLater(DeliveryResult::failed(valid.error().message), context, std::move(done));
        return;
    }
    Post outgoing{WebhookHttp::makePostRequest(requestUrl(m_config.webhookUrl),
                                               QByteArrayLiteral("application/json"), timeout()),
                  QJsonDocument(payload(message)).toJson(QJsonDocument::Compact),
                  m_config.redactedUrl(),
                  {m_config.token()}};
    post(std::move(outgoing), context, std::move(done), [](const WebhookHttp::Response &response) {
        return interpret(response, QDateTime::currentDateTimeUtc());
    });
}

int DiscordChannel::colour(AlertMessage::Kind kind)
{
    switch (kind) {
    case AlertMessage::Kind::Breach:
        return kBreachColour;
    case AlertMessage::Kind::Health:
        return kHealthColour;
    case AlertMessage::Kind::Digest:
    case AlertMessage::Kind::Test:
        return kNeutralColour;
    }
    return kNeutralColour;
}

QJsonObject DiscordChannel::payload(const AlertMessage &message)
{
    const QString title =
        WebhookHttp::truncated(message.subject.trimmed().isEmpty() ? kName : message.subject, kMaxTitle);
    const QJsonObject footer{{QStringLiteral("text"), kName}};

    // Fields first (they carry the numbers), then as much of the text as the embed's total allows.
    QJsonArray fields;
    qsizetype total = title.size() + kName.size();
    for (const AlertMessage::Field &field : message.fields) {
        if (fields.size() == kMaxFields)
            break;
        const QString name = field.name.trimmed().isEmpty() ? kEmpty : field.name;
        const QString value = field.value.trimmed().isEmpty() ? kEmpty : field.value;
        const QJsonObject object{{QStringLiteral("name"), WebhookHttp::truncated(name, kMaxFieldName)},
                                 {QStringLiteral("value"), WebhookHttp::truncated(value, kMaxFieldValue)},
                                 {QStringLiteral("inline"), true}};
        if (total + fieldLength(object) > kMaxEmbedTotal)
            break;
        total += fieldLength(object);
        fields.append(object);
    }
    const QString description =
        WebhookHttp::truncated(message.text.trimmed(), std::min(kMaxDescription, kMaxEmbedTotal - total));

    QJsonObject embed{{QStringLiteral("title"), title},
                      {QStringLiteral("color"), colour(message.kind)},
                      {QStringLiteral("footer"), footer}};
    if (!description.isEmpty())
        embed.insert(QStringLiteral("description"), description);
    if (isWebLink(message.clickUrl))
        embed.insert(QStringLiteral("url"), message.clickUrl.toString(QUrl::FullyEncoded));
    if (message.createdAt.isValid())
        embed.insert(QStringLiteral("timestamp"), message.createdAt.toUTC().toString(Qt::ISODateWithMs));
    if (!fields.isEmpty())
        embed.insert(QStringLiteral("fields"), fields);

    return QJsonObject{
        {QStringLiteral("username"), kName},
        {QStringLiteral("embeds"), QJsonArray{embed}},
        // Never ping anyone, whatever a ticker or a text contains.
        {QStringLiteral("allowed_mentions"), QJsonObject{{QStringLiteral("parse"), QJsonArray{}}}}};
}

QUrl DiscordChannel::requestUrl(const QUrl &webhookUrl)
{
    QUrl url = webhookUrl;
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("wait"));
    query.addQueryItem(QStringLiteral("wait"), QStringLiteral("true"));
    url.setQuery(query);
    return url;
}

DeliveryResult DiscordChannel::interpret(const WebhookHttp::Response &response, const QDateTime &now)
{
    const int status = response.status;
    if (status >= 200 && status < 300)
        return DeliveryResult::delivered();

    const QJsonObject error = QJsonDocument::fromJson(response.body).object();
    const std::optional<std::chrono::seconds> headerDelay =
        WebhookHttp::parseRetryAfter(response.retryAfter, now);

    if (status == 429) {
        std::optional<std::chrono::seconds> delay =
            WebhookHttp::secondsRoundedUp(error.value(QLatin1String("retry_after")).toDouble(-1));
        if (headerDelay && (!delay || *headerDelay > *delay))
            delay = headerDelay;
        if (!delay) {
            return DeliveryResult::retryLater(
                tr("Discord is rate limiting this webhook (HTTP 429); the alert will be sent again later."));
        }
        return DeliveryResult::retryLater(
            tr("Discord is rate limiting this webhook (HTTP 429); the alert will be sent again in %1 s.")
                .arg(delay->count()),
            delay);
    }
    if (status == 408 || status >= 500) {
        return DeliveryResult::retryLater(
            tr("Discord could not take the message now (HTTP %1); the alert will be sent again later.")
                .arg(status),
            headerDelay);
    }
    if (status >= 400) {
        QString said = WebhookHttp::serverText(error.value(QLatin1String("message")).toString());
        if (said.isEmpty())
            said = WebhookHttp::serverText(QString::fromUtf8(response.body));
        if (said.isEmpty())
            said = tr("no explanation given");
        const int code = error.value(QLatin1String("code")).toInt();
        if (code != 0)
            said = tr("%1 (Discord code %2)").arg(said).arg(code);
        QString reason = tr("Discord refused the message (HTTP %1): %2.").arg(status).arg(said);
        if (status == 401 || status == 403 || status == 404) {
            reason += QLatin1Char(' ') +
                      tr("The webhook may have been deleted or its URL changed: copy the URL again from the "
                         "channel's settings (Integrations → Webhooks).");
        }
        return DeliveryResult::failed(reason);
    }
    if (status >= 300) {
        return DeliveryResult::failed(
            tr("Discord answered with a redirect (HTTP %1): check the webhook URL.").arg(status));
    }
    return DeliveryResult::retryLater(tr("Discord gave an unexpected answer (HTTP %1).").arg(status));
}

} // namespace trailguard
