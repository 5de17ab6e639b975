#pragma once

#include "common/Result.h"
#include "secrets/SecureBuffer.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace trailguard {

// How costly the Argon2id key derivation is for a new file. Each file records its own cost, so files
// written with any cost stay readable, and move to today's cost at their next write. Interactive is
// libsodium's (2 passes, 64 MiB, about 0.05 s on a 2-core x86-64 machine). Moderate is 4 passes over 64 MiB
// (RFC 9106's second recommended setting is 3 passes over 64 MiB): libsodium's own "moderate" (256 MiB) made
// the app's start-up peak memory 290 MB whatever the watchlist, four times the running figure, for a file on
// the user's own disk, readable only by them.
enum class KdfStrength { Interactive, Moderate };

// The encrypted secrets file. Synchronous and slow (key derivation), so EncryptedFileSecretStore calls it
// on a worker thread, one operation at a time; not thread-safe. The key is derived once per salt and
// kept in guarded memory; every operation re-reads the file, so it never acts on stale contents. A write
// or remove holds a lock on a sibling file (path + ".lock") from that read to the rename, so two
// processes (or two stores) changing different keys of one file both keep their change.
//
// Format, version 1, integers little-endian:
//   offset  0  magic "TGSECRET"                      8 bytes
//           8  format version = 1                    1
//           9  KDF algorithm = Argon2id 1.3 (2)      1
//          10  reserved, zero                        2
//          12  Argon2id opslimit                     8
//          20  Argon2id memlimit in bytes            8
//          28  salt, random per file                 16
//          44  nonce, random per write               24
//          68  XChaCha20-Poly1305-IETF ciphertext of the JSON object {"key": "base64(secret)", ...}
//              followed by its 16-byte tag; associated data = bytes 0..43.
class SecretFile {
    Q_DECLARE_TR_FUNCTIONS(SecretFile)
public:
    SecretFile(QString path, const QByteArray &passphrase, KdfStrength strength);

    const QString &path() const { return m_path; }

    // An unknown key (or a missing file) is ErrorCode::SecretNotFound.
    Result<QByteArray> read(const QString &key);
    // Never replaces a file it could not decrypt.
    Status write(const QString &key, const QByteArray &secret);
    Status remove(const QString &key);

private:
    struct KdfParameters {
        QByteArray salt;
        quint64 opsLimit = 0;
        quint64 memLimit = 0;
        bool operator==(const KdfParameters &) const = default;
    };
    struct DerivedKey {
        KdfParameters parameters;
        SecureBuffer key;
    };
    struct Contents {
        bool exists = false;
        QJsonObject secrets;
    };

    Result<Contents> load();
    // load(), apply `change` to the secrets, save(): all under the lock file.
    Status update(const std::function<bool(QJsonObject &)> &change);
    Status save(const QJsonObject &secrets);
    // The cached key when the parameters match, otherwise a freshly derived one.
    Status ensureKey(const KdfParameters &parameters);
    KdfParameters newFileParameters() const;
    // Whether `parameters` cost what a new file's do (else the next write re-keys the file).
    bool hasNewFileCost(const KdfParameters &parameters) const;

    static constexpr quint64 kModerateOpsLimit = 4;
    static constexpr quint64 kModerateMemLimit = 64ULL * 1024 * 1024;

    Error notDecryptable() const;
    Error failed(const QString &what) const;

    QString m_path;
    SecureBuffer m_passphrase;
    KdfStrength m_strength;
    std::optional<DerivedKey> m_key;
};

} // namespace trailguard
