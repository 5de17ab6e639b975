#pragma once

#include "alerts/telegram/TelegramConfig.h"
#include "alerts/webhooks/WebhookChannel.h"

#include <QJsonObject>

namespace trailguard {

// Alerts as Telegram messages from the user's bot (Bot API sendMessage, HTML parse mode, every text
// escaped). A breach with an acknowledgement code carries an inline "Acknowledge" button (callback_data
// "ack:<code>", answered by TelegramBot) and, with a public dashboard link, an "Open dashboard" button; an
// escalation step says it is a reminder.
//
// 2xx with "ok" → Delivered. 429 → RetryLater after parameters.retry_after. 5xx, no answer → RetryLater.
// 401/404 (token refused), 403 (bot blocked, or not in the group), 400 (chat not found, …) → Failed, saying
// what to do. Invalid configuration → Failed, without a request.
class TelegramChannel final : public WebhookChannel {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxTextLength = 4096;      // characters of a message, after entities
    static constexpr qsizetype kMaxCallbackDataBytes = 64; // Bot API limit of callback_data
    static QString ackCallbackPrefix() { return QStringLiteral("ack:"); }

    TelegramChannel(QNetworkAccessManager *network, TelegramConfig config, QObject *parent = nullptr);

    QString id() const override { return QStringLiteral("telegram"); }
    QString displayName() const override;

    const TelegramConfig &config() const { return m_config; }
    void setConfig(TelegramConfig config);

    void send(const AlertMessage &message, QObject *context, SendCallback done) override;

    // The sendMessage parameters for `message` to `chatId`.
    static QJsonObject payload(const AlertMessage &message, const QJsonValue &chatId);
    // The message's HTML text: bold subject, reminder line, body and fields, escaped.
    static QString htmlText(const AlertMessage &message);
    static DeliveryResult interpret(const WebhookHttp::Response &response);

private:
    TelegramConfig m_config;
};

} // namespace trailguard
