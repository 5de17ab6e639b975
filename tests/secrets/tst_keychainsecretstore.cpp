// The keychain store against a real gnome-keyring, never the user's own:
//  - inside scripts/headless-session.sh (TRAILGUARD_IN_SESSION=1) it uses that session's unlocked keyring;
//  - run any other way, main() re-runs this test inside `dbus-run-session` with private XDG folders and
//    HOME, where initTestCase starts `gnome-keyring-daemon --foreground --unlock --components=secrets`.
// Entries go under a service name unique to the run and are removed at the end. The test never skips:
// without dbus-run-session or gnome-keyring it fails and says what is missing.

#include "secrets/KeychainSecretStore.h"

#include "SecretStoreContract.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <memory>

using namespace trailguard;
using namespace trailguard::test;

namespace {

const QString kPrivateSessionVariable = QStringLiteral("TRAILGUARD_KEYCHAIN_TEST_PRIVATE");
// A child process of the test that reads one key and prints the outcome: "ok <base64>" or
// "error <code> <message>". It shows what another process (the next run of Trailguard) finds.
const QString kProbeServiceVariable = QStringLiteral("TRAILGUARD_KEYCHAIN_TEST_PROBE_SERVICE");
const QString kProbeKeyVariable = QStringLiteral("TRAILGUARD_KEYCHAIN_TEST_PROBE_KEY");
const QString kSecretService = QStringLiteral("org.freedesktop.secrets");

bool secretServiceOwned()
{
    const auto *bus = QDBusConnection::sessionBus().interface();
    return bus != nullptr && bus->isServiceRegistered(kSecretService).value();
}

int runProbe(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    KeychainSecretStore store(qEnvironmentVariable("TRAILGUARD_KEYCHAIN_TEST_PROBE_SERVICE"));
    QTextStream out(stdout);
    store.read(qEnvironmentVariable("TRAILGUARD_KEYCHAIN_TEST_PROBE_KEY"), &app,
               [&out](Result<QByteArray> result) {
                   if (result.ok())
                       out << "ok " << result.value().toBase64() << Qt::endl;
                   else
                       out << "error " << static_cast<int>(result.error().code) << ' '
                           << result.error().message << Qt::endl;
                   QCoreApplication::exit(0);
               });
    QTimer::singleShot(20000, &app, [&out] {
        out << "timeout" << Qt::endl;
        QCoreApplication::exit(3);
    });
    return QCoreApplication::exec();
}

// Re-runs this executable, with the same arguments, inside a private D-Bus session with its own XDG
// folders and HOME, and returns its exit code.
int runInPrivateSession(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir root;
    QDir dir(root.path());
    const QStringList folders = {QStringLiteral("runtime"), QStringLiteral("data"), QStringLiteral("config"),
                                 QStringLiteral("cache"), QStringLiteral("home")};
    for (const auto &folder : folders)
        dir.mkpath(folder);
    QFile::setPermissions(dir.filePath(QStringLiteral("runtime")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
    env.insert(kPrivateSessionVariable, QStringLiteral("1"));

    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    QStringList arguments = {QStringLiteral("--"), QCoreApplication::applicationFilePath()};
    arguments += QCoreApplication::arguments().mid(1);
    QTextStream(stderr)
        << "tst_keychainsecretstore: running in a private D-Bus session with its own gnome-keyring"
        << Qt::endl;
    child.start(QStringLiteral("dbus-run-session"), arguments);
    if (!child.waitForStarted()) {
        QTextStream(stderr)
            << "FAIL: the keychain test needs dbus-run-session (Debian package dbus-bin) to run "
               "a private D-Bus session: "
            << child.errorString() << Qt::endl;
        return 1;
    }
    child.waitForFinished(-1);
    return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : 1;
}

} // namespace

class KeychainSecretStoreTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void roundTrip() { contract::roundTrip(*m_store); }
    void overwrite() { contract::overwrite(*m_store); }
    void unknownKeyIsNotFound() { contract::unknownKeyIsNotFound(*m_store); }
    void removeForgets() { contract::removeForgets(*m_store); }
    void callbacksAreAsynchronous() { contract::callbacksAreAsynchronous(*m_store); }
    void operationsCompleteInOrder() { contract::operationsCompleteInOrder(*m_store); }
    void destroyedContextDropsCallback() { contract::destroyedContextDropsCallback(*m_store); }

    void describesItself();
    void anotherProcessReadsWhatWasWritten();
    void servicesAreSeparate();
    void noPlainTextCopyInConfigOrData();
    void unreachableKeyringSaysWhatToDo();

private:
    QByteArray probe(const QString &service, const QString &key, const QProcessEnvironment &base);

    QString m_service;
    std::unique_ptr<KeychainSecretStore> m_store;
    std::unique_ptr<QProcess> m_keyring; // started by this test in a private session only
};

void KeychainSecretStoreTest::initTestCase()
{
    if (qEnvironmentVariable("TRAILGUARD_KEYCHAIN_TEST_PRIVATE") == QLatin1String("1")) {
        m_keyring = std::make_unique<QProcess>();
        m_keyring->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_keyring->start(QStringLiteral("gnome-keyring-daemon"),
                         {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                          QStringLiteral("--components=secrets")});
        QVERIFY2(
            m_keyring->waitForStarted(),
            qPrintable(QStringLiteral("gnome-keyring-daemon could not be started (install gnome-keyring): ") +
                       m_keyring->errorString()));
        m_keyring->write("trailguard-test\n"); // the password of the new, unlocked login keyring
        m_keyring->closeWriteChannel();
    }
    QTRY_VERIFY2_WITH_TIMEOUT(secretServiceOwned(),
                              "No Secret Service (org.freedesktop.secrets) appeared on the "
                              "session bus: gnome-keyring-daemon did not start.",
                              10000);
    m_service = QStringLiteral("TrailguardTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_store = std::make_unique<KeychainSecretStore>(m_service);
}

void KeychainSecretStoreTest::cleanupTestCase()
{
    if (m_store) {
        const QStringList keys = {QStringLiteral("contract-binary"),    QStringLiteral("contract-text"),
                                  QStringLiteral("contract-overwrite"), QStringLiteral("contract-remove"),
                                  QStringLiteral("contract-kept"),      QStringLiteral("contract-async"),
                                  QStringLiteral("contract-order"),     QStringLiteral("contract-context"),
                                  QStringLiteral("persisted"),          QStringLiteral("shared-key"),
                                  QStringLiteral("plain-text-check")};
        for (const auto &key : keys) {
            QVERIFY2(succeeded(removeNow(*m_store, key)), qPrintable(key));
            QCOMPARE(errorOf(readNow(*m_store, key)), ErrorCode::SecretNotFound);
        }
        m_store.reset();
    }
    if (m_keyring) {
        m_keyring->terminate();
        m_keyring->waitForFinished(5000);
    }
}

QByteArray KeychainSecretStoreTest::probe(const QString &service, const QString &key,
                                          const QProcessEnvironment &base)
{
    QProcessEnvironment env = base;
    env.insert(kProbeServiceVariable, service);
    env.insert(kProbeKeyVariable, key);
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {});
    if (!child.waitForFinished(30000))
        return "probe did not finish";
    return child.readAllStandardOutput().trimmed();
}

void KeychainSecretStoreTest::describesItself()
{
    QCOMPARE(KeychainSecretStore::defaultService(), QStringLiteral("Trailguard"));
    QCOMPARE(m_store->service(), m_service);
    QVERIFY(m_store->isPersistent());
    QVERIFY(m_store->location().contains(QStringLiteral("keychain")));
}

void KeychainSecretStoreTest::anotherProcessReadsWhatWasWritten()
{
    const auto env = QProcessEnvironment::systemEnvironment();
    QVERIFY(succeeded(writeNow(*m_store, QStringLiteral("persisted"), binarySecret())));
    QCOMPARE(probe(m_service, QStringLiteral("persisted"), env), "ok " + binarySecret().toBase64());
    // A new store object (the next start of the app) reads it too.
    KeychainSecretStore again(m_service);
    QCOMPARE(valueOf(readNow(again, QStringLiteral("persisted"))), binarySecret());

    QVERIFY(succeeded(removeNow(*m_store, QStringLiteral("persisted"))));
    QVERIFY(
        probe(m_service, QStringLiteral("persisted"), env)
            .startsWith("error " + QByteArray::number(static_cast<int>(ErrorCode::SecretNotFound)) + ' '));
}

void KeychainSecretStoreTest::servicesAreSeparate()
{
    KeychainSecretStore other(m_service + QStringLiteral("-other"));
    QVERIFY(succeeded(writeNow(*m_store, QStringLiteral("shared-key"), "first-service-secret")));
    QCOMPARE(errorOf(readNow(other, QStringLiteral("shared-key"))), ErrorCode::SecretNotFound);
    QVERIFY(succeeded(removeNow(other, QStringLiteral("shared-key"))));
    QCOMPARE(valueOf(readNow(*m_store, QStringLiteral("shared-key"))), QByteArray("first-service-secret"));
}

// QtKeychain's "insecure fallback" would put the secret in a QSettings file; it is off. The keyring's
// own file is encrypted with the keyring password.
void KeychainSecretStoreTest::noPlainTextCopyInConfigOrData()
{
    const QByteArray secret = "plain-text-check-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    QVERIFY(succeeded(writeNow(*m_store, QStringLiteral("plain-text-check"), secret)));
    QCOMPARE(valueOf(readNow(*m_store, QStringLiteral("plain-text-check"))), secret);
    const QStringList roots = {QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                               QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)};
    for (const auto &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray data = file.readAll();
            QVERIFY2(!data.contains(secret) && !data.contains(secret.toBase64()),
                     qPrintable(file.fileName() + QStringLiteral(" holds the secret in plain text")));
        }
    }
}

