#pragma once

#include "ChannelSettingsPage.h"

#include "alerts/webhooks/DiscordConfig.h"

class QLineEdit;

namespace trailguard::ui {

// The Discord channel's settings: the channel webhook's URL. The URL carries the webhook's token, so it is
// hidden like a password and kept in the keychain.
//
// Children: discordWebhookLineEdit and those of ChannelSettingsPage for "discord".
class DiscordSettingsPage : public ChannelSettingsPage {
    Q_OBJECT
public:
    explicit DiscordSettingsPage(ChannelTestServices services, QWidget *parent = nullptr);
    ~DiscordSettingsPage() override;

    DiscordConfig config() const;

    Status validate() const override;
    void load(const ChannelSettingsData &data) override;
    void store(ChannelSettingsData &data) const override;

protected:
    std::unique_ptr<AlertChannel> makeTestChannel() const override;

private:
    QLineEdit *m_webhookLineEdit;
};

} // namespace trailguard::ui
