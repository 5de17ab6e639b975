#include "secrets/EncryptedFileSecretStore.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/SecretStoreFactory.h"

#include "SecretStoreTesting.h"

#include <QDBusConnection>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace trailguard;
using namespace trailguard::test;

namespace {

// A private D-Bus session bus of our own (dbus-daemon with a minimal configuration) listening on
// <dir>/bus, optionally with org.freedesktop.secrets activatable. Nothing on it but what a test puts.
class PrivateBus {
public:
    explicit PrivateBus(bool secretServiceActivatable)
    {
        QDir dir(m_dir.path());
        QString serviceDir;
        if (secretServiceActivatable) {
            dir.mkpath(QStringLiteral("services"));
            serviceDir =
                QStringLiteral("<servicedir>%1</servicedir>").arg(dir.filePath(QStringLiteral("services")));
            QFile service(dir.filePath(QStringLiteral("services/org.freedesktop.secrets.service")));
            if (service.open(QIODevice::WriteOnly))
                service.write("[D-BUS Service]\nName=org.freedesktop.secrets\nExec=/bin/false\n");
        }
        QFile config(dir.filePath(QStringLiteral("bus.conf")));
        if (config.open(QIODevice::WriteOnly)) {
            // Only what a session bus needs: a socket, EXTERNAL authentication, and no policy limits.
            const QString xml =
                QStringLiteral("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration "
                               "1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/"
                               "busconfig.dtd\">\n"
                               "<busconfig><type>session</type><listen>unix:path=%1</listen>"
                               "<auth>EXTERNAL</auth>%2<policy context=\"default\">"
                               "<allow send_destination=\"*\" eavesdrop=\"true\"/>"
                               "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
            config.write(xml.arg(socketPath(), serviceDir).toUtf8());
            config.close();
        }
        m_daemon.setProcessChannelMode(QProcess::SeparateChannels);
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--nofork"),
                        QStringLiteral("--print-address")});
        if (m_daemon.waitForStarted() && m_daemon.waitForReadyRead(10000))
            m_address = QString::fromUtf8(m_daemon.readLine().trimmed());
    }
    ~PrivateBus()
    {
        QDBusConnection::disconnectFromBus(kOwnerConnection);
        m_daemon.terminate();
        m_daemon.waitForFinished(5000);
    }
    PrivateBus(const PrivateBus &) = delete;
    PrivateBus &operator=(const PrivateBus &) = delete;

    bool isRunning() const { return !m_address.isEmpty(); }
    QString address() const { return m_address; }
    QString runtimeDir() const { return m_dir.path(); }
    QString socketPath() const { return m_dir.filePath(QStringLiteral("bus")); }

    // Takes a keychain's name on this bus, as a running keyring does.
    bool ownName(const QString &name = QStringLiteral("org.freedesktop.secrets"))
    {
        auto connection = QDBusConnection::connectToBus(m_address, kOwnerConnection);
        return connection.isConnected() && connection.registerService(name);
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
        return env;
    }

private:
    static inline const QString kOwnerConnection = QStringLiteral("tst_secretstorefactory-owner");
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
};

void verifyMemoryWithNotice(const SecretStoreChoice &choice)
{
    QVERIFY(choice.store);
    QVERIFY(qobject_cast<MemorySecretStore *>(choice.store.get()));
    QVERIFY(!choice.store->isPersistent());
    QVERIFY2(choice.notice.contains(QStringLiteral("memory only")), qPrintable(choice.notice));
    QVERIFY(choice.notice.contains(QStringLiteral("gnome-keyring")));
    QVERIFY(choice.notice.contains(QStringLiteral("encryption_key")));
}

void verifyKeychain(const SecretStoreChoice &choice)
{
    QVERIFY(choice.store);
    const auto *keychain = qobject_cast<KeychainSecretStore *>(choice.store.get());
    QVERIFY(keychain);
    QCOMPARE(keychain->service(), QStringLiteral("Trailguard"));
    QVERIFY(choice.store->isPersistent());
    QVERIFY2(choice.notice.isEmpty(), qPrintable(choice.notice));
}

} // namespace

class SecretStoreFactoryTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }

    void encryptionKeyChoosesEncryptedFile();
    void emptyEncryptionKeyIsIgnored();
    void noSessionBusMeansMemory();
    void unreachableBusMeansMemory();
    void busWithoutSecretServiceMeansMemory();
    void ownedSecretServiceMeansKeychain();
    void activatableSecretServiceMeansKeychain();
    void kwalletMeansKeychain();
    void busInRuntimeDirIsFound();
    void storeGetsParent();
};