// With no session bus, a read fails (never "not found") and the message says what to do.
void KeychainSecretStoreTest::unreachableKeyringSaysWhatToDo()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/trailguard/bus"));
    env.remove(QStringLiteral("DISPLAY"));
    const QByteArray output = probe(m_service, QStringLiteral("anything"), env);
    const QList<QByteArray> accepted = {
        "error " + QByteArray::number(static_cast<int>(ErrorCode::SecretStoreFailed)) + ' ',
        "error " + QByteArray::number(static_cast<int>(ErrorCode::SecretStoreUnavailable)) + ' '};
    QVERIFY2(output.startsWith(accepted.at(0)) || output.startsWith(accepted.at(1)), output.constData());
    QVERIFY2(output.contains("gnome-keyring") && output.contains("encryption_key"), output.constData());
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("TRAILGUARD_KEYCHAIN_TEST_PROBE_SERVICE"))
        return runProbe(argc, argv);
    const bool inHeadlessSession = qEnvironmentVariable("TRAILGUARD_IN_SESSION") == QLatin1String("1");
    const bool inPrivateSession =
        qEnvironmentVariable("TRAILGUARD_KEYCHAIN_TEST_PRIVATE") == QLatin1String("1");
    if (!inHeadlessSession && !inPrivateSession)
        return runInPrivateSession(argc, argv);
    QCoreApplication app(argc, argv);
    KeychainSecretStoreTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainsecretstore.moc"
