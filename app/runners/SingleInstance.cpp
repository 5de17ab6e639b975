#include "runners/SingleInstance.h"

#include "runners/RunnersLogging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QThread>

#include <unistd.h>

namespace trailguard::Runners {

namespace {
const QByteArray kRaiseRequest = QByteArrayLiteral("raise\n");
const QByteArray kRaiseReply = QByteArrayLiteral("raised\n");
// How long a second launch waits for the first: it may still be opening its database.
constexpr int kForwardTimeoutMs = 10'000;
constexpr int kRetryDelayMs = 100;

QString dataDirKey(const QString &dataDir)
{
    const QString folder = dataDir.isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                               : QFileInfo(dataDir).absoluteFilePath();
    // Symbolic links and "a/../b" name one folder: canonical when it exists, cleaned when not yet.
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(folder) : canonical;
}

QString runtimeFolder()
{
    // $XDG_RUNTIME_DIR is the user's own (mode 700); Qt falls back to a private /tmp/runtime-$USER.
    QString folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (folder.isEmpty())
        folder = QDir::tempPath();
    return folder;
}
} // namespace

QString SingleInstance::serverNameFor(const QString &dataDir)
{
    // The user is part of the key too, for the /tmp fallback shared by everyone.
    const QByteArray key = QByteArray::number(qulonglong(::getuid())) + '\0' + dataDirKey(dataDir).toUtf8();
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(20);
    return QDir(runtimeFolder())
        .filePath(QStringLiteral("trailguard-%1.socket").arg(QString::fromLatin1(hash)));
}

SingleInstance::SingleInstance(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_serverName(serverNameFor(dataDir))
    , m_lock(m_serverName + QStringLiteral(".lock"))
{
    // A lock older than this is stale only when its process is gone (QLockFile checks the PID first).
    m_lock.setStaleLockTime(0);
}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close();
}

SingleInstance::Role SingleInstance::claim()
{
    if (m_lock.tryLock(0)) {
        if (!listen())
            qCWarning(lcInstance, "Could not listen on %s: later launches will not find this window",
                      qPrintable(m_serverName));
        return Role::Primary;
    }
    if (m_lock.error() != QLockFile::LockFailedError) {
        // No runtime folder to lock in: run rather than refuse to start.
        qCWarning(lcInstance, "Could not create %s; running without the single-instance check",
                  qPrintable(m_lock.fileName()));
        return Role::Primary;
    }
    return forwardToPrimary() ? Role::Forwarded : Role::Unreachable;
}

bool SingleInstance::forwardToPrimary()
{
    const QDeadlineTimer deadline(kForwardTimeoutMs);
    while (!deadline.hasExpired()) {
        QLocalSocket socket;
        socket.connectToServer(m_serverName);
        if (socket.waitForConnected(int(deadline.remainingTime()))) {
            socket.write(kRaiseRequest);
            socket.flush();
            while (!socket.canReadLine() && socket.waitForReadyRead(int(deadline.remainingTime()))) {
            }
            if (socket.readLine() == kRaiseReply) {
                qCInfo(lcInstance, "Trailguard is already running for this data folder: raised its window");
                return true;
            }
        }
        // The first launch holds the lock but may not listen yet.
        QThread::msleep(kRetryDelayMs);
    }
    return false;
}

bool SingleInstance::listen()
{
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // We hold the lock, so a socket file left here belongs to a crashed run.
    QLocalServer::removeServer(m_serverName);
    if (!m_server->listen(m_serverName))
        return false;
    connect(m_server.get(), &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (!socket->canReadLine())
                    return;
                if (socket->readLine() == kRaiseRequest) {
                    qCInfo(lcInstance, "Another launch asked for the window: raising it");
                    Q_EMIT activationRequested();
                    socket->write(kRaiseReply);
                    socket->flush();
                }
                socket->disconnectFromServer();
            });
        }
    });
    qCInfo(lcInstance, "Listening for later launches on %s", qPrintable(m_serverName));
    return true;
}

} // namespace trailguard::Runners
