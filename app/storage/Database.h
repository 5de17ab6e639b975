#pragma once

#include "common/Result.h"
#include "storage/HistoryConversion.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace trailguard {

// One SQLite connection, opened on the thread that uses it, with the schema migrated to the latest
// version. WAL mode, foreign keys and a busy timeout are always on.
class Database {
public:
    static constexpr const char *kFileName = "trailguard.sqlite";

    // Opens (creating if needed) and migrates the database file, converting price history of an older
    // schema on the way (HistoryConversion: `conversionProgress` hears of it; the desktop runs this first on
    // a worker with a progress dialog). A file written by a newer Trailguard is refused untouched.
    static Result<std::unique_ptr<Database>> open(const QString &filePath,
                                                  const HistoryConversion::Progress &conversionProgress = {});
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    QString filePath() const { return m_filePath; }
    int schemaVersion() const;

    // The version this build migrates to.
    static int latestSchemaVersion();

private:
    Database(QString connectionName, QString filePath);

    QString m_connectionName;
    QString m_filePath;
};

} // namespace trailguard
