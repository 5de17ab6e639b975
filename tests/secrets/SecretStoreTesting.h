#pragma once

// Helpers shared by the secret store tests: wait for one asynchronous operation to finish.

#include "secrets/SecretStore.h"

#include <QTest>

#include <optional>

namespace trailguard::test {

constexpr int kOperationTimeoutMs = 30000;

template <typename T>
QByteArray describe(const std::optional<Result<T>> &result)
{
    if (!result)
        return "did not finish";
    if (result->ok())
        return "succeeded";
    return "failed: " + result->error().message.toUtf8();
}

template <typename T>
bool succeeded(const std::optional<Result<T>> &result)
{
    return result && result->ok();
}

// The value read, or a description of what went wrong (which then fails a QCOMPARE).
inline QByteArray valueOf(const std::optional<Result<QByteArray>> &result)
{
    return succeeded(result) ? result->value() : "<" + describe(result) + ">";
}

// The error code of a failed operation; a QVERIFY before must check that it did fail.
template <typename T>
ErrorCode errorOf(const std::optional<Result<T>> &result)
{
    return result->error().code;
}

// Runs the event loop until the operation completes; empty when it did not complete in time. The
// context dies with the helper, so a late callback never writes to a dead local.
inline std::optional<Result<QByteArray>> readNow(SecretStore &store, const QString &key)
{
    QObject context;
    std::optional<Result<QByteArray>> out;
    store.read(key, &context, [&out](Result<QByteArray> result) { out = std::move(result); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, kOperationTimeoutMs); // empty `out` tells
    return out;
}

inline std::optional<Status> writeNow(SecretStore &store, const QString &key, const QByteArray &secret)
{
    QObject context;
    std::optional<Status> out;
    store.write(key, secret, &context, [&out](Status status) { out = std::move(status); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, kOperationTimeoutMs); // empty `out` tells
    return out;
}

inline std::optional<Status> removeNow(SecretStore &store, const QString &key)
{
    QObject context;
    std::optional<Status> out;
    store.remove(key, &context, [&out](Status status) { out = std::move(status); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, kOperationTimeoutMs); // empty `out` tells
    return out;
}

// A secret with bytes that are not text: zero, high bytes, newline.
inline QByteArray binarySecret()
{
    return QByteArray("\x00\x01\xfe\xff tok\nen\x00", 12);
}

} // namespace trailguard::test
