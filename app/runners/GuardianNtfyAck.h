#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace trailguard {
class AlertAcknowledger;
class AlertChannel;
class Clock;
class GuardianStateRepository;
class NtfyAckListener;
class NtfyChannel;
class SecretRedactor;
class SecretStore;
class Settings;
} // namespace trailguard

namespace trailguard::Runners {

class GuardianChannels;

// ntfy's acknowledgement part (issue 17), for every mode: completes the ntfy channel's configuration with
// what the channel settings do not hold — the dashboard's public URL (`web/publicUrl`) and the private ack
// topic, made once and kept in the secret store — and, in reply mode, keeps NtfyAckListener subscribed to
// that topic (not in --once, which ends after one check) from the first message that offered a reply button
// on (remembered in guardian_state, so a restart listens at once; before it there is nothing to hear).
class GuardianNtfyAck : public QObject {
    Q_OBJECT
public:
    struct Parts {
        Settings &settings;
        SecretStore &secrets;
        QNetworkAccessManager *network;
        const Clock &clock;
        GuardianStateRepository &state;
        AlertAcknowledger &acknowledger;
        SecretRedactor &redactor;
        bool listen = true; // false: --once
    };

    explicit GuardianNtfyAck(Parts parts, QObject *parent = nullptr);
    ~GuardianNtfyAck() override;

    // From now on, follows `channels` (channelsChanged) and the settings (web/publicUrl).
    void follow(GuardianChannels &channels);
    // The dispatcher's channels changed: completes the ntfy one (if any) and (re)starts the listener.
    void channelsChanged(const QList<AlertChannel *> &channels);
    // The public URL may have changed: the ntfy channel's buttons follow.
    void settingsChanged();

    NtfyAckListener *listener() { return m_listener.get(); }

private:
    void withAckTopic();
    void apply();
    void replyButtonOffered();
    static QString armedKey() { return QStringLiteral("ntfy/ack-listening"); }
    bool armed() const;

    Parts m_parts;
    std::unique_ptr<NtfyAckListener> m_listener;
    QPointer<NtfyChannel> m_channel;
    QString m_ackTopic;
    bool m_reading = false;
};

} // namespace trailguard::Runners
