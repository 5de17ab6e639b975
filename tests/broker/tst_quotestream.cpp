// QuoteStream against the fake Questrade server's stream over a real loopback WebSocket.
#include "BrokerTestSupport.h"

#include "broker/QuestradeClient.h"
#include "broker/QuoteStream.h"
#include "broker/RateLimiter.h"
#include "common/Clock.h"
#include "demo/FakeQuoteStreamServer.h"
#include "fakes/TestQuestradeServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace trailguard;
using namespace trailguard::test;

namespace {
constexpr qint64 kFirst = 1001;
constexpr qint64 kSecond = 1002;

// The latest streamed quote of each symbol.
struct Received {
    QHash<qint64, BrokerQuote> latest;
    int batches = 0;
};
} // namespace

class QuoteStreamTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void subscribesAuthenticatesAndReceives();
    void socketUrlFollowsTheApiServer();
    void partialRecordsKeepLastKnownValues();
    void reconnectsAfterADrop();
    void resubscribesWhenTheIdsChange();
    void refusedTokenBacksOffAndRecovers();
    void notOfferedMeansWaiting();
    void silentStreamStaysConnected();
    void deadConnectionIsFoundByPing();
    void tooLongForTheServerStopsForASplit();
    void capsIncomingMessages();
    void renewsTheTokenWhileStreaming();

private:
    std::unique_ptr<QuoteStream> makeStream(QuoteStream::Options options = fastOptions());
    static QuoteStream::Options fastOptions();
    void track(QuoteStream &stream);

    std::unique_ptr<test::TestQuestradeServer> m_server;
    SystemClock m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TestSecretStore> m_secrets;
    std::unique_ptr<QuestradeAuth> m_auth;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<QuestradeClient> m_client;
    Received m_received;
};

void QuoteStreamTest::init()
{
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
    m_server->addSymbol({QStringLiteral("RY.TO"), kFirst, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("ROYAL BANK")});
    m_server->addSymbol({QStringLiteral("TD.TO"), kSecond, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("TORONTO-DOMINION")});
    m_server->setPrice(kFirst, 100.0);
    m_server->setPrice(kSecond, 50.0);

    m_network = std::make_unique<QNetworkAccessManager>();
    m_secrets = std::make_unique<TestSecretStore>();
    QuestradeAuth::Options authOptions;
    authOptions.loginUrlOverride = m_server->loginUrl().toString();
    m_auth = std::make_unique<QuestradeAuth>(m_network.get(), *m_secrets, m_clock, authOptions);
    m_limiter = std::make_unique<RateLimiter>(m_clock);
    QuestradeClient::Options clientOptions;
    clientOptions.retryBaseDelay = std::chrono::milliseconds(50);
    clientOptions.maxRetries = 1;
    m_client = std::make_unique<QuestradeClient>(m_network.get(), *m_auth, *m_limiter, clientOptions);
    m_auth->connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Practice);
    QVERIFY(waitForState(*m_auth, ConnectionState::Connected));
    m_server->clearRequests();
    m_received = {};
}

void QuoteStreamTest::cleanup()
{
    m_client.reset();
    m_limiter.reset();
    m_auth.reset();
    m_secrets.reset();
    m_network.reset();
    m_server.reset();
}

QuoteStream::Options QuoteStreamTest::fastOptions()
{
    QuoteStream::Options options;
    options.backoffBase = std::chrono::milliseconds(50);
    options.backoffMax = std::chrono::milliseconds(400);
    options.notOfferedDelay = std::chrono::milliseconds(60000);
    options.authTimeout = std::chrono::milliseconds(3000);
    options.pingInterval = std::chrono::milliseconds(60000);
    options.pongTimeout = std::chrono::milliseconds(60000);
    return options;
}

std::unique_ptr<QuoteStream> QuoteStreamTest::makeStream(QuoteStream::Options options)
{
    auto stream = std::make_unique<QuoteStream>(*m_client, *m_auth, options);
    track(*stream);
    return stream;
}

void QuoteStreamTest::track(QuoteStream &stream)
{
    connect(&stream, &QuoteStream::quotesReceived, this, [this](const QList<BrokerQuote> &quotes) {
        ++m_received.batches;
        for (const BrokerQuote &quote : quotes)
            m_received.latest.insert(quote.symbolId, quote);
    });
}

