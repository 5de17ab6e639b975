#pragma once

#include <QLoggingCategory>

// The Telegram channel's and bot's category, "trailguard.alerts.telegram". The bot token is part of every
// Bot API URL: log TelegramConfig::redactedTarget(), never a request URL, and never a chat's message text.
Q_DECLARE_LOGGING_CATEGORY(lcTelegram)
