#pragma once

#include "alerts/AlertChannel.h"

#include <QProcessEnvironment>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace trailguard {

class SecretRedactor;

// The alert channels a headless run is configured for, from the seed project's environment variables:
// BOT_EMAIL/EMAIL_PASSWORD/USER_EMAIL/PROVIDER (or SMTP_*) for email, WEB_HOOK_URL for Discord,
// NTFY_CHANNEL (+ NTFY_TOKEN) for ntfy, TELEGRAM_BOT_TOKEN + TELEGRAM_CHAT_ID (+ TELEGRAM_API_URL) for
// Telegram.
struct ChannelSet {
    std::vector<std::unique_ptr<AlertChannel>> channels;
    QStringList problems; // one translated sentence per misconfigured channel; such a channel is left out

    QList<AlertChannel *> pointers() const;
};

// Every secret found (passwords, webhook tokens, access tokens) is given to `redactor` (may be null).
ChannelSet channelsFromEnvironment(const QProcessEnvironment &environment, QNetworkAccessManager *network,
                                   SecretRedactor *redactor);

// The channels the desktop settings enable (the tray channel is added by the UI, which owns it).
struct ChannelSettingsData;
ChannelSet channelsFromSettings(const ChannelSettingsData &settings, QNetworkAccessManager *network,
                                SecretRedactor *redactor);

} // namespace trailguard
