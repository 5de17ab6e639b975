#pragma once

#include "common/Result.h"
#include "domain/StockState.h"

#include <QList>
#include <QSqlDatabase>

#include <map>
#include <memory>
#include <utility>

namespace trailguard {

class SqliteStatement;

// Writes the same set of state columns for many stocks rows with one statement per chunk of rows,
// `UPDATE stocks SET … FROM (VALUES (?, …), …) WHERE stocks.ticker = ticker`: SQLite's work per statement
// run (preparing the VM, resetting it, the step) is then paid once per chunk instead of once per row.
// A statement is prepared once per (columns, rows) and kept across calls, as StockRepository's are.
class StockBatchWriter {
public:
    explicit StockBatchWriter(QSqlDatabase db);
    ~StockBatchWriter();

    // The chunk sizes, largest first; fewer rows than the smallest are left to the caller.
    static constexpr int kChunkRows[] = {64, 16, 4};

    // Writes `columns` (StockColumns bits) of the given stocks, whose tickers must differ. Answers how
    // many rows SQLite updated: fewer than stocks.size() when a ticker is not stored.
    Result<int> write(quint32 columns, const QList<const StockState *> &stocks);

private:
    SqliteStatement &statement(quint32 columns, int rows);

    QSqlDatabase m_db;
    std::map<std::pair<quint32, int>, std::unique_ptr<SqliteStatement>> m_statements;
};

} // namespace trailguard
