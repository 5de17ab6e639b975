#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <optional>

struct sqlite3_stmt;

namespace trailguard {

// One statement run many times (a cycle's row updates, its quotes), bound and stepped through SQLite's C
// API: Qt's QSqlQuery::exec spends ~20 k instructions a row on QVariant binds and placeholder handling,
// SQLite itself a few thousand. The statement is prepared by Qt's driver, which keeps it and finalizes it
// when the connection closes, so an instance may outlive its connection (it then fails cleanly). Needs the
// Qt plugin to use the SQLite library this links, as CandleUpsert does. Parameters are numbered from 1.
// One result row of SqliteStatement::forEachRow, valid only inside its callback. Columns from 0.
class SqliteRow {
public:
    explicit SqliteRow(sqlite3_stmt *statement)
        : m_statement(statement)
    {}

    bool isNull(int column) const;
    qint64 int64(int column) const;
    // A price column as SqlValues::readPrice reads it: an integer holds ten-thousandths, else a REAL.
    double price(int column) const;

private:
    sqlite3_stmt *m_statement;
};

class SqliteStatement {
public:
    SqliteStatement(const QSqlDatabase &db, const QString &sql);

    void bindNull(int index);
    void bindInt64(int index, qint64 value);
    void bindDouble(int index, double value);
    void bindOptionalDouble(int index, const std::optional<double> &value);
    // NULL for a null string, as Qt's driver binds one. Text is kept as UTF-8 in a buffer of the statement
    // until execute(), so SQLite reads it in place: no copy or conversion of its own.
    void bindText(int index, const QString &text);
    void bindUtf8(int index, const char *text, qsizetype size);
    // The price history's price rule (SqlValues::priceValue): exact ten-thousandths, else the REAL.
    void bindPrice(int index, const std::optional<double> &price);

    // Whether a transaction is open on `db` (SQLite's autocommit is off).
    static bool inTransaction(const QSqlDatabase &db);

    // Steps it to the end and resets it, whatever happens; a failed prepare or bind is reported here.
    Status execute();
    // The same for a query: `row` is called for each result row.
    Status forEachRow(const std::function<void(const SqliteRow &)> &row);
    // The rows the last execute() inserted, updated or deleted.
    int changes() const { return m_changes; }

private:
    // The statement, checked against Qt's handle once per round of binds and execute(); null when it was
    // not prepared or the driver finalized it (the connection closed).
    sqlite3_stmt *current();
    Error failure(const QString &reason) const;
    // The buffer of parameter `index`, at least `size` bytes; kept (with its capacity) across executions.
    char *textBuffer(int index, qsizetype size);
    void bindBuffer(int index, qsizetype size);

    QSqlQuery m_query;
    QList<QByteArray> m_texts; // by parameter index
    sqlite3_stmt *m_statement = nullptr;
    bool m_checked = false;
    bool m_closed = false;
    int m_bound = 0; // SQLite's codes of this round's binds, or'ed
    int m_changes = 0;
};

} // namespace trailguard
