#include "storage/PriceHistoryRepository.h"

#include "storage/ChartHistoryReader.h"
#include "storage/SqlValues.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace trailguard {

using namespace SqlValues;

namespace {
class Storage {
    Q_DECLARE_TR_FUNCTIONS(Storage)
};
} // namespace

StoredCandle StoredCandle::from(const Candle &candle)
{
    return StoredCandle{candle.start, candle.end,   candle.open,  candle.high,
                        candle.low,   candle.close, candle.volume};
}

PriceHistoryRepository::PriceHistoryRepository(QSqlDatabase db)
    : m_db(std::move(db))
{}

Status PriceHistoryRepository::recordQuote(const QString &ticker, const QDateTime &time, double price,
                                           std::optional<double> peak, std::optional<double> stop)
{
    if (ticker.isEmpty() || !time.isValid() || !(price > 0))
        return Error{ErrorCode::InvalidPrice,
                     Storage::tr("A quote needs a ticker, a time and a positive price.")};
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO price_quotes (ticker, time, price, peak, stop) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(ticker);
    query.addBindValue(isoTime(time));
    query.addBindValue(price);
    query.addBindValue(optionalValue(peak));
    query.addBindValue(optionalValue(stop));
    if (!query.exec())
        return queryError(query);
    return success();
}

Result<QList<PricePoint>> PriceHistoryRepository::quotes(const QString &ticker, const QDateTime &from,
                                                         const QDateTime &to) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT time, price FROM price_quotes WHERE ticker = ? AND time >= ? AND time < ? ORDER BY time"));
    query.addBindValue(ticker);
    query.addBindValue(isoTime(from));
    query.addBindValue(isoTime(to));
    if (!query.exec())
        return queryError(query);
    QList<PricePoint> points;
    while (query.next())
        points.append(PricePoint{readTime(query.value(0)), query.value(1).toDouble()});
    return points;
}

Result<QStringList> PriceHistoryRepository::tickersWithQuotesBefore(const QDateTime &before) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT DISTINCT ticker FROM price_quotes WHERE time < ? ORDER BY ticker"));
    query.addBindValue(isoTime(before));
    if (!query.exec())
        return queryError(query);
    QStringList tickers;
    while (query.next())
        tickers.append(query.value(0).toString());
    return tickers;
}

Result<int> PriceHistoryRepository::removeQuotesBefore(const QString &ticker, const QDateTime &before)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM price_quotes WHERE ticker = ? AND time < ?"));
    query.addBindValue(ticker);
    query.addBindValue(isoTime(before));
    if (!query.exec())
        return queryError(query);
    return query.numRowsAffected();
}

Status PriceHistoryRepository::storeCandles(const QString &ticker, CandleInterval interval,
                                            const QList<Candle> &candles, std::optional<TimeRange> covered)
{
    QList<StoredCandle> stored;
    stored.reserve(candles.size());
    for (const Candle &candle : candles)
        stored.append(StoredCandle::from(candle));
    return storeCandles(ticker, candleIntervalSeconds(interval), stored, covered);
}

Status PriceHistoryRepository::storeCandles(const QString &ticker, qint64 intervalSeconds,
                                            const QList<StoredCandle> &candles,
                                            std::optional<TimeRange> covered)
{
    return inTransaction(m_db, [&]() -> Status {
        QSqlQuery query(m_db);
        query.prepare(
            QStringLiteral("INSERT INTO candles (ticker, interval_seconds, start, end, open, high, low, "
                           "close, volume, peak, stop) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (ticker, interval_seconds, start) DO UPDATE SET end = excluded.end, "
                           "open = excluded.open, high = excluded.high, low = excluded.low, "
                           "close = excluded.close, volume = excluded.volume, "
                           "peak = coalesce(excluded.peak, peak), stop = coalesce(excluded.stop, stop)"));
        for (const StoredCandle &candle : candles) {
            if (!candle.start.isValid() || !candle.end.isValid() || !(candle.close > 0))
                return Error{ErrorCode::InvalidPrice,
                             Storage::tr("A candle of %1 has no valid time or close.").arg(ticker)};
            query.bindValue(0, ticker);
            query.bindValue(1, intervalSeconds);
            query.bindValue(2, isoTime(candle.start));
            query.bindValue(3, isoTime(candle.end));
            query.bindValue(4, optionalValue(candle.open));
            query.bindValue(5, optionalValue(candle.high));
            query.bindValue(6, optionalValue(candle.low));
            query.bindValue(7, candle.close);
            query.bindValue(8, candle.volume ? QVariant(*candle.volume)
                                             : QVariant(QMetaType(QMetaType::LongLong)));
            query.bindValue(9, optionalValue(candle.peak));
            query.bindValue(10, optionalValue(candle.stop));
            if (!query.exec())
                return queryError(query);
        }
        if (covered)
            return markCovered(ticker, intervalSeconds, *covered);
        return success();
    });
}

Result<QList<StoredCandle>> PriceHistoryRepository::candles(const QString &ticker, CandleInterval interval,
                                                            const QDateTime &from, const QDateTime &to) const
{
    return candles(ticker, candleIntervalSeconds(interval), from, to);
}

