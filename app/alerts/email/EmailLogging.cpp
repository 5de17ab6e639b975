#include "alerts/email/EmailLogging.h"

Q_LOGGING_CATEGORY(lcEmail, "trailguard.alerts.email")
