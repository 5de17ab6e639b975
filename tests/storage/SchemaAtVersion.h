#pragma once

#include "storage/Migrations.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace trailguard::test {

// Writes the schema of an older Trailguard into the empty database file `filePath`: the migrations up to
// `version`, as that version's Database::open left it. The connection is closed again; an error's text or
// empty.
inline QString writeSchemaAtVersion(const QString &filePath, int version)
{
    const QString name = QStringLiteral("schema-at-version");
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(filePath);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery query(db);
        query.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        for (const Migration &migration : schemaMigrations()) {
            if (migration.version > version)
                break;
            for (const QString &statement : migration.statements) {
                if (error.isEmpty() && !query.exec(statement))
                    error = query.lastError().text();
            }
        }
        if (error.isEmpty() && !query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
            error = query.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace trailguard::test
