#pragma once

// Helpers shared by the broker tests: a secret store that can be slowed down or made to fail, and
// synchronous-looking waits for the asynchronous calls (the event loop runs while they wait).

#include "broker/QuestradeAuth.h"
#include "broker/TokenSet.h"
#include "secrets/MemorySecretStore.h"

#include <QHash>
#include <QTest>
#include <QTimer>

#include <optional>

namespace trailguard::test {

constexpr int kWaitMs = 20000;

// A MemorySecretStore whose writes can be delayed or refused, and which remembers what it holds.
class TestSecretStore : public SecretStore {
public:
    QString location() const override { return QStringLiteral("test memory"); }
    bool isPersistent() const override { return true; }

    void read(const QString &key, QObject *context, ReadCallback done) override
    {
        ++reads;
        m_memory.read(key, context, std::move(done));
    }
    void write(const QString &key, const QByteArray &secret, QObject *context, WriteCallback done) override
    {
        ++writes;
        if (failWrites) {
            QTimer::singleShot(0, context, [done = std::move(done)] {
                done(Error{ErrorCode::SecretStoreFailed, QStringLiteral("the test store refuses writes")});
            });
            return;
        }
        QTimer::singleShot(writeDelayMs, context, [this, key, secret, context, done = std::move(done)] {
            m_memory.write(key, secret, context, [this, key, secret, done](Status status) {
                if (status)
                    committed.insert(key, secret);
                done(status);
            });
        });
    }
    void remove(const QString &key, QObject *context, WriteCallback done) override
    {
        committed.remove(key);
        m_memory.remove(key, context, std::move(done));
    }

    // The stored token chain, or empty.
    std::optional<TokenSet> tokens() const
    {
        if (!committed.contains(TokenSet::secretKey()))
            return std::nullopt;
        Result<TokenSet> tokens = TokenSet::fromJson(committed.value(TokenSet::secretKey()));
        return tokens ? std::optional<TokenSet>(tokens.value()) : std::nullopt;
    }
    QByteArray blob() const { return committed.value(TokenSet::secretKey()); }

    int writeDelayMs = 0;
    bool failWrites = false;
    int reads = 0;
    int writes = 0;
    QHash<QString, QByteArray> committed; // what a completed write left behind

private:
    MemorySecretStore m_memory;
};

// For QVERIFY2: what went wrong with an asynchronous result.
template <typename T>
QByteArray describe(const std::optional<Result<T>> &result)
{
    if (!result)
        return "no answer";
    if (result->ok())
        return "succeeded";
    return "failed: " + result->error().message.toUtf8();
}

template <typename T>
bool succeeded(const std::optional<Result<T>> &result)
{
    return result && result->ok();
}

// Waits for withAccessToken's answer.
inline std::optional<Result<AccessGrant>> grantNow(QuestradeAuth &auth)
{
    QObject context;
    std::optional<Result<AccessGrant>> out;
    auth.withAccessToken(&context, [&out](Result<AccessGrant> grant) { out = std::move(grant); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs);
    return out;
}

// Waits until `auth` reaches `state`.
inline bool waitForState(QuestradeAuth &auth, ConnectionState state)
{
    return QTest::qWaitFor([&auth, state] { return auth.state() == state; }, kWaitMs);
}

} // namespace trailguard::test
