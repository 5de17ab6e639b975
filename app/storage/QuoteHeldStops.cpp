#include "storage/QuoteHeldStops.h"

#include "storage/SqlValues.h"
#include "storage/SqliteStatement.h"

#include <QSqlQuery>
#include <QVariant>

namespace trailguard {

using namespace SqlValues;

namespace {
const QString kHeldTickerId = QStringLiteral("(SELECT id FROM history_tickers WHERE ticker = ?)");

// A stored pair, or nothing for a NULL (as the quote before).
std::optional<QuoteHeldStops::Pair> storedPair(const QVariant &peak, const QVariant &stop)
{
    if (peak.isNull() || stop.isNull())
        return std::nullopt;
    return QuoteHeldStops::Pair{readPrice(peak), readPrice(stop)};
}
} // namespace

QuoteHeldStops::QuoteHeldStops(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<QuoteHeldStops::Insert> QuoteHeldStops::planInsert(const QString &ticker, qint64 timeMs,
                                                          const std::optional<Pair> &held) const
{
    // One statement for the three neighbours: the next quote (1), the quote this one replaces (0) and the
    // pair in force among the last kLookBack quotes before it (-1). Prepared once. The last one takes the
    // latest pair by max(time) (SQLite reads a bare column from the row holding the max) rather than
    // ORDER BY … LIMIT 1, which built a temporary b-tree for every quote recorded (a third of recording).
    // Through SQLite's C API: QSqlQuery's six QVariant binds and row reads cost more than SQLite's search.
    // Named parameters, each bound once (SQLite gives a repeated name one number).
    if (!m_neighbours) {
        const QString tickerId = QStringLiteral("(SELECT id FROM history_tickers WHERE ticker = :ticker)");
        m_neighbours = std::make_shared<SqliteStatement>(
            m_db,
            QStringLiteral(
                "SELECT 1, time, peak, stop FROM (SELECT time, peak, stop FROM price_quotes WHERE ticker_id "
                "= %1 AND time > :time ORDER BY time LIMIT 1) "
                "UNION ALL SELECT 0, time, peak, stop FROM price_quotes WHERE ticker_id = %1 AND time = "
                ":time UNION ALL SELECT -1, max(time), peak, stop FROM (SELECT time, peak, stop FROM "
                "price_quotes WHERE ticker_id = %1 AND time < :time ORDER BY time DESC LIMIT %2) WHERE "
                "peak IS NOT NULL AND stop IS NOT NULL")
                .arg(tickerId)
                .arg(kLookBack));
    }
    SqliteStatement &query = *m_neighbours;
    query.bindText(1, ticker);
    query.bindInt64(2, timeMs);
    std::optional<qint64> nextTime;
    bool nextCarries = false;
    std::optional<Pair> replaced;
    std::optional<Pair> recent;
    const Status read = query.forEachRow([&](const SqliteRow &row) {
        const qint64 which = row.int64(0);
        std::optional<Pair> pair;
        if (!row.isNull(2) && !row.isNull(3))
            pair = Pair{row.price(2), row.price(3)};
        if (which > 0) {
            nextTime = row.int64(1);
            nextCarries = !pair;
        } else if (which == 0) {
            replaced = pair;
        } else {
            recent = pair;
        }
    });
    if (!read)
        return read.error();
    Insert insert;
    if (held && (!recent || *recent != *held))
        insert.stored = held;
    if (!nextTime || !nextCarries)
        return insert;
    // Out of time order: the next quote carried the pair in force here; it keeps it written out.
    const Result<std::optional<Pair>> inForce = before(ticker, timeMs);
    if (!inForce)
        return inForce.error();
    const std::optional<Pair> carriedBefore = replaced ? replaced : inForce.value();
    const std::optional<Pair> carriedAfter = insert.stored ? insert.stored : inForce.value();
    if (carriedBefore && carriedBefore != carriedAfter) {
        insert.fixTimeMs = nextTime;
        insert.fixPair = *carriedBefore;
    }
    return insert;
}

Status QuoteHeldStops::applyFix(const QString &ticker, const Insert &insert)
{
    return insert.fixTimeMs ? writePair(ticker, *insert.fixTimeMs, insert.fixPair) : success();
}

Result<std::optional<QuoteHeldStops::Pair>> QuoteHeldStops::before(const QString &ticker, qint64 timeMs) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT peak, stop FROM price_quotes WHERE ticker_id = %1 AND time < ? AND "
                                 "peak IS NOT NULL AND stop IS NOT NULL ORDER BY time DESC LIMIT 1")
                      .arg(kHeldTickerId));
    query.addBindValue(ticker);
    query.addBindValue(timeMs);
    if (!query.exec())
        return queryError(query);
    if (!query.next())
        return std::optional<Pair>();
    return storedPair(query.value(0), query.value(1));
}

