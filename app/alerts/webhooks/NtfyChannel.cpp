#include "alerts/webhooks/NtfyChannel.h"

#include "alerts/webhooks/WebhookLogging.h"
#include "secrets/Redact.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace trailguard {

namespace {
QUrl ntfyDashboardPath(QUrl base, const QString &path)
{
    QString basePath = base.path();
    if (!basePath.endsWith(QLatin1Char('/')))
        basePath += QLatin1Char('/');
    base.setPath(basePath + path);
    return base;
}

QJsonObject ntfyAckAction(const AlertMessage &message, const NtfyConfig &config)
{
    QJsonObject action{{QStringLiteral("action"), QStringLiteral("http")},
                       {QStringLiteral("label"), NtfyChannel::tr("Acknowledge")},
                       {QStringLiteral("method"), QStringLiteral("POST")},
                       {QStringLiteral("clear"), true}};
    switch (config.effectiveAckMode()) {
    case NtfyConfig::AckMode::Dashboard:
        action.insert(QStringLiteral("url"),
                      ntfyDashboardPath(config.dashboardUrl, QStringLiteral("api/v1/ack/") + message.ackCode)
                          .toString(QUrl::FullyEncoded));
        return action;
    case NtfyConfig::AckMode::Reply:
        if (config.ackTopic.isEmpty())
            return {};
        action.insert(QStringLiteral("url"), config.ackTopicUrl().toString(QUrl::FullyEncoded));
        action.insert(QStringLiteral("body"), message.ackCode);
        if (!config.accessToken.isEmpty()) {
            action.insert(QStringLiteral("headers"),
                          QJsonObject{{QStringLiteral("Authorization"),
                                       QStringLiteral("Bearer ") + QString::fromLatin1(config.accessToken)}});
        }
        return action;
    case NtfyConfig::AckMode::Automatic:
    case NtfyConfig::AckMode::Off:
        break;
    }
    return {};
}
} // namespace

NtfyChannel::NtfyChannel(QNetworkAccessManager *network, NtfyConfig config, QObject *parent)
    : WebhookChannel(network, parent)
    , m_config(std::move(config))
{}

QString NtfyChannel::displayName() const
{
    return tr("ntfy");
}

void NtfyChannel::setConfig(NtfyConfig config)
{
    m_config = std::move(config);
}

void NtfyChannel::send(const AlertMessage &message, QObject *context, SendCallback done)
{
    if (Status valid = m_config.validate(); !valid) {
        qCWarning(lcWebhooks, "ntfy: not sent: %s", qUtf8Printable(valid.error().message));
        finishLater(DeliveryResult::failed(valid.error().message), context, std::move(done));
        return;
    }
    QNetworkRequest request =
        WebhookHttp::makePostRequest(m_config.publishUrl(), QByteArrayLiteral("application/json"), timeout());
    const bool tokenSent = !m_config.accessToken.isEmpty();
    if (tokenSent)
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + m_config.accessToken);
    // On a public server the topic is the password. A very short one is left alone: it would redact
    // ordinary words.
    QList<QByteArray> secrets{m_config.accessToken};
    if (m_config.topic.size() >= SecretRedactor::kMinimumLength)
        secrets.append(m_config.topic.toUtf8());
    if (!m_config.ackTopic.isEmpty())
        secrets.append(m_config.ackTopic.toUtf8());
    // Said once the message is out, so that listening on the ack topic starts after the publish.
    if (!message.ackCode.isEmpty() && !m_config.ackTopic.isEmpty() &&
        m_config.effectiveAckMode() == NtfyConfig::AckMode::Reply) {
        done = [self = QPointer<NtfyChannel>(this), done = std::move(done)](DeliveryResult result) {
            if (self && result.outcome == DeliveryResult::Outcome::Delivered)
                Q_EMIT self->replyButtonOffered();
            done(std::move(result));
        };
    }
    Post outgoing{request, QJsonDocument(payload(message, m_config)).toJson(QJsonDocument::Compact),
                  m_config.redactedUrl(), secrets};
    post(std::move(outgoing), context, std::move(done), [tokenSent](const WebhookHttp::Response &response) {
        return interpret(response, tokenSent, QDateTime::currentDateTimeUtc());
    });
}

int NtfyChannel::priority(const AlertMessage &message)
{
    if (message.urgent)
        return 5; // an escalation step of the policy's ntfy-urgent
    if (message.kind == AlertMessage::Kind::Breach)
        return 4;
    switch (message.priority) {
    case AlertMessage::Priority::High:
        return 4;
    case AlertMessage::Priority::Normal:
        return 3;
    case AlertMessage::Priority::Low:
        return 2;
    }
    return 3;
}

