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

    // One keychain serves every data folder of the user, so each folder keeps its own entries: the
    // default data folder keeps the plain key names (as before, so nobody has to reconnect); any other
    // folder gets a scope from its canonical path (12 hex digits of a SHA-256), stored as "key@scope".
    static QString keyScopeForDataDir(const QString &dataDir, const QString &defaultDataDir);
    void setKeyScope(const QString &scope);
    QString keyScope() const { return m_keyScope; }
    // The keychain entry name of `key`.
    QString scopedKey(const QString &key) const;

    QString location() const override;
    bool isPersistent() const override { return true; }

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &secret, QObject *context, WriteCallback done) override;
    void remove(const QString &key, QObject *context, WriteCallback done) override;

private:
    QString m_service;
    QString m_keyScope;
};

} // namespace trailguard
