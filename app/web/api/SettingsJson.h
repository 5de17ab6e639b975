#pragma once

#include "alerts/ChannelSettings.h"
#include "common/Result.h"
#include "domain/StopLossEngine.h"

#include <QJsonObject>

#include <chrono>
#include <optional>

namespace trailguard {
class Settings;
}

namespace trailguard::Web {

// The settings the dashboard shows and edits besides the channels.
struct GeneralSettings {
    std::chrono::seconds checkInterval{300};
    RepeatPolicy repeatPolicy = RepeatPolicy::DailyWhileBelow;
    QuietHours quietHours;

    static GeneralSettings read(const Settings &settings);
    void write(Settings &settings) const;
};

// GET and PATCH /api/v1/settings as JSON. A secret is never written out: only whether it is set
// ("passwordSet", "webhookUrlSet", "topicSet", "accessTokenSet", "botTokenSet"). The ntfy topic is a secret
// too (on a public server whoever knows it reads the alerts).
namespace SettingsJson {

QJsonObject toJson(const GeneralSettings &general, const ChannelSettingsData &channels);

// Applies a PATCH body to copies of the current values: every member is optional, an unknown member or a
// wrong type is refused with a message naming it, and nothing is applied unless all of it is valid. The
// channels are validated as the settings dialog does (ChannelSettingsData::validate).
Status applyPatch(const QJsonObject &patch, GeneralSettings &general, ChannelSettingsData &channels);

// The secrets PUT /api/v1/settings/secrets/{name} replaces: "email-password", "discord-webhook-url",
// "ntfy-topic", "ntfy-access-token", "telegram-bot-token". Sets `value` into `channels`; refuses an unknown
// name or a value its channel would not accept.
Status setSecret(const QString &name, const QString &value, ChannelSettingsData &channels);
QStringList secretNames();

} // namespace SettingsJson
} // namespace trailguard::Web
