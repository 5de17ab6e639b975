#include "common/Logging.h"

Q_LOGGING_CATEGORY(lcStorage, "trailguard.storage")
Q_LOGGING_CATEGORY(lcWatchlist, "trailguard.watchlist")
Q_LOGGING_CATEGORY(lcCli, "trailguard.cli")
