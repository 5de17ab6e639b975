// Latency of a streamed breach: from the moment the fake Questrade server (on its own thread) publishes a
// quote below a stop to the moment Monitor::breachDetected reaches its listener (the tray's slot), i.e.
// after the new state and the alert were committed to SQLite by the outbox. 500 events, one at a time,
// each on another ticker of a 500-ticker watchlist (a breach alerts once per ticker and market day).
#include "alerts/AlertOutbox.h"
#include "alerts/OutboxDispatcher.h"
#include "demo/FakeQuestradeServer.h"
#include "monitor/BrokerSession.h"
#include "monitor/StreamSession.h"
#include "secrets/MemorySecretStore.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
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
    void streamedQuoteToStoredBreach();
};

void StreamLatencyBenchmark::streamedQuoteToStoredBreach()
{
    constexpr int kTickers = 500;
    QLoggingCategory::setFilterRules(QStringLiteral("trailguard.*.info=false\ntrailguard.*.warning=false"));

    QThread serverThread;
    auto *server = new FakeQuestradeServer;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    server->setMarketHours(now.addSecs(-3600), now.addSecs(5 * 3600));
    for (int i = 0; i < kTickers; ++i) {
        server->addSymbol(
            {tickerFor(i), 7000 + i, QStringLiteral("CAD"), QStringLiteral("TSX"), QStringLiteral("Bench")});
        server->setPrice(7000 + i, 100.0);
    }
    QVERIFY(server->listen());
    server->moveToThread(&serverThread);
    connect(&serverThread, &QThread::finished, server, &QObject::deleteLater);
    serverThread.start();

    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    QVERIFY(db.ok());
    StockRepository repository(db.value()->connection());
    AlertRepository alerts(db.value()->connection());
    SystemClock clock;
    // Already resolved, peak 100, stop 90: the stream subscribes at once, no look-up needed.
    for (int i = 0; i < kTickers; ++i) {
        StockState stock;
        stock.ticker = tickerFor(i);
        stock.symbolId = 7000 + i;
        stock.currency = QStringLiteral("CAD");
        stock.ratio = 0.9;
        stock.peak = 100.0;
        stock.stop = 90.0;
        stock.lastPrice = 100.0;
        stock.createdAt = now;
        QVERIFY(repository.insert(stock).ok());
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

    StreamSession stream(session, watchlist, clock, StreamSession::Options{});
    stream.start();
    QTRY_COMPARE_WITH_TIMEOUT(stream.mode(), QuoteFeedMode::Streaming, 20000);
    QTest::qWait(300); // the snapshot after {"success"} is applied

    // The tray's slot: where the user is told.
    std::atomic<qint64> publishedAt{0};
    qint64 notifiedAt = 0;
    QString notifiedTicker;
    connect(&session.monitor(), &Monitor::breachDetected, this, [&](const Breach &breach) {
        notifiedAt = SteadyClock::now().time_since_epoch().count();
        notifiedTicker = breach.ticker;
    });

    // A real event loop waits for each breach (QTest's waits sleep in 10 ms steps, which would show here).
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(&session.monitor(), &Monitor::breachDetected, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    std::vector<double> latenciesMs;
    latenciesMs.reserve(kTickers);
    const double cpuBefore = threadCpuMs();
    for (int i = 0; i < kTickers; ++i) {
        notifiedAt = 0;
        QMetaObject::invokeMethod(
            server,
            [&, i] {
                publishedAt = SteadyClock::now().time_since_epoch().count();
                server->setPrice(7000 + i, 85.0);
            },
            Qt::QueuedConnection);
        timeout.start(10000);
        loop.exec();
        QVERIFY2(notifiedAt != 0, "no breach within 10 s");
        QCOMPARE(notifiedTicker, tickerFor(i));
        latenciesMs.push_back(double(notifiedAt - publishedAt.load()) / 1e6);
    }
    const double cpuPerEventMs = (threadCpuMs() - cpuBefore) / kTickers;
    const auto stored = alerts.recent(kTickers + 10);
    QVERIFY(stored.ok());
    QCOMPARE(int(stored.value().size()), kTickers);

    const double median = percentile(latenciesMs, 0.5);
    const double p99 = percentile(latenciesMs, 0.99);
    const double worst = *std::max_element(latenciesMs.begin(), latenciesMs.end());
    qInfo().noquote() << QStringLiteral(
                             "Streamed quote -> breach stored -> tray notified, %1 events, %2 tickers "
                             "watched: median %3 ms, p99 %4 ms, max %5 ms; %6 ms CPU per event on the "
                             "app's thread (client, JSON, engine, SQLite)")
                             .arg(kTickers)
                             .arg(kTickers)
                             .arg(median, 0, 'f', 2)
                             .arg(p99, 0, 'f', 2)
                             .arg(worst, 0, 'f', 2)
                             .arg(cpuPerEventMs, 0, 'f', 2);

    stream.stop();
    serverThread.quit();
    serverThread.wait();
}

QTEST_GUILESS_MAIN(StreamLatencyBenchmark)
#include "bench_stream_latency.moc"