void SecretStoreFactoryTest::encryptionKeyChoosesEncryptedFile()
{
    QTemporaryDir dataDir;
    PrivateBus bus(false);
    QVERIFY(bus.isRunning());
    QVERIFY(bus.ownName()); // the passphrase wins even when a keychain is there
    QProcessEnvironment env = bus.environment();
    env.insert(QStringLiteral("encryption_key"), QStringLiteral("a passphrase for the server"));

    const auto choice = createSecretStore(env, dataDir.path());
    QVERIFY(choice.store);
    const auto *file = qobject_cast<EncryptedFileSecretStore *>(choice.store.get());
    QVERIFY(file);
    QVERIFY(choice.notice.isEmpty());
    QCOMPARE(file->filePath(), QDir(dataDir.path()).filePath(QStringLiteral("secrets.enc")));
    QVERIFY(succeeded(writeNow(*choice.store, QStringLiteral("token"), "refresh-abc123")));
    QVERIFY(QFile::exists(file->filePath()));
    // The same passphrase opens it from a second store; another one does not.
    const auto again = createSecretStore(env, dataDir.path());
    QCOMPARE(valueOf(readNow(*again.store, QStringLiteral("token"))), QByteArray("refresh-abc123"));
    env.insert(QStringLiteral("encryption_key"), QStringLiteral("another passphrase"));
    const auto wrong = createSecretStore(env, dataDir.path());
    QCOMPARE(errorOf(readNow(*wrong.store, QStringLiteral("token"))), ErrorCode::SecretStoreFailed);
}

void SecretStoreFactoryTest::emptyEncryptionKeyIsIgnored()
{
    QTemporaryDir dataDir;
    QProcessEnvironment env;
    env.insert(QStringLiteral("encryption_key"), QString());
    verifyMemoryWithNotice(createSecretStore(env, dataDir.path()));
}

void SecretStoreFactoryTest::noSessionBusMeansMemory()
{
    QTemporaryDir dataDir;
    const auto choice = createSecretStore(QProcessEnvironment(), dataDir.path());
    verifyMemoryWithNotice(choice);
    QVERIFY(succeeded(writeNow(*choice.store, QStringLiteral("token"), "refresh-abc123")));
    QVERIFY(QDir(dataDir.path()).isEmpty()); // nothing written to disk
}

void SecretStoreFactoryTest::unreachableBusMeansMemory()
{
    QTemporaryDir dataDir;
    QProcessEnvironment env;
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/trailguard/bus"));
    verifyMemoryWithNotice(createSecretStore(env, dataDir.path()));
}

void SecretStoreFactoryTest::busWithoutSecretServiceMeansMemory()
{
    QTemporaryDir dataDir;
    PrivateBus bus(false);
    QVERIFY(bus.isRunning());
    verifyMemoryWithNotice(createSecretStore(bus.environment(), dataDir.path()));
}

void SecretStoreFactoryTest::ownedSecretServiceMeansKeychain()
{
    QTemporaryDir dataDir;
    PrivateBus bus(false);
    QVERIFY(bus.isRunning());
    QVERIFY(bus.ownName());
    verifyKeychain(createSecretStore(bus.environment(), dataDir.path()));
}

void SecretStoreFactoryTest::activatableSecretServiceMeansKeychain()
{
    QTemporaryDir dataDir;
    PrivateBus bus(true);
    QVERIFY(bus.isRunning());
    verifyKeychain(createSecretStore(bus.environment(), dataDir.path()));
}

void SecretStoreFactoryTest::kwalletMeansKeychain()
{
    QTemporaryDir dataDir;
    PrivateBus bus(false);
    QVERIFY(bus.isRunning());
    QVERIFY(bus.ownName(QStringLiteral("org.kde.kwalletd5")));
    verifyKeychain(createSecretStore(bus.environment(), dataDir.path()));
}

void SecretStoreFactoryTest::busInRuntimeDirIsFound()
{
    QTemporaryDir dataDir;
    PrivateBus bus(false);
    QVERIFY(bus.isRunning());
    QVERIFY(bus.ownName());
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), bus.runtimeDir());
    verifyKeychain(createSecretStore(env, dataDir.path()));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dataDir.path()); // no "bus" there
    verifyMemoryWithNotice(createSecretStore(env, dataDir.path()));
}

void SecretStoreFactoryTest::storeGetsParent()
{
    QTemporaryDir dataDir;
    QObject parent;
    auto choice = createSecretStore(QProcessEnvironment(), dataDir.path(), &parent);
    QCOMPARE(choice.store->parent(), &parent);
    choice.store.reset(); // before the parent, as createSecretStore asks
    QVERIFY(parent.children().isEmpty());
}

QTEST_GUILESS_MAIN(SecretStoreFactoryTest)
#include "tst_secretstorefactory.moc"
