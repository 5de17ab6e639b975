#include "history/DailyBarHistory.h"

#include "domain/MarketCalendar.h"
#include "storage/PriceHistoryRepository.h"

#include <QTimeZone>

namespace trailguard {

QList<DailyBar> DailyBarHistory::fromCandles(const QString &ticker, const QList<StoredCandle> &candles)
{
    QList<DailyBar> bars;
    bars.reserve(candles.size());
    for (const StoredCandle &candle : candles) {
        const QDate day = MarketCalendar::marketDay(ticker, candle.start);
        // Two candles of one market day (a broker's and an imported one) count once: the later wins.
        if (!bars.isEmpty() && bars.constLast().date == day)
            bars.removeLast();
        bars.append(DailyBar{day, candle.close, candle.high, candle.low});
    }
    return bars;
}

Result<QList<DailyBar>> DailyBarHistory::read(const PriceHistoryRepository &history, const QString &ticker)
{
    const QDateTime from = QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc());
    const QDateTime to(QDate(9999, 1, 1), QTime(0, 0), QTimeZone::utc());
    const Result<QList<StoredCandle>> candles = history.candles(ticker, CandleInterval::OneDay, from, to);
    if (!candles)
        return candles.error();
    return fromCandles(ticker, candles.value());
}

} // namespace trailguard
