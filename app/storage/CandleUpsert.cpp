#include "storage/CandleUpsert.h"

#include "storage/SqlValues.h"
#include "storage/StorageLogging.h"
#include "storage/StorageText.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace trailguard {

namespace {
constexpr char kCandleUpsertColumns[] =
    "INSERT INTO candles (series_id, start, open, high, low, close, volume, peak, stop, clipped_end) VALUES ";
constexpr char kCandleUpsertRow[] = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr int kCandleUpsertParameters = 10;
constexpr char kCandleUpsertConflict[] =
    " ON CONFLICT (series_id, start) DO UPDATE SET clipped_end = excluded.clipped_end, "
    "open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, "
    "volume = excluded.volume, peak = coalesce(excluded.peak, peak), stop = coalesce(excluded.stop, stop)";

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

// The price rule of SqlValues::priceValue: exact ten-thousandths as an INTEGER, else the REAL.
int bindCandlePrice(sqlite3_stmt *statement, int index, const std::optional<double> &price)
{
    if (!price)
        return sqlite3_bind_null(statement, index);
    if (const std::optional<qint64> scaled = SqlValues::exactTenThousandths(*price))
        return sqlite3_bind_int64(statement, index, *scaled);
    return sqlite3_bind_double(statement, index, *price);
}
} // namespace

CandleUpsert::CandleUpsert(const QSqlDatabase &db)
    : m_handle(sqliteHandle(db))
{
    if (!m_handle) {
        m_prepared = Error{ErrorCode::DatabaseQuery,
                           StorageText::tr("A database command failed: %1")
                               .arg(QStringLiteral("the connection is not an open SQLite database"))};
    }
}

CandleUpsert::~CandleUpsert()
{
    for (sqlite3_stmt *statement : m_statements)
        sqlite3_finalize(statement);
}

Status CandleUpsert::prepare(sqlite3_stmt *&statement, qsizetype rows)
{
    QByteArray sql(kCandleUpsertColumns);
    for (qsizetype row = 0; row < rows; ++row)
        sql.append(row == 0 ? "" : ", ").append(kCandleUpsertRow);
    sql.append(kCandleUpsertConflict);
    if (sqlite3_prepare_v2(m_handle, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK)
        return sqliteError("prepare");
    return success();
}

Error CandleUpsert::sqliteError(const char *what) const
{
    const QString reason = QString::fromUtf8(sqlite3_errmsg(m_handle));
    qCWarning(lcStorage) << "Storing candles failed (" << what << "):" << reason;
    return Error{ErrorCode::DatabaseQuery, StorageText::tr("A database command failed: %1").arg(reason)};
}

Status CandleUpsert::store(qint64 seriesId, qint64 intervalSeconds, const QList<CandleRow> &candles)
{
    if (!m_prepared)
        return m_prepared;
    qsizetype first = 0;
    for (std::size_t size = 0; size < kStatementRows.size(); ++size) {
        const qsizetype rows = kStatementRows[size];
        if (candles.size() - first < rows)
            continue;
        // Prepared when first needed: a few daily candles need no 200-row statement.
        if (!m_statements[size]) {
            if (Status prepared = prepare(m_statements[size], rows); !prepared)
                return prepared;
        }
        for (; first + rows <= candles.size(); first += rows) {
            if (Status stored =
                    run(m_statements[size], seriesId, intervalSeconds, candles.constData() + first, rows);
                !stored)
                return stored;
        }
    }
    return success();
}

Status CandleUpsert::run(sqlite3_stmt *statement, qint64 seriesId, qint64 intervalSeconds,
                         const CandleRow *candles, qsizetype rows)
{
    int bound = SQLITE_OK;
    for (qsizetype row = 0; row < rows; ++row) {
        const CandleRow &candle = candles[row];
        const int at = int(row) * kCandleUpsertParameters;
        bound |= sqlite3_bind_int64(statement, at + 1, seriesId);
        bound |= sqlite3_bind_int64(statement, at + 2, candle.start);
        bound |= bindCandlePrice(statement, at + 3, candle.open);
        bound |= bindCandlePrice(statement, at + 4, candle.high);
        bound |= bindCandlePrice(statement, at + 5, candle.low);
        bound |= bindCandlePrice(statement, at + 6, candle.close);
        bound |= candle.volume ? sqlite3_bind_int64(statement, at + 7, *candle.volume)
                               : sqlite3_bind_null(statement, at + 7);
        bound |= bindCandlePrice(statement, at + 8, candle.peak);
        bound |= bindCandlePrice(statement, at + 9, candle.stop);
        bound |= candle.end == candle.start + intervalSeconds
                     ? sqlite3_bind_null(statement, at + 10)
                     : sqlite3_bind_int64(statement, at + 10, candle.end);
    }
    if (bound != SQLITE_OK)
        return sqliteError("bind");
    if (sqlite3_step(statement) != SQLITE_DONE) {
        const Error failed = sqliteError("step"); // before the reset, which would clear the message
        sqlite3_reset(statement);
        return failed;
    }
    sqlite3_reset(statement);
    return success();
}

} // namespace trailguard
