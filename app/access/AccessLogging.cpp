#include "access/AccessLogging.h"

Q_LOGGING_CATEGORY(lcAccess, "trailguard.access")
