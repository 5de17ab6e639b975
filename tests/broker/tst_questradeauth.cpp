#include "broker/QuestradeAuth.h"

#include "BrokerTestSupport.h"
#include "demo/FakeQuestradeServer.h"
#include "secrets/Redact.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace trailguard;
using namespace trailguard::test;

class TestQuestradeAuth : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<FakeQuestradeServer> m_server;
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
        m_server = std::make_unique<FakeQuestradeServer>();
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
        QVERIFY(!auth->stateMessage().isEmpty());
        QCOMPARE(m_store->tokens()->refreshToken, before.refreshToken);

        // The next need tries again with the same (unspent) token and recovers.
        m_server->dropNextConnections(0);
        m_server->setResponseDelay(0);
        QTest::qWait(fault == 2 ? 1500 : 0); // let the delayed answer to the timed-out request drain
        if (fault == 2) {
            // The timed-out exchange did reach the server and spent the token: the ambiguity the
            // contract warns about. The next try is refused and the account must be reconnected.
            const auto after = grantNow(*auth);
            QCOMPARE(after->error().code, ErrorCode::AuthRejected);
            QCOMPARE(auth->state(), ConnectionState::Disconnected);
            return;
        }
        const auto recovered = grantNow(*auth);
        QVERIFY2(recovered && recovered->ok(), describe(recovered).constData());
        QCOMPARE(auth->state(), ConnectionState::Connected);
        QVERIFY(m_store->tokens()->refreshToken != before.refreshToken);
    }

    void malformedTokenAnswerFailsWithoutACrash()
    {
        auto auth = connectedAuth();
        QVERIFY(auth);
        m_server->sendMalformedJson(1);
        m_clock->advance(1800);
        const auto failed = grantNow(*auth);
        QVERIFY(failed && !failed->ok());
        QCOMPARE(failed->error().code, ErrorCode::MalformedResponse);
        QCOMPARE(auth->state(), ConnectionState::Offline);
        // The unreadable answer rotated the token at the server: the old one is now refused.
        QCOMPARE(grantNow(*auth)->error().code, ErrorCode::AuthRejected);
        QCOMPARE(auth->state(), ConnectionState::Disconnected);
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
