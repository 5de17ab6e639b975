#include "secrets/EncryptedFileSecretStore.h"

#include "secrets/SecretsLogging.h"

#include <QDir>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace trailguard {

namespace {

Status toStatus(const Result<QByteArray> &result)
{
    if (!result.ok())
        return result.error();
    return success();
}

} // namespace

QString EncryptedFileSecretStore::fileName()
{
    return QStringLiteral("secrets.enc");
}

EncryptedFileSecretStore::EncryptedFileSecretStore(const QString &dataDir, const QByteArray &passphrase,
                                                   KdfStrength strength, QObject *parent)
    : SecretStore(parent)
    , m_filePath(QDir(dataDir).filePath(fileName()))
    , m_file(std::make_shared<SecretFile>(m_filePath, passphrase, strength))
{}

EncryptedFileSecretStore::~EncryptedFileSecretStore() = default;

QString EncryptedFileSecretStore::location() const
{
    return tr("the encrypted file %1").arg(QDir::toNativeSeparators(m_filePath));
}

void EncryptedFileSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    enqueue(
        context, [key](SecretFile &file) { return file.read(key); },
        [done = std::move(done)](Result<QByteArray> result) { done(std::move(result)); });
}

void EncryptedFileSecretStore::write(const QString &key, const QByteArray &secret, QObject *context,
                                     WriteCallback done)
{
    enqueue(
        context,
        [key, secret](SecretFile &file) -> Result<QByteArray> {
            if (auto status = file.write(key, secret); !status.ok())
                return status.error();
            return QByteArray();
        },
        [done = std::move(done)](Result<QByteArray> result) { done(toStatus(result)); });
}

void EncryptedFileSecretStore::remove(const QString &key, QObject *context, WriteCallback done)
{
    enqueue(
        context,
        [key](SecretFile &file) -> Result<QByteArray> {
            if (auto status = file.remove(key); !status.ok())
                return status.error();
            return QByteArray();
        },
        [done = std::move(done)](Result<QByteArray> result) { done(toStatus(result)); });
}

void EncryptedFileSecretStore::enqueue(QObject *context, Work work, Finish finish)
{
    m_queue.push_back(Operation{std::move(work), [guard = CallbackContext(context),
                                                  finish = std::move(finish)](Result<QByteArray> result) {
                                    if (guard.alive())
                                        finish(std::move(result));
                                }});
    startNext();
}

void EncryptedFileSecretStore::startNext()
{
    if (m_busy || m_queue.empty())
        return;
    m_busy = true;
    Operation operation = std::move(m_queue.front());
    m_queue.pop_front();

    // The watcher is a child of this store: destroying the store drops the result and the callback.
    auto *watcher = new QFutureWatcher<Result<QByteArray>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, finish = std::move(operation.finish)]() mutable {
                Result<QByteArray> result = watcher->result();
                watcher->deleteLater();
                if (!result.ok() && result.error().code != ErrorCode::SecretNotFound)
                    qCWarning(lcSecrets) << result.error().message;
                m_busy = false;
                startNext();
                // Queued, so a callback that destroys this store never runs inside the watcher's signal.
                QMetaObject::invokeMethod(
                    this,
                    [finish = std::move(finish), result = std::move(result)]() mutable {
                        finish(std::move(result));
                    },
                    Qt::QueuedConnection);
            });
    watcher->setFuture(
        QtConcurrent::run([file = m_file, work = std::move(operation.work)] { return work(*file); }));
}

} // namespace trailguard
