#pragma once

#include "common/Result.h"
#include "domain/StockState.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace trailguard {

// Reads and writes rows of the `stocks` table. No business rules: validation happens before.
class StockRepository {
public:
    explicit StockRepository(QSqlDatabase db);

    Result<QList<StockState>> all() const;
    Result<std::optional<StockState>> find(const QString &ticker) const;

    // Fails with DuplicateTicker when the ticker is already stored, changing nothing.
    Status insert(const StockState &stock);
    // Fails with UnknownTicker when the ticker is not stored.
    Status update(const StockState &stock);
    // Updates many stocks in one transaction: all are saved or none.
    Status updateAll(const QList<StockState> &stocks);
    Status remove(const QString &ticker);

    QSqlDatabase database() const { return m_db; }

private:
    QSqlDatabase m_db;
};

} // namespace trailguard
