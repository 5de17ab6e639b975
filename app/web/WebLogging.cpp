#include "web/WebLogging.h"

Q_LOGGING_CATEGORY(lcWeb, "trailguard.web")