Result<QList<StopPoint>> QuoteHeldStops::inRange(const QString &ticker, qint64 fromMs, qint64 toMs) const
{
    QList<StopPoint> held;
    const Result<std::optional<Pair>> seed = before(ticker, fromMs);
    if (!seed)
        return seed.error();
    if (seed.value()) {
        // The window's first quote carries the pair in force before it, unless it has one of its own.
        QSqlQuery first(m_db);
        first.setForwardOnly(true);
        first.prepare(QStringLiteral("SELECT time, peak, stop FROM price_quotes WHERE ticker_id = %1 AND "
                                     "time >= ? AND time < ? ORDER BY time LIMIT 1")
                          .arg(kHeldTickerId));
        first.addBindValue(ticker);
        first.addBindValue(fromMs);
        first.addBindValue(toMs);
        if (!first.exec())
            return queryError(first);
        if (first.next() && !storedPair(first.value(1), first.value(2)))
            held.append(StopPoint{fromEpochMs(first.value(0)), seed.value()->peak, seed.value()->stop});
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT time, peak, stop FROM price_quotes WHERE ticker_id = %1 AND time >= ? "
                       "AND time < ? AND peak IS NOT NULL AND stop IS NOT NULL ORDER BY time")
            .arg(kHeldTickerId));
    query.addBindValue(ticker);
    query.addBindValue(fromMs);
    query.addBindValue(toMs);
    if (!query.exec())
        return queryError(query);
    while (query.next())
        held.append(
            StopPoint{fromEpochMs(query.value(0)), readPrice(query.value(1)), readPrice(query.value(2))});
    return held;
}

Status QuoteHeldStops::keepCarriedPairAt(const QString &ticker, qint64 timeMs)
{
    const Result<std::optional<Pair>> inForce = before(ticker, timeMs);
    if (!inForce)
        return inForce.error();
    if (!inForce.value())
        return success();
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE price_quotes SET peak = ?, stop = ? WHERE ticker_id = %1 AND time = "
                       "(SELECT min(time) FROM price_quotes WHERE ticker_id = %1 AND time >= ?) AND "
                       "(peak IS NULL OR stop IS NULL)")
            .arg(kHeldTickerId));
    query.addBindValue(priceValue(inForce.value()->peak));
    query.addBindValue(priceValue(inForce.value()->stop));
    query.addBindValue(ticker);
    query.addBindValue(ticker);
    query.addBindValue(timeMs);
    if (!query.exec())
        return queryError(query);
    return success();
}

Status QuoteHeldStops::writePair(const QString &ticker, qint64 timeMs, const Pair &pair)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE price_quotes SET peak = ?, stop = ? WHERE ticker_id = %1 AND time = ?")
            .arg(kHeldTickerId));
    query.addBindValue(priceValue(pair.peak));
    query.addBindValue(priceValue(pair.stop));
    query.addBindValue(ticker);
    query.addBindValue(timeMs);
    if (!query.exec())
        return queryError(query);
    return success();
}

} // namespace trailguard
