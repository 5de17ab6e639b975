#include "secrets/KeychainSecretStore.h"

#include "secrets/SecretsLogging.h"

#include <qt6keychain/keychain.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

namespace trailguard {

namespace {

enum class Operation { Read, Write, Remove };

// Turns a QtKeychain failure into an Error whose message says what to do.
Error keychainError(Operation operation, const QString &key, QKeychain::Error code, const QString &detail)
{
    if (code == QKeychain::EntryNotFound) {
        return Error{
            ErrorCode::SecretNotFound,
            KeychainSecretStore::tr("No secret named \"%1\" is stored in the system keychain.").arg(key)};
    }
    const QString advice = KeychainSecretStore::tr(
        "Start a keyring such as gnome-keyring (and unlock it), or set encryption_key to keep tokens in an "
        "encrypted file.");
    QString what;
    switch (operation) {
    case Operation::Read:
        what = KeychainSecretStore::tr("The secret \"%1\" could not be read from the system keychain: %2");
        break;
    case Operation::Write:
        what = KeychainSecretStore::tr("The secret \"%1\" could not be saved in the system keychain: %2");
        break;
    case Operation::Remove:
        what = KeychainSecretStore::tr("The secret \"%1\" could not be removed from the system keychain: %2");
        break;
    }
    QString message = what.arg(key, detail.trimmed());
    if (!message.endsWith(QLatin1Char('.')))
        message += QLatin1Char('.');
    message += QLatin1Char(' ') + advice;
    switch (code) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error{ErrorCode::SecretStoreUnavailable, message};
    default:
        return Error{ErrorCode::SecretStoreFailed, message};
    }
}

template <typename Job>
Job *startJob(const QString &service, const QString &key)
{
    auto *job = new Job(service);
    job->setAutoDelete(true);        // deletes itself after `finished`
    job->setInsecureFallback(false); // never a plain-text copy in QSettings
    job->setKey(key);
    return job;
}

void logFailure(const Error &error)
{
    if (error.code != ErrorCode::SecretNotFound)
        qCWarning(lcSecrets) << error.message;
}

} // namespace

QString KeychainSecretStore::defaultService()
{
    return QStringLiteral("Trailguard");
}

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{}

QString KeychainSecretStore::keyScopeForDataDir(const QString &dataDir, const QString &defaultDataDir)
{
    const auto canonical = [](const QString &path) {
        const QFileInfo info(path);
        const QString resolved = info.canonicalFilePath();
        return resolved.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : resolved;
    };
    const QString folder = canonical(dataDir);
    if (folder == canonical(defaultDataDir))
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(folder.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
}

void KeychainSecretStore::setKeyScope(const QString &scope)
{
    m_keyScope = scope;
}

QString KeychainSecretStore::scopedKey(const QString &key) const
{
    return m_keyScope.isEmpty() ? key : key + QLatin1Char('@') + m_keyScope;
}

QString KeychainSecretStore::location() const
{
    return tr("the system keychain (Secret Service)");
}

// The jobs have no parent, so a store destroyed mid-job lets the job finish and delete itself; the
// connection to this store (and with it the callback) is dropped. The callback always goes through
// deliverLater, since a job may finish inside start() when no backend is found.
void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto *job = startJob<QKeychain::ReadPasswordJob>(m_service, scopedKey(key));
    connect(job, &QKeychain::Job::finished, this,
            [this, key, job, guard = CallbackContext(context), done = std::move(done)] {
                Result<QByteArray> result = job->binaryData();
                if (job->error() != QKeychain::NoError) {
                    result = keychainError(Operation::Read, key, job->error(), job->errorString());
                    logFailure(result.error());
                }
                deliverLater(guard, [done, result] { done(result); });
            });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QByteArray &secret, QObject *context,
                                WriteCallback done)
{
    auto *job = startJob<QKeychain::WritePasswordJob>(m_service, scopedKey(key));
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this,
            [this, key, job, guard = CallbackContext(context), done = std::move(done)] {
                Status status = success();
                if (job->error() != QKeychain::NoError) {
                    status = keychainError(Operation::Write, key, job->error(), job->errorString());
                    logFailure(status.error());
                }
                deliverLater(guard, [done, status] { done(status); });
            });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, WriteCallback done)
{
    auto *job = startJob<QKeychain::DeletePasswordJob>(m_service, scopedKey(key));
    connect(job, &QKeychain::Job::finished, this,
            [this, key, job, guard = CallbackContext(context), done = std::move(done)] {
                Status status = success();
                // Removing an unknown key succeeds.
                if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
                    status = keychainError(Operation::Remove, key, job->error(), job->errorString());
                    logFailure(status.error());
                }
                deliverLater(guard, [done, status] { done(status); });
            });
    job->start();
}

} // namespace trailguard
