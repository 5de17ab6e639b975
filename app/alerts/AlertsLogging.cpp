#include "alerts/AlertsLogging.h"

Q_LOGGING_CATEGORY(lcAlerts, "trailguard.alerts")
