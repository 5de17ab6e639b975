#include "storage/HistoryConversion.h"

#include "storage/SqlValues.h"
#include "storage/StorageLogging.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace trailguard::HistoryConversion {

namespace {
// The first schema with price history, and the one that made it compact.
constexpr int kFirstHistorySchema = 5;
constexpr int kCompactHistorySchema = 12;

bool tableExists(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    query.addBindValue(name);
    return query.exec() && query.next();
}

// Runs `sql` with every ? bound to `ticker`; the rows it changed.
Result<qint64> execForTicker(const QSqlDatabase &db, const QString &sql, const QString &ticker)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (int i = 0; i < sql.count(QLatin1Char('?')); ++i)
        query.addBindValue(ticker);
    if (!query.exec())
        return SqlValues::queryError(query);
    return qint64(query.numRowsAffected());
}

Status exec(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return SqlValues::queryError(query);
    return success();
}

Result<qint64> rowsLeft(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT (SELECT count(*) FROM candles_v11) + "
                                   "(SELECT count(*) FROM price_quotes_v11)")) ||
        !query.next())
        return SqlValues::queryError(query);
    return query.value(0).toLongLong();
}

// The first ticker with rows left in either old table; none when both are empty.
Result<std::optional<QString>> nextTicker(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT min(ticker) FROM (SELECT min(ticker) AS ticker FROM candles_v11 "
                                   "UNION ALL SELECT min(ticker) FROM price_quotes_v11)")) ||
        !query.next())
        return SqlValues::queryError(query);
    if (query.value(0).isNull())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

// Copies one ticker's rows into the compact tables and deletes them from the old ones; the rows moved.
// Old times are ISO 8601 UTC text with milliseconds; prices follow SqlValues::priceValue.
Result<qint64> moveTicker(const QSqlDatabase &db, const QString &ticker)
{
    using SqlValues::priceValueSql;
    const auto price = [](const char *column) { return priceValueSql(QLatin1String(column)); };
    const QString tickerId = QStringLiteral("(SELECT id FROM history_tickers WHERE ticker = ?)");
    const QStringList steps{
        QStringLiteral("INSERT OR IGNORE INTO history_tickers (ticker) VALUES (?)"),
        QStringLiteral(
            "INSERT OR IGNORE INTO candle_series (ticker_id, interval_seconds) SELECT DISTINCT %1, "
            "interval_seconds FROM candles_v11 WHERE ticker = ?")
            .arg(tickerId),
        QStringLiteral("INSERT OR REPLACE INTO candles (series_id, start, open, high, low, "
                       "close, volume, peak, stop, clipped_end) SELECT (SELECT id FROM candle_series WHERE "
                       "ticker_id = %1 AND interval_seconds = c.interval_seconds), "
                       "CAST(strftime('%s', start) AS INTEGER), %2, %3, %4, %5, volume, %6, %7, "
                       "CASE WHEN strftime('%s', end) - strftime('%s', start) = interval_seconds THEN NULL "
                       "ELSE CAST(strftime('%s', end) AS INTEGER) END FROM candles_v11 AS c WHERE ticker = ?")
            .arg(tickerId, price("open"), price("high"), price("low"), price("close"), price("peak"),
                 price("stop")),
        QStringLiteral("DELETE FROM candles_v11 WHERE ticker = ?"),
        QStringLiteral("INSERT OR REPLACE INTO price_quotes (ticker_id, time, price, peak, stop) SELECT %1, "
                       "CAST(strftime('%s', time) AS INTEGER) * 1000 + "
                       "CAST(round(strftime('%f', time) * 1000) AS INTEGER) % 1000, %2, %3, %4 "
                       "FROM price_quotes_v11 WHERE ticker = ?")
            .arg(tickerId, price("price"), price("peak"), price("stop")),
        QStringLiteral("DELETE FROM price_quotes_v11 WHERE ticker = ?"),
    };
    qint64 moved = 0;
    for (int i = 0; i < steps.size(); ++i) {
        const Result<qint64> changed = execForTicker(db, steps.at(i), ticker);
        if (!changed)
            return changed.error();
        if (i == 2 || i == 4) // the inserts of candles and of quotes
            moved += changed.value();
    }
    return moved;
}

// One step under the write lock (BEGIN IMMEDIATE: a second process converting the same file waits, then
// finds the next ticker): moves the next ticker, or drops the emptied old tables. The rows moved; -1 when
// nothing was left.
Result<qint64> step(const QSqlDatabase &db)
{
    if (Status begun = exec(db, QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun.error();
    const auto work = [&]() -> Result<qint64> {
        if (!tableExists(db, QStringLiteral("candles_v11")))
            return qint64(-1); // another connection finished it
        const Result<std::optional<QString>> ticker = nextTicker(db);
        if (!ticker)
            return ticker.error();
        if (ticker.value())
            return moveTicker(db, *ticker.value());
        for (const char *sql : {"DROP TABLE candles_v11", "DROP TABLE price_quotes_v11"}) {
            if (Status dropped = exec(db, QString::fromLatin1(sql)); !dropped)
                return dropped.error();
        }
        return qint64(-1);
    };
    const Result<qint64> done = work();
    if (!done) {
        static_cast<void>(exec(db, QStringLiteral("ROLLBACK"))); // the error to report is the one before
        return done;
    }
    if (Status committed = exec(db, QStringLiteral("COMMIT")); !committed) {
        static_cast<void>(exec(db, QStringLiteral("ROLLBACK")));
        return committed.error();
    }
    return done;
}
} // namespace

bool isPending(const QSqlDatabase &db)
{
    return tableExists(db, QStringLiteral("candles_v11"));
}

bool isPendingForFile(const QString &filePath)
{
    static QAtomicInteger<int> counter;
    const QString name = QStringLiteral("trailguard-conversion-check-%1").arg(counter.fetchAndAddRelaxed(1));
    bool pending = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(filePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
                const int version = query.value(0).toInt();
                pending = (version >= kFirstHistorySchema && version < kCompactHistorySchema) ||
                          (version >= kCompactHistorySchema && isPending(db));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return pending;
}

Status run(QSqlDatabase db, const Progress &progress, int maxTickers)
{
    if (!isPending(db))
        return success();
    const Result<qint64> total = rowsLeft(db);
    if (!total) // another connection (another process) may have just finished it
        return isPending(db) ? Status(total.error()) : success();
    if (total.value() > 0)
        qCInfo(lcStorage, "Converting the price history to the compact format: %lld rows", total.value());
    qint64 moved = 0;
    int lastTenth = 0;
    for (int tickers = 0; maxTickers < 0 || tickers < maxTickers; ++tickers) {
        const Result<qint64> stepped = step(db);
        if (!stepped)
            return stepped.error();
        if (stepped.value() < 0) {
            // Frees the old tables' pages; not needed for correctness, so a failure is only logged.
            if (moved > 0 && !exec(db, QStringLiteral("VACUUM")))
                qCWarning(lcStorage, "Could not compact the database after converting the price history");
            if (moved > 0)
                qCInfo(lcStorage, "Price history converted: %lld rows", moved);
            return success();
        }
        moved += stepped.value();
        const int tenth = total.value() > 0 ? int(moved * 10 / total.value()) : 10;
        if (tenth > lastTenth) {
            lastTenth = tenth;
            qCInfo(lcStorage, "Converting the price history: %d%% (%lld of %lld rows)", tenth * 10, moved,
                   total.value());
        }
        if (progress)
            progress(moved, total.value());
    }
    return success(); // stopped early (tests): the rest waits for the next run
}

} // namespace trailguard::HistoryConversion