void QuoteStreamTest::subscribesAuthenticatesAndReceives()
{
    auto stream = makeStream();
    QSignalSpy states(stream.get(), &QuoteStream::stateChanged);
    stream->setSymbolIds({kSecond, kFirst, kFirst});
    stream->start();
    QTRY_COMPARE_WITH_TIMEOUT(stream->state(), QuoteStream::State::Live, kWaitMs);
    QCOMPARE(states.first().first().value<QuoteStream::State>(), QuoteStream::State::Connecting);

    // The port request: one market-data call with the stream parameters.
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1);
    const FakeQuestradeServer::Request portRequest = m_server->requests().constFirst();
    QCOMPARE(portRequest.query, QStringLiteral("ids=1001,1002&stream=true&mode=WebSocket"));
    QCOMPARE(portRequest.category, FakeQuestradeServer::Category::MarketData);
    QCOMPARE(portRequest.status, 200);

    // The bare current access token authenticated the one socket, subscribed to both ids.
    test::TestQuoteStream &server = *m_server->streamServer();
    QCOMPARE(server.acceptedTokens().size(), 1);
    QCOMPARE(server.acceptedTokens().constFirst(), m_auth->currentGrant()->accessToken);
    QCOMPARE(server.subscriptions(), (QList<QList<qint64>>{{kFirst, kSecond}}));

    // The snapshot after {"success"}, then every change.
    QTRY_COMPARE_WITH_TIMEOUT(m_received.latest.size(), 2, kWaitMs);
    QCOMPARE(*m_received.latest.value(kFirst).lastTradePrice, 100.0);
    QCOMPARE(m_received.latest.value(kSecond).symbol, QStringLiteral("TD.TO"));
    m_server->setPrice(kFirst, 101.25);
    QTRY_COMPARE_WITH_TIMEOUT(*m_received.latest.value(kFirst).lastTradePrice, 101.25, kWaitMs);
    QVERIFY(m_received.latest.value(kFirst).lastTradeTime.isValid());
    QCOMPARE(server.maxOpenConnections(), 1);

    stream->stop();
    QCOMPARE(stream->state(), QuoteStream::State::Stopped);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, kWaitMs);
}

void QuoteStreamTest::socketUrlFollowsTheApiServer()
{
    QCOMPARE(
        QuoteStream::socketUrl(QUrl(QStringLiteral("https://api03.iq.questrade.com/")), 12345, {34658, 1})
            .toString(),
        QStringLiteral("wss://api03.iq.questrade.com:12345/v1/markets/quotes?ids=34658,1&stream=true&mode="
                       "WebSocket"));
    QCOMPARE(QuoteStream::socketUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/")), 9000, {7}).toString(),
             QStringLiteral("ws://127.0.0.1:9000/v1/markets/quotes?ids=7&stream=true&mode=WebSocket"));
}

void QuoteStreamTest::partialRecordsKeepLastKnownValues()
{
    m_server->streamServer()->setPartialRecords(true);
    FakeQuestradeServer::Quote halted;
    halted.lastTradePrice = 100.0;
    halted.lastTradeTime = QDateTime::currentDateTimeUtc();
    halted.delay = 1;
    m_server->setQuote(kFirst, halted);
    auto stream = makeStream();
    stream->setSymbolIds({kFirst});
    stream->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_received.latest.contains(kFirst), kWaitMs);
    QVERIFY(m_received.latest.value(kFirst).delayed);

    // Only the changed fields come now: no "symbol", no "delay". The merged quote keeps both.
    m_server->setPrice(kFirst, 98.5);
    QTRY_COMPARE_WITH_TIMEOUT(*m_received.latest.value(kFirst).lastTradePrice, 98.5, kWaitMs);
    QCOMPARE(m_received.latest.value(kFirst).symbol, QStringLiteral("RY.TO"));
    QVERIFY(!m_received.latest.value(kFirst).delayed); // setPrice: delay 0, a changed field
    const int batches = m_received.batches;
    FakeQuestradeServer::Quote same = *m_server->quote(kFirst);
    same.lastTradeTime = same.lastTradeTime.addMSecs(5); // only the time (and volume) change
    m_server->setQuote(kFirst, same);
    QTRY_VERIFY_WITH_TIMEOUT(m_received.batches > batches, kWaitMs);
    QCOMPARE(*m_received.latest.value(kFirst).lastTradePrice, 98.5);
    QCOMPARE(m_received.latest.value(kFirst).symbol, QStringLiteral("RY.TO"));
}

void QuoteStreamTest::reconnectsAfterADrop()
{
    auto stream = makeStream();
    QSignalSpy faults(stream.get(), &QuoteStream::faulted);
    stream->setSymbolIds({kFirst});
    stream->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_received.latest.contains(kFirst), kWaitMs);
    test::TestQuoteStream &server = *m_server->streamServer();
    QCOMPARE(server.connectionsAccepted(), 1);

    server.dropAllConnections();
    QTRY_VERIFY_WITH_TIMEOUT(faults.count() >= 1, kWaitMs);
    QVERIFY(stream->state() != QuoteStream::State::Live || server.connectionsAccepted() == 2);
    QTRY_COMPARE_WITH_TIMEOUT(server.authenticatedConnections(), 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(stream->state(), QuoteStream::State::Live, kWaitMs);
    QCOMPARE(server.connectionsAccepted(), 2);
    // A new port was asked for before reconnecting.
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 2);
    m_server->setPrice(kFirst, 97.0);
    QTRY_COMPARE_WITH_TIMEOUT(*m_received.latest.value(kFirst).lastTradePrice, 97.0, kWaitMs);
}

