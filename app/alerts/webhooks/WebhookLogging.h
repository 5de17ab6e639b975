#pragma once

#include <QLoggingCategory>

// The webhook channels' category, "trailguard.alerts.webhooks". Log redacted targets
// (DiscordConfig::redactedUrl(), NtfyConfig::redactedUrl()), never a webhook URL or an access token.
Q_DECLARE_LOGGING_CATEGORY(lcWebhooks)
