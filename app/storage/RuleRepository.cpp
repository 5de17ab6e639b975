#include "storage/RuleRepository.h"

#include "storage/SqlValues.h"

#include <QSqlQuery>
#include <QVariant>

namespace trailguard {

RuleRepository::RuleRepository(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<QHash<QString, QStringList>> RuleRepository::all() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ticker, spec FROM stock_rules ORDER BY ticker, position")))
        return SqlValues::queryError(query);
    QHash<QString, QStringList> rules;
    while (query.next())
        rules[query.value(0).toString()].append(query.value(1).toString());
    return rules;
}

Result<QStringList> RuleRepository::rules(const QString &ticker) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT spec FROM stock_rules WHERE ticker = ? ORDER BY position"));
    query.addBindValue(ticker);
    if (!query.exec())
        return SqlValues::queryError(query);
    QStringList rules;
    while (query.next())
        rules.append(query.value(0).toString());
    return rules;
}

Status RuleRepository::add(const QString &ticker, const QString &spec)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO stock_rules (ticker, spec, position) "
        "VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM stock_rules WHERE ticker = ?))"));
    query.addBindValue(ticker);
    query.addBindValue(spec);
    query.addBindValue(ticker);
    if (!query.exec())
        return SqlValues::queryError(query);
    return success();
}

Result<bool> RuleRepository::remove(const QString &ticker, const QString &spec)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM stock_rules WHERE ticker = ? AND spec = ?"));
    query.addBindValue(ticker);
    query.addBindValue(spec);
    if (!query.exec())
        return SqlValues::queryError(query);
    return query.numRowsAffected() > 0;
}

Result<bool> RuleRepository::recordFiring(const QString &ticker, const QString &spec, const QDate &marketDay)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("INSERT OR IGNORE INTO rule_firings (ticker, spec, market_day) VALUES (?, ?, ?)"));
    query.addBindValue(ticker);
    query.addBindValue(spec);
    query.addBindValue(marketDay.toString(Qt::ISODate));
    if (!query.exec())
        return SqlValues::queryError(query);
    return query.numRowsAffected() > 0;
}

Result<bool> RuleRepository::hasFired(const QString &ticker, const QString &spec,
                                      const QDate &marketDay) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT 1 FROM rule_firings WHERE ticker = ? AND spec = ? AND market_day = ?"));
    query.addBindValue(ticker);
    query.addBindValue(spec);
    query.addBindValue(marketDay.toString(Qt::ISODate));
    if (!query.exec())
        return SqlValues::queryError(query);
    return query.next();
}

} // namespace trailguard
