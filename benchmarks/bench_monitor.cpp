// One monitoring cycle for 1,000 tickers against the fake Questrade server, which runs on its own thread
// so that the CPU time measured on the main thread is Trailguard's own (client, engine, SQLite).
#include "fakes/TestQuestradeServer.h"
#include "monitor/BrokerSession.h"
#include "secrets/MemorySecretStore.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <ctime>

using namespace trailguard;

namespace {
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}
} // namespace

class MonitorBenchmark : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cycleOfThousandTickers();
};

void MonitorBenchmark::cycleOfThousandTickers()
{
    constexpr int kTickers = 1000;
    QThread serverThread;
    auto *server = new test::TestQuestradeServer; // counts the quote calls
    for (int i = 0; i < kTickers; ++i) {
        server->addSymbol({QStringLiteral("B%1.TO").arg(i, 4, 10, QLatin1Char('0')), 5000 + i,
                           QStringLiteral("CAD"), QStringLiteral("TSX"), QStringLiteral("Bench")});
        server->setPrice(5000 + i, 100.0);
    }
    QVERIFY(server->listen());
    server->moveToThread(&serverThread);
    connect(&serverThread, &QThread::finished, server, &QObject::deleteLater);
    serverThread.start();

    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    QVERIFY(db.ok());
    StockRepository repository(db.value()->connection());
    SystemClock clock;
    WatchlistService watchlist(repository, clock);
    for (int i = 0; i < kTickers; ++i)
        QVERIFY(watchlist.add(QStringLiteral("B%1.TO").arg(i, 4, 10, QLatin1Char('0')), 0.9).ok());
    MemorySecretStore secrets;
    BrokerSession::Options options;
    options.auth.loginUrlOverride = server->loginUrl().toString();
    BrokerSession session(secrets, watchlist, clock, options);
    QByteArray token;
    QMetaObject::invokeMethod(
        server, [&] { token = server->issueRefreshToken(); }, Qt::BlockingQueuedConnection);
    session.auth().connectWithRefreshToken(token, BrokerEnvironment::Practice);
    QTRY_COMPARE(session.auth().state(), ConnectionState::Connected);

    QSignalSpy finished(&session.monitor(), &Monitor::cycleFinished);
    session.monitor().checkNow(); // the first cycle also looks every ticker up
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY(session.monitor().lastReport().ok);

    int quoteCalls = 0;
    QMetaObject::invokeMethod(
        server, [&] { server->clearRequests(); }, Qt::BlockingQueuedConnection);
    constexpr int kCycles = 5;
    double cpu = 0;
    double wall = 0;
    for (int cycle = 0; cycle < kCycles; ++cycle) {
        QMetaObject::invokeMethod(
            server,
            [&, cycle] {
                for (int i = 0; i < kTickers; ++i)
                    server->setPrice(5000 + i, 100.0 + ((i + cycle) % 13) * 0.5);
            },
            Qt::BlockingQueuedConnection);
        finished.clear();
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs();
        session.monitor().checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        cpu += threadCpuMs() - cpuStart;
        wall += double(timer.nsecsElapsed()) / 1e6;
        QVERIFY(session.monitor().lastReport().ok);
    }
    QMetaObject::invokeMethod(
        server, [&] { quoteCalls = server->requestCount(QStringLiteral("/v1/markets/quotes")); },
        Qt::BlockingQueuedConnection);
    qInfo(
        "FIGURE cycle: %d tickers: %.1f requests per cycle (quotes), %.1f ms CPU in our code (main thread), "
        "%.0f ms wall per cycle (rate limit 20/s included)",
        kTickers, double(quoteCalls) / kCycles, cpu / kCycles, wall / kCycles);
    QCOMPARE(quoteCalls, kCycles * 20);
    serverThread.quit();
    serverThread.wait();
}

QTEST_GUILESS_MAIN(MonitorBenchmark)
#include "bench_monitor.moc"
