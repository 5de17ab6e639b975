#pragma once

#include "common/Result.h"

#include <QString>

namespace trailguard {

// Where Trailguard keeps its files. By default the database lives in QStandardPaths::AppDataLocation
// ($XDG_DATA_HOME/trailguard) and settings in the standard config location; with --data-dir DIR both
// live in DIR, so one folder holds a whole, self-contained setup.
struct AppPaths {
    QString dataDir;
    QString settingsFile; // empty: the platform's standard QSettings location

    QString databaseFile() const;

    // Resolves and creates the data folder, private to its owner (0700): it holds the database and, without
    // a keychain, the secrets file. The standard folder is made private even when it already exists.
    static Result<AppPaths> resolve(const QString &dataDirOption);
};

} // namespace trailguard
