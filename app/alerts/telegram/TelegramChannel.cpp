#include "alerts/telegram/TelegramChannel.h"

#include "alerts/telegram/TelegramApi.h"
#include "alerts/telegram/TelegramLogging.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace trailguard {

namespace {
QString telegramEscaped(const QString &text)
{
    // The Bot API's HTML mode knows only these three entities in text.
    QString escaped = text;
    escaped.replace(QLatin1Char('&'), QStringLiteral("&amp;"));
    escaped.replace(QLatin1Char('<'), QStringLiteral("&lt;"));
    escaped.replace(QLatin1Char('>'), QStringLiteral("&gt;"));
    return escaped;
}

// Telegram refuses URL buttons to hosts it cannot reach (localhost), which would lose the whole message.
bool isPublicWebUrl(const QUrl &url)
{
    return url.isValid() && url.scheme() == QLatin1String("https") && !WebhookHttp::isLoopback(url);
}
} // namespace

TelegramChannel::TelegramChannel(QNetworkAccessManager *network, TelegramConfig config, QObject *parent)
    : WebhookChannel(network, parent)
    , m_config(std::move(config))
{}

QString TelegramChannel::displayName() const
{
    return tr("Telegram");
}

void TelegramChannel::setConfig(TelegramConfig config)
{
    m_config = std::move(config);
}

void TelegramChannel::send(const AlertMessage &message, QObject *context, SendCallback done)
{
    if (Status valid = m_config.validate(); !valid) {
        qCWarning(lcTelegram, "telegram: not sent: %s", qUtf8Printable(valid.error().message));
        finishLater(DeliveryResult::failed(valid.error().message), context, std::move(done));
        return;
    }
    const QNetworkRequest request = WebhookHttp::makePostRequest(
        m_config.methodUrl(QStringLiteral("sendMessage")), QByteArrayLiteral("application/json"), timeout());
    Post outgoing{request,
                  QJsonDocument(payload(message, m_config.chatIdJson())).toJson(QJsonDocument::Compact),
                  m_config.redactedTarget(QStringLiteral("sendMessage")),
                  {m_config.botToken}};
    post(std::move(outgoing), context, std::move(done), &TelegramChannel::interpret);
}

QString TelegramChannel::htmlText(const AlertMessage &message)
{
    QStringList parts;
    if (!message.subject.trimmed().isEmpty())
        parts.append(QStringLiteral("<b>%1</b>").arg(telegramEscaped(message.subject.trimmed())));
    if (message.escalationStep > 0) {
        parts.append(
            QStringLiteral("<i>%1</i>")
                .arg(telegramEscaped(tr("Still below the stop — reminder %1").arg(message.escalationStep))));
    }
    if (!message.text.trimmed().isEmpty())
        parts.append(telegramEscaped(message.text.trimmed()));
    QStringList fields;
    for (const AlertMessage::Field &field : message.fields)
        fields.append(
            QStringLiteral("<b>%1</b>: %2").arg(telegramEscaped(field.name), telegramEscaped(field.value)));
    if (!fields.isEmpty())
        parts.append(fields.join(QLatin1Char('\n')));
    QString html = parts.join(QStringLiteral("\n\n"));
    // Long texts (a digest) are cut on a line, so that no tag or entity is split.
    if (html.size() > kMaxTextLength) {
        const qsizetype cut = html.lastIndexOf(QLatin1Char('\n'), kMaxTextLength - 2);
        html = html.left(cut > 0 ? cut : 0) + QStringLiteral("\n…");
    }
    return html;
}

QJsonObject TelegramChannel::payload(const AlertMessage &message, const QJsonValue &chatId)
{
    QJsonObject json{{QStringLiteral("chat_id"), chatId},
                     {QStringLiteral("text"), htmlText(message)},
                     {QStringLiteral("parse_mode"), QStringLiteral("HTML")},
                     {QStringLiteral("disable_web_page_preview"), true}};
    QJsonArray buttons;
    const QString callbackData = ackCallbackPrefix() + message.ackCode;
    if (!message.ackCode.isEmpty() && callbackData.toUtf8().size() <= kMaxCallbackDataBytes) {
        buttons.append(QJsonObject{{QStringLiteral("text"), tr("Acknowledge")},
                                   {QStringLiteral("callback_data"), callbackData}});
    }
    if (isPublicWebUrl(message.ackUrl)) {
        buttons.append(QJsonObject{{QStringLiteral("text"), tr("Open dashboard")},
                                   {QStringLiteral("url"), message.ackUrl.toString(QUrl::FullyEncoded)}});
    }
    if (!buttons.isEmpty()) {
        json.insert(QStringLiteral("reply_markup"),
                    QJsonObject{{QStringLiteral("inline_keyboard"), QJsonArray{buttons}}});
    }
    return json;
}

DeliveryResult TelegramChannel::interpret(const WebhookHttp::Response &response)
{
    const TelegramApi::Answer answer = TelegramApi::parse(response.status, response.body);
    if (answer.ok)
        return DeliveryResult::delivered();
    const int status = response.status;
    if (status == 429) {
        return DeliveryResult::retryLater(tr("Telegram is limiting how often the bot sends (HTTP 429); the "
                                             "alert will be sent again later."),
                                          answer.retryAfter);
    }
    if (status >= 500 || (status >= 200 && status < 300)) {
        return DeliveryResult::retryLater(
            tr("Telegram could not take the message now (HTTP %1: %2); the alert will be sent again later.")
                .arg(status)
                .arg(answer.description));
    }
    return DeliveryResult::failed(answer.problem());
}

} // namespace trailguard
