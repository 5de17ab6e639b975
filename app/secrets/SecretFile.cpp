#include "secrets/SecretFile.h"

#include "secrets/SecretsLogging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QSaveFile>
#include <QtEndian>

#include <sodium.h>

#include <chrono>
#include <cstring>

namespace trailguard {

namespace {

// "trailguard, PID 4242" for a message about a lock another process holds.
QString lockHolder(const QLockFile &lock)
{
    qint64 pid = 0;
    QString host;
    QString application;
    if (!lock.getLockInfo(&pid, &host, &application))
        return QStringLiteral("?");
    return QStringLiteral("%1, PID %2").arg(application).arg(pid);
}

constexpr char kMagic[] = "TGSECRET";
constexpr qsizetype kMagicSize = 8;
constexpr quint8 kVersion = 1;
constexpr qsizetype kVersionOffset = 8;
constexpr qsizetype kAlgorithmOffset = 9;
constexpr qsizetype kOpsLimitOffset = 12;
constexpr qsizetype kMemLimitOffset = 20;
constexpr qsizetype kSaltOffset = 28;
constexpr qsizetype kSaltSize = crypto_pwhash_SALTBYTES;
constexpr qsizetype kAssociatedSize = kSaltOffset + kSaltSize;
constexpr qsizetype kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype kHeaderSize = kAssociatedSize + kNonceSize;
constexpr qsizetype kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kKeySize = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;

static_assert(kSaltSize == 16 && kNonceSize == 24 && kKeySize == 32 && kHeaderSize == 68);

// A file's recorded KDF cost is trusted only within these bounds, so a changed header cannot make
// key derivation take forever or exhaust memory; anything else cannot have been written by us.
constexpr quint64 kMaxOpsLimit = 16;
constexpr quint64 kMaxMemLimit = crypto_pwhash_MEMLIMIT_SENSITIVE;

const unsigned char *bytes(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}

unsigned char *bytes(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

} // namespace

SecretFile::SecretFile(QString path, const QByteArray &passphrase, KdfStrength strength)
    : m_path(std::move(path))
    , m_passphrase(SecureBuffer::copyOf(passphrase))
    , m_strength(strength)
{}

Error SecretFile::notDecryptable() const
{
    return Error{ErrorCode::SecretStoreFailed,
                 tr("The secrets file %1 could not be decrypted: the encryption_key is wrong or the file was "
                    "changed. Set the encryption_key that wrote it, or move the file away to start over.")
                     .arg(QDir::toNativeSeparators(m_path))};
}

Error SecretFile::failed(const QString &what) const
{
    return Error{ErrorCode::SecretStoreFailed, what};
}

SecretFile::KdfParameters SecretFile::newFileParameters() const
{
    KdfParameters parameters;
    parameters.salt.resize(kSaltSize);
    randombytes_buf(bytes(parameters.salt), static_cast<std::size_t>(kSaltSize));
    if (m_strength == KdfStrength::Interactive) {
        parameters.opsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
        parameters.memLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    } else {
        parameters.opsLimit = kModerateOpsLimit;
        parameters.memLimit = kModerateMemLimit;
    }
    return parameters;
}

bool SecretFile::hasNewFileCost(const KdfParameters &parameters) const
{
    const KdfParameters wanted = newFileParameters();
    return parameters.opsLimit == wanted.opsLimit && parameters.memLimit == wanted.memLimit;
}

Status SecretFile::ensureKey(const KdfParameters &parameters)
{
    if (m_key && m_key->parameters == parameters)
        return success();
    m_key.reset();
    if (!sodiumReady() || !m_passphrase.isValid())
        return failed(tr("The encrypted secrets file cannot be used: libsodium could not be initialised or "
                         "encryption_key is empty."));
    SecureBuffer key(kKeySize);
    if (!key.isValid())
        return failed(tr("The encrypted secrets file cannot be used: out of memory."));
    QElapsedTimer timer;
    timer.start();
    const int rc = crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char *>(m_passphrase.data()),
                                 m_passphrase.size(), bytes(parameters.salt), parameters.opsLimit,
                                 static_cast<std::size_t>(parameters.memLimit), crypto_pwhash_ALG_ARGON2ID13);
    if (rc != 0) {
        return failed(tr("The key for the secrets file could not be derived from encryption_key (out of "
                         "memory?). Free some memory and try again."));
    }
    qCDebug(lcSecrets).nospace() << "derived the secrets file key (Argon2id, " << parameters.opsLimit
                                 << " passes, " << parameters.memLimit / (1024 * 1024) << " MiB) in "
                                 << timer.elapsed() << " ms";
    m_key = DerivedKey{parameters, std::move(key)};
    return success();
}

Result<SecretFile::Contents> SecretFile::load()
{
    QFile file(m_path);
    if (!file.exists())
        return Contents{};
    if (!file.open(QIODevice::ReadOnly)) {
        return failed(tr("The secrets file %1 could not be read: %2")
                          .arg(QDir::toNativeSeparators(m_path), file.errorString()));
    }
    const QByteArray data = file.readAll();
    if (data.size() < kHeaderSize + kTagSize || !data.startsWith(QByteArrayView(kMagic, kMagicSize)))
        return notDecryptable();
    if (static_cast<quint8>(data.at(kVersionOffset)) != kVersion) {
        return failed(tr("The secrets file %1 has a format this version of Trailguard cannot read. Update "
                         "Trailguard, or move the file away to start over.")
                          .arg(QDir::toNativeSeparators(m_path)));
    }
    KdfParameters parameters;
    parameters.opsLimit = qFromLittleEndian<quint64>(data.constData() + kOpsLimitOffset);
    parameters.memLimit = qFromLittleEndian<quint64>(data.constData() + kMemLimitOffset);
    parameters.salt = data.mid(kSaltOffset, kSaltSize);
    if (static_cast<quint8>(data.at(kAlgorithmOffset)) != crypto_pwhash_ALG_ARGON2ID13 ||
        parameters.opsLimit < crypto_pwhash_OPSLIMIT_MIN || parameters.opsLimit > kMaxOpsLimit ||
        parameters.memLimit < crypto_pwhash_MEMLIMIT_MIN || parameters.memLimit > kMaxMemLimit) {
        return notDecryptable();
    }
    if (auto status = ensureKey(parameters); !status.ok())
        return status.error();

    const auto cipherSize = data.size() - kHeaderSize;
    QByteArray plain(cipherSize - kTagSize, Qt::Uninitialized);
    unsigned long long plainSize = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
        bytes(plain), &plainSize, nullptr, bytes(data) + kHeaderSize,
        static_cast<unsigned long long>(cipherSize), bytes(data), kAssociatedSize,
        bytes(data) + kAssociatedSize, m_key->key.data());
    if (rc != 0)
        return notDecryptable();
    plain.truncate(static_cast<qsizetype>(plainSize));
    QJsonParseError parseError{};
    const auto document = QJsonDocument::fromJson(plain, &parseError);
    wipe(plain);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return notDecryptable();
    return Contents{true, document.object()};
}