void QuoteStreamTest::resubscribesWhenTheIdsChange()
{
    auto stream = makeStream();
    stream->setSymbolIds({kFirst});
    stream->start();
    QTRY_COMPARE_WITH_TIMEOUT(stream->state(), QuoteStream::State::Live, kWaitMs);
    test::TestQuoteStream &server = *m_server->streamServer();
    QCOMPARE(server.subscriptions(), (QList<QList<qint64>>{{kFirst}}));

    stream->setSymbolIds({kFirst, kSecond});
    QTRY_COMPARE_WITH_TIMEOUT(server.subscriptions(), (QList<QList<qint64>>{{kFirst, kSecond}}), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(stream->state(), QuoteStream::State::Live, kWaitMs);
    QCOMPARE(m_server->requests().constLast().query,
             QStringLiteral("ids=1001,1002&stream=true&mode=WebSocket"));
    m_server->setPrice(kSecond, 51.0);
    QTRY_COMPARE_WITH_TIMEOUT(*m_received.latest.value(kSecond).lastTradePrice, 51.0, kWaitMs);

    // The same ids again (another order): nothing to do.
    const int accepted = server.connectionsAccepted();
    stream->setSymbolIds({kSecond, kFirst});
    QCOMPARE(stream->state(), QuoteStream::State::Live);
    // Quotes still come over the same connection.
    m_server->setPrice(kSecond, 52.0);
    QTRY_COMPARE_WITH_TIMEOUT(*m_received.latest.value(kSecond).lastTradePrice, 52.0, kWaitMs);
    QCOMPARE(server.connectionsAccepted(), accepted);
}

void QuoteStreamTest::refusedTokenBacksOffAndRecovers()
{
    test::TestQuoteStream &server = *m_server->streamServer();
    server.setRefuseTokens(true);
    auto stream = makeStream();
    QSignalSpy faults(stream.get(), &QuoteStream::faulted);
    stream->setSymbolIds({kFirst});
    stream->start();
    QTRY_VERIFY_WITH_TIMEOUT(faults.count() >= 2, kWaitMs);
    QVERIFY(server.tokensRefused() >= 2);
    QVERIFY(stream->state() != QuoteStream::State::Live);
    QVERIFY(stream->failuresInRow() >= 2);

    server.setRefuseTokens(false);
    QTRY_COMPARE_WITH_TIMEOUT(stream->state(), QuoteStream::State::Live, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_received.latest.contains(kFirst), kWaitMs);
    QCOMPARE(stream->failuresInRow(), 0);
}

void QuoteStreamTest::notOfferedMeansWaiting()
{
    m_server->setStreamingOffered(false);
    auto stream = makeStream();
    QSignalSpy faults(stream.get(), &QuoteStream::faulted);
    stream->setSymbolIds({kFirst});
    stream->start();
    QTRY_COMPARE_WITH_TIMEOUT(faults.count(), 1, kWaitMs);
    QCOMPARE(stream->state(), QuoteStream::State::Waiting);
    QCOMPARE(m_server->streamServer()->connectionsAccepted(), 0);
    // Not offered: the next attempt waits the long delay (60 s here), not the short backoff (50-75 ms).
    QVERIFY2(stream->nextAttemptIn() > std::chrono::seconds(50),
             qPrintable(QString::number(stream->nextAttemptIn().count())));
    QCOMPARE(faults.count(), 1);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1);
}

void QuoteStreamTest::silentStreamStaysConnected()
{
    // Thinly traded symbols: nothing at all arrives after {"success"}, but the connection answers pings.
    m_server->streamServer()->setSilent(true);
    QuoteStream::Options options = fastOptions();
    options.pingInterval = std::chrono::milliseconds(50);
    options.pongTimeout = std::chrono::milliseconds(10000);
    auto stream = makeStream(options);
    QSignalSpy faults(stream.get(), &QuoteStream::faulted);
    stream->setSymbolIds({kFirst});
    stream->start();
    QTRY_COMPARE_WITH_TIMEOUT(stream->state(), QuoteStream::State::Live, kWaitMs);
    // Many ping intervals of silence later, still the same socket.
    QTRY_VERIFY_WITH_TIMEOUT(stream->pongsReceived() >= 10, kWaitMs);
    QCOMPARE(faults.count(), 0);
    QCOMPARE(stream->state(), QuoteStream::State::Live);
    QCOMPARE(m_server->streamServer()->connectionsAccepted(), 1);
    QCOMPARE(m_received.batches, 0);
}

