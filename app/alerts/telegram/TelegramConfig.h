#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace trailguard {

// Where the Telegram channel and bot talk: a bot (its token from @BotFather, a secret kept in the
// SecretStore under botTokenSecretKey(), never in the settings file) and one chat — a user's or a group's
// numeric id (negative for groups) or a public channel's @name. The Bot API host is
// https://api.telegram.org unless another one is given (a self-hosted Bot API server, the tests' fake).
struct TelegramConfig {
    static constexpr char kTokenVariable[] = "TELEGRAM_BOT_TOKEN";
    static constexpr char kChatVariable[] = "TELEGRAM_CHAT_ID";
    static constexpr char kApiUrlVariable[] = "TELEGRAM_API_URL";

    QByteArray botToken; // "123456789:AA…"; it is part of every request's URL path
    QString chatId;      // "123456789", "-1001234567890" or "@channelname"
    QUrl apiUrl = defaultApiUrl();

    // The token looks like BotFather's, the chat id is an integer or an @name, the API URL is https://
    // (http:// only to this computer) without a query. The message says what to do.
    Status validate() const;

    // apiUrl + "/bot<token>/<method>".
    QUrl methodUrl(const QString &method) const;
    // For log lines: "api.telegram.org/bot12…/sendMessage" (the token cut to its first two characters).
    QString redactedTarget(const QString &method) const;
    // The bot's own id: the digits before ':' in the token (empty for a malformed token).
    QString botId() const;
    // chat_id as the Bot API takes it: a number for an integer id, else the @name string.
    QJsonValue chatIdJson() const;
    // Whether a message from the chat `id` (with @`username`, for channels and public groups) comes
    // from the configured chat.
    bool isConfiguredChat(qint64 id, const QString &username) const;

    static QUrl defaultApiUrl(); // https://api.telegram.org
    static QString botTokenSecretKey() { return QStringLiteral("telegram/bot-token"); }
    static bool isValidToken(const QByteArray &token);
    static bool isValidChatId(const QString &chatId);

    // From TELEGRAM_BOT_TOKEN, TELEGRAM_CHAT_ID and TELEGRAM_API_URL: empty when neither the token nor the
    // chat id is set; an error naming the variable when one is missing or invalid.
    static Result<std::optional<TelegramConfig>> fromEnvironment(const QProcessEnvironment &environment);
};

} // namespace trailguard
