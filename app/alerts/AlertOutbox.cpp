#include "alerts/AlertOutbox.h"

#include "alerts/AlertFormatter.h"

#include <algorithm>

namespace trailguard {

AlertOutbox::AlertOutbox(AlertRepository &repository, OutboxDispatcher &dispatcher, const Clock &clock)
    : m_repository(repository)
    , m_dispatcher(dispatcher)
    , m_clock(clock)
{}

Status AlertOutbox::recordBreach(const Breach &breach, const QString &currency)
{
    return record(AlertFormatter::breach(breach, currency, m_clock.now()));
}

Status AlertOutbox::recordRuleAlert(const RuleAlert &alert)
{
    return record(AlertFormatter::rule(alert, m_clock.now()));
}

Status AlertOutbox::record(const AlertMessage &message, const QString &excludedChannel,
                           const QStringList &onlyChannels)
{
    QStringList channels = m_channelIds ? *m_channelIds : m_dispatcher.channelIds();
    channels.removeAll(excludedChannel);
    if (!onlyChannels.isEmpty()) {
        channels.erase(std::remove_if(channels.begin(), channels.end(),
                                      [&](const QString &id) { return !onlyChannels.contains(id); }),
                       channels.end());
    }
    const QDateTime now = m_clock.now();
    const QDateTime heldUntil =
        message.kind == AlertMessage::Kind::Breach ? QDateTime() : m_quietHours.holdUntil(now);
    const auto stored = m_repository.enqueue(message, channels, now, heldUntil);
    if (!stored.ok())
        return stored.error();
    m_dispatcher.wake(); // queued: it runs after the caller's transaction is committed
    m_dispatcher.announceAlertChanged(stored.value());
    return success();
}

} // namespace trailguard
