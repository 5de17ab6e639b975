#pragma once

#include "common/Result.h"
#include "domain/StockState.h"

#include <QList>
#include <QSqlDatabase>

#include <memory>
#include <optional>
#include <unordered_map>

class QSqlQuery;

namespace trailguard {

class SqliteStatement;

// Reads and writes rows of the `stocks` table. No business rules: validation happens before. A stock is
// read with its rules and inserted with them; update() leaves them alone (see RuleRepository).
class StockRepository {
public:
    explicit StockRepository(QSqlDatabase db);
    ~StockRepository();
    StockRepository(StockRepository &&) noexcept;
    StockRepository &operator=(StockRepository &&) noexcept;

    Result<QList<StockState>> all() const;
    Result<std::optional<StockState>> find(const QString &ticker) const;

    // Fails with DuplicateTicker when the ticker is already stored, changing nothing.
    Status insert(const StockState &stock);
    // Fails with UnknownTicker when the ticker is not stored.
    Status update(const StockState &stock);
    // Writes only the columns whose stored values differ between `before` (the row as stored) and `stock`,
    // and nothing when none does: a polling cycle changes a few columns of each row. Fails with
    // UnknownTicker when there is something to write and the ticker is not stored.
    Status updateChanged(const StockState &before, const StockState &stock);
    // Updates many stocks in one transaction: all are saved or none.
    Status updateAll(const QList<StockState> &stocks);
    Status remove(const QString &ticker);

    // SQLite's PRAGMA data_version: changes when another connection (another process, a worker) commits to
    // the database, never for this connection's own writes. Cheap: a cache can ask before every use.
    Result<qint64> dataVersion() const;

    QSqlDatabase database() const { return m_db; }

private:
    // One UPDATE per set of columns (a bit per state column), kept prepared on the connection across calls
    // and run through SQLite's C API: a monitoring cycle updates many rows, mostly the same few columns.
    SqliteStatement &updateStatement(quint32 columns);
    // The stock's quote columns live in `stock_quotes`, the others in `stocks` (migration 16).
    Status writeColumns(const StockState &stock, quint32 columns);
    Status writeColumnsOfOneTable(const StockState &stock, quint32 columns);

    QSqlDatabase m_db;
    std::unordered_map<quint32, std::unique_ptr<SqliteStatement>> m_updateStatements;
    mutable std::unique_ptr<QSqlQuery> m_dataVersionQuery;
};

} // namespace trailguard
