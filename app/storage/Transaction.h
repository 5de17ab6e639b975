#pragma once

#include "common/Result.h"

#include <QSqlDatabase>

#include <exception>
#include <utility>

namespace trailguard {

// Scoped transaction: begins in the constructor, rolls back in the destructor unless commit() succeeded.
// Transactions nest (they are SQLite savepoints): an inner one commits into the outer one.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();

    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    Status beginStatus() const { return m_beginStatus; }
    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    QString m_name;
    bool m_active = false;
    Status m_beginStatus = success();
};

// Runs `work` (returning Status or Result<T>) in a transaction: commits when it succeeds, rolls back
// when it returns an error or throws (the exception is rethrown after the rollback).
template <typename Work>
auto inTransaction(const QSqlDatabase &db, Work &&work) -> decltype(work())
{
    Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.beginStatus().error();
    auto result = std::forward<Work>(work)();
    if (!result.ok())
        return result; // the destructor rolls back
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    return result;
}

} // namespace trailguard
