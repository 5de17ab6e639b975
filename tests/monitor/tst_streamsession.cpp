// StreamSession end to end: the fake Questrade server's stream over a real loopback WebSocket, the monitor,
// a real SQLite database and the alert outbox.
#include "alerts/AlertOutbox.h"
#include "alerts/OutboxDispatcher.h"
#include "demo/FakeQuoteStreamServer.h"
#include "fakes/TestQuestradeServer.h"
#include "monitor/BrokerSession.h"
#include "monitor/StreamSession.h"
#include "secrets/MemorySecretStore.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "storage/Transaction.h"
#include "watchlist/WatchlistService.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;

namespace {
constexpr int kWaitMs = 20000;
constexpr qint64 kRoyal = 1001;
constexpr qint64 kBank = 1002;
constexpr qint64 kNew = 1003;
} // namespace

class StreamSessionTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void streamedBreachIsStoredOnceThroughTheOutbox();
    void fallsBackToPollingWhileDownAndBack();
    void resubscribesWhenTheWatchlistChanges();
    void silentStreamKeepsStreaming();
    void deadStreamFallsBackToPolling();
    void stopMeansPollingOnly();
    void thousandTickersStreamAndTheLastBreachArrivesByStream();
    void refusedSocketLeavesItsTickersOnPolling();
    void quotesArrivingTogetherMakeOneBatch();

private:
    void startStreaming(StreamSession::Options options = fastOptions());
    static StreamSession::Options fastOptions();
    std::optional<StockState> stock(const QString &ticker) const;
    QList<qint64> addManyTickers(int count); // listed on the fake, watched with a stop of 9.00

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestQuestradeServer> m_server;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StockRepository> m_stocks;
    std::unique_ptr<AlertRepository> m_alerts;
    SystemClock m_clock;
    std::unique_ptr<WatchlistService> m_watchlist;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<BrokerSession> m_session;
    std::unique_ptr<OutboxDispatcher> m_dispatcher;
    std::unique_ptr<AlertOutbox> m_outbox;
    std::unique_ptr<StreamSession> m_stream;
};

void StreamSessionTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
    // A session open now, whatever the time of day the test runs.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_server->setMarketHours(now.addSecs(-3600), now.addSecs(5 * 3600));
    m_server->addSymbol({QStringLiteral("RY.TO"), kRoyal, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("ROYAL BANK")});
    m_server->addSymbol({QStringLiteral("BMO.TO"), kBank, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("BANK OF MONTREAL")});
    m_server->addSymbol({QStringLiteral("TD.TO"), kNew, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("TORONTO-DOMINION")});
    m_server->setPrice(kRoyal, 100.0);
    m_server->setPrice(kBank, 50.0);
    m_server->setPrice(kNew, 80.0);

    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_stocks = std::make_unique<StockRepository>(m_db->connection());
    m_alerts = std::make_unique<AlertRepository>(m_db->connection());
    m_watchlist = std::make_unique<WatchlistService>(*m_stocks, m_clock);
    QVERIFY(m_watchlist->add(QStringLiteral("RY.TO"), 0.9).ok());
    QVERIFY(m_watchlist->add(QStringLiteral("BMO.TO"), 0.9).ok());

    m_secrets = std::make_unique<MemorySecretStore>();
    BrokerSession::Options options;
    options.auth.loginUrlOverride = m_server->loginUrl().toString();
    m_session = std::make_unique<BrokerSession>(*m_secrets, *m_watchlist, m_clock, options);
    m_dispatcher = std::make_unique<OutboxDispatcher>(*m_alerts, m_clock);
    m_outbox = std::make_unique<AlertOutbox>(*m_alerts, *m_dispatcher, m_clock);
    m_session->monitor().setBreachRecorder([this](const Breach &breach, const StockState &stock) {
        return m_outbox->recordBreach(breach, stock.currency);
    });
    m_session->monitor().setInterval(std::chrono::seconds(5));
    m_session->auth().connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Practice);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->auth().state(), ConnectionState::Connected, kWaitMs);

    // One polling cycle resolves the symbols and sets the peaks (RY.TO: 100, stop 90).
    QSignalSpy finished(&m_session->monitor(), &Monitor::cycleFinished);
    m_session->monitor().start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
    QVERIFY(m_session->monitor().lastReport().ok);
    QCOMPARE(*stock(QStringLiteral("RY.TO"))->stop, 90.0);
    m_server->clearRequests();
}

