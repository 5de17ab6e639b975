#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace trailguard::ui {

// "Start at login": an XDG autostart entry,
// $XDG_CONFIG_HOME/autostart/io.github.trailguard.Trailguard.desktop
// (~/.config/autostart/… when XDG_CONFIG_HOME is unset), that starts Trailguard minimised. Enabled means
// the file exists. A value type: the path is given or found once, nothing is cached.
class Autostart {
    Q_DECLARE_TR_FUNCTIONS(Autostart)

public:
    static constexpr char kFileName[] = "io.github.trailguard.Trailguard.desktop";

    // Where the entry goes for this user (QStandardPaths' GenericConfigLocation + "/autostart/").
    static QString defaultPath();
    // What the entry says: Exec=trailguard --minimized, with the app's name and icon.
    static QByteArray entry();

    explicit Autostart(QString path = defaultPath());

    QString path() const { return m_path; }
    bool isEnabled() const;
    // Writes the entry (creating the autostart folder) or removes it. Removing a missing entry succeeds.
    // The error says which file could not be written or removed and why.
    Status setEnabled(bool enabled) const;

private:
    QString m_path;
};

} // namespace trailguard::ui