QJsonObject NtfyChannel::payload(const AlertMessage &message, const QString &topic)
{
    NtfyConfig config;
    config.topic = topic;
    config.ackMode = NtfyConfig::AckMode::Off;
    return payload(message, config);
}

QJsonObject NtfyChannel::payload(const AlertMessage &message, const NtfyConfig &config)
{
    const QString text = message.text.trimmed().isEmpty() ? message.subject : message.text;
    QJsonObject json{{QStringLiteral("topic"), config.topic},
                     {QStringLiteral("message"), WebhookHttp::truncatedUtf8(text, kMaxMessageBytes)},
                     {QStringLiteral("priority"), priority(message)}};
    if (!message.subject.trimmed().isEmpty()) {
        const QString title = message.escalationStep > 0
                                  ? tr("Reminder %1: %2").arg(message.escalationStep).arg(message.subject)
                                  : message.subject;
        json.insert(QStringLiteral("title"), WebhookHttp::truncated(title, kMaxTitle));
    }
    QJsonArray actions;
    if (!message.ackCode.isEmpty()) {
        if (const QJsonObject ack = ntfyAckAction(message, config); !ack.isEmpty())
            actions.append(ack);
    }
    if (config.dashboardUrl.isValid() && !config.dashboardUrl.host().isEmpty()) {
        actions.append(
            QJsonObject{{QStringLiteral("action"), QStringLiteral("view")},
                        {QStringLiteral("label"), tr("Open dashboard")},
                        {QStringLiteral("url"), config.dashboardUrl.toString(QUrl::FullyEncoded)}});
    }
    if (!actions.isEmpty())
        json.insert(QStringLiteral("actions"), actions);
    QJsonArray tags;
    for (const QString &tag : message.tags) {
        if (!tag.trimmed().isEmpty())
            tags.append(tag.trimmed());
    }
    if (!tags.isEmpty())
        json.insert(QStringLiteral("tags"), tags);
    const QString scheme = message.clickUrl.scheme().toLower();
    if (message.clickUrl.isValid() && (scheme == QStringLiteral("https") || scheme == QStringLiteral("http")))
        json.insert(QStringLiteral("click"), message.clickUrl.toString(QUrl::FullyEncoded));
    return json;
}

DeliveryResult NtfyChannel::interpret(const WebhookHttp::Response &response, bool tokenSent,
                                      const QDateTime &now)
{
    const int status = response.status;
    if (status >= 200 && status < 300)
        return DeliveryResult::delivered();

    const std::optional<std::chrono::seconds> delay = WebhookHttp::parseRetryAfter(response.retryAfter, now);
    if (status == 429) {
        return DeliveryResult::retryLater(tr("The ntfy server is limiting how often we publish (HTTP 429); "
                                             "the alert will be sent again later."),
                                          delay);
    }
    if (status == 408 || status >= 500) {
        return DeliveryResult::retryLater(tr("The ntfy server could not take the message now (HTTP %1); the "
                                             "alert will be sent again later.")
                                              .arg(status),
                                          delay);
    }
    // ntfy's errors: {"code":40301,"http":403,"error":"forbidden","link":"…"}.
    QString said = WebhookHttp::serverText(
        QJsonDocument::fromJson(response.body).object().value(QLatin1String("error")).toString());
    if (said.isEmpty())
        said = WebhookHttp::serverText(QString::fromUtf8(response.body));
    if (said.isEmpty())
        said = tr("no explanation given");

    if (status == 401 || status == 403) {
        return DeliveryResult::failed(
            tokenSent
                ? tr("The ntfy server refused the access token (HTTP %1: %2): check the token in the ntfy "
                     "settings.")
                      .arg(status)
                      .arg(said)
                : tr("The ntfy topic needs an access token (HTTP %1: %2): add one in the ntfy settings.")
                      .arg(status)
                      .arg(said));
    }
    if (status == 413) {
        return DeliveryResult::failed(
            tr("The message is too large for the ntfy server (HTTP 413: %1).").arg(said));
    }
    if (status >= 400)
        return DeliveryResult::failed(
            tr("The ntfy server refused the message (HTTP %1): %2.").arg(status).arg(said));
    if (status >= 300) {
        return DeliveryResult::failed(
            tr("The ntfy server answered with a redirect (HTTP %1): check the server URL.").arg(status));
    }
    return DeliveryResult::retryLater(tr("The ntfy server gave an unexpected answer (HTTP %1).").arg(status));
}

} // namespace trailguard