void StreamSessionTest::cleanup()
{
    m_stream.reset();
    m_session.reset();
    m_outbox.reset();
    m_dispatcher.reset();
    m_watchlist.reset();
    m_alerts.reset();
    m_stocks.reset();
    m_db.reset();
    m_server.reset();
}

StreamSession::Options StreamSessionTest::fastOptions()
{
    StreamSession::Options options;
    options.streams.stream.backoffBase = std::chrono::milliseconds(50);
    options.streams.stream.backoffMax = std::chrono::milliseconds(300);
    options.streams.stream.authTimeout = std::chrono::milliseconds(5000);
    options.streams.stream.pingInterval = std::chrono::milliseconds(60000);
    options.streams.stream.pongTimeout = std::chrono::milliseconds(60000);
    options.watchlistRefreshInterval = std::chrono::milliseconds(200);
    return options;
}

void StreamSessionTest::startStreaming(StreamSession::Options options)
{
    m_stream = std::make_unique<StreamSession>(*m_session, *m_watchlist, m_clock, options);
    m_stream->start();
}

std::optional<StockState> StreamSessionTest::stock(const QString &ticker) const
{
    const auto found = m_stocks->find(ticker);
    return found.ok() ? found.value() : std::nullopt;
}

QList<qint64> StreamSessionTest::addManyTickers(int count)
{
    QList<qint64> ids;
    Transaction transaction(m_db->connection());
    for (int i = 0; i < count; ++i) {
        const qint64 id = 3000001 + i; // seven digits, like Questrade's larger symbol ids
        const QString ticker = QStringLiteral("T%1.TO").arg(id);
        m_server->addSymbol({ticker, id, QStringLiteral("CAD"), QStringLiteral("TSX"), ticker});
        m_server->setPrice(id, 10.0);
        StockState stock;
        stock.ticker = ticker;
        stock.symbolId = id;
        stock.currency = QStringLiteral("CAD");
        stock.listingExchange = QStringLiteral("TSX");
        stock.ratio = 0.9;
        stock.entry = 10.0;
        stock.peak = 10.0;
        stock.stop = 9.0;
        stock.createdAt = QDateTime::currentDateTimeUtc();
        if (!m_stocks->insert(stock).ok())
            return {};
        ids.append(id);
    }
    if (!transaction.commit().ok())
        return {};
    return ids;
}

void StreamSessionTest::streamedBreachIsStoredOnceThroughTheOutbox()
{
    startStreaming();
    QSignalSpy modeChanges(m_stream.get(), &StreamSession::modeChanged);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream->mode(), QuoteFeedMode::Streaming, kWaitMs);
    QCOMPARE(m_session->monitor().streamingBackupInterval(), fastOptions().backupPollInterval);
    QSignalSpy breaches(&m_session->monitor(), &Monitor::breachDetected);
    QSignalSpy applied(&m_session->monitor(), &Monitor::quotesApplied);

    // A new high streams in and raises the peak, with no poll in between.
    m_server->setPrice(kRoyal, 110.0);
    QTRY_COMPARE_WITH_TIMEOUT(*stock(QStringLiteral("RY.TO"))->peak, 110.0, kWaitMs);
    QCOMPARE(*stock(QStringLiteral("RY.TO"))->stop, 99.0);
    QCOMPARE(applied.last().first().value<QuoteOrigin>(), QuoteOrigin::Stream);

    // Crossing the stop: exactly one breach, stored with its alert.
    m_server->setPrice(kRoyal, 98.0);
    QTRY_COMPARE_WITH_TIMEOUT(breaches.count(), 1, kWaitMs);
    QCOMPARE(breaches.first().first().value<Breach>().ticker, QStringLiteral("RY.TO"));
    QCOMPARE(breaches.first().first().value<Breach>().price, 98.0);
    const auto stored = m_alerts->recent(10);
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().size(), 1);

    // Lower again the same market day: no second alert.
    m_server->setPrice(kRoyal, 95.0);
    QTRY_COMPARE_WITH_TIMEOUT(*stock(QStringLiteral("RY.TO"))->lastPrice, 95.0, kWaitMs);
    QCOMPARE(breaches.count(), 1);
    QCOMPARE(m_alerts->recent(10).value().size(), 1);
    // No polling was needed for any of it.
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1); // the port request only
}

