#include "broker/QuestradeAuth.h"

#include "BrokerTestSupport.h"
#include "TrailguardVersion.h"
#include "fakes/TestQuestradeServer.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/Redact.h"
#include "secrets/SecretStoreFactory.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace trailguard;
using namespace trailguard::test;

class TestQuestradeAuth : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::TestQuestradeServer> m_server;
    std::unique_ptr<TestSecretStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;

    QuestradeAuth::Options options() const
    {
        QuestradeAuth::Options options;
        options.loginUrlOverride = m_server->loginUrl().toString();
        options.requestTimeout = std::chrono::milliseconds(3000);
        return options;
    }

    std::unique_ptr<QuestradeAuth> makeAuth(QuestradeAuth::Options options)
    {
        return std::make_unique<QuestradeAuth>(m_network.get(), *m_store, *m_clock, std::move(options));
    }
    std::unique_ptr<QuestradeAuth> makeAuth() { return makeAuth(options()); }

    // An auth that exchanged a fresh token from the server: Connected, one exchange done.
    std::unique_ptr<QuestradeAuth> connectedAuth()
    {
        auto auth = makeAuth();
        auth->connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Live);
        if (!waitForState(*auth, ConnectionState::Connected))
            return nullptr;
        return auth;
    }

    int loginRequests() const { return m_server->requestCount(QStringLiteral("/oauth2/token")); }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<test::TestQuestradeServer>();
        QVERIFY(m_server->listen());
        m_store = std::make_unique<TestSecretStore>();
        m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
        m_network = std::make_unique<QNetworkAccessManager>();
    }

    void cleanup()
    {
        m_network.reset();
        m_store.reset();
        m_server.reset();
    }

    void withoutATokenItIsNotConfigured()
    {
        auto auth = makeAuth();
        auth->start();
        QVERIFY(waitForState(*auth, ConnectionState::NotConfigured));
        const auto grant = grantNow(*auth);
        QVERIFY(grant.has_value());
        QVERIFY(!grant->ok());
        QCOMPARE(grant->error().code, ErrorCode::NotConfigured);
        QCOMPARE(loginRequests(), 0);
    }

    void connectExchangesOnceAndStoresTheRotatedChain()
    {
        auto auth = makeAuth();
        QSignalSpy states(auth.get(), &QuestradeAuth::stateChanged);
        const QByteArray seed = m_server->issueRefreshToken();
        auth->connectWithRefreshToken(seed, BrokerEnvironment::Live);
        QVERIFY(waitForState(*auth, ConnectionState::Connected));
        QCOMPARE(m_server->tokenExchanges(), 1);

        const std::optional<TokenSet> stored = m_store->tokens();
        QVERIFY(stored.has_value());
        QVERIFY(!stored->refreshToken.isEmpty());
        QVERIFY(stored->refreshToken != seed); // the spent token is never what is kept
        QVERIFY(!stored->accessToken.isEmpty());
        QCOMPARE(stored->apiServer, m_server->apiServer());
        QCOMPARE(stored->accessExpiresAt, m_clock->now().addSecs(1800));
        QVERIFY(stored->bootstrapHash.isEmpty());

        const auto grant = grantNow(*auth);
        QVERIFY(grant && grant->ok());
        QCOMPARE(grant->value().accessToken, stored->accessToken);
        QCOMPARE(grant->value().apiServer, m_server->apiServer());
        QCOMPARE(m_server->tokenExchanges(), 1); // the fresh token is used, not refreshed again
        QVERIFY(!states.isEmpty());
        QCOMPARE(states.last().at(0).value<ConnectionState>(), ConnectionState::Connected);
    }

    void theNewChainIsStoredBeforeTheAccessTokenIsUsed()
    {
        m_store->writeDelayMs = 300;
        auto auth = makeAuth();
        const QByteArray seed = m_server->issueRefreshToken();
        auth->connectWithRefreshToken(seed, BrokerEnvironment::Live);
        QObject context;
        std::optional<TokenSet> storedWhenUsed;
        bool delivered = false;
        auth->withAccessToken(&context, [&](Result<AccessGrant> grant) {
            QVERIFY(grant.ok());
            storedWhenUsed = m_store->tokens();
            delivered = true;
            if (storedWhenUsed)
                QCOMPARE(storedWhenUsed->accessToken, grant.value().accessToken);
        });
        QTRY_VERIFY_WITH_TIMEOUT(delivered, kWaitMs);
        QVERIFY(storedWhenUsed.has_value());
        QCOMPARE(m_server->tokenExchanges(), 1);
    }

    void restartContinuesTheRotatedChain()
    {
        {
            auto first = connectedAuth();
            QVERIFY(first);
            // Let the first run rotate twice more: 30 minutes pass each time.
            for (int i = 0; i < 2; ++i) {
                m_clock->advance(1800);
                QVERIFY(grantNow(*first)->ok());
            }
            QCOMPARE(m_server->tokenExchanges(), 3);
        }
        // A new run over the same store: the server refuses any spent token, so only the latest works.
        m_clock->advance(1800);
        auto second = makeAuth();
        second->start();
        QVERIFY(waitForState(*second, ConnectionState::Connected));
        const auto grant = grantNow(*second);
        QVERIFY2(grant && grant->ok(), describe(grant).constData());
        QCOMPARE(m_server->tokenExchanges(), 4);
        QCOMPARE(second->state(), ConnectionState::Connected);
        QCOMPARE(m_store->tokens()->accessToken, grant->value().accessToken);
    }

    void restartWithAFreshAccessTokenDoesNotExchange()
    {
        {
            auto first = connectedAuth();
            QVERIFY(first);
        }
        auto second = makeAuth();
        second->start();
        const auto grant = grantNow(*second);
        QVERIFY(grant && grant->ok());
        QCOMPARE(m_server->tokenExchanges(), 1);
    }

    void manyWaitersShareOneRefresh()
    {
        auto auth = connectedAuth();
        QVERIFY(auth);
        m_clock->advance(1800); // expired for the client
        QObject context;
        int granted = 0;
        QSet<QByteArray> tokens;
        for (int i = 0; i < 20; ++i) {
            auth->withAccessToken(&context, [&](Result<AccessGrant> grant) {
                QVERIFY(grant.ok());
                tokens.insert(grant.value().accessToken);
                ++granted;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(granted, 20, kWaitMs);
        QCOMPARE(m_server->tokenExchanges(), 2);
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(loginRequests(), 2);
    }

    void refreshesAheadOfExpiry()
    {
        auto auth = connectedAuth();
        QVERIFY(auth);
        m_clock->advance(1800 - 61);
        QVERIFY(grantNow(*auth)->ok());
        QCOMPARE(m_server->tokenExchanges(), 1); // 61 s left: still good
        m_clock->advance(2);
        QVERIFY(grantNow(*auth)->ok());
        QCOMPARE(m_server->tokenExchanges(), 2); // 59 s left: refreshed ahead of expiry
    }

    void invalidAccessTokenRefreshesOnceUnlessAlreadyReplaced()
    {
        auto auth = connectedAuth();
        QVERIFY(auth);
        const QByteArray first = grantNow(*auth)->value().accessToken;
        m_server->expireAccessTokens();
        auth->reportInvalidAccessToken(first);
        auth->reportInvalidAccessToken(first); // a second caller with the same stale token
        const auto grant = grantNow(*auth);
        QVERIFY(grant && grant->ok());
        QVERIFY(grant->value().accessToken != first);
        QCOMPARE(m_server->tokenExchanges(), 2);

        // A report about the token that was already replaced changes nothing.
        auth->reportInvalidAccessToken(first);
        QVERIFY(auth->currentGrant().has_value());
        QCOMPARE(grantNow(*auth)->value().accessToken, grant->value().accessToken);
        QCOMPARE(m_server->tokenExchanges(), 2);
    }

    void refusedRefreshTokenDisconnects()
    {
        auto auth = connectedAuth();
        QVERIFY(auth);
        m_server->revokeAll();
        m_clock->advance(1800);
        const auto grant = grantNow(*auth);
        QVERIFY(grant && !grant->ok());
        QCOMPARE(grant->error().code, ErrorCode::AuthRejected);
        QCOMPARE(auth->state(), ConnectionState::Disconnected);
        QCOMPARE(auth->stateMessage(),
                 QStringLiteral("Questrade refused the saved token. Reconnect: paste a new "
                                "refresh token from the API centre."));
        const int requests = loginRequests();
        QCOMPARE(requests, 2);

        // No loop: later callers fail at once without asking the server again.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(grantNow(*auth)->error().code, ErrorCode::AuthRejected);
        QCOMPARE(loginRequests(), requests);

        // The refusal is remembered across a restart, with no token kept.
        QTRY_VERIFY(m_store->tokens() && m_store->tokens()->rejected);
        QVERIFY(m_store->tokens()->refreshToken.isEmpty());
        auto restarted = makeAuth();
        restarted->start();
        QVERIFY(waitForState(*restarted, ConnectionState::Disconnected));
        QCOMPARE(grantNow(*restarted)->error().code, ErrorCode::AuthRejected);
        QCOMPARE(loginRequests(), requests);

        // Reconnecting with a new token recovers.
        restarted->connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Live);
        QVERIFY(waitForState(*restarted, ConnectionState::Connected));
        QVERIFY(grantNow(*restarted)->ok());
        QVERIFY(!m_store->tokens()->rejected);
    }

    void refusedTokenFromTheDialogDisconnects()
    {
        auto auth = makeAuth();
        auth->connectWithRefreshToken("never-issued-token", BrokerEnvironment::Live);
        QVERIFY(waitForState(*auth, ConnectionState::Disconnected));
        QCOMPARE(grantNow(*auth)->error().code, ErrorCode::NotConfigured);
        QVERIFY(!m_store->tokens().has_value());
    }

    void refusedNewTokenKeepsTheWorkingChain()
    {
        auto auth = connectedAuth();
        QVERIFY(auth);
        const QByteArray kept = m_store->tokens()->refreshToken;
        auth->connectWithRefreshToken("never-issued-token", BrokerEnvironment::Live);
        QTRY_COMPARE(loginRequests(), 2);
        QVERIFY(waitForState(*auth, ConnectionState::Connected));
        QVERIFY(auth->stateMessage().contains(QStringLiteral("refused")));
        QCOMPARE(m_store->tokens()->refreshToken, kept);
        QVERIFY(grantNow(*auth)->ok());
    }

    void lostAnswersKeepTheChainAndGoOffline_data()
    {
        QTest::addColumn<int>("fault"); // 0 dropped connections, 1 HTTP 500, 2 timeout
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("dropped connection") << 0 << ErrorCode::NetworkError;
        QTest::newRow("server error") << 1 << ErrorCode::ServerError;
        QTest::newRow("timeout") << 2 << ErrorCode::Timeout;
    }
    void lostAnswersKeepTheChainAndGoOffline()
    {
        QFETCH(int, fault);
        QFETCH(ErrorCode, code);
        QuestradeAuth::Options quick = options();
        quick.requestTimeout = std::chrono::milliseconds(400);
        quick.retryDelay = std::chrono::milliseconds(300);
        auto auth = makeAuth(quick);
        auth->connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Live);
        QVERIFY(waitForState(*auth, ConnectionState::Connected));
        const TokenSet before = *m_store->tokens();

        if (fault == 0)
            m_server->dropNextConnections(5); // more than Qt's own single resend
        else if (fault == 1)
            m_server->failNextRequests(1, 500, 1009);
        else
            m_server->setResponseDelay(1500);
        m_clock->advance(1800);
        const auto failed = grantNow(*auth);
        QVERIFY(failed && !failed->ok());
        QCOMPARE(failed->error().code, code);
        QCOMPARE(auth->state(), ConnectionState::Offline);
        QVERIFY(auth->stateMessage().contains(QStringLiteral("retrying in")));
        QCOMPARE(m_store->tokens()->refreshToken, before.refreshToken);

        // The scheduled retry tries again with the same (unspent) token and recovers, with no caller.
        m_server->dropNextConnections(0);
        m_server->setResponseDelay(0);
        if (fault == 2) {
            // The timed-out exchange did reach the server and spent the token: the ambiguity the
            // contract warns about. The retry is refused and the account must be reconnected.
            QVERIFY(waitForState(*auth, ConnectionState::Disconnected));
            QCOMPARE(grantNow(*auth)->error().code, ErrorCode::AuthRejected);
            return;
        }
        QVERIFY(waitForState(*auth, ConnectionState::Connected));
        const auto recovered = grantNow(*auth);
        QVERIFY2(recovered && recovered->ok(), describe(recovered).constData());
        QVERIFY(m_store->tokens()->refreshToken != before.refreshToken);
    }

    void malformedTokenAnswerFailsWithoutACrash()
    {
        QuestradeAuth::Options quick = options();
        quick.retryDelay = std::chrono::milliseconds(100);
        auto auth = makeAuth(quick);
        auth->connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Live);
        QVERIFY(waitForState(*auth, ConnectionState::Connected));
        m_server->sendMalformedJson(1);
        m_clock->advance(1800);
        const auto failed = grantNow(*auth);
        QVERIFY(failed && !failed->ok());
        QCOMPARE(failed->error().code, ErrorCode::MalformedResponse);
        QCOMPARE(auth->state(), ConnectionState::Offline);
        // The unreadable answer rotated the token at the server: the retry is refused.
        QVERIFY(waitForState(*auth, ConnectionState::Disconnected));
        QCOMPARE(grantNow(*auth)->error().code, ErrorCode::AuthRejected);
    }

    // 403 (a login host that blocks a client), 429, 5xx and no answer say "not now", not "dead token".
    void couldNotRefreshLeavesTheStoredChainForTheNextRun_data()
    {
        QTest::addColumn<int>("status"); // 0: the connection is dropped
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("403") << 403 << ErrorCode::RequestRejected;
        QTest::newRow("429") << 429 << ErrorCode::RateLimited;
        QTest::newRow("500") << 500 << ErrorCode::ServerError;
        QTest::newRow("503") << 503 << ErrorCode::ServerError;
        QTest::newRow("network error") << 0 << ErrorCode::NetworkError;
    }
    void couldNotRefreshLeavesTheStoredChainForTheNextRun()
    {
        QFETCH(int, status);
        QFETCH(ErrorCode, code);
        auto auth = connectedAuth();
        QVERIFY(auth);
        const TokenSet before = *m_store->tokens();
        if (status == 0)
            m_server->dropNextConnections(100);
        else
            m_server->failNextTokenRequests(100, status);
        m_clock->advance(1800);
        const auto failed = grantNow(*auth);
        QVERIFY(failed && !failed->ok());
        QCOMPARE(failed->error().code, code);
        QCOMPARE(auth->state(), ConnectionState::Offline);
        const QString message = auth->stateMessage();
        QVERIFY2(message.startsWith(QStringLiteral("Could not refresh the Questrade token (")),
                 qPrintable(message));
        if (status != 0)
            QVERIFY2(message.contains(QStringLiteral("(HTTP %1)").arg(status)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("retrying in 2")) ||
                     message.contains(QStringLiteral("retrying in 3")),
                 qPrintable(message)); // 30 s with jitter
        QCOMPARE(failed->error().message, message);
        QCOMPARE(*m_store->tokens(), before); // nothing written over the chain

        // Until the retry, callers get the same answer without asking the login host again.
        const int requests = loginRequests();
        QCOMPARE(grantNow(*auth)->error().code, code);
        QCOMPARE(loginRequests(), requests);

        // The next run (a new QuestradeAuth on the same store) exchanges the stored chain.
        auth.reset();
        m_server->failNextTokenRequests(0, 403);
        m_server->dropNextConnections(0);
        auto next = makeAuth();
        next->start();
        QVERIFY(waitForState(*next, ConnectionState::Connected));
        const auto grant = grantNow(*next);
        QVERIFY2(succeeded(grant), describe(grant).constData());
        QCOMPARE(m_server->tokenExchanges(), 2);
        QVERIFY(m_store->tokens()->refreshToken != before.refreshToken);
    }

    void retriesWithBackoffUntilTheLoginHostAnswers()
    {
        QuestradeAuth::Options quick = options();
        quick.retryDelay = std::chrono::milliseconds(50);
        quick.retryDelayMax = std::chrono::milliseconds(200);
        auto auth = makeAuth(quick);
        auth->connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Live);
        QVERIFY(waitForState(*auth, ConnectionState::Connected));
        QSignalSpy states(auth.get(), &QuestradeAuth::stateChanged);
        m_server->failNextTokenRequests(3, 429);
        m_clock->advance(1800);
        QCOMPARE(grantNow(*auth)->error().code, ErrorCode::RateLimited);
        // Nobody asks again: the scheduled retries carry on until the login host answers.
        QVERIFY(waitForState(*auth, ConnectionState::Connected));
        QCOMPARE(loginRequests(), 1 + 3 + 1);
        QCOMPARE(m_server->tokenExchanges(), 2);
        int retryMessages = 0;
        for (const QList<QVariant> &change : std::as_const(states))
            retryMessages +=
                change.at(1).toString().contains(QStringLiteral("(HTTP 429); retrying in")) ? 1 : 0;
        QVERIFY(retryMessages >= 1);
        QVERIFY(grantNow(*auth)->ok());
    }

    void provenDeadTokenDisconnects_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("400") << 400 << QByteArray();
        QTest::newRow("invalid_grant") << 401 << QByteArray(R"({"error":"invalid_grant"})");
    }
    void provenDeadTokenDisconnects()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        auto auth = connectedAuth();
        QVERIFY(auth);
        m_server->failNextTokenRequests(1, status, body);
        m_clock->advance(1800);
        QCOMPARE(grantNow(*auth)->error().code, ErrorCode::AuthRejected);
        QCOMPARE(auth->state(), ConnectionState::Disconnected);
        QTRY_VERIFY(m_store->tokens() && m_store->tokens()->rejected);
    }

    // Two processes on one store (the window and the service): the second must not spend the token the
    // first already rotated.
    void secondAuthOnTheStoreUsesTheNewerChain()
    {
        auto first = connectedAuth();
        QVERIFY(first);
        auto second = makeAuth();
        second->start();
        QVERIFY(waitForState(*second, ConnectionState::Connected));
        m_clock->advance(1800);

        QVERIFY(succeeded(grantNow(*first))); // rotates the chain both loaded
        QCOMPARE(m_server->tokenExchanges(), 2);
        const TokenSet rotated = *m_store->tokens();
        const auto grant = grantNow(*second);
        QVERIFY2(succeeded(grant), describe(grant).constData());
        QCOMPARE(grant->value().accessToken, rotated.accessToken); // picked up, nothing spent
        QCOMPARE(m_server->tokenExchanges(), 2);
        QCOMPARE(second->state(), ConnectionState::Connected);

        // Either may rotate next; the other follows.
        m_clock->advance(1800);
        QVERIFY(succeeded(grantNow(*second)));
        QVERIFY(succeeded(grantNow(*first)));
        QCOMPARE(m_server->tokenExchanges(), 3);
        QCOMPARE(first->state(), ConnectionState::Connected);
        QVERIFY(!m_store->tokens()->rejected);
        QCOMPARE(first->currentGrant()->accessToken, second->currentGrant()->accessToken);
    }

    void whenIdleWaitsForTheExchangeInFlight()
    {
        auto auth = connectedAuth();
        QVERIFY(auth);
        const QByteArray before = m_store->tokens()->refreshToken;
        QObject context;
        bool idleAtOnce = false;
        auth->whenIdle(&context, std::chrono::seconds(10), [&] { idleAtOnce = true; });
        QVERIFY(!idleAtOnce); // always later
        QTRY_VERIFY(idleAtOnce);

        m_server->holdTokenAnswers(500);
        m_clock->advance(1800);
        auth->withAccessToken(&context, [](Result<AccessGrant>) {});
        QTRY_COMPARE(m_server->tokenRequestsReceived(), 2);
        QVERIFY(auth->exchangeInFlight());
        std::optional<TokenSet> storedWhenIdle;
        auth->whenIdle(&context, std::chrono::seconds(10), [&] { storedWhenIdle = m_store->tokens(); });
        QTRY_VERIFY_WITH_TIMEOUT(storedWhenIdle.has_value(), kWaitMs);
        QVERIFY(storedWhenIdle->refreshToken != before); // the rotated chain was stored first
        QVERIFY(!auth->exchangeInFlight());
    }

    // Secrets of the default data folder keep their names; every other folder has its own entries.
    void keychainEntriesAreScopedByDataFolder()
    {
        QTemporaryDir folder;
        const QString defaultFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QCOMPARE(KeychainSecretStore::keyScopeForDataDir(defaultFolder, defaultFolder), QString());
        const QString scope = KeychainSecretStore::keyScopeForDataDir(folder.path(), defaultFolder);
        QCOMPARE(scope.size(), 12);
        QCOMPARE(
            KeychainSecretStore::keyScopeForDataDir(folder.path() + QStringLiteral("/./"), defaultFolder),
            scope);
        KeychainSecretStore store(QStringLiteral("trailguard-test"));
        QCOMPARE(store.scopedKey(TokenSet::secretKey()), TokenSet::secretKey());
        store.setKeyScope(scope);
        QCOMPARE(store.scopedKey(TokenSet::secretKey()), TokenSet::secretKey() + QLatin1Char('@') + scope);
    }

    // Two setups of one user (two --data-dir) in the one system keychain: two accounts, two chains.
    void twoDataFoldersKeepSeparateChains()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QString::fromLatin1(kEncryptionKeyVariable));
        QTemporaryDir folderA;
        QTemporaryDir folderB;
        SecretStoreChoice storeA = createSecretStore(environment, folderA.path());
        SecretStoreChoice storeB = createSecretStore(environment, folderB.path());
        QVERIFY2(qobject_cast<KeychainSecretStore *>(storeA.store.get()),
                 "needs a keychain: run inside scripts/headless-session.sh");
        const auto makeOn = [this](SecretStore &store) {
            return std::make_unique<QuestradeAuth>(m_network.get(), store, *m_clock, options());
        };
        {
            auto a = makeOn(*storeA.store);
            auto b = makeOn(*storeB.store);
            a->connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Live);
            QVERIFY(waitForState(*a, ConnectionState::Connected));
            b->connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Live);
            QVERIFY(waitForState(*b, ConnectionState::Connected));
            QVERIFY(a->currentGrant()->accessToken != b->currentGrant()->accessToken);
            a->disconnectAccount(); // forgets folder A's account only
            QTRY_VERIFY(!a->exchangeInFlight());
        }
        // The next run in folder B still has its own chain and continues it.
        auto b = makeOn(*storeB.store);
        b->start();
        QVERIFY(waitForState(*b, ConnectionState::Connected));
        m_clock->advance(1800);
        const auto grant = grantNow(*b);
        QVERIFY2(succeeded(grant), describe(grant).constData());
        QCOMPARE(m_server->tokenExchanges(), 3);
        auto a = makeOn(*storeA.store);
        a->start();
        QVERIFY(waitForState(*a, ConnectionState::NotConfigured));
        b->disconnectAccount();
        QTRY_VERIFY(!b->exchangeInFlight());
    }

    void bootstrapTokenIsUsedOnceAndOnlyItsHashIsKept()
    {
        const QByteArray seed = m_server->issueRefreshToken();
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("QUESTRADE_REFRESH_TOKEN"), QString::fromLatin1(seed));
        {
            auto auth = makeAuth();
            auth->bootstrapFromEnvironment(environment);
            QVERIFY(waitForState(*auth, ConnectionState::Connected));
            QVERIFY(grantNow(*auth)->ok());
            QCOMPARE(m_server->tokenExchanges(), 1);
        }
        const QByteArray blob = m_store->blob();
        QVERIFY(!blob.contains(seed));
        QCOMPARE(m_store->tokens()->bootstrapHash, TokenSet::hashBootstrapToken(seed));

        // Second run, same environment: the stored chain is used, the spent seed is not sent again.
        {
            auto auth = makeAuth();
            auth->bootstrapFromEnvironment(environment);
            QVERIFY(grantNow(*auth)->ok());
            QCOMPARE(m_server->tokenExchanges(), 1);
            QCOMPARE(loginRequests(), 1);
            // And the chain keeps rotating from the stored token.
            m_clock->advance(1800);
            QVERIFY(grantNow(*auth)->ok());
            QCOMPARE(m_server->tokenExchanges(), 2);
            QCOMPARE(auth->state(), ConnectionState::Connected);
        }
        QCOMPARE(m_store->tokens()->bootstrapHash, TokenSet::hashBootstrapToken(seed));

        // Third run with a different value: it replaces the chain.
        const QByteArray other = m_server->issueRefreshToken();
        environment.insert(QStringLiteral("QUESTRADE_REFRESH_TOKEN"), QString::fromLatin1(other));
        auto auth = makeAuth();
        auth->bootstrapFromEnvironment(environment);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->tokenExchanges(), 3, kWaitMs);
        QVERIFY(waitForState(*auth, ConnectionState::Connected));
        QTRY_COMPARE(m_store->tokens()->bootstrapHash, TokenSet::hashBootstrapToken(other));
        QVERIFY(!m_store->blob().contains(other));
    }

    void bootstrapReadsEitherVariable()
    {
        const QByteArray seed = m_server->issueRefreshToken();
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("refresh_token"), QString::fromLatin1(seed));
        environment.insert(QStringLiteral("QUESTRADE_REFRESH_TOKEN"), QString());
        auto auth = makeAuth();
        auth->bootstrapFromEnvironment(environment);
        QVERIFY(waitForState(*auth, ConnectionState::Connected));
        QCOMPARE(m_store->tokens()->bootstrapHash, TokenSet::hashBootstrapToken(seed));

        // QUESTRADE_REFRESH_TOKEN wins when both are set.
        const QByteArray preferred = m_server->issueRefreshToken();
        environment.insert(QStringLiteral("QUESTRADE_REFRESH_TOKEN"), QString::fromLatin1(preferred));
        auto second = makeAuth();
        second->bootstrapFromEnvironment(environment);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->tokenExchanges(), 2, kWaitMs);
        QTRY_COMPARE(m_store->tokens()->bootstrapHash, TokenSet::hashBootstrapToken(preferred));
    }

    void bootstrapWithoutAVariableUsesTheStoredChain()
    {
        {
            auto first = connectedAuth();
            QVERIFY(first);
        }
        auto auth = makeAuth();
        auth->bootstrapFromEnvironment(QProcessEnvironment());
        QVERIFY(waitForState(*auth, ConnectionState::Connected));
        QVERIFY(grantNow(*auth)->ok());
        QCOMPARE(m_server->tokenExchanges(), 1);
    }

    void plainHttpLoginUrlIsRefusedForOtherHosts()
    {
        QuestradeAuth::Options insecure = options();
        insecure.loginUrlOverride = QStringLiteral("http://login.questrade.example");
        auto auth = makeAuth(insecure);
        auth->connectWithRefreshToken("some-refresh-token", BrokerEnvironment::Live);
        QVERIFY(waitForState(*auth, ConnectionState::Disconnected));
        QVERIFY2(auth->stateMessage().contains(QStringLiteral("https://")), qPrintable(auth->stateMessage()));
        QVERIFY(auth->stateMessage().contains(QStringLiteral("TRAILGUARD_LOGIN_URL")));
        QCOMPARE(loginRequests(), 0);
        QVERIFY(!m_store->tokens().has_value());
    }

    void optionsReadTheLoginUrlVariable()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("TRAILGUARD_LOGIN_URL"), QStringLiteral("http://127.0.0.1:9"));
        QCOMPARE(QuestradeAuth::Options::fromEnvironment(environment).loginUrlOverride,
                 QStringLiteral("http://127.0.0.1:9"));
    }

    void everyLoginRequestNamesTrailguard()
    {
        auto auth = connectedAuth();
        QVERIFY(auth);
        m_clock->advance(1800);
        QVERIFY(grantNow(*auth)->ok());
        const QList<FakeQuestradeServer::Request> requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        for (const FakeQuestradeServer::Request &request : requests) {
            QCOMPARE(request.method, QStringLiteral("GET"));
            QVERIFY2(request.userAgent.startsWith("Trailguard/" TRAILGUARD_VERSION),
                     request.userAgent.constData());
        }
    }

    void disconnectForgetsTheAccount()
    {
        auto auth = connectedAuth();
        QVERIFY(auth);
        auth->disconnectAccount();
        QCOMPARE(auth->state(), ConnectionState::NotConfigured);
        QTRY_VERIFY(!m_store->tokens().has_value());
        QCOMPARE(grantNow(*auth)->error().code, ErrorCode::NotConfigured);
        auto restarted = makeAuth();
        restarted->start();
        QVERIFY(waitForState(*restarted, ConnectionState::NotConfigured));
    }

    void unsavedChainIsStillUsedAndReported()
    {
        m_store->failWrites = true;
        auto auth = makeAuth();
        auth->connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Live);
        QVERIFY(waitForState(*auth, ConnectionState::Connected));
        QVERIFY(auth->stateMessage().contains(QStringLiteral("could not be saved")));
        QVERIFY(grantNow(*auth)->ok()); // the only valid chain is the one in memory
    }

    void tokensAreGivenToTheRedactor()
    {
        SecretRedactor redactor;
        QuestradeAuth::Options withRedactor = options();
        withRedactor.redactor = &redactor;
        auto auth = makeAuth(withRedactor);
        const QByteArray seed = m_server->issueRefreshToken();
        auth->connectWithRefreshToken(seed, BrokerEnvironment::Live);
        QVERIFY(waitForState(*auth, ConnectionState::Connected));
        const TokenSet tokens = *m_store->tokens();
        for (const QByteArray &token : {seed, tokens.refreshToken, tokens.accessToken}) {
            const QString line = redactor.redact(QStringLiteral("token=") + QString::fromLatin1(token));
            QCOMPARE(line, QStringLiteral("token=") + redactedMarker());
        }
    }
};

QTEST_GUILESS_MAIN(TestQuestradeAuth)
#include "tst_questradeauth.moc"
