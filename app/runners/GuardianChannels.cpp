#include "runners/GuardianChannels.h"
#include "runners/RunnersLogging.h"

#include "alerts/OutboxDispatcher.h"

#include <QCoreApplication>

namespace trailguard::Runners {

namespace {
class GuardianChannelStrings {
    Q_DECLARE_TR_FUNCTIONS(Guardian)
};
} // namespace

GuardianChannels::GuardianChannels(OutboxDispatcher &dispatcher, Settings &settings, SecretStore &secrets,
                                   QNetworkAccessManager *network, SecretRedactor &redactor,
                                   std::chrono::milliseconds keychainRetry, QObject *parent)
    : QObject(parent)
    , m_dispatcher(dispatcher)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_network(network)
    , m_redactor(redactor)
    , m_keychainRetryInterval(keychainRetry)
{
    m_keychainRetry.setSingleShot(true);
    connect(&m_keychainRetry, &QTimer::timeout, this, &GuardianChannels::loadFromSettings);
    connect(&m_dispatcher, &OutboxDispatcher::idle, this, [this] {
        // Later: idle may be emitted from inside a retired channel's callback.
        QMetaObject::invokeMethod(this, &GuardianChannels::dropRetiredWhenIdle, Qt::QueuedConnection);
    });
}

GuardianChannels::~GuardianChannels() = default;

void GuardianChannels::dropRetiredWhenIdle()
{
    if (!m_dispatcher.isBusy())
        m_retired.clear();
}

void GuardianChannels::setChannels(ChannelSet channels)
{
    m_retired.push_back(std::move(m_channels));
    m_channels = std::move(channels);
    m_dispatcher.setChannels(m_channels.pointers());
    Q_EMIT channelsChanged(m_channels.pointers());
    dropRetiredWhenIdle();
}

void GuardianChannels::loadFromSettings()
{
    m_keychainRetry.stop();
    ChannelSettings::loadForSending(m_settings, m_secrets, this, [this](SendingChannelSettings loaded) {
        Q_EMIT settingsLoaded(loaded.data);
        ChannelSet channels = channelsFromSettings(loaded.data, m_network, &m_redactor);
        if (!channels.problems.isEmpty())
            Q_EMIT problem(channels.problems.join(QLatin1Char(' ')));
        setChannels(std::move(channels));
        setWaitingForKeychain(loaded.unreadable, loaded.readError);
        // The first start sends everything pending (earlier runs, breaches recorded while loading); later
        // loads only add channels, whose deliveries are due already, and keep every backoff.
        if (!m_dispatcherStarted) {
            m_dispatcherStarted = true;
            m_dispatcher.start();
        } else {
            m_dispatcher.wake();
        }
    });
}

void GuardianChannels::setWaitingForKeychain(const QStringList &channelIds, const QString &readError)
{
    if (!channelIds.isEmpty()) {
        if (channelIds != m_waitingForKeychain)
            qCWarning(lcRunners).noquote() << "Waiting for the keychain for"
                                           << channelIds.join(QStringLiteral(", ")) << "-" << readError;
        Q_EMIT problem(
            GuardianChannelStrings::tr("Waiting for the keychain: the secret of %1 cannot be read yet (%2). "
                                       "Its alerts are kept and sent as soon as it can be read.")
                .arg(channelIds.join(QStringLiteral(", ")), readError));
        m_keychainRetry.start(m_keychainRetryInterval);
    }
    if (channelIds == m_waitingForKeychain)
        return;
    m_waitingForKeychain = channelIds;
    Q_EMIT waitingForKeychainChanged(channelIds);
}

} // namespace trailguard::Runners
