// Streaming at 10, 1,000 and 5,000 watched tickers against the fake Questrade server (on its own thread, so
// the CPU time measured on the main thread is Trailguard's own: socket, JSON, engine, SQLite, outbox):
//  - CPU per streamed quote: quotes published one at a time (each waits until the monitor applied it, so
//    nothing is coalesced: the worst case), then in bursts that arrive together;
//  - breach latency: from the moment the server publishes a quote below a stop to the moment
//    Monitor::breachDetected reaches its listener (the tray's slot), i.e. after the new state and the alert
//    were committed to SQLite by the outbox; each event on another ticker (a breach alerts once per ticker
//    and market day).
#include "alerts/AlertOutbox.h"
#include "alerts/OutboxDispatcher.h"
#include "demo/FakeQuestradeServer.h"
#include "monitor/BrokerSession.h"
#include "monitor/StreamSession.h"
#include "secrets/MemorySecretStore.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "storage/Transaction.h"
#include "watchlist/WatchlistService.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>

using namespace trailguard;

namespace {
using SteadyClock = std::chrono::steady_clock;
constexpr qint64 kFirstId = 7000;

QString tickerFor(int i)
{
    return QStringLiteral("S%1.TO").arg(i, 4, 10, QLatin1Char('0'));
}

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * double(values.size() - 1) + 0.5);
    return values.at(std::min(index, values.size() - 1));
}
} // namespace

class StreamLatencyBenchmark : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void streamedQuotes_data();
    void streamedQuotes();

private:
    // One server for every row: tearing a server thread down between rows left a socket notifier behind.
    static constexpr int kListed = 5000;
    QThread m_serverThread;
    FakeQuestradeServer *m_server = nullptr;
};

void StreamLatencyBenchmark::initTestCase()
{
    m_server = new FakeQuestradeServer;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_server->setMarketHours(now.addSecs(-3600), now.addSecs(5 * 3600));
    for (int i = 0; i < kListed; ++i)
        m_server->addSymbol({tickerFor(i), kFirstId + i, QStringLiteral("CAD"), QStringLiteral("TSX"),
                             QStringLiteral("Bench")});
    QVERIFY(m_server->listen());
    m_server->moveToThread(&m_serverThread);
    connect(&m_serverThread, &QThread::finished, m_server, &QObject::deleteLater);
    m_serverThread.start();
}

void StreamLatencyBenchmark::cleanupTestCase()
{
    m_serverThread.quit();
    m_serverThread.wait();
}

void StreamLatencyBenchmark::streamedQuotes_data()
{
    QTest::addColumn<int>("watched");
    QTest::newRow("10") << 10;
    QTest::newRow("1000") << 1000;
    QTest::newRow("5000") << 5000;
}

