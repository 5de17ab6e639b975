#pragma once

#include "alerts/ChannelFactory.h"
#include "alerts/ChannelSettings.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <vector>

class QNetworkAccessManager;

namespace trailguard {
class OutboxDispatcher;
class SecretRedactor;
class SecretStore;
class Settings;
} // namespace trailguard

namespace trailguard::Runners {

// The alert channels the dispatcher sends through: set once from the environment (headless) or read from
// the window's settings and the secret store, again after every settings change. A channel whose secret
// the keychain cannot give yet is read again every `keychainRetry`; its deliveries wait meanwhile.
class GuardianChannels : public QObject {
    Q_OBJECT
public:
    GuardianChannels(OutboxDispatcher &dispatcher, Settings &settings, SecretStore &secrets,
                     QNetworkAccessManager *network, SecretRedactor &redactor,
                     std::chrono::milliseconds keychainRetry, QObject *parent = nullptr);
    ~GuardianChannels() override;

    // Replaces the channels; the old ones live on until the dispatcher is idle (a channel destroyed during
    // its send would never call the dispatcher back).
    void setChannels(ChannelSet channels);
    // Reads the window's channels from the settings and the secret store, then starts the dispatcher (the
    // first time) or wakes it (later loads only add channels, whose deliveries are due already).
    void loadFromSettings();
    // The enabled channels whose secret could not be read yet.
    QStringList waitingForKeychain() const { return m_waitingForKeychain; }

Q_SIGNALS:
    void settingsLoaded(const trailguard::ChannelSettingsData &data);
    void problem(const QString &message);
    void waitingForKeychainChanged(const QStringList &channelIds);
    // setChannels() gave the dispatcher these (GuardianNtfyAck completes the ntfy one).
    void channelsChanged(const QList<trailguard::AlertChannel *> &channels);

private:
    void dropRetiredWhenIdle();
    void setWaitingForKeychain(const QStringList &channelIds, const QString &readError);

    OutboxDispatcher &m_dispatcher;
    Settings &m_settings;
    SecretStore &m_secrets;
    QNetworkAccessManager *m_network;
    SecretRedactor &m_redactor;
    std::chrono::milliseconds m_keychainRetryInterval;
    ChannelSet m_channels;
    std::vector<ChannelSet> m_retired;
    bool m_dispatcherStarted = false;
    QStringList m_waitingForKeychain;
    QTimer m_keychainRetry;
};

} // namespace trailguard::Runners
