// One monitoring cycle for 1,000 tickers against the fake Questrade server, which runs on its own thread
// so that the CPU time measured on the main thread is Trailguard's own (client, engine, SQLite).
#include "broker/QuestradeParsing.h"
#include "fakes/TestQuestradeServer.h"
#include "history/QuoteHistoryRecorder.h"
#include "monitor/BrokerSession.h"
#include "secrets/MemorySecretStore.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
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

struct CycleCost {
    double cpuMs = 0;
    double wallMs = 0;
};

// The measured cycles, in a function of their own so that callgrind can count only them
// (`valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measureCycles*'`).
[[gnu::noinline]] void measureCycles(Monitor &monitor, test::TestQuestradeServer *server, int tickers,
                                     int firstCycle, int cycles, CycleCost &cost)
{
    QSignalSpy finished(&monitor, &Monitor::cycleFinished);
    for (int cycle = firstCycle; cycle < firstCycle + cycles; ++cycle) {
        QMetaObject::invokeMethod(
            server,
            [&, cycle] {
                for (int i = 0; i < tickers; ++i)
                    server->setPrice(5000 + i, 100.0 + ((i + cycle) % 13) * 0.5);
            },
            Qt::BlockingQueuedConnection);
        finished.clear();
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs();
        monitor.checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        cost.cpuMs += threadCpuMs() - cpuStart;
        cost.wallMs += double(timer.nsecsElapsed()) / 1e6;
        QVERIFY(monitor.lastReport().ok);
    }
}
} // namespace

class MonitorBenchmark : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cycleOfThousandTickers();
    void parseThousandQuotes();
};

// The floor under the cycle's JSON: 20 replies of 50 quotes shaped like Questrade's (21 fields each),
// parsed by QJsonDocument alone, then by the QJsonDocument path into BrokerQuote, then as a cycle reads them.
void MonitorBenchmark::parseThousandQuotes()
{
    constexpr int kReplies = 20;
    constexpr int kPerReply = 50;
    constexpr int kRounds = 20;
    QList<QByteArray> replies;
    for (int reply = 0; reply < kReplies; ++reply) {
        QByteArray body = "{\"quotes\":[";
        for (int i = 0; i < kPerReply; ++i) {
            const int id = 5000 + reply * kPerReply + i;
            body += QStringLiteral(
                        "%1{\"symbol\":\"B%2.TO\",\"symbolId\":%3,\"tier\":\"\",\"bidPrice\":100.49,"
                        "\"bidSize\":3,\"askPrice\":100.51,\"askSize\":7,\"lastTradePriceTrHrs\":100.5,"
                        "\"lastTradePrice\":100.5,\"lastTradeSize\":100,\"lastTradeTick\":\"Up\","
                        "\"lastTradeTime\":\"2026-12-03T10:15:42.123000-05:00\",\"volume\":123400,"
                        "\"openPrice\":99.8,\"highPrice\":101.2,\"lowPrice\":99.5,\"delay\":0,"
                        "\"isHalted\":false,\"high52w\":120.0,\"low52w\":80.0,\"VWAP\":100.3}")
                        .arg(i ? QStringLiteral(",") : QString())
                        .arg(id - 5000, 4, 10, QLatin1Char('0'))
                        .arg(id)
                        .toUtf8();
        }
        replies.append(body + "]}");
    }
    qint64 quotes = 0;
    double cpuStart = threadCpuMs();
    for (int round = 0; round < kRounds; ++round) {
        for (const QByteArray &body : std::as_const(replies))
            quotes +=
                QJsonDocument::fromJson(body).object().value(QLatin1StringView("quotes")).toArray().size();
    }
    const double documentOnly = (threadCpuMs() - cpuStart) / kRounds;
    QCOMPARE(quotes, qint64(kRounds) * kReplies * kPerReply);
    quotes = 0;
    cpuStart = threadCpuMs();
    for (int round = 0; round < kRounds; ++round) {
        for (const QByteArray &body : std::as_const(replies)) {
            const auto object = QuestradeParsing::parseObject(body);
            QVERIFY(object.ok());
            const auto parsed = QuestradeParsing::parseQuotes(object.value());
            QVERIFY(parsed.ok());
            quotes += parsed.value().size();
        }
    }
    const double whole = (threadCpuMs() - cpuStart) / kRounds;
    QCOMPARE(quotes, qint64(kRounds) * kReplies * kPerReply);
    quotes = 0;
    cpuStart = threadCpuMs();
    for (int round = 0; round < kRounds; ++round) {
        for (const QByteArray &body : std::as_const(replies)) {
            const auto parsed = QuestradeParsing::parseQuotesAnswer(body);
            QVERIFY(parsed.ok());
            quotes += parsed.value().size();
        }
    }
    const double scanned = (threadCpuMs() - cpuStart) / kRounds;
    QCOMPARE(quotes, qint64(kRounds) * kReplies * kPerReply);
    qInfo(
        "FIGURE parse: %d quotes in %d replies: %.2f ms CPU in QJsonDocument::fromJson alone, %.2f ms parsed "
        "into quotes through it, %.2f ms read straight from the bytes (parseQuotesAnswer, as a cycle does)",
        kReplies * kPerReply, kReplies, documentOnly, whole, scanned);
}

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
    CycleCost plain;
    measureCycles(session.monitor(), server, kTickers, 0, kCycles, plain);
    if (QTest::currentTestFailed())
        return;
    QMetaObject::invokeMethod(
        server, [&] { quoteCalls = server->requestCount(QStringLiteral("/v1/markets/quotes")); },
        Qt::BlockingQueuedConnection);
    qInfo(
        "FIGURE cycle: %d tickers: %.1f requests per cycle (quotes), %.1f ms CPU in our code (main thread), "
        "%.0f ms wall per cycle (rate limit 20/s included)",
        kTickers, double(quoteCalls) / kCycles, plain.cpuMs / kCycles, plain.wallMs / kCycles);
    QCOMPARE(quoteCalls, kCycles * 20);

    // As the app wires it: every processed quote also goes into the price history with its held stop.
    session.monitor().setQuoteRecorder(quoteHistoryRecorder(db.value()->connection()));
    CycleCost withHistory;
    measureCycles(session.monitor(), server, kTickers, kCycles, kCycles, withHistory);
    if (QTest::currentTestFailed())
        return;
    qInfo("FIGURE cycle: %d tickers with the quote history recorded: %.1f ms CPU (main thread) per cycle",
          kTickers, withHistory.cpuMs / kCycles);
    PriceHistoryRepository history(db.value()->connection());
    const auto recorded = history.quotes(QStringLiteral("B0000.TO"), QDateTime::fromSecsSinceEpoch(0),
                                         QDateTime::currentDateTimeUtc().addDays(1));
    QVERIFY(recorded.ok());
    QVERIFY(!recorded.value().isEmpty());
    serverThread.quit();
    serverThread.wait();
}

QTEST_GUILESS_MAIN(MonitorBenchmark)
#include "bench_monitor.moc"
