#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace trailguard::PasswordHash {

// Argon2id through libsodium (OPSLIMIT/MEMLIMIT_INTERACTIVE: about 0.1 s and 64 MiB a call), as the
// self-describing text crypto_pwhash_str makes ("$argon2id$v=19$m=…"). Both calls are slow on purpose:
// never on the GUI thread.
Result<QString> hash(const QByteArray &password);
bool verify(const QString &hash, const QByteArray &password);

// `count` bytes from the system's secure random source.
QByteArray randomBytes(int count);
// Compares two secrets in time that depends only on their length.
bool equalSecrets(const QByteArray &a, const QByteArray &b);

} // namespace trailguard::PasswordHash
