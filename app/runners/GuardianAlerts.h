#pragma once

#include "alerts/ChannelFactory.h"
#include "alerts/ChannelSettings.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QObject>
#include <QProcessEnvironment>

#include <chrono>
#include <functional>
#include <memory>

namespace trailguard {
class AlertAcknowledger;
class AlertOutbox;
class AlertRepository;
class BrokerSession;
class DailyDigest;
class Database;
class EscalationGate;
class GuardianStateRepository;
class HealthWatch;
class OutboxDispatcher;
class RuleWatch;
class SecretRedactor;
class SecretStore;
class Settings;
class WatchlistService;
} // namespace trailguard

namespace trailguard::Runners {
class GuardianChannels;
class GuardianNtfyAck;
class GuardianTelegram;

// The guardian's alerting side, built by GuardianCore: every breach is stored with its deliveries in the
// cycle's transaction (the outbox), then sent and retried by the dispatcher through the channels; escalation
// steps wait on the gate; every acknowledgement (tray, ntfy, Telegram, email, web, CLI) goes through the
// acknowledger; the health watch and the daily digest raise their own alerts. Built in two steps so the core
// can apply its settings between them (the settings reach the outbox before any channel exists).
class GuardianAlerts : public QObject {
    Q_OBJECT
public:
    struct Needs {
        Database &database;
        Settings &settings;
        WatchlistService &watchlist;
        BrokerSession &session;
        SecretStore &secrets;
        SecretRedactor &redactor;
        const Clock &clock;
        QProcessEnvironment environment;
        bool demo = false;
        bool window = false;      // channels from the settings (else from the environment, fatal if wrong)
        bool longRunning = false; // not `--once`: the Telegram bot, the ntfy ack listener, rules on a worker
        std::chrono::milliseconds keychainRetry{30'000};
    };

    explicit GuardianAlerts(Needs needs, QObject *parent = nullptr);
    ~GuardianAlerts() override;

    // The outbox and everything that raises or acknowledges alerts. Deliveries left claimed by a process that
    // died are due again (this process holds the folder's lock).
    Status openOutbox();
    // The channels, the ntfy acknowledgements and the Telegram bot. Outside the window, a misconfigured
    // channel in the environment is an error: silence would be worse.
    Status openChannels(std::function<QString()> telegramStatus);

    // The enabled channels whose secret the keychain could not give yet (none before openChannels()).
    QStringList waitingForKeychain() const;
    void startTelegram();
    void stop();

    AlertRepository &alerts();
    OutboxDispatcher &dispatcher();
    AlertOutbox &outbox();
    AlertAcknowledger &acknowledger();
    EscalationGate &gate();
    HealthWatch &health();
    DailyDigest &digest();
    GuardianChannels &channels();

Q_SIGNALS:
    // GuardianChannels' own, passed on from the moment openChannels() builds it (see GuardianCore's).
    void channelSettingsLoaded(const trailguard::ChannelSettingsData &data);
    void channelProblem(const QString &message);
    void waitingForKeychainChanged(const QStringList &channelIds);

private:
    Needs m_needs;
    // Declared in the order they are built; destroyed in reverse.
    std::unique_ptr<AlertRepository> m_alerts;
    std::unique_ptr<OutboxDispatcher> m_dispatcher;
    std::unique_ptr<AlertOutbox> m_outbox;
    std::unique_ptr<AlertAcknowledger> m_acknowledger;
    std::unique_ptr<EscalationGate> m_gate; // whether an escalation step is still needed
    std::unique_ptr<DailyDigest> m_digest;
    std::unique_ptr<HealthWatch> m_health;
    std::unique_ptr<RuleWatch> m_ruleWatch; // the alert rules beside the stops, evaluated by the monitor
    std::unique_ptr<GuardianChannels> m_channels; // the dispatcher's channels, and the keychain retries
    std::unique_ptr<GuardianStateRepository> m_guardianState; // small values kept across restarts
    std::unique_ptr<GuardianNtfyAck> m_ntfyAck; // ntfy's Acknowledge button: public URL, ack topic, listener
    std::unique_ptr<GuardianTelegram> m_telegram; // the bot beside a Telegram channel (not in --once)
};

} // namespace trailguard::Runners
