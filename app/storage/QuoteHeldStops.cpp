#include "storage/QuoteHeldStops.h"

#include "storage/SqlValues.h"

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
    if (!m_neighbours) {
        m_neighbours = std::make_shared<QSqlQuery>(m_db);
        m_neighbours->setForwardOnly(true);
        m_neighbours->prepare(
            QStringLiteral(
                "SELECT 1, time, peak, stop FROM (SELECT time, peak, stop FROM price_quotes WHERE ticker_id "
                "= "
                "%1 AND time > ? ORDER BY time LIMIT 1) "
                "UNION ALL SELECT 0, time, peak, stop FROM price_quotes WHERE ticker_id = %1 AND time = ? "
                "UNION ALL SELECT -1, max(time), peak, stop FROM (SELECT time, peak, stop FROM price_quotes "
                "WHERE ticker_id = %1 AND time < ? ORDER BY time DESC LIMIT %2) WHERE peak IS NOT NULL AND "
                "stop IS NOT NULL")
                .arg(kHeldTickerId)
                .arg(kLookBack));
    }
    QSqlQuery &query = *m_neighbours;
    for (int i = 0; i < 3; ++i) {
        query.bindValue(2 * i, ticker);
        query.bindValue(2 * i + 1, timeMs);
    }
    if (!query.exec())
        return queryError(query);
    std::optional<qint64> nextTime;
    bool nextCarries = false;
    std::optional<Pair> replaced;
    std::optional<Pair> recent;
    while (query.next()) {
        const int which = query.value(0).toInt();
        const std::optional<Pair> pair = storedPair(query.value(2), query.value(3));
        if (which > 0) {
            nextTime = query.value(1).toLongLong();
            nextCarries = !pair;
        } else if (which == 0) {
            replaced = pair;
        } else {
            recent = pair;
        }
    }
    query.finish();
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
