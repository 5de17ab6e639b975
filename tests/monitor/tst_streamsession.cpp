// StreamSession end to end: the fake Questrade server's stream over a real loopback WebSocket, the monitor,
// a real SQLite database and the alert outbox.
#include "alerts/AlertOutbox.h"
#include "alerts/OutboxDispatcher.h"
#include "demo/FakeQuestradeServer.h"
#include "demo/FakeQuoteStreamServer.h"
#include "monitor/BrokerSession.h"
#include "monitor/StreamSession.h"
#include "secrets/MemorySecretStore.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
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
    void silentStreamFallsBackToPolling();
    void stopMeansPollingOnly();

private:
    void startStreaming(StreamSession::Options options = fastOptions());
    static StreamSession::Options fastOptions();
    std::optional<StockState> stock(const QString &ticker) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeQuestradeServer> m_server;
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
    m_server = std::make_unique<FakeQuestradeServer>();
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
    options.stream.backoffBase = std::chrono::milliseconds(50);
    options.stream.backoffMax = std::chrono::milliseconds(300);
    options.stream.authTimeout = std::chrono::milliseconds(3000);
    options.stream.silenceTimeout = std::chrono::milliseconds(60000);
    options.watchlistRefreshInterval = std::chrono::milliseconds(200);
    return options;
}

void StreamSessionTest::startStreaming(StreamSession::Options options)
{
    m_stream = std::make_unique<StreamSession>(*m_session, *m_watchlist, m_clock, options);
    m_stream->setMarketOpenCheck([] { return true; });
    m_stream->start();
}

std::optional<StockState> StreamSessionTest::stock(const QString &ticker) const
{
    const auto found = m_stocks->find(ticker);
    return found.ok() ? found.value() : std::nullopt;
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

    FakeQuoteStreamServer &server = *m_server->streamServer();
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
    FakeQuoteStreamServer &server = *m_server->streamServer();
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

void StreamSessionTest::silentStreamFallsBackToPolling()
{
    m_server->streamServer()->setSilent(true);
    StreamSession::Options options = fastOptions();
    options.stream.silenceTimeout = std::chrono::milliseconds(400);
    options.stream.backoffBase = std::chrono::milliseconds(2000);
    options.stream.backoffMax = std::chrono::milliseconds(2000);
    startStreaming(options);
    QSignalSpy modeChanges(m_stream.get(), &StreamSession::modeChanged);
    QSignalSpy faults(&m_stream->stream(), &QuoteStream::faulted);
    QTRY_VERIFY_WITH_TIMEOUT(faults.count() >= 1, kWaitMs);
    QCOMPARE(m_stream->mode(), QuoteFeedMode::Polling);
    bool wasStreaming = false;
    for (const QList<QVariant> &change : std::as_const(modeChanges))
        wasStreaming = wasStreaming || change.first().value<QuoteFeedMode>() == QuoteFeedMode::Streaming;
    QVERIFY(wasStreaming);
    // Polling took over at once.
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount(QStringLiteral("/v1/markets/quotes")) >= 2, kWaitMs);
    QCOMPARE(m_session->monitor().streamingBackupInterval(), std::chrono::seconds(0));
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

QTEST_GUILESS_MAIN(StreamSessionTest)
#include "tst_streamsession.moc"