void QuoteStreamTest::deadConnectionIsFoundByPing()
{
    QuoteStream::Options options = fastOptions();
    options.pingInterval = std::chrono::milliseconds(50);
    options.pongTimeout = std::chrono::milliseconds(2000);
    auto stream = makeStream(options);
    QSignalSpy faults(stream.get(), &QuoteStream::faulted);
    stream->setSymbolIds({kFirst});
    stream->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_received.latest.contains(kFirst), kWaitMs);
    test::TestQuoteStream &server = *m_server->streamServer();

    // The connection goes dead without a close: only the unanswered pings tell.
    server.setUnresponsive(true);
    QTRY_VERIFY_WITH_TIMEOUT(faults.count() >= 1, kWaitMs);
    QVERIFY2(faults.first().first().toString().contains(QStringLiteral("did not answer a ping")),
             qPrintable(faults.first().first().toString()));
    // A new socket takes over and streams.
    QTRY_COMPARE_WITH_TIMEOUT(stream->state(), QuoteStream::State::Live, kWaitMs);
    QCOMPARE(server.connectionsAccepted(), 2);
    m_server->setPrice(kFirst, 96.0);
    QTRY_COMPARE_WITH_TIMEOUT(*m_received.latest.value(kFirst).lastTradePrice, 96.0, kWaitMs);
}

void QuoteStreamTest::tooLongForTheServerStopsForASplit()
{
    // 300 seven-digit ids make a query of about 2,400 characters: the fake's front end answers 414.
    QList<qint64> ids;
    for (qint64 id = 2000001; id <= 2000300; ++id)
        ids.append(id);
    auto stream = makeStream();
    QSignalSpy tooLong(stream.get(), &QuoteStream::subscriptionTooLong);
    QSignalSpy faults(stream.get(), &QuoteStream::faulted);
    stream->setSymbolIds(ids);
    stream->start();
    QTRY_COMPARE_WITH_TIMEOUT(tooLong.count(), 1, kWaitMs);
    QCOMPARE(stream->state(), QuoteStream::State::Stopped);
    QVERIFY(!stream->isRunning());
    QCOMPARE(faults.count(), 0); // not retried as a fault: the list must be split
    QCOMPARE(m_server->requests().constLast().status, 414);
    QVERIFY(m_server->requests().constLast().query.size() > 2000);
    QCOMPARE(m_server->streamServer()->connectionsAccepted(), 0);
}

void QuoteStreamTest::capsIncomingMessages()
{
    // The socket's caps are set before it opens (32 MiB a message, 1 MiB a frame).
    auto stream = makeStream();
    stream->setSymbolIds({kFirst});
    stream->start();
    QTRY_COMPARE_WITH_TIMEOUT(stream->state(), QuoteStream::State::Live, kWaitMs);
    QCOMPARE(stream->maxAllowedIncomingMessageSize(), QuoteStream::kMaxMessageBytes);
    QCOMPARE(stream->maxAllowedIncomingFrameSize(), QuoteStream::kMaxFrameBytes);
}

void QuoteStreamTest::renewsTheTokenWhileStreaming()
{
    QuoteStream::Options options = fastOptions();
    options.keepAliveInterval = std::chrono::milliseconds(300);
    auto stream = makeStream(options);
    stream->setSymbolIds({kFirst});
    stream->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_received.latest.contains(kFirst), kWaitMs);
    const QByteArray firstToken = m_auth->currentGrant()->accessToken;
    const int exchanges = m_server->tokenExchanges();

    // Renewed and used for a v1/time call, while the socket stays up.
    QTRY_VERIFY_WITH_TIMEOUT(m_server->tokenExchanges() >= exchanges + 2, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount(QStringLiteral("/v1/time")) >= 2, kWaitMs);
    QVERIFY(m_auth->currentGrant());
    QVERIFY(m_auth->currentGrant()->accessToken != firstToken);
    QCOMPARE(m_server->streamServer()->connectionsAccepted(), 1);
    QCOMPARE(stream->state(), QuoteStream::State::Live);
    m_server->setPrice(kFirst, 99.0);
    QTRY_COMPARE_WITH_TIMEOUT(*m_received.latest.value(kFirst).lastTradePrice, 99.0, kWaitMs);

    // When the socket does close, the next one authenticates with the newest token.
    m_server->streamServer()->dropAllConnections();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->streamServer()->acceptedTokens().size(), 2, kWaitMs);
    QVERIFY(m_server->streamServer()->acceptedTokens().constLast() != firstToken);
}

QTEST_GUILESS_MAIN(QuoteStreamTest)
#include "tst_quotestream.moc"
