// `trailguard --headless` as a real process: streaming quotes by default, --no-stream, --once.
#include "TestSupport.h"
#include "demo/FakeQuoteStreamServer.h"
#include "fakes/TestQuestradeServer.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace trailguard;

namespace {
constexpr qint64 kShopId = 4242001;
constexpr int kWaitMs = 30000;
} // namespace

class HeadlessStreamTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void streamsByDefaultAndAlertsFromTheStream();
    void noStreamForcesPolling();
    void onceNeverStreams();
    void fallsBackToPollingWhenNoStreamIsOffered();
    void largeWatchlistSaysWhatIsNotStreamed();

private:
    void startProcess(const QStringList &arguments);
    void stopProcess();
    void addTicker(const QString &ticker, double entry);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestQuestradeServer> m_server;
    std::unique_ptr<QProcess> m_process;
    QString m_err;
};

void HeadlessStreamTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    test::checkOnEveryDay(m_dir->filePath(QStringLiteral("data")));
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
    // A session open now, whatever the time of day the test runs.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_server->setMarketHours(now.addSecs(-3600), now.addSecs(5 * 3600));
    m_server->addSymbol({QStringLiteral("SHOP.TO"), kShopId, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("SHOPIFY INC")});
    m_server->setPrice(kShopId, 98.0);
    m_err.clear();
}

void HeadlessStreamTest::cleanup()
{
    stopProcess();
    m_server.reset();
    m_dir.reset();
}

void HeadlessStreamTest::addTicker(const QString &ticker, double entry)
{
    QDir().mkpath(m_dir->filePath(QStringLiteral("data")));
    auto db = Database::open(m_dir->filePath(QStringLiteral("data/trailguard.sqlite")));
    QVERIFY(db.ok());
    StockRepository repository(db.value()->connection());
    StockState stock;
    stock.ticker = ticker;
    stock.ratio = 0.9;
    stock.entry = entry;
    stock.peak = entry;
    stock.stop = entry * 0.9;
    stock.createdAt = QDateTime::currentDateTimeUtc();
    QVERIFY(repository.insert(stock).ok());
}

void HeadlessStreamTest::startProcess(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"refresh_token", "QUESTRADE_REFRESH_TOKEN", "STOP_LOSS", "encryption_key",
                             "NTFY_CHANNEL", "WEB_HOOK_URL", "BOT_EMAIL", "USER_EMAIL"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("TRAILGUARD_LOGIN_URL"), m_server->loginUrl().toString());
    environment.insert(QStringLiteral("encryption_key"), QStringLiteral("correct horse battery staple"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg-data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
    environment.insert(QStringLiteral("refresh_token"), QString::fromLatin1(m_server->issueRefreshToken()));
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    m_process->setArguments(
        QStringList{QStringLiteral("--data-dir"), m_dir->filePath(QStringLiteral("data"))} + arguments);
    m_process->setProcessEnvironment(environment);
    connect(m_process.get(), &QProcess::readyReadStandardError, this,
            [this] { m_err += QString::fromUtf8(m_process->readAllStandardError()); });
    m_process->start();
    QVERIFY(m_process->waitForStarted(10000));
}

void HeadlessStreamTest::stopProcess()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process->processId()), SIGTERM);
        if (!QTest::qWaitFor([this] { return m_process->state() == QProcess::NotRunning; }, 15000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

void HeadlessStreamTest::streamsByDefaultAndAlertsFromTheStream()
{
    addTicker(QStringLiteral("SHOP.TO"), 100.0); // stop 90; the price is 98
    // An hour between polls: only the stream can bring the fall in time.
    startProcess({QStringLiteral("--headless"), QStringLiteral("--interval"), QStringLiteral("3600")});
    QTRY_VERIFY2_WITH_TIMEOUT(m_err.contains(QStringLiteral("Quote mode: streaming")), qPrintable(m_err),
                              kWaitMs);
    QCOMPARE(m_server->streamServer()->authenticatedConnections(), 1);
    const int polls = m_server->requestCount(QStringLiteral("/v1/markets/quotes"));

    m_server->setPrice(kShopId, 85.5);
    QTRY_VERIFY2_WITH_TIMEOUT(m_err.contains(QStringLiteral("Stop-loss breach: SHOP.TO 85.50 < stop 90.00")),
                              qPrintable(m_err), kWaitMs);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), polls); // no poll brought it

    // The stream drops and cannot come back: the log says polling is live.
    m_server->streamServer()->setRefuseTokens(true);
    m_server->streamServer()->dropAllConnections();
    QTRY_VERIFY2_WITH_TIMEOUT(m_err.contains(QStringLiteral("Polling meanwhile")), qPrintable(m_err),
                              kWaitMs);
    QTRY_VERIFY2_WITH_TIMEOUT(m_err.contains(QStringLiteral("Quote mode: polling")) ||
                                  m_err.contains(QStringLiteral("Quote mode: connecting the stream")),
                              qPrintable(m_err), kWaitMs);
    stopProcess();
}

