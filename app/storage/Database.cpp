#include "storage/Database.h"

#include "storage/Migrations.h"
#include "storage/StorageLogging.h"
#include "storage/StorageText.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <sqlite3.h>

namespace trailguard {

namespace {
constexpr int kBusyTimeoutMs = 5000;

// SQLite counts every allocation under a process-wide mutex for sqlite3_memory_used(), which nothing here
// reads; and Debian's SQLite is built without lookaside, so each row update allocates a dozen times (~11 %
// of a cycle's row updates went to that bookkeeping). It can only be switched off before SQLite starts: the
// first open does it, before Qt's driver opens a connection; later (or if SQLite started elsewhere first)
// SQLite refuses and nothing changes.
void turnOffSqliteMemoryStatistics()
{
    static const int once = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    Q_UNUSED(once);
}

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("trailguard-%1").arg(counter.fetchAndAddRelaxed(1));
}

Status exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        const QString reason = query.lastError().text();
        qCWarning(lcStorage) << "SQL failed:" << sql.left(80) << reason;
        return Error{ErrorCode::DatabaseQuery, StorageText::tr("A database command failed: %1").arg(reason)};
    }
    return success();
}

Result<int> readUserVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        return Error{
            ErrorCode::DatabaseOpen,
            StorageText::tr("\"%1\" is not a Trailguard database (%2). Move it away or choose another "
                            "data folder with --data-dir.")
                .arg(db.databaseName(), query.lastError().text())};
    }
    return query.value(0).toInt();
}

// Switches the file to WAL. That needs an exclusive lock which SQLite does not wait for (the busy handler
// is not called for it): a second process opening the same new file at the same moment gets "database is
// locked" at once. So this step alone is retried, within the busy timeout.
Status enableWal(QSqlDatabase &db)
{
    const QString sql = QStringLiteral("PRAGMA journal_mode = WAL");
    QDeadlineTimer deadline(kBusyTimeoutMs);
    for (;;) {
        QSqlQuery query(db);
        if (query.exec(sql))
            return success();
        constexpr auto kSqliteBusy = "5";
        if (query.lastError().nativeErrorCode() != QLatin1String(kSqliteBusy) || deadline.hasExpired())
            return exec(db, sql); // logs and reports the error
        QThread::msleep(10);
    }
}

// Applies `migration` unless another connection (another process) already did. The step runs under
// SQLite's write lock, taken before the version is read (BEGIN IMMEDIATE): a second process upgrading the
// same file at the same moment waits for the first (busy timeout) and then finds the step done, instead
// of running it twice and failing on "duplicate column". True when this connection applied it.
Result<bool> applyOnce(QSqlDatabase &db, const Migration &migration)
{
    if (auto begun = exec(db, QStringLiteral("BEGIN IMMEDIATE")); !begun.ok())
        return begun.error();
    const auto apply = [&]() -> Result<bool> {
        const Result<int> current = readUserVersion(db);
        if (!current.ok())
            return current.error();
        if (current.value() >= migration.version)
            return false;
        for (const QString &statement : migration.statements) {
            if (auto status = exec(db, statement); !status.ok())
                return status.error();
        }
        if (auto status = exec(db, QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
            !status.ok())
            return status.error();
        return true;
    };
    const Result<bool> applied = apply();
    if (!applied.ok()) {
        static_cast<void>(exec(db, QStringLiteral("ROLLBACK"))); // the error to report is the one before
        return applied;
    }
    if (auto committed = exec(db, QStringLiteral("COMMIT")); !committed.ok()) {
        static_cast<void>(exec(db, QStringLiteral("ROLLBACK"))); // the error to report is the one before
        return committed.error();
    }
    return applied;
}

// The database holds positions, amounts and alert texts: owner-only (0600). SQLite gives its -wal and
// -shm files the database file's mode, so a new file is created private before SQLite opens it, and one
// made by an older version is tightened.
void makePrivate(const QString &filePath)
{
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QFile file(filePath);
    if (!file.exists()) {
        if (!file.open(QIODevice::WriteOnly)) // an empty file is an empty database
            return;                           // the open below reports the problem
        file.close();
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(filePath + suffix) && !QFile::setPermissions(filePath + suffix, ownerOnly))
            qCWarning(lcStorage) << "Could not make the database private to its owner:" << filePath + suffix;
    }
}

Status migrate(QSqlDatabase &db, int fromVersion)
{
    for (const Migration &migration : schemaMigrations()) {
        if (migration.version <= fromVersion)
            continue; // read without the lock: a version only grows, so this step is surely done
        const Result<bool> applied = applyOnce(db, migration);
        if (!applied.ok()) {
            return Error{ErrorCode::DatabaseOpen,
                         StorageText::tr("Could not upgrade the database to version %1 (%2): %3")
                             .arg(migration.version)
                             .arg(migration.description, applied.error().message)};
        }
        if (applied.value())
            qCInfo(lcStorage) << "Database migrated to version" << migration.version << migration.description;
    }
    return success();
}
} // namespace

Database::Database(QString connectionName, QString filePath)
    : m_connectionName(std::move(connectionName))
    , m_filePath(std::move(filePath))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int Database::latestSchemaVersion()
{
    return schemaMigrations().constLast().version;
}

Result<std::unique_ptr<Database>> Database::open(const QString &filePath,
                                                 const HistoryConversion::Progress &conversionProgress)
{
    turnOffSqliteMemoryStatistics();
    std::unique_ptr<Database> database(new Database(nextConnectionName(), filePath));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
    db.setDatabaseName(filePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (filePath != QLatin1String(":memory:"))
        makePrivate(filePath);
    if (!db.open()) {
        return Error{ErrorCode::DatabaseOpen,
                     StorageText::tr("Could not open the database \"%1\": %2. Check that the "
                                     "folder exists and is writable.")
                         .arg(filePath, db.lastError().text())};
    }

    // Read the version before changing anything: a newer database must stay untouched.
    const Result<int> version = readUserVersion(db);
    if (!version.ok())
        return version.error();
    if (version.value() > latestSchemaVersion()) {
        return Error{ErrorCode::DatabaseTooNew,
                     StorageText::tr(
                         "The database \"%1\" was written by a newer version of Trailguard (schema %2; this "
                         "version understands up to %3). Install the newer Trailguard, or use another "
                         "data folder with --data-dir. The database was not modified.")
                         .arg(filePath)
                         .arg(version.value())
                         .arg(latestSchemaVersion())};
    }

    if (auto status = enableWal(db); !status.ok())
        return Error{ErrorCode::DatabaseOpen, status.error().message};
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
        if (auto status = exec(db, QString::fromLatin1(pragma)); !status.ok())
            return Error{ErrorCode::DatabaseOpen, status.error().message};
    }
    if (auto status = exec(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs)); !status.ok())
        return status.error();
    if (auto status = migrate(db, version.value()); !status.ok())
        return status.error();
    if (HistoryConversion::isPending(db)) {
        if (auto status = HistoryConversion::run(db, conversionProgress); !status.ok())
            return Error{ErrorCode::DatabaseOpen,
                         StorageText::tr("Could not convert the price history to the compact format: %1")
                             .arg(status.error().message)};
    }
    return database;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    QSqlDatabase db = connection();
    const Result<int> version = readUserVersion(db);
    return version.ok() ? version.value() : -1;
}

} // namespace trailguard
