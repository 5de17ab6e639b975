#include "secrets/EncryptedFileSecretStore.h"

#include "SecretStoreContract.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QtEndian>

#include <memory>
#include <sys/stat.h>

using namespace trailguard;
using namespace trailguard::test;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";

// Interactive cost keeps the suite quick; defaultStrengthIsModerate covers the default.
std::unique_ptr<EncryptedFileSecretStore> makeStore(const QTemporaryDir &dir,
                                                    const QByteArray &passphrase = kPassphrase)
{
    return std::make_unique<EncryptedFileSecretStore>(dir.path(), passphrase, KdfStrength::Interactive);
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void overwriteFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(data), data.size());
}

} // namespace

class EncryptedFileSecretStoreTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void roundTrip() { contract::roundTrip(*m_store); }
    void overwrite() { contract::overwrite(*m_store); }
    void unknownKeyIsNotFound() { contract::unknownKeyIsNotFound(*m_store); }
    void removeForgets() { contract::removeForgets(*m_store); }
    void callbacksAreAsynchronous() { contract::callbacksAreAsynchronous(*m_store); }
    void operationsCompleteInOrder() { contract::operationsCompleteInOrder(*m_store); }
    void destroyedContextDropsCallback() { contract::destroyedContextDropsCallback(*m_store); }

    void survivesRestart();
    void unknownKeyInExistingFileIsNotFound();
    void describesItself();
    void wrongPassphraseFailsAndKeepsFile();
    void changedFileFailsAndIsKept_data();
    void changedFileFailsAndIsKept();
    void secretsNeverInPlainText();
    void fileIsPrivateToOwner();
    void everyWriteUsesFreshNonce();
    void defaultStrengthIsModerate();
    void aFileOfAnotherCostMovesToTodaysAtItsNextWrite();
    void destroyedStoreDropsCallbacksButFinishesWrite();
    void twoStoresOnOneFileKeepEachOthersWrites();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EncryptedFileSecretStore> m_store;
};

void EncryptedFileSecretStoreTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = makeStore(*m_dir);
}

void EncryptedFileSecretStoreTest::cleanup()
{
    m_store.reset();
    QThreadPool::globalInstance()->waitForDone(); // nothing still writes into the folder
    m_dir.reset();
}

void EncryptedFileSecretStoreTest::survivesRestart()
{
    QVERIFY(succeeded(writeNow(*m_store, QStringLiteral("questrade/refresh-token"), "refresh-abc123")));
    QVERIFY(succeeded(writeNow(*m_store, QStringLiteral("smtp/password"), binarySecret())));
    m_store.reset();

    auto restarted = makeStore(*m_dir);
    QCOMPARE(valueOf(readNow(*restarted, QStringLiteral("questrade/refresh-token"))),
             QByteArray("refresh-abc123"));
    QCOMPARE(valueOf(readNow(*restarted, QStringLiteral("smtp/password"))), binarySecret());
    // The restarted store keeps the file's salt and adds to it.
    QVERIFY(succeeded(writeNow(*restarted, QStringLiteral("discord/webhook"), "https://discord/hook")));
    restarted.reset();
    auto third = makeStore(*m_dir);
    QCOMPARE(valueOf(readNow(*third, QStringLiteral("questrade/refresh-token"))),
             QByteArray("refresh-abc123"));
    QCOMPARE(valueOf(readNow(*third, QStringLiteral("discord/webhook"))), QByteArray("https://discord/hook"));
}

void EncryptedFileSecretStoreTest::unknownKeyInExistingFileIsNotFound()
{
    QVERIFY(succeeded(writeNow(*m_store, QStringLiteral("known"), "known-value")));
    const auto read = readNow(*m_store, QStringLiteral("unknown"));
    QVERIFY(read && !read->ok());
    QCOMPARE(read->error().code, ErrorCode::SecretNotFound);
    QVERIFY(read->error().message.contains(QStringLiteral("unknown")));
}

