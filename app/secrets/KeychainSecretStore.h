#pragma once

#include "secrets/SecretStore.h"

namespace trailguard {

// Secrets in the operating system's keychain through QtKeychain (on Linux the Secret Service, e.g.
// gnome-keyring or KWallet). Every call starts an asynchronous QtKeychain job, which QtKeychain runs
// one at a time in order; nothing blocks. Never falls back to plain-text storage.
class KeychainSecretStore : public SecretStore {
    Q_OBJECT
public:
    // The service name the entries are filed under; tests use their own.
    static QString defaultService();

    explicit KeychainSecretStore(const QString &service = defaultService(), QObject *parent = nullptr);

    QString service() const { return m_service; }

    QString location() const override;
    bool isPersistent() const override { return true; }

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &secret, QObject *context, WriteCallback done) override;
    void remove(const QString &key, QObject *context, WriteCallback done) override;

private:
    QString m_service;
};

} // namespace trailguard
