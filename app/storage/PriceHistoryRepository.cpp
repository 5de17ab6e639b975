#include "storage/PriceHistoryRepository.h"

#include "storage/ChartHistoryReader.h"
#include "storage/QuoteHeldStops.h"
#include "storage/SqlValues.h"
#include "storage/SqliteStatement.h"
#include "storage/StorageText.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace trailguard {

using namespace SqlValues;

StoredCandle StoredCandle::from(const Candle &candle)
{
    return StoredCandle{candle.start, candle.end,   candle.open,  candle.high,
                        candle.low,   candle.close, candle.volume};
}

namespace {
// The id of `ticker` in history_tickers, looked up inside each statement: ids are not cached, since one
// made in a transaction that is rolled back could be handed to another ticker later.
const QString kTickerId = QStringLiteral("(SELECT id FROM history_tickers WHERE ticker = ?)");
// The id of the candle series of a ticker and an interval (bound in that order).
const QString kSeriesId = QStringLiteral("(SELECT s.id FROM candle_series AS s JOIN history_tickers AS t ON "
                                         "t.id = s.ticker_id WHERE t.ticker = ? AND s.interval_seconds = ?)");
} // namespace

PriceHistoryRepository::PriceHistoryRepository(QSqlDatabase db)
    : m_db(std::move(db))
{}

Status PriceHistoryRepository::ensureTicker(const QString &ticker)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO history_tickers (ticker) VALUES (?)"));
    query.addBindValue(ticker);
    if (!query.exec())
        return queryError(query);
    return success();
}

// The statements recordQuote runs for every processed quote, prepared once: preparing them took most of
// its time.
// recordQuote's statements, prepared once and kept: the monitor records every quote of every cycle.
struct PriceHistoryRepository::QuoteStatements {
    explicit QuoteStatements(const QSqlDatabase &db)
        : ensureTicker(db, QStringLiteral("INSERT OR IGNORE INTO history_tickers (ticker) VALUES (?)"))
        , insert(db,
                 QStringLiteral("INSERT OR REPLACE INTO price_quotes (ticker_id, time, price, peak, stop) "
                                "VALUES (%1, ?, ?, ?, ?)")
                     .arg(kTickerId))
        , heldStops(db)
    {}
    SqliteStatement ensureTicker;
    SqliteStatement insert;
    QuoteHeldStops heldStops;
};

Status PriceHistoryRepository::recordQuote(const QString &ticker, const QDateTime &time, double price,
                                           std::optional<double> peak, std::optional<double> stop)
{
    if (ticker.isEmpty() || !time.isValid() || !(price > 0))
        return Error{ErrorCode::InvalidPrice,
                     StorageText::tr("A quote needs a ticker, a time and a positive price.")};
    if (!m_quoteStatements)
        m_quoteStatements = std::make_shared<QuoteStatements>(m_db);
    QuoteStatements &statements = *m_quoteStatements;
    statements.ensureTicker.bindText(1, ticker);
    if (Status added = statements.ensureTicker.execute(); !added)
        return added;
    // The held pair only where it changes (QuoteHeldStops).
    const std::optional<QuoteHeldStops::Pair> held =
        peak && stop ? std::optional(QuoteHeldStops::Pair{*peak, *stop}) : std::nullopt;
    const Result<QuoteHeldStops::Insert> insert =
        statements.heldStops.planInsert(ticker, epochMs(time), held);
    if (!insert)
        return insert.error();
    const std::optional<QuoteHeldStops::Pair> &stored = insert.value().stored;
    SqliteStatement &row = statements.insert;
    row.bindText(1, ticker);
    row.bindInt64(2, epochMs(time));
    row.bindPrice(3, price);
    row.bindPrice(4, stored ? std::optional(stored->peak) : std::nullopt);
    row.bindPrice(5, stored ? std::optional(stored->stop) : std::nullopt);
    if (Status written = row.execute(); !written)
        return written;
    return statements.heldStops.applyFix(ticker, insert.value());
}

Result<QList<PricePoint>> PriceHistoryRepository::quotes(const QString &ticker, const QDateTime &from,
                                                         const QDateTime &to) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT time, price FROM price_quotes WHERE ticker_id = %1 AND time >= ? AND "
                       "time < ? ORDER BY time")
            .arg(kTickerId));
    query.addBindValue(ticker);
    query.addBindValue(epochMs(from));
    query.addBindValue(epochMs(to));
    if (!query.exec())
        return queryError(query);
    QList<PricePoint> points;
    while (query.next())
        points.append(PricePoint{fromEpochMs(query.value(0)), readPrice(query.value(1))});
    return points;
}

Result<QStringList> PriceHistoryRepository::tickersWithQuotesBefore(const QDateTime &before) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ticker FROM history_tickers AS t WHERE EXISTS (SELECT 1 FROM "
                                 "price_quotes WHERE ticker_id = t.id AND time < ?) ORDER BY ticker"));
    query.addBindValue(epochMs(before));
    if (!query.exec())
        return queryError(query);
    QStringList tickers;
    while (query.next())
        tickers.append(query.value(0).toString());
    return tickers;
}

