// QuoteStreamPool against the fake Questrade server: long id lists over several sockets, every request
// under the 2,000-character limit, splitting on 414, and a refused socket leaving its slice to polling.
#include "BrokerTestSupport.h"

#include "broker/QuestradeClient.h"
#include "broker/QuoteStreamPool.h"
#include "broker/RateLimiter.h"
#include "common/Clock.h"
#include "demo/FakeQuoteStreamServer.h"
#include "fakes/TestQuestradeServer.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace trailguard;
using namespace trailguard::test;

namespace {
constexpr qint64 kFirstId = 3000001; // seven digits, like Questrade's larger symbol ids

QList<qint64> idRange(int count, qint64 first = kFirstId)
{
    QList<qint64> ids;
    for (qint64 id = first; id < first + count; ++id)
        ids.append(id);
    return ids;
}
} // namespace

class QuoteStreamPoolTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void thousandIdsStreamOverSeveralShortRequests();
    void splitsASliceTheServerFindsTooLong();
    void refusedSocketLeavesItsSliceOff();
    void anEditReconnectsOnlyItsSlice();

private:
    void addSymbols(const QList<qint64> &ids);
    std::unique_ptr<QuoteStreamPool> makePool(QuoteStreamPool::Options options = fastOptions());
    static QuoteStreamPool::Options fastOptions();
    void verifyEveryRequestIsShort() const;

    std::unique_ptr<test::TestQuestradeServer> m_server;
    SystemClock m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TestSecretStore> m_secrets;
    std::unique_ptr<QuestradeAuth> m_auth;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<QuestradeClient> m_client;
    QHash<qint64, double> m_latest; // the latest streamed price of each id
};

void QuoteStreamPoolTest::init()
{
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
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
    m_latest.clear();
}

void QuoteStreamPoolTest::cleanup()
{
    m_client.reset();
    m_limiter.reset();
    m_auth.reset();
    m_secrets.reset();
    m_network.reset();
    m_server.reset();
}

void QuoteStreamPoolTest::addSymbols(const QList<qint64> &ids)
{
    for (qint64 id : ids) {
        m_server->addSymbol({QStringLiteral("S%1.TO").arg(id), id, QStringLiteral("CAD"),
                             QStringLiteral("TSX"), QStringLiteral("STOCK %1").arg(id)});
        m_server->setPrice(id, 10.0);
    }
}

QuoteStreamPool::Options QuoteStreamPoolTest::fastOptions()
{
    QuoteStreamPool::Options options;
    options.stream.backoffBase = std::chrono::milliseconds(50);
    options.stream.backoffMax = std::chrono::milliseconds(300);
    options.stream.authTimeout = std::chrono::milliseconds(5000);
    options.stream.pingInterval = std::chrono::milliseconds(60000);
    options.stream.pongTimeout = std::chrono::milliseconds(60000);
    return options;
}

std::unique_ptr<QuoteStreamPool> QuoteStreamPoolTest::makePool(QuoteStreamPool::Options options)
{
    auto pool = std::make_unique<QuoteStreamPool>(*m_client, *m_auth, options);
    connect(pool.get(), &QuoteStreamPool::quotesReceived, this, [this](const QList<BrokerQuote> &quotes) {
        for (const BrokerQuote &quote : quotes)
            m_latest.insert(quote.symbolId, quote.lastTradePrice.value_or(0));
    });
    return pool;
}

void QuoteStreamPoolTest::verifyEveryRequestIsShort() const
{
    const QUrl api = m_server->apiServer();
    for (const FakeQuestradeServer::Request &request : m_server->requests()) {
        const int urlLength = int(api.toString().size() + request.path.size() + 1 + request.query.size());
        QVERIFY2(request.query.size() < 2000, qPrintable(request.query.left(80)));
        QVERIFY2(urlLength < 2000, qPrintable(request.path));
    }
    for (int length : m_server->streamServer()->urlLengths())
        QVERIFY2(length < 2000, qPrintable(QString::number(length)));
}

void QuoteStreamPoolTest::thousandIdsStreamOverSeveralShortRequests()
{
    const QList<qint64> ids = idRange(1000);
    addSymbols(ids);
    auto pool = makePool();
    pool->setSymbolIds(ids);
    pool->start();
    QTRY_COMPARE_WITH_TIMEOUT(pool->liveSymbolCount(), 1000, kWaitMs);
    QCOMPARE(pool->symbolCount(), 1000);

    // Several sockets, each subscribed to a slice; together exactly the 1,000 ids.
    test::TestQuoteStream &server = *m_server->streamServer();
    QVERIFY2(pool->streams().size() >= 5, qPrintable(QString::number(pool->streams().size())));
    QCOMPARE(server.authenticatedConnections(), int(pool->streams().size()));
    QSet<qint64> subscribed;
    for (const QList<qint64> &slice : server.subscriptions())
        subscribed.unite(QSet<qint64>(slice.cbegin(), slice.cend()));
    QCOMPARE(subscribed, QSet<qint64>(ids.cbegin(), ids.cend()));
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), int(pool->streams().size()));
    verifyEveryRequestIsShort();
    QCOMPARE(server.handshakesRefused(), 0);

    // The last id streams like the first.
    m_server->setPrice(ids.constLast(), 7.25);
    QTRY_COMPARE_WITH_TIMEOUT(m_latest.value(ids.constLast()), 7.25, kWaitMs);
}

