#include "storage/HoldingRepository.h"

#include "storage/SqlValues.h"
#include "storage/StorageLogging.h"
#include "storage/StorageText.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace trailguard {

HoldingRepository::HoldingRepository(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<QList<PortfolioAccount>> HoldingRepository::accounts() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT number, type, added_at, synced_at FROM portfolio_accounts ORDER BY number")))
        return SqlValues::queryError(query);
    QList<PortfolioAccount> accounts;
    while (query.next())
        accounts.append(PortfolioAccount{query.value(0).toString(), query.value(1).toString(),
                                         SqlValues::readTime(query.value(2)),
                                         SqlValues::readTime(query.value(3))});
    return accounts;
}

Status HoldingRepository::saveAccount(const PortfolioAccount &account)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO portfolio_accounts (number, type, added_at, synced_at) VALUES (:number, :type, "
        ":added_at, :synced_at) ON CONFLICT (number) DO UPDATE SET type = excluded.type"));
    query.bindValue(QStringLiteral(":number"), account.number);
    query.bindValue(QStringLiteral(":type"), account.type.isNull() ? QStringLiteral("") : account.type);
    query.bindValue(QStringLiteral(":added_at"),
                    SqlValues::optionalTime(account.addedAt.isValid() ? account.addedAt
                                                                      : QDateTime::currentDateTimeUtc()));
    query.bindValue(QStringLiteral(":synced_at"), SqlValues::optionalTime(account.syncedAt));
    if (!query.exec())
        return SqlValues::queryError(query);
    return success();
}

Status HoldingRepository::removeAccount(const QString &number)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM portfolio_accounts WHERE number = :number"));
    query.bindValue(QStringLiteral(":number"), number);
    if (!query.exec())
        return SqlValues::queryError(query);
    return success();
}

Result<QList<Holding>> HoldingRepository::all() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT account_number, ticker, symbol, symbol_id, quantity, market_value, current_price, "
            "average_entry_price, open_pnl, currency, updated_at FROM positions ORDER BY ticker, "
            "account_number")))
        return SqlValues::queryError(query);
    QList<Holding> holdings;
    while (query.next()) {
        Holding holding;
        holding.accountNumber = query.value(0).toString();
        holding.ticker = query.value(1).toString();
        holding.symbol = query.value(2).toString();
        holding.symbolId = query.value(3).toLongLong();
        holding.quantity = query.value(4).toDouble();
        holding.marketValue = SqlValues::readOptional(query.value(5));
        holding.currentPrice = SqlValues::readOptional(query.value(6));
        holding.averageEntryPrice = SqlValues::readOptional(query.value(7));
        holding.openPnl = SqlValues::readOptional(query.value(8));
        holding.currency = query.value(9).toString();
        holding.updatedAt = SqlValues::readTime(query.value(10));
        holdings.append(holding);
    }
    return holdings;
}

Status HoldingRepository::replaceHoldings(const QString &accountNumber, const QList<Holding> &holdings,
                                          const QDateTime &syncedAt)
{
    return inTransaction(m_db, [&]() -> Status {
        QSqlQuery stamp(m_db);
        stamp.prepare(QStringLiteral("UPDATE portfolio_accounts SET synced_at = :at WHERE number = :number"));
        stamp.bindValue(QStringLiteral(":at"), SqlValues::optionalTime(syncedAt));
        stamp.bindValue(QStringLiteral(":number"), accountNumber);
        if (!stamp.exec())
            return SqlValues::queryError(stamp);
        if (stamp.numRowsAffected() == 0)
            return Error{
                ErrorCode::InvalidArguments,
                StorageText::tr("Account %1 is not among the imported accounts.").arg(accountNumber)};

        QSqlQuery clear(m_db);
        clear.prepare(QStringLiteral("DELETE FROM positions WHERE account_number = :number"));
        clear.bindValue(QStringLiteral(":number"), accountNumber);
        if (!clear.exec())
            return SqlValues::queryError(clear);

        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral(
            "INSERT INTO positions (account_number, ticker, symbol, symbol_id, quantity, market_value, "
            "current_price, average_entry_price, open_pnl, currency, updated_at) VALUES (:account, :ticker, "
            ":symbol, :symbol_id, :quantity, :market_value, :current_price, :average_entry_price, :open_pnl, "
            ":currency, :updated_at)"));
        for (const Holding &holding : holdings) {
            insert.bindValue(QStringLiteral(":account"), accountNumber);
            insert.bindValue(QStringLiteral(":ticker"), holding.ticker);
            insert.bindValue(QStringLiteral(":symbol"), holding.symbol);
            insert.bindValue(QStringLiteral(":symbol_id"), holding.symbolId);
            insert.bindValue(QStringLiteral(":quantity"), holding.quantity);
            insert.bindValue(QStringLiteral(":market_value"), SqlValues::optionalValue(holding.marketValue));
            insert.bindValue(QStringLiteral(":current_price"),
                             SqlValues::optionalValue(holding.currentPrice));
            insert.bindValue(QStringLiteral(":average_entry_price"),
                             SqlValues::optionalValue(holding.averageEntryPrice));
            insert.bindValue(QStringLiteral(":open_pnl"), SqlValues::optionalValue(holding.openPnl));
            insert.bindValue(QStringLiteral(":currency"),
                             holding.currency.isNull() ? QStringLiteral("") : holding.currency);
            insert.bindValue(
                QStringLiteral(":updated_at"),
                SqlValues::optionalTime(holding.updatedAt.isValid() ? holding.updatedAt : syncedAt));
            if (!insert.exec())
                return SqlValues::queryError(insert);
        }
        return success();
    });
}

} // namespace trailguard
