#pragma once

#include "common/Result.h"

#include <QProcessEnvironment>
#include <QString>

namespace trailguard {

class Settings;

// The web dashboard's one password, kept as an Argon2id hash in the settings file (web/passwordHash). Each
// read syncs the file first, so a password set by `trailguard web password` reaches a running guardian.
// There is no default password and no way around it.
class WebPassword {
public:
    static constexpr qsizetype kMinimumLength = 8;
    static inline const QString kEnvironmentVariable = QStringLiteral("TRAILGUARD_WEB_PASSWORD");

    explicit WebPassword(Settings &settings);

    bool isSet() const;
    // The stored hash (empty when none): what verify() checks against.
    QString hash() const;
    // Checks the rules (length), hashes (slow) and stores it.
    Status set(const QString &password);
    // Empty when `password` may be used, else what is wrong with it.
    static QString problemWith(const QString &password);
    // Slow (Argon2id): call it on a worker thread.
    static bool verify(const QString &hash, const QString &password);
    // TRAILGUARD_WEB_PASSWORD, when set, becomes the password (for containers); slow, done at start.
    Status applyEnvironment(const QProcessEnvironment &environment);

private:
    Settings &m_settings;
};

} // namespace trailguard
