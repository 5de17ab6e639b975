#include "storage/Database.h"

#include "common/Logging.h"
#include "storage/Migrations.h"
#include "storage/Transaction.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace trailguard {

namespace {
class Storage {
    Q_DECLARE_TR_FUNCTIONS(Storage)
};

constexpr int kBusyTimeoutMs = 5000;

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
        return Error{ErrorCode::DatabaseQuery, Storage::tr("A database command failed: %1").arg(reason)};
    }
    return success();
}

Result<int> readUserVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        return Error{ErrorCode::DatabaseOpen,
                     Storage::tr("\"%1\" is not a Trailguard database (%2). Move it away or choose another "
                                 "data folder with --data-dir.")
                         .arg(db.databaseName(), query.lastError().text())};
    }
    return query.value(0).toInt();
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
            continue;
        const Status applied = inTransaction(db, [&]() -> Status {
            for (const QString &statement : migration.statements) {
                if (auto status = exec(db, statement); !status.ok())
                    return status;
            }
            return exec(db, QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
        });
        if (!applied.ok()) {
            return Error{ErrorCode::DatabaseOpen,
                         Storage::tr("Could not upgrade the database to version %1 (%2): %3")
                             .arg(migration.version)
                             .arg(migration.description, applied.error().message)};
        }
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

Result<std::unique_ptr<Database>> Database::open(const QString &filePath)
{
    std::unique_ptr<Database> database(new Database(nextConnectionName(), filePath));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
    db.setDatabaseName(filePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (filePath != QLatin1String(":memory:"))
        makePrivate(filePath);
    if (!db.open()) {
        return Error{ErrorCode::DatabaseOpen,
                     Storage::tr("Could not open the database \"%1\": %2. Check that the "
                                 "folder exists and is writable.")
                         .arg(filePath, db.lastError().text())};
    }

    // Read the version before changing anything: a newer database must stay untouched.
    const Result<int> version = readUserVersion(db);
    if (!version.ok())
        return version.error();
    if (version.value() > latestSchemaVersion()) {
        return Error{
            ErrorCode::DatabaseTooNew,
            Storage::tr("The database \"%1\" was written by a newer version of Trailguard (schema %2; this "
                        "version understands up to %3). Install the newer Trailguard, or use another "
                        "data folder with --data-dir. The database was not modified.")
                .arg(filePath)
                .arg(version.value())
                .arg(latestSchemaVersion())};
    }

    for (const char *pragma :
         {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
        if (auto status = exec(db, QString::fromLatin1(pragma)); !status.ok())
            return Error{ErrorCode::DatabaseOpen, status.error().message};
    }
    if (auto status = exec(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs)); !status.ok())
        return status.error();
    if (auto status = migrate(db, version.value()); !status.ok())
        return status.error();
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
