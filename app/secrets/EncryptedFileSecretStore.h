#pragma once

#include "secrets/SecretFile.h"
#include "secrets/SecretStore.h"

#include <deque>
#include <memory>

namespace trailguard {

// Secrets in one encrypted file in the data folder, for machines without a keychain (headless
// servers): chosen when the environment variable encryption_key is set. The key is derived from that
// passphrase with Argon2id (a random salt per file) and the whole file is sealed with
// XChaCha20-Poly1305; see SecretFile for the format. Key derivation and file work run on a worker
// thread, one operation at a time in the order they were asked for; callbacks arrive on this store's
// thread. A wrong passphrase or a changed file is an error, and the file is then never overwritten.
class EncryptedFileSecretStore : public SecretStore {
    Q_OBJECT
public:
    // The file's name inside the data folder.
    static QString fileName();

    EncryptedFileSecretStore(const QString &dataDir, const QByteArray &passphrase,
                             KdfStrength strength = KdfStrength::Moderate, QObject *parent = nullptr);
    // Drops the callbacks not yet made. An operation already running finishes on its worker thread.
    ~EncryptedFileSecretStore() override;

    QString filePath() const { return m_filePath; }

    QString location() const override;
    bool isPersistent() const override { return true; }

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &secret, QObject *context, WriteCallback done) override;
    void remove(const QString &key, QObject *context, WriteCallback done) override;

private:
    using Work = std::function<Result<QByteArray>(SecretFile &)>;
    using Finish = std::function<void(Result<QByteArray>)>;
    struct Operation {
        Work work;
        Finish finish;
    };

    void enqueue(QObject *context, Work work, Finish finish);
    void startNext();

    QString m_filePath;
    // Shared with the running worker, so a store destroyed mid-operation leaves it a valid object.
    std::shared_ptr<SecretFile> m_file;
    std::deque<Operation> m_queue;
    bool m_busy = false;
};

} // namespace trailguard
