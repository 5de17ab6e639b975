#include "runners/GuardianAlerts.h"
#include "runners/RunnersLogging.h"

#include "alerts/AlertOutbox.h"
#include "alerts/DailyDigest.h"
#include "alerts/HealthWatch.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "alerts/escalation/EscalationGate.h"
#include "monitor/BrokerSession.h"
#include "monitor/RuleWatch.h"
#include "runners/GuardianChannels.h"
#include "runners/GuardianNtfyAck.h"
#include "runners/GuardianTelegram.h"
#include "runners/GuardianWiring.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/GuardianStateRepository.h"

namespace trailguard::Runners {

GuardianAlerts::GuardianAlerts(Needs needs, QObject *parent)
    : QObject(parent)
    , m_needs(std::move(needs))
{}

GuardianAlerts::~GuardianAlerts()
{
    stop();
}

Status GuardianAlerts::openOutbox()
{
    const Clock &clock = m_needs.clock;
    m_alerts = std::make_unique<AlertRepository>(m_needs.database.connection());
    if (const Result<int> freed = m_alerts->releaseAllClaims(); !freed.ok())
        return freed.error();
    else if (freed.value() > 0)
        qCInfo(lcRunners) << "Deliveries left claimed by a process that ended mid-send are due again:"
                          << freed.value();
    m_dispatcher = std::make_unique<OutboxDispatcher>(*m_alerts, clock);
    m_outbox = std::make_unique<AlertOutbox>(*m_alerts, *m_dispatcher, clock);
    m_acknowledger = std::make_unique<AlertAcknowledger>(*m_alerts, *m_dispatcher, clock);
    m_gate = std::make_unique<EscalationGate>(m_needs.database.connection(), clock);
    GuardianWiring::wireEscalation(*m_gate, *m_dispatcher, *m_acknowledger,
                                   m_needs.demo ? nullptr : &m_needs.session);
    GuardianWiring::loadAckCodes(m_needs.secrets, this, *m_dispatcher, *m_acknowledger);
    m_digest = std::make_unique<DailyDigest>(m_needs.watchlist, *m_outbox, clock);
    m_health = std::make_unique<HealthWatch>(*m_outbox, clock);
    GuardianWiring::wireHealth(*m_health, m_needs.session);
    // A --once run ends after its cycle: it reads the rules' days in place rather than on a worker.
    m_ruleWatch = std::make_unique<RuleWatch>(m_needs.database.connection(),
                                              m_needs.longRunning ? RuleWatch::Reading::OnWorker
                                                                  : RuleWatch::Reading::InPlace);
    GuardianWiring::recordAlerts(m_needs.session, *m_outbox, *m_ruleWatch);
    return success();
}

Status GuardianAlerts::openChannels(std::function<QString()> telegramStatus)
{
    QNetworkAccessManager *network = &m_needs.session.network();
    m_channels = std::make_unique<GuardianChannels>(*m_dispatcher, m_needs.settings, m_needs.secrets, network,
                                                    m_needs.redactor, m_needs.keychainRetry);
    connect(m_channels.get(), &GuardianChannels::settingsLoaded, this,
            &GuardianAlerts::channelSettingsLoaded);
    connect(m_channels.get(), &GuardianChannels::problem, this, &GuardianAlerts::channelProblem);
    connect(m_channels.get(), &GuardianChannels::waitingForKeychainChanged, this,
            &GuardianAlerts::waitingForKeychainChanged);
    m_guardianState = std::make_unique<GuardianStateRepository>(m_needs.database.connection());
    m_ntfyAck = std::make_unique<GuardianNtfyAck>(
        GuardianNtfyAck::Parts{m_needs.settings, m_needs.secrets, network, m_needs.clock, *m_guardianState,
                               *m_acknowledger, m_needs.redactor, m_needs.longRunning});
    m_ntfyAck->follow(*m_channels);
    if (m_needs.longRunning) {
        m_telegram = std::make_unique<GuardianTelegram>(*m_acknowledger, m_needs.watchlist,
                                                        m_needs.database.connection(), network,
                                                        std::move(telegramStatus));
        connect(m_channels.get(), &GuardianChannels::channelsChanged, m_telegram.get(),
                &GuardianTelegram::follow);
    }
    if (!m_needs.window) {
        ChannelSet channels = channelsFromEnvironment(m_needs.environment, network, &m_needs.redactor);
        if (!channels.problems.isEmpty())
            return Error{ErrorCode::InvalidSetting, channels.problems.join(QLatin1Char('\n'))};
        m_channels->setChannels(std::move(channels));
    }
    return success();
}

QStringList GuardianAlerts::waitingForKeychain() const
{
    return m_channels ? m_channels->waitingForKeychain() : QStringList{};
}

void GuardianAlerts::startTelegram()
{
    if (m_telegram)
        m_telegram->start();
}

void GuardianAlerts::stop()
{
    if (m_dispatcher)
        m_dispatcher->stop();
    if (m_telegram)
        m_telegram->stop();
}

AlertRepository &GuardianAlerts::alerts()
{
    return *m_alerts;
}
OutboxDispatcher &GuardianAlerts::dispatcher()
{
    return *m_dispatcher;
}
AlertOutbox &GuardianAlerts::outbox()
{
    return *m_outbox;
}
AlertAcknowledger &GuardianAlerts::acknowledger()
{
    return *m_acknowledger;
}
EscalationGate &GuardianAlerts::gate()
{
    return *m_gate;
}
HealthWatch &GuardianAlerts::health()
{
    return *m_health;
}
DailyDigest &GuardianAlerts::digest()
{
    return *m_digest;
}
GuardianChannels &GuardianAlerts::channels()
{
    return *m_channels;
}

} // namespace trailguard::Runners