void HeadlessStreamTest::noStreamForcesPolling()
{
    addTicker(QStringLiteral("SHOP.TO"), 100.0);
    startProcess({QStringLiteral("--headless"), QStringLiteral("--no-stream"), QStringLiteral("--interval"),
                  QStringLiteral("5")});
    QTRY_VERIFY2_WITH_TIMEOUT(m_err.contains(QStringLiteral("Quote mode: polling every 5 s (--no-stream)")),
                              qPrintable(m_err), kWaitMs);
    // --no-stream builds no stream at all (GuardianCore::stream() is null), so none can connect later;
    // after a whole cycle, none has asked for a port or connected either.
    QTRY_VERIFY2_WITH_TIMEOUT(m_err.contains(QStringLiteral("Cycle done")), qPrintable(m_err), kWaitMs);
    QCOMPARE(m_server->streamServer()->connectionsAccepted(), 0);
    for (const FakeQuestradeServer::Request &request : m_server->requests())
        QVERIFY2(!request.query.contains(QStringLiteral("stream=true")), qPrintable(request.query));
    QVERIFY(!m_err.contains(QStringLiteral("Quote mode: streaming")));
    stopProcess();
}

void HeadlessStreamTest::onceNeverStreams()
{
    addTicker(QStringLiteral("SHOP.TO"), 100.0);
    startProcess({QStringLiteral("--headless"), QStringLiteral("--once")});
    QVERIFY(QTest::qWaitFor([this] { return m_process->state() == QProcess::NotRunning; }, kWaitMs));
    QCOMPARE(m_process->exitCode(), 0);
    QVERIFY2(m_err.contains(QStringLiteral("Cycle done")), qPrintable(m_err));
    QCOMPARE(m_server->streamServer()->connectionsAccepted(), 0);
    for (const FakeQuestradeServer::Request &request : m_server->requests())
        QVERIFY2(!request.query.contains(QStringLiteral("stream=true")), qPrintable(request.query));
}

void HeadlessStreamTest::fallsBackToPollingWhenNoStreamIsOffered()
{
    m_server->setStreamingOffered(false);
    addTicker(QStringLiteral("SHOP.TO"), 100.0);
    startProcess({QStringLiteral("--headless"), QStringLiteral("--interval"), QStringLiteral("5")});
    QTRY_VERIFY2_WITH_TIMEOUT(m_err.contains(QStringLiteral("gave no stream port")), qPrintable(m_err),
                              kWaitMs);
    QTRY_VERIFY2_WITH_TIMEOUT(m_err.contains(QStringLiteral("Quote mode: polling")), qPrintable(m_err),
                              kWaitMs);
    // Polling carries on and still catches a fall.
    m_server->setPrice(kShopId, 80.0);
    QTRY_VERIFY2_WITH_TIMEOUT(m_err.contains(QStringLiteral("Stop-loss breach: SHOP.TO 80.00")),
                              qPrintable(m_err), kWaitMs);
    QCOMPARE(m_server->streamServer()->connectionsAccepted(), 0);
    stopProcess();
}

void HeadlessStreamTest::largeWatchlistSaysWhatIsNotStreamed()
{
    // 1,000 tickers, known symbol ids (no look-ups): several sockets, of which the server takes only two.
    QDir().mkpath(m_dir->filePath(QStringLiteral("data")));
    {
        auto db = Database::open(m_dir->filePath(QStringLiteral("data/trailguard.sqlite")));
        QVERIFY(db.ok());
        StockRepository repository(db.value()->connection());
        for (qint64 id = 3000001; id <= 3001000; ++id) {
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
            QVERIFY(repository.insert(stock).ok());
        }
    }
    m_server->streamServer()->setMaxConnections(2);
    startProcess({QStringLiteral("--headless"), QStringLiteral("--interval"), QStringLiteral("3600")});
    static const QRegularExpression partly(
        QStringLiteral("Quote mode: streaming (\\d+) of 1000 tickers; (\\d+) on polling every 3600 s"));
    QTRY_VERIFY2_WITH_TIMEOUT(partly.match(m_err).hasMatch(), qPrintable(m_err.right(3000)), kWaitMs);
    const QRegularExpressionMatch match = partly.match(m_err);
    QVERIFY(match.captured(1).toInt() > 0);
    QCOMPARE(match.captured(1).toInt() + match.captured(2).toInt(), 1000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->streamServer()->authenticatedConnections(), 2, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->streamServer()->handshakesRefused() >= 1, kWaitMs);
    for (int length : m_server->streamServer()->urlLengths())
        QVERIFY(length < 2000);
    stopProcess();
}

QTEST_GUILESS_MAIN(HeadlessStreamTest)
#include "tst_headlessstream.moc"
