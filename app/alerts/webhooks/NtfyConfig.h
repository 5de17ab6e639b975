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
    // Headless mode: how a breach's "Acknowledge" button answers (ackModeName: dashboard, reply, off).
    static constexpr char kAckModeVariable[] = "NTFY_ACK_MODE";
    static constexpr qsizetype kMaxTopicLength = 64;

    QUrl server = defaultServer();
    QString topic;
    QByteArray accessToken; // sent as "Authorization: Bearer <token>" when not empty

    // How the guardian hears a push's "Acknowledge" button (issue 17).
    enum class AckMode {
        Automatic, // Dashboard when the dashboard has a public URL, else Reply
        Dashboard, // an http action POSTing the code to the dashboard's /api/v1/ack/<code>
        Reply,     // an http action publishing the code to the private ack topic the guardian subscribes to
        Off,       // no button
    };
    AckMode ackMode = AckMode::Automatic;
    // The private topic replies go to (same server): "<topic>-ack-<16 random characters>", made once and kept
    // in the SecretStore (ackTopicSecretKey). Empty: no Reply button.
    QString ackTopic;
    // The dashboard's address as the phone reaches it (`web/publicUrl`); invalid when not set.
    QUrl dashboardUrl;

    // The mode in effect: Automatic resolved, Dashboard without a dashboard URL falls back to Reply.
    AckMode effectiveAckMode() const;
    // The ack topic's URL (publishing a reply, subscribing to its JSON stream).
    QUrl ackTopicUrl() const;

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
    static QString ackTopicSecretKey() { return QStringLiteral("ntfy/ack-topic"); }
    // A new random ack topic for `topic` (within kMaxTopicLength).
    static QString newAckTopic(const QString &topic);
    // "dashboard", "reply", "off", "" (automatic); nullopt for anything else.
    static std::optional<AckMode> parseAckMode(const QString &text);
    static QString ackModeName(AckMode mode);
    static bool isValidTopic(const QString &topic);

    // "mytopic" → https://ntfy.sh + mytopic; "https://ntfy.example.com/mytopic" → that server + mytopic
    // (a path before the topic stays part of the server). The result is validated.
    static Result<NtfyConfig> fromTopicOrUrl(const QString &topicOrUrl);

    // From NTFY_CHANNEL (and NTFY_TOKEN, NTFY_ACK_MODE): empty when NTFY_CHANNEL is unset or blank; an error
    // naming the variable when it is invalid.
    static Result<std::optional<NtfyConfig>> fromEnvironment(const QProcessEnvironment &environment);
};

} // namespace trailguard
