#pragma once

#include "alerts/DailyDigest.h"
#include "alerts/QuietHours.h"
#include "alerts/email/EmailConfig.h"
#include "alerts/telegram/TelegramConfig.h"
#include "alerts/webhooks/DiscordConfig.h"
#include "alerts/webhooks/NtfyConfig.h"
#include "common/Result.h"

#include <QObject>

#include <functional>

namespace trailguard {

class SecretStore;
class Settings;

// The desktop's alert channel configuration: plain values in Settings, secrets (SMTP password, Discord
// webhook URL, ntfy topic and access token) in the SecretStore.
struct ChannelSettingsData {
    bool trayEnabled = true;
    bool emailEnabled = false;
    EmailConfig email = EmailConfig::preset(EmailConfig::Preset::Gmail);
    bool discordEnabled = false;
    DiscordConfig discord;
    bool ntfyEnabled = false;
    NtfyConfig ntfy;
    bool telegramEnabled = false;
    TelegramConfig telegram; // the bot token is a secret; the chat id and API URL are plain settings
    // The dashboard's address as the phone reaches it (web/publicUrl): the links and buttons that
    // acknowledge.
    QString publicDashboardUrl;

    // Every enabled channel's configuration is valid; the message names the channel and the problem.
    Status validate() const;
};

// What sending needs: the plain values and the secrets of the enabled channels only. A channel whose secret
// cannot be read now (a locked or failing keychain) is turned off in `data` and named in `unreadable`; the
// others load all the same.
struct SendingChannelSettings {
    ChannelSettingsData data;
    QStringList unreadable; // channel ids: "email", "discord", "ntfy", "telegram"
    QString readError;      // the first read error, for people
};

namespace ChannelSettings {

// The digest and quiet-hours preferences (plain values in Settings).
DailyDigest::Options digestOptions(const Settings &settings);
void setDigestOptions(Settings &settings, const DailyDigest::Options &options);
QuietHours quietHours(const Settings &settings);
void setQuietHours(Settings &settings, const QuietHours &quietHours);

inline constexpr char kDiscordWebhookKey[] = "alerts/discord/webhook-url";

// Reads the plain values at once and the secrets asynchronously; a secret that is not stored is empty.
// An ntfy topic still in the settings file (versions before it became a secret) is moved to the store,
// when the store is persistent (a memory-only store would lose it at exit; the file keeps it then).
void load(Settings &settings, SecretStore &secrets, QObject *context,
          std::function<void(Result<ChannelSettingsData>)> done);

// Reads what sending needs (see SendingChannelSettings).
void loadForSending(Settings &settings, SecretStore &secrets, QObject *context,
                    std::function<void(SendingChannelSettings)> done);

// The ids ("email", "discord", "ntfy") of the channels the stored settings turn on, without reading any
// secret: an alert is recorded for each of them even before their secrets are read.
QStringList enabledChannelIds(const Settings &settings);

// Validates, then writes the secrets and, once they are stored, the plain values. Nothing is saved when
// validation or a secret write fails.
void save(const ChannelSettingsData &data, Settings &settings, SecretStore &secrets, QObject *context,
          std::function<void(Status)> done);

} // namespace ChannelSettings

} // namespace trailguard
