#include "alerts/AlertOutbox.h"

#include "alerts/AlertFormatter.h"
#include "alerts/AlertsLogging.h"

#include <algorithm>

namespace trailguard {

AlertOutbox::AlertOutbox(AlertRepository &repository, OutboxDispatcher &dispatcher, const Clock &clock)
    : m_repository(repository)
    , m_dispatcher(dispatcher)
    , m_clock(clock)
{}

Status AlertOutbox::recordBreach(const Breach &breach, const QString &currency)
{
    const QStringList channels = channelsFor({}, {});
    const QDateTime now = m_clock.now();
    return store(AlertFormatter::breach(breach, currency, now), channels, escalationSteps(channels, now));
}

Status AlertOutbox::recordRuleAlert(const RuleAlert &alert)
{
    const QStringList channels = channelsFor({}, {});
    const QDateTime now = m_clock.now();
    return store(AlertFormatter::rule(alert, now), channels, escalationSteps(channels, now));
}

Status AlertOutbox::record(const AlertMessage &message, const QString &excludedChannel,
                           const QStringList &onlyChannels)
{
    return store(message, channelsFor(excludedChannel, onlyChannels), {});
}

QStringList AlertOutbox::channelsFor(const QString &excludedChannel, const QStringList &onlyChannels) const
{
    QStringList channels = m_channelIds ? *m_channelIds : m_dispatcher.channelIds();
    channels.removeAll(excludedChannel);
    if (!onlyChannels.isEmpty()) {
        channels.erase(std::remove_if(channels.begin(), channels.end(),
                                      [&](const QString &id) { return !onlyChannels.contains(id); }),
                       channels.end());
    }
    return channels;
}

QList<PlannedDelivery> AlertOutbox::escalationSteps(const QStringList &channels,
                                                    const QDateTime &raisedAt) const
{
    QList<PlannedDelivery> planned;
    const QList<EscalationPolicy::Step> steps = m_escalation.schedule();
    for (qsizetype index = 0; index < steps.size(); ++index) {
        const int stepNumber = int(index) + 1;
        for (const EscalationPolicy::Target &target : steps.at(index).targets) {
            if (!channels.contains(target.channel)) {
                qCInfo(lcAlerts).noquote()
                    << QStringLiteral("Escalation step %1 skips %2: the channel is not configured")
                           .arg(stepNumber)
                           .arg(target.channel);
                continue;
            }
            planned.append(
                {target.channel, stepNumber, target.urgent, raisedAt.addSecs(steps.at(index).delay.count())});
        }
    }
    return planned;
}

Status AlertOutbox::store(const AlertMessage &message, const QStringList &channels,
                          const QList<PlannedDelivery> &escalations)
{
    const QDateTime now = m_clock.now();
    const QDateTime heldUntil =
        message.kind == AlertMessage::Kind::Breach ? QDateTime() : m_quietHours.holdUntil(now);
    const auto stored = m_repository.enqueue(message, channels, now, heldUntil, escalations);
    if (!stored.ok())
        return stored.error();
    m_dispatcher.wake(); // queued: it runs after the caller's transaction is committed
    m_dispatcher.announceAlertChanged(stored.value());
    return success();
}

} // namespace trailguard
