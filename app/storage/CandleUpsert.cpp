#include "storage/CandleUpsert.h"

#include "storage/SqlValues.h"
#include "storage/StorageLogging.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace trailguard {

namespace {
class CandleUpsertText {
    Q_DECLARE_TR_FUNCTIONS(Storage)
};

constexpr char kCandleUpsertSql[] =
    "INSERT INTO candles (series_id, start, open, high, low, close, volume, peak, stop, clipped_end) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
    "ON CONFLICT (series_id, start) DO UPDATE SET clipped_end = excluded.clipped_end, "
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
                           CandleUpsertText::tr("A database command failed: %1")
                               .arg(QStringLiteral("the connection is not an open SQLite database"))};
        return;
    }
    if (sqlite3_prepare_v2(m_handle, kCandleUpsertSql, -1, &m_statement, nullptr) != SQLITE_OK)
        m_prepared = sqliteError("prepare");
}

CandleUpsert::~CandleUpsert()
{
    sqlite3_finalize(m_statement);
}

Error CandleUpsert::sqliteError(const char *what) const
{
    const QString reason = QString::fromUtf8(sqlite3_errmsg(m_handle));
    qCWarning(lcStorage) << "Storing candles failed (" << what << "):" << reason;
    return Error{ErrorCode::DatabaseQuery, CandleUpsertText::tr("A database command failed: %1").arg(reason)};
}

Status CandleUpsert::store(qint64 seriesId, qint64 intervalSeconds, const CandleRow &candle)
{
    if (!m_prepared)
        return m_prepared;
    sqlite3_stmt *statement = m_statement;
    int bound = sqlite3_bind_int64(statement, 1, seriesId);
    bound |= sqlite3_bind_int64(statement, 2, candle.start);
    bound |= bindCandlePrice(statement, 3, candle.open);
    bound |= bindCandlePrice(statement, 4, candle.high);
    bound |= bindCandlePrice(statement, 5, candle.low);
    bound |= bindCandlePrice(statement, 6, candle.close);
    bound |=
        candle.volume ? sqlite3_bind_int64(statement, 7, *candle.volume) : sqlite3_bind_null(statement, 7);
    bound |= bindCandlePrice(statement, 8, candle.peak);
    bound |= bindCandlePrice(statement, 9, candle.stop);
    bound |= candle.end == candle.start + intervalSeconds ? sqlite3_bind_null(statement, 10)
                                                          : sqlite3_bind_int64(statement, 10, candle.end);
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
