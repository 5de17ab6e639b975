#pragma once

#include "alerts/webhooks/DiscordConfig.h"
#include "alerts/webhooks/WebhookChannel.h"

#include <QJsonObject>

namespace trailguard {

// Alerts as Discord messages through a channel webhook ("Execute Webhook"): one embed with the
// subject as title, the text as description, the fields inline, a colour for the kind and a
// "Trailguard" footer. The URL gets ?wait=true, so Discord confirms with 200 and the message.
//
// 2xx → Delivered. 429 → RetryLater after retry_after (seconds, rounded up) or Retry-After,
// whichever is longer. 408 and 5xx → RetryLater (Retry-After honoured). Other 4xx → Failed with
// Discord's message. 3xx → Failed (the URL is out of date). No answer (refused, timeout, TLS
// failure) → RetryLater. An invalid configuration → Failed, without a request.
class DiscordChannel final : public WebhookChannel {
    Q_OBJECT
public:
    // Embed colours (0xRRGGBB).
    static constexpr int kBreachColour = 0xD32F2F;  // red
    static constexpr int kHealthColour = 0xFFA000;  // amber
    static constexpr int kNeutralColour = 0x1976D2; // blue: digests and tests

    // Discord's limits (characters); longer texts are cut with "…", extra fields left out.
    static constexpr qsizetype kMaxTitle = 256;
    static constexpr qsizetype kMaxDescription = 4096;
    static constexpr qsizetype kMaxFieldName = 256;
    static constexpr qsizetype kMaxFieldValue = 1024;
    static constexpr qsizetype kMaxFields = 25;
    static constexpr qsizetype kMaxEmbedTotal = 6000;

    DiscordChannel(QNetworkAccessManager *network, DiscordConfig config, QObject *parent = nullptr);

    QString id() const override { return QStringLiteral("discord"); }
    QString displayName() const override;

    const DiscordConfig &config() const { return m_config; }
    // Later sends use `config`; a send in flight keeps the one it started with.
    void setConfig(DiscordConfig config);

    void send(const AlertMessage &message, QObject *context, SendCallback done) override;

    // The JSON body for `message`.
    static QJsonObject payload(const AlertMessage &message);
    static int colour(AlertMessage::Kind kind);
    // `webhookUrl` with wait=true (other query items, e.g. thread_id, kept).
    static QUrl requestUrl(const QUrl &webhookUrl);
    // What an HTTP answer means; `now` is for a Retry-After given as a date.
    static DeliveryResult interpret(const WebhookHttp::Response &response, const QDateTime &now);

private:
    DiscordConfig m_config;
};

} // namespace trailguard
