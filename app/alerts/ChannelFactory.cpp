#include "alerts/ChannelFactory.h"

#include "alerts/ChannelSettings.h"
#include "alerts/email/EmailChannel.h"
#include "alerts/telegram/TelegramChannel.h"
#include "alerts/webhooks/DiscordChannel.h"
#include "alerts/webhooks/NtfyChannel.h"
#include "secrets/Redact.h"

namespace trailguard {

QList<AlertChannel *> ChannelSet::pointers() const
{
    QList<AlertChannel *> list;
    for (const auto &channel : channels)
        list.append(channel.get());
    return list;
}

ChannelSet channelsFromEnvironment(const QProcessEnvironment &environment, QNetworkAccessManager *network,
                                   SecretRedactor *redactor)
{
    ChannelSet set;
    const auto remember = [redactor](const QByteArray &secret) {
        if (redactor && !secret.isEmpty())
            redactor->addSecret(secret);
    };

    const auto discord = DiscordConfig::fromEnvironment(environment);
    if (!discord.ok()) {
        set.problems.append(discord.error().message);
    } else if (discord.value()) {
        remember(discord.value()->token());
        set.channels.push_back(std::make_unique<DiscordChannel>(network, *discord.value()));
    }

    const auto email = EmailConfig::fromEnvironment(environment);
    if (!email.ok()) {
        set.problems.append(email.error().message);
    } else if (email.value()) {
        remember(email.value()->password);
        set.channels.push_back(std::make_unique<EmailChannel>(*email.value()));
    }

    const auto ntfy = NtfyConfig::fromEnvironment(environment);
    if (!ntfy.ok()) {
        set.problems.append(ntfy.error().message);
    } else if (ntfy.value()) {
        remember(ntfy.value()->accessToken);
        set.channels.push_back(std::make_unique<NtfyChannel>(network, *ntfy.value()));
    }

    const auto telegram = TelegramConfig::fromEnvironment(environment);
    if (!telegram.ok()) {
        set.problems.append(telegram.error().message);
    } else if (telegram.value()) {
        remember(telegram.value()->botToken);
        set.channels.push_back(std::make_unique<TelegramChannel>(network, *telegram.value()));
    }
    return set;
}

ChannelSet channelsFromSettings(const ChannelSettingsData &settings, QNetworkAccessManager *network,
                                SecretRedactor *redactor)
{
    ChannelSet set;
    const auto remember = [redactor](const QByteArray &secret) {
        if (redactor && !secret.isEmpty())
            redactor->addSecret(secret);
    };
    const auto add = [&set](const QString &name, const Status &valid, auto make) {
        if (!valid.ok())
            set.problems.append(QStringLiteral("%1: %2").arg(name, valid.error().message));
        else
            set.channels.push_back(make());
    };
    if (settings.emailEnabled) {
        remember(settings.email.password);
        add(QStringLiteral("Email"), settings.email.validate(),
            [&] { return std::make_unique<EmailChannel>(settings.email); });
    }
    if (settings.discordEnabled) {
        remember(settings.discord.token());
        add(QStringLiteral("Discord"), settings.discord.validate(),
            [&] { return std::make_unique<DiscordChannel>(network, settings.discord); });
    }
    if (settings.ntfyEnabled) {
        remember(settings.ntfy.accessToken);
        add(QStringLiteral("ntfy"), settings.ntfy.validate(),
            [&] { return std::make_unique<NtfyChannel>(network, settings.ntfy); });
    }
    if (settings.telegramEnabled) {
        remember(settings.telegram.botToken);
        add(QStringLiteral("Telegram"), settings.telegram.validate(),
            [&] { return std::make_unique<TelegramChannel>(network, settings.telegram); });
    }
    return set;
}

} // namespace trailguard