void EncryptedFileSecretStoreTest::describesItself()
{
    QVERIFY(m_store->isPersistent());
    QCOMPARE(m_store->filePath(), m_dir->filePath(QStringLiteral("secrets.enc")));
    QVERIFY(m_store->location().contains(m_store->filePath()));
    // Nothing is written before the first write.
    QCOMPARE(errorOf(readNow(*m_store, QStringLiteral("token"))), ErrorCode::SecretNotFound);
    QVERIFY(!QFile::exists(m_store->filePath()));
}

void EncryptedFileSecretStoreTest::wrongPassphraseFailsAndKeepsFile()
{
    QVERIFY(succeeded(writeNow(*m_store, QStringLiteral("token"), "refresh-abc123")));
    const QString path = m_store->filePath();
    const QByteArray before = contents(path);
    QVERIFY(!before.isEmpty());

    auto wrong = makeStore(*m_dir, "not the passphrase");
    const auto read = readNow(*wrong, QStringLiteral("token"));
    QVERIFY(read && !read->ok());
    QCOMPARE(read->error().code, ErrorCode::SecretStoreFailed);
    QVERIFY2(
        read->error().message.contains(QStringLiteral("encryption_key is wrong or the file was changed")),
        qPrintable(read->error().message));
    // Neither a write nor a remove replaces a file it cannot decrypt.
    const auto written = writeNow(*wrong, QStringLiteral("token"), "attacker-value");
    QVERIFY(written && !written->ok());
    QCOMPARE(written->error().code, ErrorCode::SecretStoreFailed);
    const auto removed = removeNow(*wrong, QStringLiteral("token"));
    QVERIFY(removed && !removed->ok());
    QCOMPARE(contents(path), before);
    // The right passphrase still reads it.
    QCOMPARE(valueOf(readNow(*m_store, QStringLiteral("token"))), QByteArray("refresh-abc123"));
}

void EncryptedFileSecretStoreTest::changedFileFailsAndIsKept_data()
{
    QTest::addColumn<int>("offset"); // a byte to flip; -1: use `replacement` instead
    QTest::addColumn<QByteArray>("replacement");
    QTest::addColumn<bool>("mentionsKey"); // the message blames the passphrase or a change
    const QByteArray none;
    QTest::newRow("magic") << 0 << none << true;
    QTest::newRow("version") << 8 << none << false;
    QTest::newRow("algorithm") << 9 << none << true;
    QTest::newRow("reserved") << 10 << none << true;
    QTest::newRow("opslimit") << 12 << none << true;
    QTest::newRow("memlimit") << 23 << none << true;
    QTest::newRow("memlimit huge") << 27 << none << true;
    QTest::newRow("salt") << 30 << none << true;
    QTest::newRow("nonce") << 50 << none << true;
    QTest::newRow("ciphertext") << 70 << none << true;
    QTest::newRow("tag") << -2 << none << true; // last byte
    QTest::newRow("truncated") << -1 << QByteArray("truncate") << true;
    QTest::newRow("extended") << -1 << QByteArray("extend") << true;
    QTest::newRow("empty") << -1 << QByteArray("") << true;
    QTest::newRow("text") << -1 << QByteArray("{\"token\": \"cmVmcmVzaA==\"}") << true;
}

void EncryptedFileSecretStoreTest::changedFileFailsAndIsKept()
{
    QFETCH(int, offset);
    QFETCH(QByteArray, replacement);
    QFETCH(bool, mentionsKey);
    QVERIFY(succeeded(writeNow(*m_store, QStringLiteral("token"), "refresh-abc123")));
    const QString path = m_store->filePath();
    QByteArray changed = contents(path);
    QVERIFY(changed.size() > 68 + 16);
    if (offset >= 0) {
        changed[offset] = static_cast<char>(changed.at(offset) ^ 0x01);
    } else if (offset == -2) {
        changed[changed.size() - 1] = static_cast<char>(changed.back() ^ 0x01);
    } else if (replacement == "truncate") {
        changed.chop(1);
    } else if (replacement == "extend") {
        changed.append('\0');
    } else {
        changed = replacement;
    }
    overwriteFile(path, changed);

    auto store = makeStore(*m_dir); // a fresh instance: no key cached from before the change
    const auto read = readNow(*store, QStringLiteral("token"));
    QVERIFY(read && !read->ok());
    QCOMPARE(read->error().code, ErrorCode::SecretStoreFailed);
    QCOMPARE(
        read->error().message.contains(QStringLiteral("encryption_key is wrong or the file was changed")),
        mentionsKey);
    QVERIFY(read->error().message.contains(path));
    const auto written = writeNow(*store, QStringLiteral("other"), "other-value");
    QVERIFY(written && !written->ok());
    QCOMPARE(contents(path), changed);
    // The first store, whose key is cached, refuses it too.
    QVERIFY(!succeeded(readNow(*m_store, QStringLiteral("token"))));
}

