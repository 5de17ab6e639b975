#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>

namespace trailguard {

// What an alert says, already formatted for people (see AlertFormatter). Channels pick the parts
// they can show: email uses subject + both bodies, Discord an embed of the fields, ntfy title + text.
struct AlertMessage {
    enum class Kind { Breach, Health, Digest, Test };
    enum class Priority { High, Normal, Low }; // breaches High, health and digests lower

    struct Field {
        QString name;  // "Price", "Stop", ...
        QString value; // "92.10 CAD"
    };

    Kind kind = Kind::Breach;
    Priority priority = Priority::High;
    QString ticker; // empty for health, digest and test messages
    // The spec of the alert rule that raised a Breach-kind alert ("cross-below-sma:50"); empty for a stop
    // breach. Rule alerts share the breach's kind: quiet hours, snoozes and priority treat both alike.
    QString rule;
    QString subject; // "Stop-loss breach: SHOP.TO 92.10 < stop 95.40 (peak 106.00)"
    QString text;    // plain-text body
    QString html;    // HTML body (email)
    QList<Field> fields;
    QStringList tags; // ntfy tags, e.g. "chart_with_downwards_trend"
    QUrl clickUrl;    // optional link (ntfy Click header, Discord embed url)
    QDateTime createdAt;
    // A stop breach's price and stop as numbers (the fields above are text for people); unset otherwise.
    std::optional<double> price = std::nullopt;
    std::optional<double> stop = std::nullopt;

    // Set by the dispatcher for each delivery (never stored with the message):
    qint64 alertId = 0; // the alert's id in the outbox; 0 for a message not from the outbox ("Send test")
    // A one-time code that acknowledges this alert and nothing else (AckCodes), for the channels that offer
    // an "Acknowledge" action; empty when acknowledging makes no sense (health, digest, test) or no code key
    // could be read.
    QString ackCode;
    // The dashboard page that acknowledges the alert with that code (`web/publicUrl` + "/ack/" + code); empty
    // without a public dashboard URL or a code.
    QUrl ackUrl;
    int escalationStep = 0; // 0: the first delivery; 1, 2, …: an escalation step repeating the alert
    bool urgent = false;    // the escalation step asked for the channel's most urgent priority (ntfy 5)
};

// Where an alert was acknowledged from (alerts.ack_source, `alerts list --json`'s "ackSource").
namespace AckSource {
inline QString tray()
{
    return QStringLiteral("tray");
}
inline QString ntfy()
{
    return QStringLiteral("ntfy");
}
inline QString telegram()
{
    return QStringLiteral("telegram");
}
inline QString email()
{
    return QStringLiteral("email");
} // the one-time link in the mail
inline QString web()
{
    return QStringLiteral("web");
}
inline QString cli()
{
    return QStringLiteral("cli");
}
inline QString window()
{
    return QStringLiteral("window");
} // the window's alert history
} // namespace AckSource

// How one delivery attempt ended.
struct DeliveryResult {
    enum class Outcome { Delivered, RetryLater, Failed };

    Outcome outcome = Outcome::Failed;
    QString reason;                                 // translated; empty when delivered
    std::optional<std::chrono::seconds> retryAfter; // a server's own hint (Discord retry_after, Retry-After)

    static DeliveryResult delivered() { return {Outcome::Delivered, {}, std::nullopt}; }
    static DeliveryResult retryLater(QString reason, std::optional<std::chrono::seconds> after = std::nullopt)
    {
        return {Outcome::RetryLater, std::move(reason), after};
    }
    static DeliveryResult failed(QString reason)
    {
        return {Outcome::Failed, std::move(reason), std::nullopt};
    }
};

} // namespace trailguard
