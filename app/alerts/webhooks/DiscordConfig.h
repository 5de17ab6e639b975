#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace trailguard {

// Where the Discord channel posts: a channel webhook, https://discord.com/api/webhooks/{id}/{token}.
// The URL holds a secret token: show and log redactedUrl(), never the URL itself.
struct DiscordConfig {
    // Headless mode reads the webhook URL from this variable.
    static constexpr char kEnvironmentVariable[] = "WEB_HOOK_URL";

    QUrl webhookUrl;

    // https:// (http:// only to this computer), no user info; on discord.com / discordapp.com (and
    // their subdomains) the path must be /api[/vN]/webhooks/{id}/{token}. Other https hosts (a proxy,
    // a self-hosted relay) are accepted with any path. The message says exactly what is wrong.
    Status validate() const;

    // "discord.com/api/webhooks/…": host (and port) and the path up to the id and token.
    QString redactedUrl() const;
    // The token (the URL's last path segment), for removing from error texts.
    QByteArray token() const;

    // From WEB_HOOK_URL: empty when unset or blank; an error naming the variable when set but invalid.
    static Result<std::optional<DiscordConfig>> fromEnvironment(const QProcessEnvironment &environment);
};

} // namespace trailguard