void QuoteStreamPoolTest::splitsASliceTheServerFindsTooLong()
{
    const QList<qint64> ids = idRange(400);
    addSymbols(ids);
    // A pool that believes it may use 3,000 characters: the server answers its port requests 414.
    QuoteStreamPool::Options options = fastOptions();
    options.urlAllowance = -1200;
    auto pool = makePool(options);
    pool->setSymbolIds(ids);
    QCOMPARE(pool->streams().size(), 2);
    pool->start();
    QTRY_COMPARE_WITH_TIMEOUT(pool->liveSymbolCount(), 400, kWaitMs);
    QVERIFY(pool->streams().size() >= 3);
    int refused = 0;
    for (const FakeQuestradeServer::Request &request : m_server->requests()) {
        if (request.status == 414)
            ++refused;
        else
            QVERIFY(request.query.size() < 2000);
    }
    QVERIFY(refused >= 1);
    for (int length : m_server->streamServer()->urlLengths())
        QVERIFY(length < 2000);
    QCOMPARE(pool->symbolIds().size(), 400);
}

void QuoteStreamPoolTest::refusedSocketLeavesItsSliceOff()
{
    const QList<qint64> ids = idRange(1000);
    addSymbols(ids);
    test::TestQuoteStream &server = *m_server->streamServer();
    const int sockets = 3;
    server.setMaxConnections(sockets);
    auto pool = makePool();
    QSignalSpy faults(pool.get(), &QuoteStreamPool::faulted);
    pool->setSymbolIds(ids);
    const int slices = int(pool->streams().size());
    QVERIFY(slices > sockets);
    pool->start();
    QTRY_COMPARE_WITH_TIMEOUT(server.authenticatedConnections(), sockets, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(server.handshakesRefused() >= 2, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(faults.count() >= 2, kWaitMs);
    QVERIFY2(faults.constLast().first().toString().contains(QStringLiteral("503")),
             qPrintable(faults.constLast().first().toString()));

    // The live slices stream; the refused ones do not (they are the monitor's to poll). The server counts
    // a socket before the client has read its {"success"}: wait for the client's side.
    const auto liveStreams = [&pool] {
        const QList<QuoteStream *> streams = pool->streams();
        return int(std::count_if(streams.cbegin(), streams.cend(),
                                 [](const QuoteStream *stream) { return stream->isLive(); }));
    };
    QTRY_COMPARE_WITH_TIMEOUT(liveStreams(), sockets, kWaitMs);
    int liveIds = 0;
    for (const QuoteStream *stream : pool->streams())
        liveIds += stream->isLive() ? int(stream->symbolIds().size()) : 0;
    QCOMPARE(pool->liveSymbolCount(), liveIds);
    QVERIFY(pool->liveSymbolCount() < 1000);
    QVERIFY(pool->anyLive());

    // Once the server takes more sockets, the rest stream too.
    server.setMaxConnections(0);
    QTRY_COMPARE_WITH_TIMEOUT(pool->liveSymbolCount(), 1000, kWaitMs);
}

void QuoteStreamPoolTest::anEditReconnectsOnlyItsSlice()
{
    QList<qint64> ids = idRange(1000);
    addSymbols(ids);
    addSymbols({9000001});
    auto pool = makePool();
    pool->setSymbolIds(ids);
    pool->start();
    QTRY_COMPARE_WITH_TIMEOUT(pool->liveSymbolCount(), 1000, kWaitMs);
    test::TestQuoteStream &server = *m_server->streamServer();
    const int accepted = server.connectionsAccepted();
    const int streams = int(pool->streams().size());

    // One id removed from the middle and one added: the slice that held it takes the new one.
    ids.removeAt(500);
    ids.append(9000001);
    pool->setSymbolIds(ids);
    QTRY_COMPARE_WITH_TIMEOUT(pool->liveSymbolCount(), 1000, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionsAccepted(), accepted + 1, kWaitMs);
    QCOMPARE(int(pool->streams().size()), streams);
    m_server->setPrice(9000001, 3.5);
    QTRY_COMPARE_WITH_TIMEOUT(m_latest.value(9000001), 3.5, kWaitMs);
    verifyEveryRequestIsShort();
}

QTEST_GUILESS_MAIN(QuoteStreamPoolTest)
#include "tst_quotestreampool.moc"