Status SecretFile::save(const QJsonObject &secrets)
{
    // A file written with another cost (libsodium's "moderate" 256 MiB before) moves to today's at its next
    // write: a new salt and key.
    if (!m_key || !hasNewFileCost(m_key->parameters)) {
        if (auto status = ensureKey(newFileParameters()); !status.ok())
            return status;
    }
    const KdfParameters &parameters = m_key->parameters;
    QByteArray header(kHeaderSize, '\0');
    std::memcpy(header.data(), kMagic, kMagicSize);
    header[kVersionOffset] = static_cast<char>(kVersion);
    header[kAlgorithmOffset] = static_cast<char>(crypto_pwhash_ALG_ARGON2ID13);
    qToLittleEndian<quint64>(parameters.opsLimit, header.data() + kOpsLimitOffset);
    qToLittleEndian<quint64>(parameters.memLimit, header.data() + kMemLimitOffset);
    std::memcpy(header.data() + kSaltOffset, parameters.salt.constData(), kSaltSize);
    randombytes_buf(bytes(header) + kAssociatedSize, kNonceSize); // a fresh nonce for every write

    QByteArray plain = QJsonDocument(secrets).toJson(QJsonDocument::Compact);
    QByteArray cipher(plain.size() + kTagSize, Qt::Uninitialized);
    unsigned long long cipherSize = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        bytes(cipher), &cipherSize, bytes(plain), static_cast<unsigned long long>(plain.size()),
        bytes(header), kAssociatedSize, nullptr, bytes(header) + kAssociatedSize, m_key->key.data());
    wipe(plain);
    cipher.truncate(static_cast<qsizetype>(cipherSize));

    const QString nativePath = QDir::toNativeSeparators(m_path);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(tr("The secrets file %1 could not be written: %2").arg(nativePath, file.errorString()));
    // Owner-only before any byte is written; the rename in commit() keeps the mode.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return failed(tr("The secrets file %1 could not be made private to its owner: %2")
                          .arg(nativePath, file.errorString()));
    }
    file.write(header);
    file.write(cipher);
    if (!file.commit())
        return failed(tr("The secrets file %1 could not be written: %2").arg(nativePath, file.errorString()));
    return success();
}

Result<QByteArray> SecretFile::read(const QString &key)
{
    auto contents = load();
    if (!contents.ok())
        return contents.error();
    const auto found = contents.value().secrets.constFind(key);
    if (found == contents.value().secrets.constEnd()) {
        return Error{
            ErrorCode::SecretNotFound,
            tr("No secret named \"%1\" is stored in %2.").arg(key, QDir::toNativeSeparators(m_path))};
    }
    auto decoded =
        QByteArray::fromBase64Encoding(found->toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return notDecryptable();
    return std::move(*decoded);
}

Status SecretFile::update(const std::function<bool(QJsonObject &)> &change)
{
    // Another process may be between its read and its rename: wait for it, then read what it wrote.
    constexpr std::chrono::seconds kLockWait{10};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(kLockWait)) {
        return failed(tr("The secrets file %1 is locked by another program (%2) and could not be changed. "
                         "Try again; if it stays locked, remove %3.")
                          .arg(QDir::toNativeSeparators(m_path), lockHolder(lock),
                               QDir::toNativeSeparators(m_path + QStringLiteral(".lock"))));
    }
    auto contents = load();
    if (!contents.ok())
        return contents.error();
    auto secrets = std::move(contents.value().secrets);
    if (!change(secrets))
        return success();
    return save(secrets);
}

Status SecretFile::write(const QString &key, const QByteArray &secret)
{
    return update([&](QJsonObject &secrets) {
        secrets.insert(key, QString::fromLatin1(secret.toBase64()));
        return true;
    });
}

Status SecretFile::remove(const QString &key)
{
    return update([&](QJsonObject &secrets) {
        if (!secrets.contains(key))
            return false;
        secrets.remove(key);
        return true;
    });
}

} // namespace trailguard
