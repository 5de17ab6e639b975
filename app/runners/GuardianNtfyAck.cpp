#include "runners/GuardianNtfyAck.h"
#include "runners/GuardianChannels.h"

#include "alerts/webhooks/NtfyAckListener.h"
#include "alerts/webhooks/NtfyChannel.h"
#include "runners/RunnersLogging.h"
#include "secrets/Redact.h"
#include "secrets/SecretStore.h"
#include "settings/Settings.h"
#include "storage/GuardianStateRepository.h"

namespace trailguard::Runners {

GuardianNtfyAck::GuardianNtfyAck(Parts parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_listener(
          std::make_unique<NtfyAckListener>(parts.network, parts.clock, parts.state, parts.acknowledger))
{
    if (const QString problem = m_parts.settings.webPublicUrlProblem(); !problem.isEmpty())
        qCWarning(lcRunners).noquote() << "No acknowledgement links:" << problem;
}

GuardianNtfyAck::~GuardianNtfyAck() = default;

void GuardianNtfyAck::follow(GuardianChannels &channels)
{
    connect(&channels, &GuardianChannels::channelsChanged, this, &GuardianNtfyAck::channelsChanged);
    connect(&m_parts.settings, &Settings::changed, this, [this](const QString &key) {
        if (key == QLatin1String("web/publicUrl"))
            settingsChanged();
    });
}

void GuardianNtfyAck::channelsChanged(const QList<AlertChannel *> &channels)
{
    m_channel = nullptr;
    for (AlertChannel *channel : channels) {
        if (auto *ntfy = qobject_cast<NtfyChannel *>(channel))
            m_channel = ntfy;
    }
    if (!m_channel) {
        m_listener->stop();
        return;
    }
    connect(m_channel, &NtfyChannel::replyButtonOffered, this, &GuardianNtfyAck::replyButtonOffered,
            Qt::UniqueConnection);
    withAckTopic();
}

void GuardianNtfyAck::settingsChanged()
{
    if (m_channel)
        apply();
}

// The ack topic from the secret store, made and stored the first time.
void GuardianNtfyAck::withAckTopic()
{
    const QString topic = m_channel->config().topic;
    if (!m_ackTopic.isEmpty())
        return apply();
    apply(); // the dashboard URL at once; the reply button once the topic is read
    if (m_reading)
        return;
    m_reading = true;
    m_parts.secrets.read(NtfyConfig::ackTopicSecretKey(), this, [this, topic](Result<QByteArray> read) {
        m_reading = false;
        const QString stored = read.ok() ? QString::fromUtf8(read.value()) : QString();
        if (read.ok() && NtfyConfig::isValidTopic(stored)) {
            m_ackTopic = stored;
            return apply();
        }
        if (!read.ok() && read.error().code != ErrorCode::SecretNotFound) {
            qCWarning(lcRunners).noquote()
                << "ntfy's Acknowledge button cannot reply: the ack topic cannot be read:"
                << read.error().message;
            return;
        }
        const QString made = NtfyConfig::newAckTopic(topic);
        m_parts.secrets.write(
            NtfyConfig::ackTopicSecretKey(), made.toUtf8(), this, [this, made](Status written) {
                if (!written.ok()) {
                    qCWarning(lcRunners).noquote()
                        << "ntfy's Acknowledge button cannot reply: the ack topic cannot be kept:"
                        << written.error().message;
                    return;
                }
                m_ackTopic = made;
                apply();
            });
    });
}

void GuardianNtfyAck::apply()
{
    if (!m_channel)
        return;
    NtfyConfig config = m_channel->config();
    config.dashboardUrl = m_parts.settings.webPublicUrl();
    config.ackTopic = m_ackTopic;
    if (!m_ackTopic.isEmpty())
        m_parts.redactor.addSecret(m_ackTopic.toUtf8());
    m_channel->setConfig(config);
    const bool replies =
        config.effectiveAckMode() == NtfyConfig::AckMode::Reply && !config.ackTopic.isEmpty();
    if (!replies || !m_parts.listen) {
        m_listener->stop();
        return;
    }
    if (armed())
        m_listener->start(config); // (re)subscribes: the server, token or topic may have changed
    else
        m_listener->stop();
}

bool GuardianNtfyAck::armed() const
{
    const Result<std::optional<QString>> stored = m_parts.state.value(armedKey());
    return stored.ok() && stored.value().has_value();
}

void GuardianNtfyAck::replyButtonOffered()
{
    if (armed())
        return;
    if (const Status kept = m_parts.state.setValue(armedKey(), QStringLiteral("1")); !kept.ok())
        qCWarning(lcRunners).noquote() << "ntfy acknowledgements:" << kept.error().message;
    qCInfo(lcRunners) << "A breach offered ntfy's Acknowledge button: listening on the ack topic";
    apply();
}

} // namespace trailguard::Runners
