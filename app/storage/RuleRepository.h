#pragma once

#include "common/Result.h"

#include <QDate>
#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

namespace trailguard {

// Reads and writes each ticker's alert rules (their canonical spec strings, in the order they were added)
// and the days on which they fired (migration 13). Both go with the ticker's `stocks` row. No business
// rules: specs are validated before (see WatchlistService::addRule). Writes join the caller's transaction.
class RuleRepository {
public:
    explicit RuleRepository(QSqlDatabase db);

    // Every ticker's rules (tickers without rules are left out).
    Result<QHash<QString, QStringList>> all() const;
    Result<QStringList> rules(const QString &ticker) const;

    // Appends the rule after the ticker's others. The ticker must be stored, and not have the rule yet.
    Status add(const QString &ticker, const QString &spec);
    // True when the ticker had the rule.
    Result<bool> remove(const QString &ticker, const QString &spec);

    // Records that the rule fired for the ticker on `marketDay`: true the first time, false when it had
    // already fired that day (nothing is written then), so a rule alerts at most once per market day.
    Result<bool> recordFiring(const QString &ticker, const QString &spec, const QDate &marketDay);
    Result<bool> hasFired(const QString &ticker, const QString &spec, const QDate &marketDay) const;

private:
    QSqlDatabase m_db;
};

} // namespace trailguard
