#include "storage/Transaction.h"

#include "common/Logging.h"

#include <QCoreApplication>
#include <QSqlError>

namespace trailguard {

namespace {
class Storage {
    Q_DECLARE_TR_FUNCTIONS(Storage)
};
} // namespace

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db))
{
    m_active = m_db.transaction();
    if (!m_active) {
        const QString reason = m_db.lastError().text();
        qCWarning(lcStorage) << "Could not begin a transaction:" << reason;
        m_beginStatus = Error{ErrorCode::DatabaseQuery,
                              Storage::tr("Could not start a database transaction: %1").arg(reason)};
    }
}

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::commit()
{
    if (!m_active)
        return Error{ErrorCode::DatabaseQuery, Storage::tr("No database transaction is open.")};
    if (!m_db.commit()) {
        const QString reason = m_db.lastError().text();
        qCWarning(lcStorage) << "Commit failed:" << reason;
        rollback();
        return Error{ErrorCode::DatabaseQuery, Storage::tr("Could not save to the database: %1").arg(reason)};
    }
    m_active = false;
    return success();
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    if (!m_db.rollback())
        qCWarning(lcStorage) << "Rollback failed:" << m_db.lastError().text();
}

} // namespace trailguard
