#include "alerts/telegram/TelegramLogging.h"

Q_LOGGING_CATEGORY(lcTelegram, "trailguard.alerts.telegram")