void EncryptedFileSecretStoreTest::secretsNeverInPlainText()
{
    const QList<QByteArray> secrets = {"refresh-token-ABCDEFGHIJ", "access-token-0123456789",
                                       "smtp-password-Zz9", binarySecret()};
    for (qsizetype i = 0; i < secrets.size(); ++i)
        QVERIFY(succeeded(writeNow(*m_store, QStringLiteral("key%1").arg(i), secrets.at(i))));
    QVERIFY(succeeded(removeNow(*m_store, QStringLiteral("key3"))));

    QList<QByteArray> forbidden = {kPassphrase};
    for (const auto &secret : secrets) {
        forbidden.append(secret);
        forbidden.append(secret.toBase64());
        forbidden.append(secret.toBase64(QByteArray::OmitTrailingEquals));
    }
    int scanned = 0;
    QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QByteArray data = contents(path);
        ++scanned;
        for (const auto &needle : std::as_const(forbidden))
            QVERIFY2(!data.contains(needle),
                     qPrintable(path + QStringLiteral(" holds a secret in plain text")));
    }
    // Exactly the secrets file: no temporary copies are left behind.
    QCOMPARE(scanned, 1);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("secrets.enc")});
}

void EncryptedFileSecretStoreTest::fileIsPrivateToOwner()
{
    const mode_t previous = ::umask(0); // a permissive umask must not leak into the file's mode
    const auto first = writeNow(*m_store, QStringLiteral("token"), "refresh-abc123");
    struct stat info {};
    const int statResult = ::stat(QFile::encodeName(m_store->filePath()).constData(), &info);
    const auto second = writeNow(*m_store, QStringLiteral("token"), "refresh-def456");
    struct stat again {};
    const int againResult = ::stat(QFile::encodeName(m_store->filePath()).constData(), &again);
    ::umask(previous);
    QVERIFY(succeeded(first));
    QVERIFY(succeeded(second));
    QCOMPARE(statResult, 0);
    QCOMPARE(againResult, 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
    QCOMPARE(again.st_mode & 07777, mode_t(0600));
}

void EncryptedFileSecretStoreTest::everyWriteUsesFreshNonce()
{
    QVERIFY(succeeded(writeNow(*m_store, QStringLiteral("token"), "same-secret")));
    const QByteArray first = contents(m_store->filePath());
    QVERIFY(succeeded(writeNow(*m_store, QStringLiteral("token"), "same-secret")));
    const QByteArray second = contents(m_store->filePath());
    QCOMPARE(first.size(), second.size());
    QCOMPARE(first.left(44), second.left(44));        // same format, KDF parameters and salt
    QVERIFY(first.mid(44, 24) != second.mid(44, 24)); // a new nonce
    QVERIFY(first.mid(68) != second.mid(68));         // so a different ciphertext for the same contents
}

void EncryptedFileSecretStoreTest::defaultStrengthIsModerate()
{
    EncryptedFileSecretStore store(m_dir->path(), kPassphrase);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(succeeded(writeNow(store, QStringLiteral("token"), "refresh-abc123")));
    qInfo("first write with the default (moderate) key derivation took %lld ms", timer.elapsed());
    const QByteArray data = contents(store.filePath());
    QVERIFY(data.startsWith("TGSECRET"));
    QCOMPARE(int(data.at(8)), 1);                                            // format version
    QCOMPARE(int(data.at(9)), 2);                                            // Argon2id 1.3
    QCOMPARE(qFromLittleEndian<quint64>(data.constData() + 12), quint64(4)); // passes
    QCOMPARE(qFromLittleEndian<quint64>(data.constData() + 20), quint64(64) * 1024 * 1024);
    QCOMPARE(valueOf(readNow(store, QStringLiteral("token"))), QByteArray("refresh-abc123"));
    // An interactive-strength store reads it: each file records its own cost.
    QCOMPARE(valueOf(readNow(*m_store, QStringLiteral("token"))), QByteArray("refresh-abc123"));
}

void EncryptedFileSecretStoreTest::aFileOfAnotherCostMovesToTodaysAtItsNextWrite()
{
    // Written at the interactive cost (2 passes): the default store reads it, and its next write re-keys the
    // file at today's moderate cost (4 passes, 64 MiB) with a new salt, keeping every secret.
    QVERIFY(succeeded(writeNow(*m_store, QStringLiteral("token"), "refresh-abc123")));
    const QByteArray before = contents(m_store->filePath());
    QCOMPARE(qFromLittleEndian<quint64>(before.constData() + 12), quint64(2));
    EncryptedFileSecretStore store(m_dir->path(), kPassphrase);
    QCOMPARE(valueOf(readNow(store, QStringLiteral("token"))), QByteArray("refresh-abc123"));
    QVERIFY(succeeded(writeNow(store, QStringLiteral("ack"), "key")));
    const QByteArray after = contents(store.filePath());
    QCOMPARE(qFromLittleEndian<quint64>(after.constData() + 12), quint64(4));
    QCOMPARE(qFromLittleEndian<quint64>(after.constData() + 20), quint64(64) * 1024 * 1024);
    QVERIFY(after.mid(28, 16) != before.mid(28, 16)); // a new salt
    QCOMPARE(valueOf(readNow(store, QStringLiteral("token"))), QByteArray("refresh-abc123"));
    QCOMPARE(valueOf(readNow(store, QStringLiteral("ack"))), QByteArray("key"));
}

void EncryptedFileSecretStoreTest::destroyedStoreDropsCallbacksButFinishesWrite()
{
    bool called = false;
    QObject context;
    m_store->write(QStringLiteral("token"), "refresh-abc123", &context, [&called](Status) { called = true; });
    m_store->read(QStringLiteral("token"), &context, [&called](Result<QByteArray>) { called = true; });
    m_store.reset(); // the write is already running on a worker thread
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);
    QVERIFY(!called);
    // The write was started at once, on a worker that owns what it needs: it completed.
    auto restarted = makeStore(*m_dir);
    QCOMPARE(valueOf(readNow(*restarted, QStringLiteral("token"))), QByteArray("refresh-abc123"));
}

