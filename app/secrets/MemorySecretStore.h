#pragma once

#include "secrets/SecretStore.h"

#include <QHash>

namespace trailguard {

// The fallback when neither a keychain nor encryption_key is available: secrets live in this object
// only and are gone when the app exits. Still asynchronous, like every store.
class MemorySecretStore : public SecretStore {
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    QString location() const override;
    bool isPersistent() const override { return false; }

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &secret, QObject *context, WriteCallback done) override;
    void remove(const QString &key, QObject *context, WriteCallback done) override;

private:
    QHash<QString, QByteArray> m_secrets;
};

} // namespace trailguard
