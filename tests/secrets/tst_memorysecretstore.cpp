#include "secrets/MemorySecretStore.h"

#include "SecretStoreContract.h"

#include <QTest>

using namespace trailguard;
using namespace trailguard::test;

class MemorySecretStoreTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        MemorySecretStore store;
        contract::roundTrip(store);
    }
    void overwrite()
    {
        MemorySecretStore store;
        contract::overwrite(store);
    }
    void unknownKeyIsNotFound()
    {
        MemorySecretStore store;
        contract::unknownKeyIsNotFound(store);
    }
    void removeForgets()
    {
        MemorySecretStore store;
        contract::removeForgets(store);
    }
    void callbacksAreAsynchronous()
    {
        MemorySecretStore store;
        contract::callbacksAreAsynchronous(store);
    }
    void operationsCompleteInOrder()
    {
        MemorySecretStore store;
        contract::operationsCompleteInOrder(store);
    }
    void destroyedContextDropsCallback()
    {
        MemorySecretStore store;
        contract::destroyedContextDropsCallback(store);
    }
    void isNotPersistent();
    void storesDoNotShareSecrets();
    void destroyedStoreDropsCallbacks();
    void nullContextStillCallsBack();
};

void MemorySecretStoreTest::isNotPersistent()
{
    MemorySecretStore store;
    QVERIFY(!store.isPersistent());
    QVERIFY(store.location().contains(QStringLiteral("memory")));
    QVERIFY(succeeded(writeNow(store, QStringLiteral("token"), "secret-value")));
    MemorySecretStore restarted;
    QCOMPARE(errorOf(readNow(restarted, QStringLiteral("token"))), ErrorCode::SecretNotFound);
}

void MemorySecretStoreTest::storesDoNotShareSecrets()
{
    MemorySecretStore first;
    MemorySecretStore second;
    QVERIFY(succeeded(writeNow(first, QStringLiteral("token"), "first-secret")));
    QVERIFY(succeeded(writeNow(second, QStringLiteral("token"), "second-secret")));
    QCOMPARE(valueOf(readNow(first, QStringLiteral("token"))), QByteArray("first-secret"));
    QCOMPARE(valueOf(readNow(second, QStringLiteral("token"))), QByteArray("second-secret"));
}

void MemorySecretStoreTest::destroyedStoreDropsCallbacks()
{
    int calls = 0;
    QObject context;
    {
        MemorySecretStore store;
        store.write(QStringLiteral("token"), "secret-value", &context, [&calls](Status) { ++calls; });
        store.read(QStringLiteral("token"), &context, [&calls](Result<QByteArray>) { ++calls; });
    }
    QTest::qWait(50);
    QCOMPARE(calls, 0);
}

void MemorySecretStoreTest::nullContextStillCallsBack()
{
    MemorySecretStore store;
    std::optional<Status> written;
    store.write(QStringLiteral("token"), "secret-value", nullptr,
                [&written](Status status) { written = status; });
    QTRY_VERIFY(written.has_value());
    QVERIFY(written->ok());
}

QTEST_GUILESS_MAIN(MemorySecretStoreTest)
#include "tst_memorysecretstore.moc"
