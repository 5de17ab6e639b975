#include "Autostart.h"
#include "UiLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace trailguard::ui {

namespace {
Error fileError(const QString &message)
{
    qCWarning(lcUi).noquote() << message;
    return Error{ErrorCode::InvalidSetting, message};
}
} // namespace

QString Autostart::defaultPath()
{
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return QDir(config).filePath(QStringLiteral("autostart/") + QLatin1String(kFileName));
}

QByteArray Autostart::entry()
{
    return QByteArrayLiteral("[Desktop Entry]\n"
                             "Type=Application\n"
                             "Name=Trailguard\n"
                             "Comment=Watch your Questrade watchlist for trailing stop-loss breaches\n"
                             "Exec=trailguard --minimized\n"
                             "Icon=io.github.trailguard.Trailguard\n"
                             "Terminal=false\n"
                             "X-GNOME-Autostart-enabled=true\n");
}

Autostart::Autostart(QString path)
    : m_path(std::move(path))
{}

bool Autostart::isEnabled() const
{
    return QFileInfo::exists(m_path);
}

Status Autostart::setEnabled(bool enabled) const
{
    if (!enabled) {
        QFile file(m_path);
        if (file.exists() && !file.remove()) {
            return fileError(tr("Could not remove the autostart entry %1: %2. Remove it by hand to stop "
                                "Trailguard from starting at login.")
                                 .arg(QDir::toNativeSeparators(m_path), file.errorString()));
        }
        return success();
    }
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder)) {
        return fileError(tr("Could not create the folder %1 for the autostart entry.")
                             .arg(QDir::toNativeSeparators(folder)));
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(entry()) != entry().size() || !file.commit()) {
        return fileError(tr("Could not write the autostart entry %1: %2.")
                             .arg(QDir::toNativeSeparators(m_path), file.errorString()));
    }
    return success();
}

} // namespace trailguard::ui
