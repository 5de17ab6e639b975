#pragma once

#include "alerts/webhooks/NtfyConfig.h"
#include "alerts/webhooks/WebhookChannel.h"

#include <QJsonObject>

namespace trailguard {

// Alerts as ntfy push notifications. We publish as JSON to the server's root (POST https://SERVER/
// with {"topic", "title", "message", "priority", "tags", "click"}) rather than with Title/Priority/
// Tags/Click headers: JSON carries any text as UTF-8, where headers would need RFC 2047 encoding for
// a non-ASCII title. The access token, when set, goes in "Authorization: Bearer …".
//
// A breach carrying an acknowledgement code gets an "Acknowledge" http action (clear: true): per the ack
// mode, a POST of nothing to the dashboard's /api/v1/ack/<code>, or a publish of the code to the private ack
// topic (with the access token, which then sits in the action on the user's phone). "Open dashboard" (view)
// when the dashboard has a public URL.
//
// Priority: 5 ("urgent") for an escalation step that asks for it, 4 ("high") for a breach or any High
// message, 3 ("default") for Normal, 2 ("low") for Low.
// 2xx → Delivered. 429, 408, 5xx → RetryLater (ntfy gives no delay; a Retry-After header is honoured).
// 401/403 → Failed (the token was refused, or the topic needs one). 413 → Failed (too large). Other
// 4xx → Failed with ntfy's error text. 3xx → Failed. No answer → RetryLater. Invalid configuration →
// Failed, without a request.
class NtfyChannel final : public WebhookChannel {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxTitle = 256;
    // ntfy.sh turns longer messages into attachments (or refuses them): keep under its 4096 bytes.
    static constexpr qsizetype kMaxMessageBytes = 4000;

    NtfyChannel(QNetworkAccessManager *network, NtfyConfig config, QObject *parent = nullptr);

    QString id() const override { return QStringLiteral("ntfy"); }
    QString displayName() const override;

    const NtfyConfig &config() const { return m_config; }
    // Later sends use `config` (e.g. once the access token has been read from the keychain).
    void setConfig(NtfyConfig config);

    void send(const AlertMessage &message, QObject *context, SendCallback done) override;

    // The JSON body for `message` published to `topic`, without actions.
    static QJsonObject payload(const AlertMessage &message, const QString &topic);
    // The JSON body for `message` published with `config` (topic, actions per its ack mode).
    static QJsonObject payload(const AlertMessage &message, const NtfyConfig &config);
    // 1 (min) to 5 (urgent).
    static int priority(const AlertMessage &message);
    // What an HTTP answer means; `tokenSent` says whether an access token went with the request.
    static DeliveryResult interpret(const WebhookHttp::Response &response, bool tokenSent,
                                    const QDateTime &now);

Q_SIGNALS:
    // A message with a reply-mode "Acknowledge" button is being published: its answer will come on the ack
    // topic (GuardianNtfyAck starts listening then, not before: no subscription for nothing to hear).
    void replyButtonOffered();

private:
    NtfyConfig m_config;
};

} // namespace trailguard