void StreamLatencyBenchmark::streamedQuotes()
{
    QFETCH(int, watched);
    QLoggingCategory::setFilterRules(QStringLiteral("trailguard.*.info=false\ntrailguard.*.warning=false"));

    FakeQuestradeServer *server = m_server;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QMetaObject::invokeMethod(
        server,
        [&] {
            for (int i = 0; i < watched; ++i)
                server->setPrice(kFirstId + i, 100.0);
        },
        Qt::BlockingQueuedConnection);

    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    QVERIFY(db.ok());
    StockRepository repository(db.value()->connection());
    AlertRepository alerts(db.value()->connection());
    SystemClock clock;
    {
        // Already resolved, peak 100, stop 90: the stream subscribes at once, no look-up needed.
        Transaction transaction(db.value()->connection());
        for (int i = 0; i < watched; ++i) {
            StockState stock;
            stock.ticker = tickerFor(i);
            stock.symbolId = kFirstId + i;
            stock.currency = QStringLiteral("CAD");
            stock.ratio = 0.9;
            stock.peak = 100.0;
            stock.stop = 90.0;
            stock.lastPrice = 100.0;
            stock.createdAt = now;
            QVERIFY(repository.insert(stock).ok());
        }
        QVERIFY(transaction.commit().ok());
    }
    WatchlistService watchlist(repository, clock);
    MemorySecretStore secrets;
    BrokerSession::Options options;
    options.auth.loginUrlOverride = server->loginUrl().toString();
    BrokerSession session(secrets, watchlist, clock, options);
    OutboxDispatcher dispatcher(alerts, clock);
    AlertOutbox outbox(alerts, dispatcher, clock);
    session.monitor().setBreachRecorder([&outbox](const Breach &breach, const StockState &stock) {
        return outbox.recordBreach(breach, stock.currency);
    });
    QByteArray refreshToken;
    QMetaObject::invokeMethod(
        server, [&] { refreshToken = server->issueRefreshToken(); }, Qt::BlockingQueuedConnection);
    session.auth().connectWithRefreshToken(refreshToken, BrokerEnvironment::Practice);
    QTRY_COMPARE_WITH_TIMEOUT(session.auth().state(), ConnectionState::Connected, 20000);

    qint64 appliedQuotes = 0;
    connect(&session.monitor(), &Monitor::quotesApplied, this,
            [&](QuoteOrigin, const QuoteBatchReport &report) { appliedQuotes += report.quoted; });
    StreamSession stream(session, watchlist, clock, StreamSession::Options{});
    stream.start();
    QTRY_COMPARE_WITH_TIMEOUT(stream.mode(), QuoteFeedMode::Streaming, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(appliedQuotes >= watched, 30000); // the snapshots after {"success"}

    // A real event loop waits for each quote (QTest's waits sleep in 10 ms steps, which would show here).
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    const auto publishAndWait = [&](const QList<qint64> &ids, double price, qint64 quotesExpected) {
        const qint64 target = appliedQuotes + quotesExpected;
        QMetaObject::invokeMethod(
            server,
            [&, ids, price] {
                for (qint64 id : ids)
                    server->setPrice(id, price);
            },
            Qt::QueuedConnection);
        timeout.start(10000);
        while (appliedQuotes < target && timeout.isActive())
            loop.processEvents(QEventLoop::WaitForMoreEvents);
        return appliedQuotes >= target;
    };

    // CPU per quote, one at a time: prices above the stop (a new peak now and then).
    constexpr int kSingles = 400;
    double cpuBefore = threadCpuMs();
    for (int i = 0; i < kSingles; ++i)
        QVERIFY2(publishAndWait({kFirstId + (i * 7) % watched}, 100.0 + (i % 20) * 0.25, 1), "no quote");
    const double cpuPerSingleMs = (threadCpuMs() - cpuBefore) / kSingles;

    // CPU per quote in bursts: 100 tickers (or all of them) change together, as at a busy open.
    const int burst = std::min(watched, 100);
    constexpr int kBursts = 20;
    cpuBefore = threadCpuMs();
    for (int round = 0; round < kBursts; ++round) {
        QList<qint64> ids;
        for (int j = 0; j < burst; ++j)
            ids.append(kFirstId + (round * burst + j) % watched);
        QVERIFY2(publishAndWait(ids, 101.0 + round * 0.1, burst), "a burst was not applied");
    }
    const double cpuPerBurstQuoteMs = (threadCpuMs() - cpuBefore) / (kBursts * burst);

    // Breach latency, each event on another ticker.
    std::atomic<qint64> publishedAt{0};
    qint64 notifiedAt = 0;
    QString notifiedTicker;
    connect(&session.monitor(), &Monitor::breachDetected, this, [&](const Breach &breach) {
        notifiedAt = SteadyClock::now().time_since_epoch().count();
        notifiedTicker = breach.ticker;
    });
    connect(&session.monitor(), &Monitor::breachDetected, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    const int events = std::min(watched, 200);
    std::vector<double> latenciesMs;
    latenciesMs.reserve(std::size_t(events));
    for (int i = 0; i < events; ++i) {
        notifiedAt = 0;
        QMetaObject::invokeMethod(
            server,
            [&, i] {
                publishedAt = SteadyClock::now().time_since_epoch().count();
                server->setPrice(kFirstId + i, 85.0);
            },
            Qt::QueuedConnection);
        timeout.start(10000);
        loop.exec();
        QVERIFY2(notifiedAt != 0, "no breach within 10 s");
        QCOMPARE(notifiedTicker, tickerFor(i));
        latenciesMs.push_back(double(notifiedAt - publishedAt.load()) / 1e6);
    }
    const auto stored = alerts.recent(events + 10);
    QVERIFY(stored.ok());
    QCOMPARE(int(stored.value().size()), events);

    qInfo("FIGURE stream: %d tickers watched: %.3f ms CPU per streamed quote one at a time, %.3f ms in "
          "bursts of %d (app's thread: socket, JSON, engine, SQLite); breach -> stored -> tray: median "
          "%.2f ms, p99 %.2f ms, max %.2f ms over %d events",
          watched, cpuPerSingleMs, cpuPerBurstQuoteMs, burst, percentile(latenciesMs, 0.5),
          percentile(latenciesMs, 0.99), *std::max_element(latenciesMs.begin(), latenciesMs.end()), events);

    stream.stop();
}

QTEST_GUILESS_MAIN(StreamLatencyBenchmark)
#include "bench_stream_latency.moc"
