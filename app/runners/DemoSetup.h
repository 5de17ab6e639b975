#pragma once

#include "cli/CommandLine.h"
#include "common/Result.h"

#include <memory>

namespace trailguard {
class SimulatedMarket;
class WatchlistService;
} // namespace trailguard

// What `--demo` changes, shared by the window and --headless.
namespace trailguard::Runners::DemoSetup {

// The demo polls every 5 s so the scripted fall is seen within about a minute.
constexpr int kIntervalSeconds = 5;

// The demo keeps its own watchlist in a "demo" folder inside the data folder, so it never touches the
// user's real one.
QString dataDir(const Cli::GlobalOptions &options);

// Starts the simulated market on a free loopback port; null when no port could be opened.
std::unique_ptr<SimulatedMarket> startMarket();

// Adds the demo tickers that are not on the (demo) watchlist yet.
Status addDemoTickers(WatchlistService &watchlist);

} // namespace trailguard::Runners::DemoSetup