Result<QList<StoredCandle>> PriceHistoryRepository::candles(const QString &ticker, qint64 intervalSeconds,
                                                            const QDateTime &from, const QDateTime &to) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT start, end, open, high, low, close, volume, peak, stop FROM candles WHERE "
                       "ticker = ? AND interval_seconds = ? AND start >= ? AND start < ? ORDER BY start"));
    query.addBindValue(ticker);
    query.addBindValue(intervalSeconds);
    query.addBindValue(isoTime(from));
    query.addBindValue(isoTime(to));
    if (!query.exec())
        return queryError(query);
    QList<StoredCandle> out;
    while (query.next()) {
        StoredCandle candle;
        candle.start = readTime(query.value(0));
        candle.end = readTime(query.value(1));
        candle.open = readOptional(query.value(2));
        candle.high = readOptional(query.value(3));
        candle.low = readOptional(query.value(4));
        candle.close = query.value(5).toDouble();
        if (!query.value(6).isNull())
            candle.volume = query.value(6).toLongLong();
        candle.peak = readOptional(query.value(7));
        candle.stop = readOptional(query.value(8));
        out.append(candle);
    }
    return out;
}

Status PriceHistoryRepository::markCovered(const QString &ticker, qint64 intervalSeconds,
                                           const TimeRange &range)
{
    if (!range.start.isValid() || !range.end.isValid() || range.end <= range.start)
        return success();
    return inTransaction(m_db, [&]() -> Status {
        Result<QList<TimeRange>> existing = coveredRanges(ticker, intervalSeconds);
        if (!existing)
            return existing.error();
        QList<TimeRange> all = existing.value();
        all.append(TimeRange{range.start.toUTC(), range.end.toUTC()});
        all = TimeRanges::merged(all);
        QSqlQuery remove(m_db);
        remove.prepare(
            QStringLiteral("DELETE FROM candle_coverage WHERE ticker = ? AND interval_seconds = ?"));
        remove.addBindValue(ticker);
        remove.addBindValue(intervalSeconds);
        if (!remove.exec())
            return queryError(remove);
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral(
            "INSERT INTO candle_coverage (ticker, interval_seconds, start, end) VALUES (?, ?, ?, ?)"));
        for (const TimeRange &covered : std::as_const(all)) {
            insert.bindValue(0, ticker);
            insert.bindValue(1, intervalSeconds);
            insert.bindValue(2, isoTime(covered.start));
            insert.bindValue(3, isoTime(covered.end));
            if (!insert.exec())
                return queryError(insert);
        }
        return success();
    });
}

Result<QList<TimeRange>> PriceHistoryRepository::coveredRanges(const QString &ticker,
                                                               CandleInterval interval) const
{
    return coveredRanges(ticker, candleIntervalSeconds(interval));
}

Result<QList<TimeRange>> PriceHistoryRepository::coveredRanges(const QString &ticker,
                                                               qint64 intervalSeconds) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT start, end FROM candle_coverage WHERE ticker = ? AND interval_seconds = ? ORDER BY start"));
    query.addBindValue(ticker);
    query.addBindValue(intervalSeconds);
    if (!query.exec())
        return queryError(query);
    QList<TimeRange> ranges;
    while (query.next())
        ranges.append(TimeRange{readTime(query.value(0)), readTime(query.value(1))});
    return TimeRanges::merged(ranges);
}

Result<QList<TimeRange>> PriceHistoryRepository::missingRanges(const QString &ticker, CandleInterval interval,
                                                               const TimeRange &wanted) const
{
    Result<QList<TimeRange>> covered = coveredRanges(ticker, interval);
    if (!covered)
        return covered.error();
    return subtract(wanted, covered.value());
}

QList<TimeRange> PriceHistoryRepository::subtract(const TimeRange &wanted, const QList<TimeRange> &covered)
{
    return TimeRanges::subtract(wanted, covered);
}

Result<QList<StopPoint>> PriceHistoryRepository::quoteHeldStops(const QString &ticker, const QDateTime &from,
                                                                const QDateTime &to) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT time, peak, stop FROM price_quotes WHERE ticker = ? AND time >= ? AND "
                       "time < ? AND peak IS NOT NULL AND stop IS NOT NULL ORDER BY time"));
    query.addBindValue(ticker);
    query.addBindValue(isoTime(from));
    query.addBindValue(isoTime(to));
    if (!query.exec())
        return queryError(query);
    QList<StopPoint> held;
    while (query.next())
        held.append(
            StopPoint{readTime(query.value(0)), query.value(1).toDouble(), query.value(2).toDouble()});
    return held;
}
Result<QList<StopPoint>> PriceHistoryRepository::heldStops(const QString &ticker, const QDateTime &from,
                                                           const QDateTime &to) const
{
    return ChartHistoryReader(*this).heldStops(ticker, from, to);
}

Result<QList<PricePoint>> PriceHistoryRepository::priceSeries(const QString &ticker, const QDateTime &from,
                                                              const QDateTime &to) const
{
    return ChartHistoryReader(*this).priceSeries(ticker, from, to);
}

} // namespace trailguard
