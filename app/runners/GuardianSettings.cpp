#include "runners/GuardianSettings.h"

#include "alerts/AlertOutbox.h"
#include "alerts/ChannelSettings.h"
#include "alerts/DailyDigest.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/escalation/EscalationGate.h"
#include "monitor/BrokerSession.h"
#include "monitor/StreamSession.h"
#include "runners/DemoSetup.h"
#include "runners/RunnersLogging.h"
#include "settings/Settings.h"

namespace trailguard::Runners {

GuardianSettings::GuardianSettings(const Settings &settings, const Cli::GlobalOptions &global, Scope scope)
    : m_settings(settings)
    , m_global(global)
    , m_scope(scope)
{}

std::chrono::seconds GuardianSettings::startInterval() const
{
    if (m_global.intervalSeconds)
        return std::chrono::seconds(*m_global.intervalSeconds);
    if (m_global.demo)
        return std::chrono::seconds(DemoSetup::kIntervalSeconds);
    return m_settings.checkInterval();
}

bool GuardianSettings::streamingWanted(const StreamSession *stream) const
{
    return stream && !m_global.noStream && m_settings.useStreaming();
}

Status GuardianSettings::useEscalationFromEnvironment(const QProcessEnvironment &environment)
{
    const QString variable = QStringLiteral("TRAILGUARD_ESCALATION");
    if (!environment.contains(variable)) {
        const Result<EscalationPolicy> stored = EscalationPolicy::parse(m_settings.escalationPolicy());
        return stored.ok() ? success() : Status(stored.error());
    }
    Result<EscalationPolicy> policy = EscalationPolicy::parse(environment.value(variable));
    if (!policy.ok())
        return Error{ErrorCode::InvalidSetting, variable + QStringLiteral(": ") + policy.error().message};
    m_escalationOverride = std::move(policy).value();
    return success();
}

EscalationPolicy GuardianSettings::escalationPolicy() const
{
    if (m_escalationOverride)
        return *m_escalationOverride;
    Result<EscalationPolicy> stored = EscalationPolicy::parse(m_settings.escalationPolicy());
    if (!stored.ok()) {
        qCWarning(lcRunners).noquote() << stored.error().message << "Alerts do not escalate.";
        return {};
    }
    return std::move(stored).value();
}

void GuardianSettings::applyAtOpen(Targets targets)
{
    Monitor &monitor = targets.session.monitor();
    monitor.setInterval(startInterval());
    m_appliedInterval = m_settings.checkInterval();
    // Scheduled checks only while a watched market is open (--once and Check Now always check); the demo
    // market trades whenever the demo runs.
    targets.session.enableMarketHours(!m_global.demo && m_settings.marketHoursOnly(),
                                      m_settings.closeGraceMinutes());
    applyShared(targets);
}

bool GuardianSettings::follows(const QString &key)
{
    return key.startsWith(u"monitor/") || key.startsWith(u"quotes/") || key.startsWith(u"alerts/") ||
           key == QLatin1String("web/publicUrl");
}

void GuardianSettings::followChanges(std::function<Targets()> targets)
{
    m_pendingChanges.setSingleShot(true);
    m_pendingChanges.setInterval(0);
    QObject::connect(&m_pendingChanges, &QTimer::timeout, [this, targets] { applyChanges(targets()); });
    QObject::connect(&m_settings, &Settings::changed, &m_pendingChanges, [this](const QString &key) {
        if (follows(key))
            m_pendingChanges.start();
    });
}

void GuardianSettings::applyChanges(Targets targets)
{
    m_pendingChanges.stop();
    Monitor &monitor = targets.session.monitor();
    // --interval wins; otherwise a changed interval applies at once (a demo keeps its own until then).
    if (!m_global.intervalSeconds && m_settings.checkInterval() != m_appliedInterval)
        monitor.setInterval(m_settings.checkInterval());
    m_appliedInterval = m_settings.checkInterval();
    if (!m_global.demo) {
        targets.session.marketHours().setGracePeriod(m_settings.closeGraceMinutes());
        monitor.setPollOnlyWhileOpen(m_settings.marketHoursOnly());
    }
    applyShared(targets);
    if (targets.stream) {
        if (streamingWanted(targets.stream))
            targets.stream->start();
        else
            targets.stream->stop();
    }
}

void GuardianSettings::applyShared(Targets targets)
{
    Monitor &monitor = targets.session.monitor();
    monitor.setRepeatPolicy(m_settings.repeatPolicy());
    monitor.setIncludeExtendedHours(m_settings.includeExtendedHours());
    targets.outbox.setQuietHours(ChannelSettings::quietHours(m_settings));
    const EscalationPolicy escalation = escalationPolicy();
    if (escalation != targets.outbox.escalationPolicy())
        qCInfo(lcRunners).noquote() << "Escalation policy:" << escalation.text();
    targets.outbox.setEscalationPolicy(escalation);
    if (targets.gate)
        targets.gate->setMarketHoursOnly(escalation.marketHoursOnly());
    if (targets.dispatcher) // the one-time links in mails and ntfy's buttons (TRAILGUARD_PUBLIC_URL wins)
        targets.dispatcher->setPublicDashboardUrl(m_settings.webPublicUrl());
    if (m_scope != Scope::Once)
        targets.digest.setOptions(ChannelSettings::digestOptions(m_settings));
    // The window records an alert for every channel its settings turn on, whether or not that channel's
    // secret has been read yet: a keychain that is slow or failing delays deliveries, never loses them.
    if (m_scope == Scope::Window)
        targets.outbox.setChannelIds(ChannelSettings::enabledChannelIds(m_settings));
}

} // namespace trailguard::Runners