void StreamSessionTest::fallsBackToPollingWhileDownAndBack()
{
    startStreaming();
    QTRY_COMPARE_WITH_TIMEOUT(m_stream->mode(), QuoteFeedMode::Streaming, kWaitMs);
    QSignalSpy modeChanges(m_stream.get(), &StreamSession::modeChanged);
    QSignalSpy cycles(&m_session->monitor(), &Monitor::cycleFinished);

    test::TestQuoteStream &server = *m_server->streamServer();
    server.setRefuseTokens(true);
    server.dropAllConnections();
    QTRY_VERIFY_WITH_TIMEOUT(m_stream->mode() != QuoteFeedMode::Streaming, kWaitMs);
    // Back on the normal interval, and one check at once covers the gap.
    QCOMPARE(m_session->monitor().streamingBackupInterval(), std::chrono::seconds(0));
    QTRY_VERIFY_WITH_TIMEOUT(cycles.count() >= 1, kWaitMs);
    QVERIFY(m_server->requestCount(QStringLiteral("/v1/markets/quotes")) >= 1);

    // A price drop while the stream is down is still caught, by polling.
    QSignalSpy breaches(&m_session->monitor(), &Monitor::breachDetected);
    m_server->setPrice(kBank, 40.0);
    m_session->monitor().checkNow();
    QTRY_COMPARE_WITH_TIMEOUT(breaches.count(), 1, kWaitMs);

    server.setRefuseTokens(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream->mode(), QuoteFeedMode::Streaming, kWaitMs);
    QVERIFY(m_session->monitor().streamingBackupInterval() > std::chrono::seconds(0));
    QVERIFY(modeChanges.count() >= 2);
    QCOMPARE(modeChanges.constLast().first().value<QuoteFeedMode>(), QuoteFeedMode::Streaming);
}

void StreamSessionTest::resubscribesWhenTheWatchlistChanges()
{
    startStreaming();
    QTRY_COMPARE_WITH_TIMEOUT(m_stream->mode(), QuoteFeedMode::Streaming, kWaitMs);
    test::TestQuoteStream &server = *m_server->streamServer();
    QCOMPARE(server.subscriptions(), (QList<QList<qint64>>{{kRoyal, kBank}}));

    // A new ticker: looked up at once by a check, then streamed.
    QVERIFY(m_watchlist->add(QStringLiteral("TD.TO"), 0.9).ok());
    QTRY_COMPARE_WITH_TIMEOUT(server.subscriptions(), (QList<QList<qint64>>{{kRoyal, kBank, kNew}}), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream->mode(), QuoteFeedMode::Streaming, kWaitMs);
    m_server->setPrice(kNew, 81.5);
    QTRY_COMPARE_WITH_TIMEOUT(stock(QStringLiteral("TD.TO"))->lastPrice.value_or(0), 81.5, kWaitMs);

    // A removed ticker leaves the subscription.
    QVERIFY(m_watchlist->remove(QStringLiteral("BMO.TO")).ok());
    QTRY_COMPARE_WITH_TIMEOUT(server.subscriptions(), (QList<QList<qint64>>{{kRoyal, kNew}}), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 1, kWaitMs);
}

void StreamSessionTest::silentStreamKeepsStreaming()
{
    // Nothing trades: no quote at all after {"success"}, but the connection answers its pings.
    m_server->streamServer()->setSilent(true);
    StreamSession::Options options = fastOptions();
    options.streams.stream.pingInterval = std::chrono::milliseconds(50);
    options.streams.stream.pongTimeout = std::chrono::milliseconds(10000);
    startStreaming(options);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream->mode(), QuoteFeedMode::Streaming, kWaitMs);
    QSignalSpy modeChanges(m_stream.get(), &StreamSession::modeChanged);
    QuoteStream &stream = *m_stream->streams().streams().constFirst();
    QTRY_VERIFY_WITH_TIMEOUT(stream.pongsReceived() >= 10, kWaitMs);
    QCOMPARE(modeChanges.count(), 0);
    QCOMPARE(m_stream->mode(), QuoteFeedMode::Streaming);
    QCOMPARE(m_server->streamServer()->connectionsAccepted(), 1);
}

