#include "replay/ReplayLogging.h"

Q_LOGGING_CATEGORY(lcReplay, "trailguard.replay")
