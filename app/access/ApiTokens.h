#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace trailguard {

class Settings;

// One API token as listed: its name and when it was made (the token itself is shown once, at creation).
struct ApiTokenInfo {
    QString name;
    QDateTime created;
};

// API tokens for scripts (`Authorization: Bearer …`): 256 random bits each, stored only as their SHA-256
// under web/tokens/<NAME>. A fast hash is enough here, unlike for the password: nobody can guess 256 random
// bits, so a stolen settings file gives no token away. Each check syncs the file first, so a token created or
// revoked by `trailguard web token …` counts in a running guardian at once.
class ApiTokens {
public:
    explicit ApiTokens(Settings &settings);

    // Makes a token named `name` (letters, digits, '.', '_', '-'; up to 64) and returns it; the only time it
    // is ever seen. An existing name is refused.
    Result<QString> create(const QString &name, const QDateTime &now);
    QList<ApiTokenInfo> list() const;
    Status revoke(const QString &name);
    // The name of the token `token` is, or nullopt (unknown or revoked).
    std::optional<QString> nameFor(const QByteArray &token) const;

    static bool isValidName(const QString &name);

private:
    Settings &m_settings;
};

} // namespace trailguard
