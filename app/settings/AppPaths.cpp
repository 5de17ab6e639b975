#include "settings/AppPaths.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
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
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    const bool existed = !paths.dataDir.isEmpty() && QFileInfo(paths.dataDir).isDir();
    // The parents are ordinary folders; only the data folder itself is made private.
    const bool created = existed || (QDir().mkpath(QFileInfo(paths.dataDir).absolutePath()) &&
                                     QDir().mkdir(paths.dataDir, ownerOnly));
    if (paths.dataDir.isEmpty() || !created) {
        return Error{
            ErrorCode::InvalidArguments,
            Paths::tr("Cannot create the data folder \"%1\". Choose a writable folder with --data-dir.")
                .arg(paths.dataDir)};
    }
    // A folder named with --data-dir may be shared on purpose; the standard one is ours alone.
    if (existed && dataDirOption.isEmpty() && QFileInfo(paths.dataDir).isWritable())
        QFile::setPermissions(paths.dataDir, ownerOnly);
    return paths;
}

} // namespace trailguard
