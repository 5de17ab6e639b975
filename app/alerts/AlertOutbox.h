#pragma once

#include "alerts/OutboxDispatcher.h"
#include "alerts/QuietHours.h"
#include "alerts/escalation/EscalationPolicy.h"
#include "domain/RuleAlert.h"
#include "domain/StockState.h"
#include "storage/AlertRepository.h"

#include <optional>

namespace trailguard {

// Turns breaches (and, later, health alerts and digests) into outbox rows: one alert and one pending
// delivery per enabled channel. record() joins the caller's transaction, so the monitor stores a breach
// together with the stock state that raised it; the dispatcher is woken after that commits.
class AlertOutbox {
public:
    AlertOutbox(AlertRepository &repository, OutboxDispatcher &dispatcher, const Clock &clock);

    // Digests and health alerts raised during quiet hours are held until they end; breaches never are.
    void setQuietHours(const QuietHours &quietHours) { m_quietHours = quietHours; }
    // A breach or rule alert is recorded with its escalation steps (EscalationPolicy::schedule()), each due
    // at its delay after the alert, through the channels of the step that are configured now.
    void setEscalationPolicy(const EscalationPolicy &policy) { m_escalation = policy; }
    const EscalationPolicy &escalationPolicy() const { return m_escalation; }

    // The channels a new alert is recorded for. By default the dispatcher's; the window gives the channels
    // its stored settings turn on, so an alert is recorded for a channel whose secret is not read yet.
    void setChannelIds(const QStringList &channelIds) { m_channelIds = channelIds; }

    Status recordBreach(const Breach &breach, const QString &currency);
    // An alert rule that fired: like a breach, never held back by quiet hours.
    Status recordRuleAlert(const RuleAlert &alert);
    // Through every channel but `excludedChannel` (a health alert about that channel goes to the others),
    // and, when `onlyChannels` is given, only through those of them (the digest: email and ntfy).
    Status record(const AlertMessage &message, const QString &excludedChannel = {},
                  const QStringList &onlyChannels = {});

    OutboxDispatcher &dispatcher() const { return m_dispatcher; }

private:
    QStringList channelsFor(const QString &excludedChannel, const QStringList &onlyChannels) const;
    QList<PlannedDelivery> escalationSteps(const QStringList &channels, const QDateTime &raisedAt) const;
    Status store(const AlertMessage &message, const QStringList &channels,
                 const QList<PlannedDelivery> &escalations);

    AlertRepository &m_repository;
    OutboxDispatcher &m_dispatcher;
    const Clock &m_clock;
    QuietHours m_quietHours;
    EscalationPolicy m_escalation;
    std::optional<QStringList> m_channelIds;
};

} // namespace trailguard
