#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace trailguard {

// Small values the guardian must keep across restarts (table guardian_state, migration 15): where a stream
// of outside messages was read up to — the Telegram update offset, the ntfy acknowledgement topic's last
// message id — so nothing is handled twice and nothing is skipped. Never secrets.
class GuardianStateRepository {
public:
    explicit GuardianStateRepository(QSqlDatabase db);

    // std::nullopt when the key was never set.
    Result<std::optional<QString>> value(const QString &key) const;
    Status setValue(const QString &key, const QString &value);

private:
    QSqlDatabase m_db;
};

} // namespace trailguard
