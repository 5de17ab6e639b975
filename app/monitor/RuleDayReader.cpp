#include "monitor/RuleDayReader.h"

#include "domain/MarketCalendar.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/RuleRepository.h"

#include <algorithm>

namespace trailguard {

namespace {
// How far back the rules look: the backfill keeps a year of daily candles; two cover a slow indicator
// (sma:200 plus its previous day) with room.
constexpr int kRuleHistoryDays = 730;
// Days after the last daily candle filled from recorded quotes (the backfill runs once per start).
constexpr int kRuleQuoteFillDays = 14;

QDateTime easternMidnightOf(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), MarketCalendar::easternZone());
}
} // namespace

Result<QList<DailyBar>> RuleDayReader::barsBefore(const PriceHistoryRepository &history,
                                                  const QString &ticker, const QDate &marketDay)
{
    const QDateTime end = easternMidnightOf(marketDay);
    const auto candles = history.candles(ticker, CandleInterval::OneDay,
                                         easternMidnightOf(marketDay.addDays(-kRuleHistoryDays)), end);
    if (!candles.ok())
        return candles.error();
    QList<DailyBar> bars;
    bars.reserve(candles.value().size() + kRuleQuoteFillDays);
    for (const StoredCandle &candle : candles.value()) {
        const QDate day = MarketCalendar::marketDay(ticker, candle.start);
        if (!bars.isEmpty() && bars.constLast().date >= day)
            continue; // a clipped duplicate of the same day
        bars.append(DailyBar{day, candle.close, candle.high, candle.low});
    }
    // Days since the last candle: the last quote the monitor recorded on each.
    const QDate fillFrom = std::max(bars.isEmpty() ? QDate() : bars.constLast().date.addDays(1),
                                    marketDay.addDays(-kRuleQuoteFillDays));
    if (fillFrom >= marketDay)
        return bars;
    const auto quotes = history.quotes(ticker, easternMidnightOf(fillFrom), end);
    if (!quotes.ok())
        return quotes.error();
    for (const PricePoint &point : quotes.value()) {
        const QDate day = MarketCalendar::marketDay(ticker, point.time);
        if (!bars.isEmpty() && bars.constLast().date == day) {
            DailyBar &bar = bars.last();
            bar.close = point.price;
            bar.high = std::max(bar.high.value_or(point.price), point.price);
            bar.low = std::min(bar.low.value_or(point.price), point.price);
        } else {
            bars.append(DailyBar{day, point.price, point.price, point.price});
        }
    }
    return bars;
}

QList<RuleDayReader::Reply> RuleDayReader::read(const QSqlDatabase &db, const QList<Request> &requests)
{
    const PriceHistoryRepository history(db);
    const RuleRepository rules(db);
    QList<Reply> replies;
    replies.reserve(requests.size());
    for (const Request &request : requests) {
        Reply reply{request, barsBefore(history, request.ticker, request.marketDay), {}};
        for (const QString &spec : request.specs) {
            const Result<bool> fired = rules.hasFired(request.ticker, spec, request.marketDay);
            if (fired.ok() && fired.value())
                reply.fired.insert(spec);
        }
        replies.append(std::move(reply));
    }
    return replies;
}

QList<RuleDayReader::Reply> RuleDayReader::readOnOwnConnection(const QString &databaseFile,
                                                               const QList<Request> &requests)
{
    const Result<std::unique_ptr<Database>> database = Database::open(databaseFile);
    if (!database) {
        QList<Reply> failed;
        for (const Request &request : requests)
            failed.append(Reply{request, database.error(), {}});
        return failed;
    }
    return read(database.value()->connection(), requests);
}

} // namespace trailguard
