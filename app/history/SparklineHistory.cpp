#include "history/SparklineHistory.h"

#include "domain/MarketCalendar.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"

namespace trailguard::SparklineHistory {

QList<double> lastMonth(const PriceHistoryRepository &history, const QString &ticker, const QDateTime &now)
{
    const Result<QList<PricePoint>> prices = history.priceSeries(ticker, now.addDays(-30), now);
    if (!prices)
        return {};
    QList<double> closes;
    QDate day;
    for (const PricePoint &point : prices.value()) {
        const QDate pointDay = point.time.toTimeZone(MarketCalendar::easternZone()).date();
        if (!closes.isEmpty() && pointDay == day)
            closes.last() = point.price;
        else
            closes.append(point.price);
        day = pointDay;
    }
    return closes;
}

Sparklines lastMonth(const PriceHistoryRepository &history, const QStringList &tickers, const QDateTime &now)
{
    Sparklines sparklines;
    sparklines.reserve(tickers.size());
    for (const QString &ticker : tickers)
        sparklines.insert(ticker, lastMonth(history, ticker, now));
    return sparklines;
}

Result<Sparklines> loadLastMonth(const QString &databaseFile, const QStringList &tickers,
                                 const QDateTime &now)
{
    const Result<std::unique_ptr<Database>> database = Database::open(databaseFile);
    if (!database)
        return database.error();
    const PriceHistoryRepository history(database.value()->connection());
    return lastMonth(history, tickers, now);
}

} // namespace trailguard::SparklineHistory
