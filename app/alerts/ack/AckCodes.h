#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <functional>
#include <optional>

class QObject;

namespace trailguard {

class SecretStore;

// One-time acknowledgement codes: "<alert id>-<22 base64url characters>", the characters a truncated
// HMAC-SHA-256 of the alert id under a 256-bit key kept in the SecretStore (never in the database or the
// settings). A code acknowledges its one alert and nothing else, so it can travel in a push action, a
// Telegram button or a mail link without being a reusable credential; a forged one fails verify(), and a
// spent one is refused because the alert is acknowledged already (AlertAcknowledger). Nothing is stored per
// alert: the code of a delivery sent after a restart is the same code.
class AckCodes {
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kMacBytes = 16;

    // `key` must hold kKeyBytes bytes.
    explicit AckCodes(QByteArray key);

    QString codeFor(qint64 alertId) const;
    // The alert id a genuine code names; std::nullopt for anything else (forged, malformed, another key's).
    // Compares in constant time.
    std::optional<qint64> verify(QStringView code) const;

    static QByteArray newKey();
    // Where the key is kept in the SecretStore.
    static QString secretKey() { return QStringLiteral("alerts/ack-code-key"); }

    // Reads the key from `store`, or makes and stores a new one the first time; `done` runs once, later, on
    // the store's thread (dropped when `context` is destroyed first).
    static void loadOrCreate(SecretStore &store, QObject *context,
                             std::function<void(Result<AckCodes>)> done);

private:
    QByteArray mac(qint64 alertId) const;

    QByteArray m_key;
};

} // namespace trailguard
