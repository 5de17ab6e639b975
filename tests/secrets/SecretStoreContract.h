#pragma once

// The behaviour every SecretStore promises (see SecretStore.h), as checks each store's test calls from
// its own test functions. Call one check per test function: a failed QVERIFY returns from the check.

#include "SecretStoreTesting.h"

#include <QList>
#include <QPointer>

namespace trailguard::test::contract {

inline void roundTrip(SecretStore &store)
{
    const auto written = writeNow(store, QStringLiteral("contract-binary"), binarySecret());
    QVERIFY2(written && written->ok(), describe(written));
    QVERIFY(succeeded(writeNow(store, QStringLiteral("contract-text"), "refresh-token-123")));
    QCOMPARE(valueOf(readNow(store, QStringLiteral("contract-binary"))), binarySecret());
    QCOMPARE(valueOf(readNow(store, QStringLiteral("contract-text"))), QByteArray("refresh-token-123"));
}

inline void overwrite(SecretStore &store)
{
    QVERIFY(succeeded(writeNow(store, QStringLiteral("contract-overwrite"), "first-value")));
    QVERIFY(succeeded(writeNow(store, QStringLiteral("contract-overwrite"), "second-value")));
    QCOMPARE(valueOf(readNow(store, QStringLiteral("contract-overwrite"))), QByteArray("second-value"));
}

inline void unknownKeyIsNotFound(SecretStore &store)
{
    const auto read = readNow(store, QStringLiteral("contract-never-written"));
    QVERIFY(read);
    QVERIFY(!read->ok());
    QCOMPARE(read->error().code, ErrorCode::SecretNotFound);
    QVERIFY(!read->error().message.isEmpty());
}

inline void removeForgets(SecretStore &store)
{
    QVERIFY(succeeded(writeNow(store, QStringLiteral("contract-remove"), "to-be-removed")));
    QVERIFY(succeeded(writeNow(store, QStringLiteral("contract-kept"), "kept-value")));
    const auto removed = removeNow(store, QStringLiteral("contract-remove"));
    QVERIFY2(removed && removed->ok(), describe(removed));
    const auto read = readNow(store, QStringLiteral("contract-remove"));
    QVERIFY(read && !read->ok());
    QCOMPARE(read->error().code, ErrorCode::SecretNotFound);
    // Only that key is gone; removing an unknown key succeeds.
    QCOMPARE(valueOf(readNow(store, QStringLiteral("contract-kept"))), QByteArray("kept-value"));
    const auto again = removeNow(store, QStringLiteral("contract-remove"));
    QVERIFY2(again && again->ok(), describe(again));
    QVERIFY(succeeded(removeNow(store, QStringLiteral("contract-kept"))));
}

inline void callbacksAreAsynchronous(SecretStore &store)
{
    QObject context;
    int calls = 0;
    store.write(QStringLiteral("contract-async"), "async-value", &context, [&calls](Status) { ++calls; });
    QCOMPARE(calls, 0);
    store.read(QStringLiteral("contract-async"), &context, [&calls](Result<QByteArray>) { ++calls; });
    QCOMPARE(calls, 0);
    store.remove(QStringLiteral("contract-async"), &context, [&calls](Status) { ++calls; });
    QCOMPARE(calls, 0);
    QTRY_COMPARE_WITH_TIMEOUT(calls, 3, kOperationTimeoutMs);
    // Exactly once each.
    QTest::qWait(50);
    QCOMPARE(calls, 3);
}

// Operations asked for one after another, without waiting, take effect and report in that order.
inline void operationsCompleteInOrder(SecretStore &store)
{
    const QString key = QStringLiteral("contract-order");
    QObject context;
    QList<int> order;
    std::optional<Result<QByteArray>> afterWrites;
    std::optional<Result<QByteArray>> afterRemove;
    store.write(key, "one", &context, [&order](Status) { order.append(1); });
    store.write(key, "two", &context, [&order](Status) { order.append(2); });
    store.read(key, &context, [&](Result<QByteArray> result) {
        order.append(3);
        afterWrites = std::move(result);
    });
    store.remove(key, &context, [&order](Status) { order.append(4); });
    store.read(key, &context, [&](Result<QByteArray> result) {
        order.append(5);
        afterRemove = std::move(result);
    });
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 5, kOperationTimeoutMs);
    QCOMPARE(order, QList<int>({1, 2, 3, 4, 5}));
    QCOMPARE(valueOf(afterWrites), QByteArray("two"));
    QVERIFY(!afterRemove->ok());
    QCOMPARE(afterRemove->error().code, ErrorCode::SecretNotFound);
}

// A destroyed context drops its callback, but the operation itself still happens.
inline void destroyedContextDropsCallback(SecretStore &store)
{
    auto *context = new QObject;
    bool called = false;
    store.write(QStringLiteral("contract-context"), "written-anyway", context,
                [&called](Status) { called = true; });
    store.read(QStringLiteral("contract-context"), context, [&called](Result<QByteArray>) { called = true; });
    delete context;
    // Later operations finish after earlier ones, so once this read is back the dropped ones are done.
    QCOMPARE(valueOf(readNow(store, QStringLiteral("contract-context"))), QByteArray("written-anyway"));
    QTest::qWait(50);
    QVERIFY(!called);
    QVERIFY(succeeded(removeNow(store, QStringLiteral("contract-context"))));
}

} // namespace trailguard::test::contract
