#pragma once

#include "common/Result.h"
#include "domain/Holding.h"

#include <QList>
#include <QSqlDatabase>

namespace trailguard {

// Reads and writes the `portfolio_accounts` and `positions` tables (migration 7).
class HoldingRepository {
public:
    explicit HoldingRepository(QSqlDatabase db);

    Result<QList<PortfolioAccount>> accounts() const;
    // Adds the account, or updates its type when it is already there (addedAt is kept).
    Status saveAccount(const PortfolioAccount &account);
    // Forgets the account and its holdings.
    Status removeAccount(const QString &number);

    // Every holding, ordered by ticker then account.
    Result<QList<Holding>> all() const;
    // Replaces what `accountNumber` holds with `holdings`, and stamps the account as synced at `syncedAt`,
    // in one transaction. The account must have been saved.
    Status replaceHoldings(const QString &accountNumber, const QList<Holding> &holdings,
                           const QDateTime &syncedAt);

private:
    QSqlDatabase m_db;
};

} // namespace trailguard
