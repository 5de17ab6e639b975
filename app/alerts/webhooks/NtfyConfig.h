#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace trailguard {

// Where the ntfy channel publishes: a server (https://ntfy.sh unless self-hosted, possibly under a
// path such as https://example.com/ntfy) and a topic. The access token is optional. On a public server
// anyone who knows the topic reads the alerts, so the app keeps both the topic (topicSecretKey) and the
// token (accessTokenSecretKey) in the SecretStore, never in settings.
struct NtfyConfig {
    // Headless mode: the topic name or full topic URL, and an optional access token.
    static constexpr char kChannelVariable[] = "NTFY_CHANNEL";
    static constexpr char kTokenVariable[] = "NTFY_TOKEN";
    static constexpr qsizetype kMaxTopicLength = 64;

    QUrl server = defaultServer();
    QString topic;
    QByteArray accessToken; // sent as "Authorization: Bearer <token>" when not empty

    // The server is https:// (http:// only to this computer) without a query, the topic is 1-64
    // letters, digits, '-' or '_', and the token has no spaces or control characters. The message
    // says exactly what is wrong.
    Status validate() const;

    // Where JSON publishing goes: the server's root, ending in '/'.
    QUrl publishUrl() const;
    // The topic's own URL (for subscribing): server + "/" + topic.
    QUrl topicUrl() const;
    // "ntfy.sh/ab…": the host and the first two characters of the topic, which acts as a password on
    // a public server.
    QString redactedUrl() const;

    static QUrl defaultServer(); // https://ntfy.sh
    static QString accessTokenSecretKey() { return QStringLiteral("ntfy/access-token"); }
    static QString topicSecretKey() { return QStringLiteral("ntfy/topic"); }
    static bool isValidTopic(const QString &topic);

    // "mytopic" → https://ntfy.sh + mytopic; "https://ntfy.example.com/mytopic" → that server + mytopic
    // (a path before the topic stays part of the server). The result is validated.
    static Result<NtfyConfig> fromTopicOrUrl(const QString &topicOrUrl);

    // From NTFY_CHANNEL (and NTFY_TOKEN): empty when NTFY_CHANNEL is unset or blank; an error naming
    // the variable when it is invalid.
    static Result<std::optional<NtfyConfig>> fromEnvironment(const QProcessEnvironment &environment);
};

} // namespace trailguard
