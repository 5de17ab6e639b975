#include "secrets/MemorySecretStore.h"

#include "secrets/SecureBuffer.h"

namespace trailguard {

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{}

MemorySecretStore::~MemorySecretStore()
{
    for (auto &secret : m_secrets)
        wipe(secret);
}

QString MemorySecretStore::location() const
{
    return tr("memory only (lost when Trailguard exits)");
}

// Each operation takes effect at once, so a later read sees an earlier write; only the callback waits.
void MemorySecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    const auto found = m_secrets.constFind(key);
    Result<QByteArray> result =
        found != m_secrets.constEnd()
            ? Result<QByteArray>(*found)
            : Result<QByteArray>(
                  Error{ErrorCode::SecretNotFound, tr("No secret named \"%1\" is kept in memory.").arg(key)});
    deliverLater(CallbackContext(context),
                 [done = std::move(done), result = std::move(result)] { done(result); });
}

void MemorySecretStore::write(const QString &key, const QByteArray &secret, QObject *context,
                              WriteCallback done)
{
    auto &slot = m_secrets[key];
    wipe(slot);
    slot = secret;
    deliverLater(CallbackContext(context), [done = std::move(done)] { done(success()); });
}

void MemorySecretStore::remove(const QString &key, QObject *context, WriteCallback done)
{
    const auto found = m_secrets.find(key);
    if (found != m_secrets.end()) {
        wipe(*found);
        m_secrets.erase(found);
    }
    deliverLater(CallbackContext(context), [done = std::move(done)] { done(success()); });
}

} // namespace trailguard
