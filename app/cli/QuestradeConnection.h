#pragma once

#include "cli/CommandLine.h"
#include "cli/CommandRun.h"
#include "common/Clock.h"
#include "monitor/BrokerSession.h"
#include "portfolio/Portfolio.h"
#include "secrets/SecretStoreFactory.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "storage/HoldingRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QProcessEnvironment>

#include <functional>
#include <memory>

namespace trailguard::Cli {

// Everything a command that talks to Questrade works with, built as --headless builds it (the database,
// the watchlist, the secret store and one BrokerSession over it) and torn down in the reverse order.
struct QuestradeConnection {
    std::unique_ptr<Database> database;
    std::unique_ptr<Settings> settings;
    SystemClock clock;
    std::unique_ptr<StockRepository> stocks;
    std::unique_ptr<WatchlistService> watchlist;
    std::unique_ptr<HoldingRepository> holdings;
    std::unique_ptr<Portfolio> portfolio;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    SecretStoreChoice secrets;
    std::unique_ptr<BrokerSession> session; // last: it uses everything above

    static Result<std::unique_ptr<QuestradeConnection>> open(const GlobalOptions &global);

    QStringList watchedTickers() const;

    // Makes sure there is a usable access token (the stored chain, or a refresh_token bootstrap), then
    // calls `then`; without one, says how to connect and ends `run` with 1.
    void whenConnected(CommandRun &run, std::function<void()> then);
};

} // namespace trailguard::Cli
