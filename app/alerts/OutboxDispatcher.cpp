#include "alerts/OutboxDispatcher.h"

#include "alerts/AlertsLogging.h"
#include "alerts/escalation/EscalationGate.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

namespace trailguard {

namespace {
class Outbox {
    Q_DECLARE_TR_FUNCTIONS(Outbox)
};
} // namespace

OutboxDispatcher::OutboxDispatcher(AlertRepository &repository, const Clock &clock, Options options,
                                   QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_clock(clock)
    , m_options(options)
    , m_ownerId(QStringLiteral("%1:%2")
                    .arg(QCoreApplication::applicationPid())
                    .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)))
    , m_timer(clock.createTimer())
{
    m_timer->setSingleShot(true);
    connect(m_timer.get(), &ClockTimer::timeout, this, [this] { process(false); });
}

OutboxDispatcher::OutboxDispatcher(AlertRepository &repository, const Clock &clock, QObject *parent)
    : OutboxDispatcher(repository, clock, Options{}, parent)
{}

void OutboxDispatcher::setChannels(const QList<AlertChannel *> &channels)
{
    m_channels.clear();
    for (AlertChannel *channel : channels)
        m_channels.insert(channel->id(), channel);
}

QStringList OutboxDispatcher::channelIds() const
{
    QStringList ids;
    for (auto it = m_channels.cbegin(); it != m_channels.cend(); ++it) {
        if (it.value())
            ids.append(it.key());
    }
    ids.sort();
    return ids;
}

std::chrono::seconds OutboxDispatcher::backoff(int attempts, const Options &options)
{
    const int doublings = std::clamp(attempts - 1, 0, 20);
    const auto delay = options.firstRetry * (qint64(1) << doublings);
    return std::min<std::chrono::seconds>(delay, options.maximumRetry);
}

void OutboxDispatcher::start()
{
    m_active = true;
    process(false); // each channel's first round since the start tries its deliveries whatever their backoff
}

void OutboxDispatcher::stop()
{
    m_active = false;
    m_timer->stop();
}

void OutboxDispatcher::announceAlertChanged(qint64 alertId)
{
    QMetaObject::invokeMethod(
        this, [this, alertId] { Q_EMIT alertChanged(alertId); }, Qt::QueuedConnection);
}

void OutboxDispatcher::wake()
{
    if (!m_active)
        return; // not started (e.g. --once): attemptAllPending() will take them
    QMetaObject::invokeMethod(
        this, [this] { process(false); }, Qt::QueuedConnection);
}

void OutboxDispatcher::attemptAllPending(std::function<void()> done)
{
    m_roundCallbacks.append(std::move(done));
    if (m_busy) {
        // The round in progress does not cover deliveries it skipped as not due: run a full one after it.
        m_again = true;
        m_queue.clear();
        return;
    }
    process(true);
}

void OutboxDispatcher::releaseSending()
{
    if (!m_sendingHeld)
        return;
    m_sendingHeld = false;
    if (m_active || !m_roundCallbacks.isEmpty())
        process(!m_roundCallbacks.isEmpty());
}

void OutboxDispatcher::process(bool ignoreSchedule)
{
    if (m_sendingHeld)
        return; // releaseSending() runs the round
    if (m_busy) {
        m_again = true;
        return;
    }
    const QDateTime now = m_clock.now();
    const auto pending = m_repository.pendingIgnoringBackoff(now);
    if (!pending.ok()) {
        qCWarning(lcAlerts) << "Could not read the outbox:" << pending.error().message;
        finishRound();
        return;
    }
    m_queue.clear();
    for (const Delivery &delivery : pending.value()) {
        if (!m_channels.value(delivery.channel))
            continue;
        // A start follows a crash, a reboot or an outage: a channel's first round tries everything once.
        const bool firstRound = m_active && !m_retriedOnStart.contains(delivery.channel);
        if (ignoreSchedule || firstRound || delivery.nextAttemptAt <= now)
            m_queue.append(delivery);
    }
    if (m_active) {
        for (const QString &id : channelIds())
            m_retriedOnStart.insert(id);
    }
    m_busy = true;
    sendNext();
}

void OutboxDispatcher::sendNext()
{
    if (m_queue.isEmpty()) {
        m_busy = false;
        finishRound();
        return;
    }
    const Delivery delivery = m_queue.takeFirst();
    AlertChannel *channel = m_channels.value(delivery.channel);
    if (!channel || !claim(delivery) || !passesGate(delivery)) {
        QMetaObject::invokeMethod(this, &OutboxDispatcher::sendNext, Qt::QueuedConnection);
        return;
    }
    const auto message = m_repository.message(delivery.alertId);
    if (!message.ok()) {
        record(delivery, DeliveryResult::failed(message.error().message));
        QMetaObject::invokeMethod(this, &OutboxDispatcher::sendNext, Qt::QueuedConnection);
        return;
    }
    channel->send(forDelivery(message.value(), delivery), this, [this, delivery](DeliveryResult result) {
        record(delivery, result);
        sendNext();
    });
}

