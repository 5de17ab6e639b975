#include "charts/StoredChartReader.h"

#include "common/Clock.h"
#include "history/ChartDataProvider.h"
#include "history/HistoryLogging.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <memory>

namespace trailguard::ui {

namespace {
// What one worker's reads use, all on the connection it opened; destroyed on that thread too.
struct WorkerHistory {
    explicit WorkerHistory(std::unique_ptr<Database> opened)
        : database(std::move(opened))
        , stocks(database->connection())
        , watchlist(stocks, clock)
        , history(database->connection())
        , alerts(database->connection())
        , provider(history, watchlist, alerts)
    {}

    std::unique_ptr<Database> database;
    SystemClock clock; // the watchlist only lists its stocks here; nothing reads the time
    StockRepository stocks;
    WatchlistService watchlist;
    PriceHistoryRepository history;
    AlertRepository alerts;
    ChartDataProvider provider;
};
} // namespace

ChartController::ReaderFactory storedChartReader(const QString &databaseFile)
{
    return [databaseFile]() -> ChartController::Reader {
        Result<std::unique_ptr<Database>> opened = Database::open(databaseFile);
        if (!opened) {
            qCWarning(lcHistory, "The chart cannot read the history: %s",
                      qUtf8Printable(opened.error().message));
            return {};
        }
        auto parts = std::make_shared<WorkerHistory>(std::move(opened).value());
        return [parts](const QString &ticker) { return parts->provider.series(ticker); };
    };
}

} // namespace trailguard::ui
