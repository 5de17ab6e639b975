#include "runners/DemoSetup.h"

#include "demo/SimulatedMarket.h"
#include "domain/Ticker.h"
#include "watchlist/WatchlistService.h"

#include <QDir>
#include <QStandardPaths>

namespace trailguard::Runners::DemoSetup {

QString dataDir(const Cli::GlobalOptions &options)
{
    if (!options.demo)
        return options.dataDir;
    const QString base = options.dataDir.isEmpty()
                             ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                             : options.dataDir;
    return QDir(base).filePath(QStringLiteral("demo"));
}

std::unique_ptr<SimulatedMarket> startMarket()
{
    auto market = std::make_unique<SimulatedMarket>(QRandomGenerator::global()->generate());
    if (!market->start())
        return nullptr;
    return market;
}

Status addDemoTickers(WatchlistService &watchlist)
{
    const auto stocks = watchlist.stocks();
    if (!stocks.ok())
        return stocks.error();
    for (const QString &ticker : SimulatedMarket::tickers()) {
        const bool listed = std::any_of(stocks.value().cbegin(), stocks.value().cend(),
                                        [&](const StockState &stock) { return stock.ticker == ticker; });
        if (listed)
            continue;
        if (const auto added = watchlist.add(ticker, StopRatio::kDefault); !added.ok())
            return added.error();
    }
    return success();
}

} // namespace trailguard::Runners::DemoSetup
