#include "alerts/telegram/TelegramConfig.h"

#include "alerts/webhooks/WebhookHttp.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace trailguard {

namespace {
class TelegramConfigText {
    Q_DECLARE_TR_FUNCTIONS(TelegramConfig)
};

Error invalidTelegramSetting(QString message)
{
    return Error{ErrorCode::InvalidSetting, std::move(message)};
}

QString telegramApiPath(const QUrl &url)
{
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}
} // namespace

QUrl TelegramConfig::defaultApiUrl()
{
    return QUrl(QStringLiteral("https://api.telegram.org"));
}

bool TelegramConfig::isValidToken(const QByteArray &token)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{1,20}:[A-Za-z0-9_-]{20,100}$"));
    return pattern.match(QString::fromLatin1(token)).hasMatch();
}

bool TelegramConfig::isValidChatId(const QString &chatId)
{
    static const QRegularExpression pattern(QStringLiteral("^(-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$"));
    return pattern.match(chatId).hasMatch();
}

Status TelegramConfig::validate() const
{
    if (botToken.isEmpty()) {
        return invalidTelegramSetting(TelegramConfigText::tr(
            "The Telegram bot token is empty: create a bot with @BotFather in Telegram and paste the token "
            "it gives (like 123456789:AA…)."));
    }
    if (!isValidToken(botToken)) {
        return invalidTelegramSetting(TelegramConfigText::tr(
            "The Telegram bot token does not look like one from @BotFather (digits, ':', then letters, "
            "digits, '-' or '_'): copy it again from BotFather's message."));
    }
    if (chatId.isEmpty()) {
        return invalidTelegramSetting(TelegramConfigText::tr(
            "The Telegram chat id is empty: send a message to your bot, then give your chat's number "
            "(see the README) or a channel's @name."));
    }
    if (!isValidChatId(chatId)) {
        return invalidTelegramSetting(
            TelegramConfigText::tr("The Telegram chat id \"%1\" is not valid: give a number (negative for a "
                                   "group, like -1001234567890) or a public channel's @name.")
                .arg(WebhookHttp::serverText(chatId)));
    }
    if (Status status = WebhookHttp::validateUrl(apiUrl, TelegramConfigText::tr("The Telegram Bot API URL"));
        !status)
        return status;
    if (apiUrl.hasQuery() || apiUrl.hasFragment()) {
        return invalidTelegramSetting(TelegramConfigText::tr(
            "The Telegram Bot API URL must not contain '?' or '#': give just the server, like "
            "https://api.telegram.org."));
    }
    return success();
}

QUrl TelegramConfig::methodUrl(const QString &method) const
{
    QUrl url = apiUrl;
    url.setPath(telegramApiPath(apiUrl) + QStringLiteral("/bot") + QString::fromLatin1(botToken) +
                    QLatin1Char('/') + method,
                QUrl::StrictMode);
    return url;
}

QString TelegramConfig::redactedTarget(const QString &method) const
{
    QString text = apiUrl.host();
    if (apiUrl.port() != -1)
        text += QLatin1Char(':') + QString::number(apiUrl.port());
    return text + QUrl::fromPercentEncoding(telegramApiPath(apiUrl).toUtf8()) + QStringLiteral("/bot") +
           QString::fromLatin1(botToken.left(2)) + QStringLiteral("…/") + method;
}

QString TelegramConfig::botId() const
{
    const qsizetype colon = botToken.indexOf(':');
    return colon > 0 ? QString::fromLatin1(botToken.left(colon)) : QString();
}

QJsonValue TelegramConfig::chatIdJson() const
{
    bool isNumber = false;
    const qint64 number = chatId.toLongLong(&isNumber);
    if (isNumber)
        return QJsonValue(number);
    return QJsonValue(chatId);
}

bool TelegramConfig::isConfiguredChat(qint64 id, const QString &username) const
{
    if (chatId.startsWith(QLatin1Char('@')))
        return !username.isEmpty() && chatId.mid(1).compare(username, Qt::CaseInsensitive) == 0;
    bool isNumber = false;
    const qint64 configured = chatId.toLongLong(&isNumber);
    return isNumber && configured == id;
}

Result<std::optional<TelegramConfig>> TelegramConfig::fromEnvironment(const QProcessEnvironment &environment)
{
    const QString token = environment.value(QString::fromLatin1(kTokenVariable)).trimmed();
    const QString chat = environment.value(QString::fromLatin1(kChatVariable)).trimmed();
    const QString api = environment.value(QString::fromLatin1(kApiUrlVariable)).trimmed();
    if (token.isEmpty() && chat.isEmpty())
        return std::optional<TelegramConfig>();
    const auto named = [](const char *variable, const Status &status) {
        return Error{status.error().code,
                     QStringLiteral("%1: %2").arg(QString::fromLatin1(variable), status.error().message)};
    };
    TelegramConfig config;
    config.botToken = token.toUtf8();
    config.chatId = chat;
    if (!api.isEmpty())
        config.apiUrl = QUrl(api, QUrl::StrictMode);

    // Checked one part at a time, so the message names the variable to fix.
    TelegramConfig tokenOnly = config;
    tokenOnly.chatId = QStringLiteral("1");
    tokenOnly.apiUrl = defaultApiUrl();
    if (Status status = tokenOnly.validate(); !status)
        return named(kTokenVariable, status);
    TelegramConfig withChat = config;
    withChat.apiUrl = defaultApiUrl();
    if (Status status = withChat.validate(); !status)
        return named(kChatVariable, status);
    if (Status status = config.validate(); !status)
        return named(kApiUrlVariable, status);
    return std::optional<TelegramConfig>(std::move(config));
}

} // namespace trailguard