void StreamSessionTest::deadStreamFallsBackToPolling()
{
    StreamSession::Options options = fastOptions();
    options.streams.stream.pingInterval = std::chrono::milliseconds(50);
    options.streams.stream.pongTimeout = std::chrono::milliseconds(2000);
    options.streams.stream.backoffBase = std::chrono::milliseconds(3000);
    options.streams.stream.backoffMax = std::chrono::milliseconds(3000);
    startStreaming(options);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream->mode(), QuoteFeedMode::Streaming, kWaitMs);
    QSignalSpy modeChanges(m_stream.get(), &StreamSession::modeChanged);
    QSignalSpy faults(&m_stream->streams(), &QuoteStreamPool::faulted);
    m_server->clearRequests();

    // The socket goes dead without closing: the missing pong takes it down, polling takes over at once.
    m_server->streamServer()->setUnresponsive(true);
    QTRY_VERIFY_WITH_TIMEOUT(faults.count() >= 1, kWaitMs);
    QVERIFY2(faults.first().first().toString().contains(QStringLiteral("did not answer a ping")),
             qPrintable(faults.first().first().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(!modeChanges.isEmpty(), kWaitMs);
    QVERIFY(modeChanges.first().first().value<QuoteFeedMode>() != QuoteFeedMode::Streaming);
    QCOMPARE(m_session->monitor().streamingBackupInterval(), std::chrono::seconds(0));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount(QStringLiteral("/v1/markets/quotes")) >= 1, kWaitMs);
    // And a new socket streams again.
    QTRY_COMPARE_WITH_TIMEOUT(m_stream->mode(), QuoteFeedMode::Streaming, kWaitMs);
    QCOMPARE(m_server->streamServer()->connectionsAccepted(), 2);
}

void StreamSessionTest::thousandTickersStreamAndTheLastBreachArrivesByStream()
{
    const QList<qint64> ids = addManyTickers(1000);
    QCOMPARE(ids.size(), 1000);
    const QString lastTicker = QStringLiteral("T%1.TO").arg(ids.constLast());
    QList<std::pair<QuoteOrigin, QuoteBatchReport>> applied;
    QObject context; // the connection ends with this test function
    connect(&m_session->monitor(), &Monitor::quotesApplied, &context,
            [&applied](QuoteOrigin origin, const QuoteBatchReport &report) {
                applied.append({origin, report});
            });

    startStreaming();
    QTRY_COMPARE_WITH_TIMEOUT(m_stream->mode(), QuoteFeedMode::Streaming, kWaitMs);
    QCOMPARE(m_stream->subscribedCount(), 1002);
    QCOMPARE(m_stream->streamedCount(), 1002);

    // Several sockets, every port request and socket URL under 2,000 characters.
    test::TestQuoteStream &server = *m_server->streamServer();
    QVERIFY2(server.authenticatedConnections() >= 5,
             qPrintable(QString::number(server.authenticatedConnections())));
    for (const FakeQuestradeServer::Request &request : m_server->requests())
        QVERIFY2(request.query.size() < 2000 && request.status != 414, qPrintable(request.query.left(60)));
    QVERIFY(!server.urlLengths().isEmpty());
    for (int length : server.urlLengths())
        QVERIFY2(length < 2000, qPrintable(QString::number(length)));

    // The last ticker falls below its stop: the breach comes from the stream.
    QSignalSpy breaches(&m_session->monitor(), &Monitor::breachDetected);
    applied.clear();
    m_server->setPrice(ids.constLast(), 8.5);
    QTRY_COMPARE_WITH_TIMEOUT(breaches.count(), 1, kWaitMs);
    QCOMPARE(breaches.first().first().value<Breach>().ticker, lastTicker);
    bool byStream = false;
    for (const auto &[origin, report] : std::as_const(applied)) {
        if (!report.breaches.isEmpty())
            byStream = origin == QuoteOrigin::Stream && report.breaches.constFirst().ticker == lastTicker;
    }
    QVERIFY(byStream);
}

