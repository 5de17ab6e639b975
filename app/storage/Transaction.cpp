#include "storage/Transaction.h"

#include "storage/StorageLogging.h"
#include "storage/StorageText.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace trailguard {

namespace {
QString nextSavepointName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("tg_%1").arg(counter.fetchAndAddRelaxed(1));
}

bool execute(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}
} // namespace

// SQLite savepoints nest: outside a transaction SAVEPOINT begins one and RELEASE commits it; inside one
// they mark a point to roll back to. So a repository call that opens its own Transaction can run on its
// own or as part of a caller's larger one (a monitoring cycle saves stocks and alerts together).
Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
    , m_name(nextSavepointName())
{
    QString reason;
    m_active = execute(m_db, QStringLiteral("SAVEPOINT %1").arg(m_name), &reason);
    if (!m_active) {
        qCWarning(lcStorage) << "Could not begin a transaction:" << reason;
        m_beginStatus = Error{ErrorCode::DatabaseQuery,
                              StorageText::tr("Could not start a database transaction: %1").arg(reason)};
    }
}

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::commit()
{
    if (!m_active)
        return Error{ErrorCode::DatabaseQuery, StorageText::tr("No database transaction is open.")};
    QString reason;
    if (!execute(m_db, QStringLiteral("RELEASE SAVEPOINT %1").arg(m_name), &reason)) {
        qCWarning(lcStorage) << "Commit failed:" << reason;
        rollback();
        return Error{ErrorCode::DatabaseQuery,
                     StorageText::tr("Could not save to the database: %1").arg(reason)};
    }
    m_active = false;
    return success();
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QString reason;
    if (!execute(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT %1").arg(m_name), &reason) ||
        !execute(m_db, QStringLiteral("RELEASE SAVEPOINT %1").arg(m_name), &reason))
        qCWarning(lcStorage) << "Rollback failed:" << reason;
}

} // namespace trailguard