Result<int> PriceHistoryRepository::removeQuotesBefore(const QString &ticker, const QDateTime &before)
{
    if (Status kept = QuoteHeldStops(m_db).keepCarriedPairAt(ticker, epochMs(before)); !kept)
        return kept.error();
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("DELETE FROM price_quotes WHERE ticker_id = %1 AND time < ?").arg(kTickerId));
    query.addBindValue(ticker);
    query.addBindValue(epochMs(before));
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
    QList<CandleRow> rows;
    rows.reserve(candles.size());
    for (const StoredCandle &candle : candles) {
        if (!candle.start.isValid() || !candle.end.isValid())
            return Error{ErrorCode::InvalidPrice,
                         StorageText::tr("A candle of %1 has no valid time or close.").arg(ticker)};
        rows.append(CandleRow{epochSeconds(candle.start), epochSeconds(candle.end), candle.open, candle.high,
                              candle.low, candle.close, candle.volume, candle.peak, candle.stop});
    }
    return storeCandleRows(ticker, intervalSeconds, rows, covered);
}

Status PriceHistoryRepository::storeCandleRows(const QString &ticker, qint64 intervalSeconds,
                                               const QList<CandleRow> &candles,
                                               std::optional<TimeRange> covered)
{
    return inTransaction(m_db, [&]() -> Status {
        const Result<qint64> seriesId = ensureSeries(ticker, intervalSeconds);
        if (!seriesId)
            return seriesId.error();
        for (const CandleRow &candle : candles) {
            if (!(candle.close > 0))
                return Error{ErrorCode::InvalidPrice,
                             StorageText::tr("A candle of %1 has no valid time or close.").arg(ticker)};
        }
        // Through SQLite's C API: an import stores millions of candles, and each one bound through
        // QSqlQuery costs ten times what SQLite needs to store it.
        if (Status stored = CandleUpsert(m_db).store(seriesId.value(), intervalSeconds, candles); !stored)
            return stored;
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
    query.prepare(QStringLiteral("SELECT start, open, high, low, close, volume, peak, stop, clipped_end FROM "
                                 "candles WHERE series_id = %1 AND start >= ? AND start < ? ORDER BY start")
                      .arg(kSeriesId));
    query.addBindValue(ticker);
    query.addBindValue(intervalSeconds);
    // A start is a whole second: the first one at or after `from`, the first one at or after `to`.
    query.addBindValue(epochSeconds(from) + (from.time().msec() > 0 ? 1 : 0));
    query.addBindValue(epochSeconds(to) + (to.time().msec() > 0 ? 1 : 0));
    if (!query.exec())
        return queryError(query);
    QList<StoredCandle> out;
    while (query.next()) {
        StoredCandle candle;
        const qint64 start = query.value(0).toLongLong();
        candle.start = fromEpochSeconds(start);
        candle.end =
            fromEpochSeconds(query.value(8).isNull() ? start + intervalSeconds : query.value(8).toLongLong());
        candle.open = readOptionalPrice(query.value(1));
        candle.high = readOptionalPrice(query.value(2));
        candle.low = readOptionalPrice(query.value(3));
        candle.close = readPrice(query.value(4));
        if (!query.value(5).isNull())
            candle.volume = query.value(5).toLongLong();
        candle.peak = readOptionalPrice(query.value(6));
        candle.stop = readOptionalPrice(query.value(7));
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
    return QuoteHeldStops(m_db).inRange(ticker, epochMs(from), epochMs(to));
}

Result<qint64> PriceHistoryRepository::ensureSeries(const QString &ticker, qint64 intervalSeconds)
{
    if (Status known = ensureTicker(ticker); !known)
        return known.error();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO candle_series (ticker_id, interval_seconds) VALUES "
                                 "(%1, ?)")
                      .arg(kTickerId));
    query.addBindValue(ticker);
    query.addBindValue(intervalSeconds);
    if (!query.exec())
        return queryError(query);
    query.prepare(QStringLiteral("SELECT %1").arg(kSeriesId));
    query.addBindValue(ticker);
    query.addBindValue(intervalSeconds);
    if (!query.exec() || !query.next())
        return queryError(query);
    return query.value(0).toLongLong();
}

Result<QList<qint64>> PriceHistoryRepository::candleIntervals(const QString &ticker, qint64 below) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT s.interval_seconds FROM candle_series AS s JOIN history_tickers AS t ON "
                       "t.id = s.ticker_id WHERE t.ticker = ? AND s.interval_seconds < ? AND EXISTS "
                       "(SELECT 1 FROM candles WHERE series_id = s.id) ORDER BY s.interval_seconds"));
    query.addBindValue(ticker);
    query.addBindValue(below);
    if (!query.exec())
        return queryError(query);
    QList<qint64> intervals;
    while (query.next())
        intervals.append(query.value(0).toLongLong());
    return intervals;
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
