#include "storage/SqliteStatement.h"

#include "storage/SqlValues.h"
#include "storage/StorageLogging.h"
#include "storage/StorageText.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlResult>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <utility>

namespace trailguard {

namespace {
// The statement under a prepared query, or null once the driver finalized it (the connection closed).
sqlite3_stmt *statementOf(const QSqlQuery &query)
{
    const QSqlResult *result = query.result();
    const QVariant handle = result ? result->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3_stmt*") != 0)
        return nullptr;
    return *static_cast<sqlite3_stmt *const *>(handle.constData());
}
} // namespace

SqliteStatement::SqliteStatement(const QSqlDatabase &db, const QString &sql)
    : m_query(db)
{
    if (m_query.prepare(sql))
        m_statement = statementOf(m_query);
    else
        qCWarning(lcStorage) << "Could not prepare" << sql << ":" << m_query.lastError().text();
}

void SqliteStatement::bindNull(int index)
{
    if (sqlite3_stmt *statement = current())
        m_bound |= sqlite3_bind_null(statement, index);
}

void SqliteStatement::bindInt64(int index, qint64 value)
{
    if (sqlite3_stmt *statement = current())
        m_bound |= sqlite3_bind_int64(statement, index, value);
}

void SqliteStatement::bindDouble(int index, double value)
{
    if (sqlite3_stmt *statement = current())
        m_bound |= sqlite3_bind_double(statement, index, value);
}

void SqliteStatement::bindOptionalDouble(int index, const std::optional<double> &value)
{
    if (value)
        bindDouble(index, *value);
    else
        bindNull(index);
}

void SqliteStatement::bindText(int index, const QString &text)
{
    if (text.isNull()) {
        bindNull(index);
        return;
    }
    // Most text here is ASCII (tickers, times, specs): narrowed by hand, else encoded by Qt.
    const qsizetype size = text.size();
    char *out = textBuffer(index, size);
    const QChar *in = text.constData();
    for (qsizetype i = 0; i < size; ++i) {
        if (in[i].unicode() >= 0x80) {
            const QByteArray utf8 = text.toUtf8();
            bindUtf8(index, utf8.constData(), utf8.size());
            return;
        }
        out[i] = char(in[i].unicode());
    }
    bindBuffer(index, size);
}

void SqliteStatement::bindUtf8(int index, const char *text, qsizetype size)
{
    std::copy(text, text + size, textBuffer(index, size));
    bindBuffer(index, size);
}

char *SqliteStatement::textBuffer(int index, qsizetype size)
{
    if (m_texts.size() <= index)
        m_texts.resize(index + 1);
    QByteArray &buffer = m_texts[index];
    if (buffer.size() < size)
        buffer.resize(size);
    return buffer.data();
}

void SqliteStatement::bindBuffer(int index, qsizetype size)
{
    if (sqlite3_stmt *statement = current())
        m_bound |= sqlite3_bind_text(statement, index, m_texts[index].constData(), int(size), SQLITE_STATIC);
}

void SqliteStatement::bindPrice(int index, const std::optional<double> &price)
{
    if (!price)
        bindNull(index);
    else if (const std::optional<qint64> scaled = SqlValues::exactTenThousandths(*price))
        bindInt64(index, *scaled);
    else
        bindDouble(index, *price);
}

bool SqliteStatement::inTransaction(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    return connection && sqlite3_get_autocommit(connection) == 0;
}

sqlite3_stmt *SqliteStatement::current()
{
    if (!m_checked) {
        m_checked = true;
        if (m_statement && statementOf(m_query) != m_statement) {
            m_statement = nullptr; // finalized by the driver: never touched again
            m_closed = true;
        }
    }
    return m_statement;
}

Status SqliteStatement::execute()
{
    return forEachRow({});
}

Status SqliteStatement::forEachRow(const std::function<void(const SqliteRow &)> &row)
{
    m_changes = 0;
    sqlite3_stmt *statement = current();
    m_checked = false;
    const int bound = std::exchange(m_bound, 0);
    if (!statement) {
        if (m_closed)
            return failure(QStringLiteral("the database connection is closed"));
        return failure(m_query.lastError().isValid() ? m_query.lastError().text()
                                                     : QStringLiteral("the statement could not be prepared"));
    }
    sqlite3 *db = sqlite3_db_handle(statement);
    if (bound != SQLITE_OK) {
        const Error failed = failure(QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_clear_bindings(statement);
        return failed;
    }
    int stepped = SQLITE_ROW;
    while ((stepped = sqlite3_step(statement)) == SQLITE_ROW) {
        if (row)
            row(SqliteRow(statement));
    }
    if (stepped != SQLITE_DONE) {
        const Error failed = failure(QString::fromUtf8(sqlite3_errmsg(db))); // before the reset clears it
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
        return failed;
    }
    m_changes = sqlite3_changes(db);
    sqlite3_reset(statement);
    return success();
}

bool SqliteRow::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqliteRow::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteRow::price(int column) const
{
    if (sqlite3_column_type(m_statement, column) == SQLITE_INTEGER)
        return double(sqlite3_column_int64(m_statement, column)) / SqlValues::kPriceScale;
    return sqlite3_column_double(m_statement, column);
}

Error SqliteStatement::failure(const QString &reason) const
{
    qCWarning(lcStorage) << "Query failed:" << reason;
    return Error{ErrorCode::DatabaseQuery, StorageText::tr("A database command failed: %1").arg(reason)};
}

} // namespace trailguard
