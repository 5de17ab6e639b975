#pragma once

#include "cli/CommandLine.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "settings/AppPaths.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <memory>

namespace trailguard::Cli {

// The objects a `watch` action works with (database, repository, service), built only once its input is
// known to be valid, so invalid input never creates a file.
class OpenWatchlist {
public:
    static Result<std::unique_ptr<OpenWatchlist>> open(const AppPaths &paths);
    // The data folder of `global` (created), then the watchlist in it.
    static Result<std::unique_ptr<OpenWatchlist>> open(const GlobalOptions &global);

    WatchlistService &service() { return m_service; }

private:
    explicit OpenWatchlist(std::unique_ptr<Database> database);

    std::unique_ptr<Database> m_database;
    StockRepository m_repository;
    SystemClock m_clock;
    WatchlistService m_service;
};

// Resolves (and creates) the data folder. Failing to create it is an operation failure, not a usage error.
Result<AppPaths> dataPaths(const GlobalOptions &global);

} // namespace trailguard::Cli
