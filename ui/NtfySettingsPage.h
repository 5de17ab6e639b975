#pragma once

#include "ChannelSettingsPage.h"

#include "alerts/webhooks/NtfyConfig.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace trailguard::ui {

// The ntfy channel's settings: the server (https://ntfy.sh unless self-hosted) and the topic, or a full
// topic URL in the topic field (which then gives the server too), and an optional access token, hidden
// and kept in the keychain. How a breach's "Acknowledge" button answers (the ack mode, each explained in a
// sentence) and the dashboard's public address, which the dashboard mode, mail links and "Open dashboard"
// need.
//
// Children: ntfyServerLineEdit, ntfyTopicLineEdit, ntfyTokenLineEdit, ntfyAckModeComboBox (data: the
// NtfyConfig::AckMode), ntfyAckModeLabel, publicUrlLineEdit and those of ChannelSettingsPage for "ntfy".
class NtfySettingsPage : public ChannelSettingsPage {
    Q_OBJECT
public:
    explicit NtfySettingsPage(ChannelTestServices services, QWidget *parent = nullptr);
    ~NtfySettingsPage() override;

    // The configuration the fields describe, or why they describe none (a malformed topic URL).
    Result<NtfyConfig> config() const;

    Status validate() const override;
    void load(const ChannelSettingsData &data) override;
    void store(ChannelSettingsData &data) const override;

protected:
    std::unique_ptr<AlertChannel> makeTestChannel() const override;

private:
    // A full topic URL typed into the topic field is split into the server and topic fields.
    void splitTopicUrl();
    // The sentence under the mode: what it does, what it needs.
    void describeAckMode();

    QLineEdit *m_serverLineEdit;
    QLineEdit *m_topicLineEdit;
    QLineEdit *m_tokenLineEdit;
    QComboBox *m_ackModeComboBox;
    QLabel *m_ackModeLabel;
    QLineEdit *m_publicUrlLineEdit;
};

} // namespace trailguard::ui