void EncryptedFileSecretStoreTest::twoStoresOnOneFileKeepEachOthersWrites()
{
    // Two processes on one data folder (the window and `watch add`, say), each with its own store.
    QVERIFY(succeeded(writeNow(*m_store, QStringLiteral("existing"), "existing-value")));
    auto other = makeStore(*m_dir);
    constexpr int kRounds = 8;
    int finished = 0;
    QObject context;
    for (int round = 0; round < kRounds; ++round) {
        // Both writes are asked for at once; each store runs its own on its own worker thread.
        for (EncryptedFileSecretStore *store : {m_store.get(), other.get()}) {
            const QString key = QStringLiteral("%1/%2")
                                    .arg(QLatin1String(store == m_store.get() ? "first" : "second"))
                                    .arg(round);
            store->write(key, key.toUtf8(), &context, [&finished](Status status) {
                QVERIFY(status.ok());
                ++finished;
            });
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, 2 * kRounds, 30000);

    auto reader = makeStore(*m_dir);
    QCOMPARE(valueOf(readNow(*reader, QStringLiteral("existing"))), QByteArray("existing-value"));
    for (int round = 0; round < kRounds; ++round) {
        for (const char *writer : {"first", "second"}) {
            const QString key = QStringLiteral("%1/%2").arg(QLatin1String(writer)).arg(round);
            QCOMPARE(valueOf(readNow(*reader, key)), key.toUtf8());
        }
    }
}

QTEST_GUILESS_MAIN(EncryptedFileSecretStoreTest)
#include "tst_encryptedfilesecretstore.moc"
