#include "alerts/webhooks/WebhookLogging.h"

Q_LOGGING_CATEGORY(lcWebhooks, "trailguard.alerts.webhooks")
