#include "access/PasswordHash.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <sodium.h>

namespace trailguard::PasswordHash {

namespace {
class PasswordHashText {
    Q_DECLARE_TR_FUNCTIONS(PasswordHashText)
};

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0; // thread-safe and idempotent
    return ready;
}
} // namespace

Result<QString> hash(const QByteArray &password)
{
    char text[crypto_pwhash_STRBYTES];
    if (!sodiumReady() ||
        crypto_pwhash_str(text, password.constData(), quint64(password.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return Error{ErrorCode::InvalidSetting,
                     PasswordHashText::tr("The password could not be hashed (out of memory?).")};
    }
    return QString::fromLatin1(text);
}

bool verify(const QString &hash, const QByteArray &password)
{
    const QByteArray text = hash.toLatin1();
    if (!sodiumReady() || text.isEmpty() || text.size() >= qsizetype(crypto_pwhash_STRBYTES))
        return false;
    return crypto_pwhash_str_verify(text.constData(), password.constData(), quint64(password.size())) == 0;
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (sodiumReady()) {
        randombytes_buf(bytes.data(), size_t(bytes.size()));
    } else {
        for (char &byte : bytes)
            byte = char(QRandomGenerator::system()->bounded(256));
    }
    return bytes;
}

bool equalSecrets(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && sodiumReady() &&
           sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace trailguard::PasswordHash
