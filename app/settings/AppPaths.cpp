#include "settings/AppPaths.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace trailguard {

namespace {
class Paths {
    Q_DECLARE_TR_FUNCTIONS(Paths)
};
} // namespace

QString AppPaths::databaseFile() const
{
    return QDir(dataDir).filePath(QString::fromLatin1(Database::kFileName));
}

Result<AppPaths> AppPaths::resolve(const QString &dataDirOption)
{
    AppPaths paths;
    if (dataDirOption.isEmpty()) {
        paths.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    } else {
        paths.dataDir = QFileInfo(dataDirOption).absoluteFilePath();
        paths.settingsFile = QDir(paths.dataDir).filePath(QStringLiteral("settings.ini"));
    }
    if (paths.dataDir.isEmpty() || !QDir().mkpath(paths.dataDir)) {
        return Error{
            ErrorCode::InvalidArguments,
            Paths::tr("Cannot create the data folder \"%1\". Choose a writable folder with --data-dir.")
                .arg(paths.dataDir)};
    }
    return paths;
}

} // namespace trailguard
