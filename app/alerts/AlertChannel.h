#pragma once

#include "common/Result.h"
#include "domain/AlertMessage.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

namespace trailguard {

// One way of telling the user: tray, email, Discord, ntfy. Sending is asynchronous and never blocks
// the calling (GUI) thread; the callback runs once, later, on the channel's thread, and is dropped when
// `context` is destroyed first.
class AlertChannel : public QObject {
    Q_OBJECT
public:
    using SendCallback = std::function<void(DeliveryResult)>;

    explicit AlertChannel(QObject *parent = nullptr)
        : QObject(parent)
    {}

    // Stable identifier stored with each delivery: "tray", "email", "discord", "ntfy".
    virtual QString id() const = 0;
    // For people: "Email", "Discord", ...
    virtual QString displayName() const = 0;

    virtual void send(const AlertMessage &message, QObject *context, SendCallback done) = 0;
};

} // namespace trailguard
