#pragma once

#include "common/Result.h"

#include <QList>
#include <QSqlDatabase>

#include <array>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace trailguard {

// A candle as the candles table holds it: times as epoch seconds (UTC), so storing millions of them
// costs no QDateTime. Prices and the volume as in StoredCandle.
struct CandleRow {
    qint64 start = 0;
    qint64 end = 0;
    std::optional<double> open;
    std::optional<double> high;
    std::optional<double> low;
    double close = 0;
    std::optional<qint64> volume;
    std::optional<double> peak;
    std::optional<double> stop;

    bool operator==(const CandleRow &) const = default;
};

// Inserts or replaces candles (same series and start; a held peak and stop already stored stay when the
// new candle has none) through prepared multi-row statements of kStatementRows rows (the rest in the
// smaller ones, largest first), bound by index and reset, on the SQLite handle under the Qt connection:
// Qt's driver spends ~10 µs a candle on QVariant binds, SQLite itself under 1 µs (1.7 µs with one row per
// statement). 200 rows a statement cost ~15 % less CPU than 50; 500 no less than 200. Runs inside the
// caller's transaction; the statements are prepared when first needed and kept. Needs the Qt plugin to use
// the SQLite library this links (Debian's libqsqlite uses the system libsqlite3).
class CandleUpsert {
public:
    explicit CandleUpsert(const QSqlDatabase &db);
    ~CandleUpsert();
    CandleUpsert(const CandleUpsert &) = delete;
    CandleUpsert &operator=(const CandleUpsert &) = delete;

    // Stores `candles` in the series `seriesId`, in order; an end is kept only when it is not start +
    // interval.
    Status store(qint64 seriesId, qint64 intervalSeconds, const QList<CandleRow> &candles);

    static constexpr std::array<qsizetype, 4> kStatementRows{200, 40, 8, 1};

private:
    Error sqliteError(const char *what) const;
    Status prepare(sqlite3_stmt *&statement, qsizetype rows);
    Status run(sqlite3_stmt *statement, qint64 seriesId, qint64 intervalSeconds, const CandleRow *candles,
               qsizetype rows);

    sqlite3 *m_handle = nullptr;
    std::array<sqlite3_stmt *, kStatementRows.size()> m_statements{}; // one per size of kStatementRows
    Status m_prepared = success(); // an error when the connection has no SQLite handle
};

} // namespace trailguard