void StreamSessionTest::refusedSocketLeavesItsTickersOnPolling()
{
    const QList<qint64> ids = addManyTickers(1000);
    QCOMPARE(ids.size(), 1000);
    test::TestQuoteStream &server = *m_server->streamServer();
    server.setMaxConnections(2);
    startStreaming();
    QTRY_COMPARE_WITH_TIMEOUT(m_stream->mode(), QuoteFeedMode::PartlyStreaming, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.authenticatedConnections(), 2, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(server.handshakesRefused() >= 1, kWaitMs);
    const auto liveStreams = [this] {
        int live = 0;
        for (const QuoteStream *stream : m_stream->streams().streams())
            live += stream->isLive() ? 1 : 0;
        return live;
    };
    QTRY_COMPARE_WITH_TIMEOUT(liveStreams(), 2, kWaitMs);
    // Visibly: the counts the status bar and the tray show are those of the live sockets, and the monitor
    // is back on its normal interval.
    QTRY_COMPARE_WITH_TIMEOUT(m_stream->streamedCount(), m_stream->streams().liveSymbolCount(), kWaitMs);
    const int streamed = m_stream->streamedCount();
    QVERIFY(streamed > 0 && streamed < 1002);
    QCOMPARE(m_stream->subscribedCount(), 1002);
    QCOMPARE(m_session->monitor().streamingBackupInterval(), std::chrono::seconds(0));

    // A ticker of a refused slice falls: polling catches it.
    qint64 polledId = 0;
    for (const QuoteStream *stream : m_stream->streams().streams()) {
        if (!stream->isLive()) {
            polledId = stream->symbolIds().constLast();
            break;
        }
    }
    QVERIFY(polledId > 0);
    QList<QuoteOrigin> breachOrigins;
    QObject context; // the connection ends with this test function
    connect(&m_session->monitor(), &Monitor::quotesApplied, &context,
            [&breachOrigins](QuoteOrigin origin, const QuoteBatchReport &report) {
                if (!report.breaches.isEmpty())
                    breachOrigins.append(origin);
            });
    m_server->setPrice(polledId, 8.0);
    m_session->monitor().checkNow();
    QTRY_COMPARE_WITH_TIMEOUT(breachOrigins.size(), 1, kWaitMs);
    QCOMPARE(breachOrigins.constFirst(), QuoteOrigin::Poll);
    QCOMPARE(*stock(QStringLiteral("T%1.TO").arg(polledId))->lastPrice, 8.0);
}

void StreamSessionTest::stopMeansPollingOnly()
{
    startStreaming();
    QTRY_COMPARE_WITH_TIMEOUT(m_stream->mode(), QuoteFeedMode::Streaming, kWaitMs);
    m_stream->stop();
    QCOMPARE(m_stream->mode(), QuoteFeedMode::Polling);
    QCOMPARE(m_session->monitor().streamingBackupInterval(), std::chrono::seconds(0));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->streamServer()->openConnections(), 0, kWaitMs);
}

void StreamSessionTest::quotesArrivingTogetherMakeOneBatch()
{
    QSignalSpy applied(&m_session->monitor(), &Monitor::quotesApplied);
    startStreaming();
    QTRY_COMPARE_WITH_TIMEOUT(m_stream->mode(), QuoteFeedMode::Streaming, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty(), kWaitMs); // the snapshot after {"success"}
    applied.clear();
    const auto quote = [](qint64 id, double price) {
        BrokerQuote quote;
        quote.symbolId = id;
        quote.lastTradePrice = price;
        quote.lastTradeTime = QDateTime::currentDateTimeUtc();
        return quote;
    };

    // Two messages (two sockets, or two frames) in one turn of the event loop: one engine pass, one save.
    Q_EMIT m_stream->streams().quotesReceived({quote(kRoyal, 101.0)});
    Q_EMIT m_stream->streams().quotesReceived({quote(kBank, 51.0)});
    QCOMPARE(applied.count(), 0); // waits for the end of the turn
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, kWaitMs);
    const auto report = applied.first().at(1).value<QuoteBatchReport>();
    QCOMPARE(applied.first().at(0).value<QuoteOrigin>(), QuoteOrigin::Stream);
    QCOMPARE(report.quoted, 2);
    QCOMPARE(*stock(QStringLiteral("RY.TO"))->lastPrice, 101.0);
    QCOMPARE(*stock(QStringLiteral("BMO.TO"))->lastPrice, 51.0);

    // A second quote of the same symbol in that turn is judged after the first: its breach is not lost.
    QSignalSpy breaches(&m_session->monitor(), &Monitor::breachDetected);
    applied.clear();
    Q_EMIT m_stream->streams().quotesReceived({quote(kRoyal, 89.0)}); // stop 90.90
    Q_EMIT m_stream->streams().quotesReceived({quote(kRoyal, 100.0), quote(kBank, 52.0)});
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 2, kWaitMs);
    QCOMPARE(breaches.count(), 1);
    QCOMPARE(breaches.first().first().value<Breach>().price, 89.0);
    QCOMPARE(applied.at(0).at(1).value<QuoteBatchReport>().quoted, 1);
    QCOMPARE(applied.at(1).at(1).value<QuoteBatchReport>().quoted, 2);
    QCOMPARE(*stock(QStringLiteral("RY.TO"))->lastPrice, 100.0);
    QCOMPARE(*stock(QStringLiteral("BMO.TO"))->lastPrice, 52.0);
}

QTEST_GUILESS_MAIN(StreamSessionTest)
#include "tst_streamsession.moc"