bool OutboxDispatcher::passesGate(const Delivery &delivery)
{
    if (!m_gate || delivery.escalationStep == 0)
        return true;
    const EscalationGate::Verdict verdict = m_gate->check(delivery, m_ownerId);
    if (verdict == EscalationGate::Verdict::Cancelled)
        announceAlertChanged(delivery.alertId);
    return verdict == EscalationGate::Verdict::Send;
}

AlertMessage OutboxDispatcher::forDelivery(AlertMessage message, const Delivery &delivery) const
{
    message.alertId = delivery.alertId;
    message.escalationStep = delivery.escalationStep;
    message.urgent = delivery.urgent;
    if (m_ackCodes && message.kind == AlertMessage::Kind::Breach) {
        message.ackCode = m_ackCodes->codeFor(delivery.alertId);
        if (m_publicDashboardUrl.isValid()) {
            QUrl url = m_publicDashboardUrl;
            QString path = url.path();
            if (!path.endsWith(QLatin1Char('/')))
                path += QLatin1Char('/');
            url.setPath(path + QStringLiteral("ack/") + message.ackCode);
            message.ackUrl = url;
        }
    }
    return message;
}

bool OutboxDispatcher::claim(const Delivery &delivery)
{
    const QDateTime now = m_clock.now();
    const auto claimed =
        m_repository.claim(delivery, m_ownerId, now, now.addSecs(m_options.claimLease.count()));
    if (!claimed.ok()) {
        qCWarning(lcAlerts) << "Could not claim a delivery:" << claimed.error().message;
        return false;
    }
    if (!claimed.value()) {
        qCDebug(lcAlerts).noquote() << QStringLiteral("Alert %1 on %2 is being sent by another dispatcher")
                                           .arg(delivery.alertId)
                                           .arg(delivery.channel);
    }
    return claimed.value();
}

void OutboxDispatcher::record(const Delivery &delivery, const DeliveryResult &result)
{
    const QDateTime now = m_clock.now();
    Status saved = success();
    switch (result.outcome) {
    case DeliveryResult::Outcome::Delivered:
        saved = m_repository.markDelivered(delivery.id, m_ownerId, now);
        qCInfo(lcAlerts).noquote()
            << QStringLiteral("Alert %1 delivered by %2").arg(delivery.alertId).arg(delivery.channel);
        break;
    case DeliveryResult::Outcome::RetryLater: {
        auto delay = backoff(delivery.attempts + 1, m_options);
        // ±10% jitter, so many deliveries that failed together do not all come back at once.
        delay += std::chrono::seconds(
            qint64(double(delay.count()) * (QRandomGenerator::global()->generateDouble() - 0.5) * 0.2));
        if (result.retryAfter)
            delay = std::max<std::chrono::seconds>(*result.retryAfter, std::chrono::seconds(1));
        // A server may ask for a day (Retry-After); a stop-loss breach a day late is useless. Our own cap
        // bounds every wait, so the outbox retries at least hourly.
        delay = std::min<std::chrono::seconds>(delay, m_options.maximumRetry);
        saved =
            m_repository.markRetry(delivery.id, m_ownerId, now, now.addSecs(delay.count()), result.reason);
        qCWarning(lcAlerts).noquote()
            << QStringLiteral("Alert %1 not delivered by %2 (attempt %3), retrying in %4 s: %5")
                   .arg(delivery.alertId)
                   .arg(delivery.channel)
                   .arg(delivery.attempts + 1)
                   .arg(delay.count())
                   .arg(result.reason);
        break;
    }
    case DeliveryResult::Outcome::Failed:
        saved = m_repository.markFailed(delivery.id, m_ownerId, now, result.reason);
        qCWarning(lcAlerts).noquote() << QStringLiteral("Alert %1 failed for good on %2: %3")
                                             .arg(delivery.alertId)
                                             .arg(delivery.channel, result.reason);
        break;
    }
    if (!saved.ok())
        qCWarning(lcAlerts) << "Could not record a delivery:" << saved.error().message;
    Q_EMIT deliveryFinished(delivery, result);
}

void OutboxDispatcher::finishRound()
{
    if (m_again) {
        m_again = false;
        process(!m_roundCallbacks.isEmpty());
        return;
    }
    const auto callbacks = std::exchange(m_roundCallbacks, {});
    for (const auto &callback : callbacks)
        callback();
    if (m_active)
        scheduleWake();
    Q_EMIT idle();
}

void OutboxDispatcher::scheduleWake()
{
    const auto next = m_repository.nextDueAt();
    if (!next.ok() || !next.value()) {
        m_timer->stop();
        return;
    }
    const QDateTime now = m_clock.now();
    qint64 waitMs = now.msecsTo(*next.value());
    // Due already, yet not sent: its channel is not configured now. Look again later, not in a loop.
    if (waitMs <= 0)
        waitMs = std::chrono::milliseconds(m_options.unavailableChannelRecheck).count();
    m_timer->start(std::chrono::milliseconds(waitMs));
}

} // namespace trailguard
