#include "storage/PriceHistoryRepository.h"

#include "common/Logging.h"
#include "domain/MarketCalendar.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace trailguard {

namespace {
class Storage {
    Q_DECLARE_TR_FUNCTIONS(Storage)
};

constexpr qint64 kDaySeconds = 86400;
// The candles HistoryRetention folds old quotes into (HistoryRetention::kCandleSeconds).
constexpr qint64 kFoldedCandleSeconds = 300;

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime readTime(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QVariant optionalValue(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

std::optional<double> readOptional(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

Error queryError(const QSqlQuery &query)
{
    const QString reason = query.lastError().text();
    qCWarning(lcStorage) << "Price history query failed:" << reason;
    return Error{ErrorCode::DatabaseQuery, Storage::tr("A database command failed: %1").arg(reason)};
}

// Sorted, merged: ranges that overlap or touch become one.
QList<TimeRange> merged(QList<TimeRange> ranges)
{
    std::sort(ranges.begin(), ranges.end(),
              [](const TimeRange &a, const TimeRange &b) { return a.start < b.start; });
    QList<TimeRange> out;
    for (const TimeRange &range : std::as_const(ranges)) {
        if (!out.isEmpty() && range.start <= out.constLast().end)
            out.last().end = std::max(out.constLast().end, range.end);
        else
            out.append(range);
    }
    return out;
}

// True when a sorted list of merged ranges overlaps [start, end).
bool overlaps(const QList<TimeRange> &ranges, const QDateTime &start, const QDateTime &end)
{
    // The first range that ends after `start`.
    const auto it =
        std::upper_bound(ranges.cbegin(), ranges.cend(), start,
                         [](const QDateTime &time, const TimeRange &range) { return time < range.end; });
    return it != ranges.cend() && it->start < end;
}

// True when a sorted list of times has one in [start, end).
bool containsTime(const QList<QDateTime> &times, const QDateTime &start, const QDateTime &end)
{
    const auto it = std::lower_bound(times.cbegin(), times.cend(), start);
    return it != times.cend() && *it < end;
}
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
        all = merged(all);
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
    return merged(ranges);
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
    QList<TimeRange> missing;
    QDateTime from = wanted.start;
    for (const TimeRange &range : covered) {
        if (from >= wanted.end)
            break;
        if (range.end <= from)
            continue;
        if (range.start > from)
            missing.append(TimeRange{from, std::min(range.start, wanted.end)});
        from = std::max(from, range.end);
    }
    if (from < wanted.end)
        missing.append(TimeRange{from, wanted.end});
    return missing;
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
    Result<QList<StopPoint>> held = quoteHeldStops(ticker, from, to);
    if (!held)
        return held;
    const Result<QList<StoredCandle>> folded =
        candles(ticker, kFoldedCandleSeconds, from.addSecs(-kFoldedCandleSeconds), to);
    if (!folded)
        return folded.error();
    QList<StopPoint> points = held.value();
    for (const StoredCandle &candle : folded.value()) {
        // A folded candle's held values are those of its last quote: in force from its end.
        if (candle.peak && candle.stop && candle.end >= from && candle.end < to)
            points.append(StopPoint{candle.end, *candle.peak, *candle.stop});
    }
    std::stable_sort(points.begin(), points.end(),
                     [](const StopPoint &a, const StopPoint &b) { return a.time < b.time; });
    return points;
}

Result<QList<PricePoint>> PriceHistoryRepository::priceSeries(const QString &ticker, const QDateTime &from,
                                                              const QDateTime &to) const
{
    Result<QList<PricePoint>> raw = quotes(ticker, from, to);
    if (!raw)
        return raw.error();
    QList<PricePoint> points = raw.value();
    QList<QDateTime> quoteTimes;
    quoteTimes.reserve(points.size());
    for (const PricePoint &point : std::as_const(points))
        quoteTimes.append(point.time);

    // Intraday candles, finest interval first; each used only where nothing finer is.
    QSqlQuery intervals(m_db);
    intervals.setForwardOnly(true);
    intervals.prepare(QStringLiteral("SELECT DISTINCT interval_seconds FROM candles WHERE ticker = ? AND "
                                     "interval_seconds < ? ORDER BY interval_seconds"));
    intervals.addBindValue(ticker);
    intervals.addBindValue(kDaySeconds);
    if (!intervals.exec())
        return queryError(intervals);
    QList<qint64> intradayIntervals;
    while (intervals.next())
        intradayIntervals.append(intervals.value(0).toLongLong());

    const QTimeZone eastern = MarketCalendar::easternZone();
    QSet<qint64> daysWithFinerData; // Julian days in New York
    for (const PricePoint &point : std::as_const(points))
        daysWithFinerData.insert(point.time.toTimeZone(eastern).date().toJulianDay());

    QList<TimeRange> occupied;
    for (qint64 seconds : std::as_const(intradayIntervals)) {
        // From one candle earlier: a candle that starts before `from` may close inside the range.
        Result<QList<StoredCandle>> level = candles(ticker, seconds, from.addSecs(-seconds), to);
        if (!level)
            return level.error();
        QList<TimeRange> accepted;
        for (const StoredCandle &candle : level.value()) {
            if (candle.end < from || candle.end >= to || containsTime(quoteTimes, candle.start, candle.end) ||
                overlaps(occupied, candle.start, candle.end))
                continue;
            accepted.append(TimeRange{candle.start, candle.end});
            points.append(PricePoint{candle.end, candle.close});
            daysWithFinerData.insert(candle.start.toTimeZone(eastern).date().toJulianDay());
        }
        occupied = merged(occupied + accepted);
    }

    Result<QList<StoredCandle>> daily = candles(ticker, kDaySeconds, from.addSecs(-kDaySeconds), to);
    if (!daily)
        return daily.error();
    for (const StoredCandle &candle : daily.value()) {
        const QDate day = candle.start.toTimeZone(eastern).date();
        if (daysWithFinerData.contains(day.toJulianDay()))
            continue;
        const QDateTime closeTime = std::min(QDateTime(day, QTime(16, 0), eastern).toUTC(), candle.end);
        if (closeTime >= from && closeTime < to)
            points.append(PricePoint{closeTime, candle.close});
    }

    std::stable_sort(points.begin(), points.end(),
                     [](const PricePoint &a, const PricePoint &b) { return a.time < b.time; });
    return points;
}

} // namespace trailguard
