#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace trailguard {

// A numbered schema step. Versions are consecutive from 1; migration N brings user_version from N-1
// to N, inside its own transaction.
struct Migration {
    int version;
    QString description;
    QStringList statements;
};

const QList<Migration> &schemaMigrations();

} // namespace trailguard
