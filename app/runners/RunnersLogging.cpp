#include "runners/RunnersLogging.h"

Q_LOGGING_CATEGORY(lcRunners, "trailguard.runners")
Q_LOGGING_CATEGORY(lcInstance, "trailguard.runners.instance")
