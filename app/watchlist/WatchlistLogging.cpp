#include "watchlist/WatchlistLogging.h"

Q_LOGGING_CATEGORY(lcWatchlist, "trailguard.watchlist")
