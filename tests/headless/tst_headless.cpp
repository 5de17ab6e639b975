#include "GuardianProcess.h"
#include "TestSupport.h"
#include "fakes/TestQuestradeServer.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace trailguard;

namespace {
constexpr qint64 kShopId = 4242001;
const QByteArray kPassphrase = QByteArrayLiteral("correct horse battery staple");

using Run = test::ProcessRun;
} // namespace

class HeadlessTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void onceRecordsABreachAndKeepsNoSecretInPlainText();
    void laterRunsContinueTheRotatedChain();
    void differentBootstrapTokenReplacesTheChain();
    void notConfiguredSaysWhatToDo();
    void rejectedTokenSaysReconnect();
    void stopsCleanlyOnSigterm();
    void sigtermWaitsForTheTokenExchangeInFlight();
    void badOptionsAreUsageErrors_data();
    void badOptionsAreUsageErrors();

private:
    QProcessEnvironment environment(const QByteArray &refreshToken) const;
    Run run(const QStringList &arguments, const QProcessEnvironment &environment);
    void addTicker(const QString &ticker, double entry);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestQuestradeServer> m_server;
};

void HeadlessTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    test::checkOnEveryDay(m_dir->filePath(QStringLiteral("data")));
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
    m_server->openMarketNow(); // the app polls only while a market is open
    m_server->addSymbol({QStringLiteral("SHOP.TO"), kShopId, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("SHOPIFY INC")});
    m_server->addSymbol({QStringLiteral("SHOP"), 4242002, QStringLiteral("USD"), QStringLiteral("NYSE"),
                         QStringLiteral("SHOPIFY INC")});
    m_server->setPrice(kShopId, 92.10);
    m_server->setPrice(4242002, 70.00);
}

void HeadlessTest::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

QProcessEnvironment HeadlessTest::environment(const QByteArray &refreshToken) const
{
    QProcessEnvironment environment = test::guardianEnvironment(m_server->loginUrl());
    environment.insert(QStringLiteral("encryption_key"), QString::fromUtf8(kPassphrase));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg-data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
    if (!refreshToken.isEmpty())
        environment.insert(QStringLiteral("refresh_token"), QString::fromLatin1(refreshToken));
    return environment;
}

Run HeadlessTest::run(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    process.setArguments(QStringList{QStringLiteral("--data-dir"), m_dir->filePath(QStringLiteral("data"))} +
                         arguments);
    process.setProcessEnvironment(environment);
    return test::runToEnd(process);
}

void HeadlessTest::addTicker(const QString &ticker, double entry)
{
    QVERIFY(test::watchTicker(m_dir->filePath(QStringLiteral("data/trailguard.sqlite")), ticker, entry));
}

void HeadlessTest::onceRecordsABreachAndKeepsNoSecretInPlainText()
{
    addTicker(QStringLiteral("SHOP.TO"), 106.0); // stop 95.40; the server's price is 92.10
    const QByteArray token = m_server->issueRefreshToken();
    const Run result = run({QStringLiteral("--headless"), QStringLiteral("--once")}, environment(token));
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.err.contains(QStringLiteral("Stop-loss breach: SHOP.TO 92.10 < stop 95.40")),
             qPrintable(result.err));
    QVERIFY(result.err.contains(QStringLiteral("Cycle done")));
    QCOMPARE(m_server->tokenExchanges(), 1);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1);

    auto db = Database::open(m_dir->filePath(QStringLiteral("data/trailguard.sqlite")));
    QVERIFY(db.ok());
    const auto stock = StockRepository(db.value()->connection()).find(QStringLiteral("SHOP.TO"));
    QVERIFY(stock.ok() && stock.value());
    QCOMPARE(*stock.value()->symbolId, kShopId);
    QCOMPARE(stock.value()->currency, QStringLiteral("CAD"));
    QCOMPARE(*stock.value()->lastPrice, 92.10);
    QVERIFY(stock.value()->lastAlertAt.isValid());
    db.value().reset();

    // Neither the bootstrap token nor the passphrase appears in any file of the data folder or in the logs.
    QVERIFY(!result.err.contains(QString::fromLatin1(token)));
    QVERIFY(!result.out.contains(QString::fromLatin1(token)));
    QDirIterator files(m_dir->path(), QDir::Files, QDirIterator::Subdirectories);
    int scanned = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(token), qPrintable(file.fileName()));
        QVERIFY2(!bytes.contains(kPassphrase), qPrintable(file.fileName()));
        ++scanned;
    }
    QVERIFY(scanned >= 2); // the database and the encrypted secrets file at least
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("data/secrets.enc"))));
}

void HeadlessTest::laterRunsContinueTheRotatedChain()
{
    addTicker(QStringLiteral("SHOP.TO"), 90.0);
    const QByteArray token = m_server->issueRefreshToken();
    const QProcessEnvironment env = environment(token);
    QCOMPARE(run({QStringLiteral("--headless"), QStringLiteral("--once")}, env).exitCode, 0);
    QCOMPARE(m_server->tokenExchanges(), 1);
    // The same bootstrap value is still in the environment: it was spent, so reusing it would be refused
    // (400) — a correct run continues the stored chain instead.
    m_server->expireAccessTokens();
    const Run second = run({QStringLiteral("--headless"), QStringLiteral("--once")}, env);
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QCOMPARE(m_server->tokenExchanges(), 2);
}

void HeadlessTest::differentBootstrapTokenReplacesTheChain()
{
    addTicker(QStringLiteral("SHOP.TO"), 90.0);
    QCOMPARE(run({QStringLiteral("--headless"), QStringLiteral("--once")},
                 environment(m_server->issueRefreshToken()))
                 .exitCode,
             0);
    m_server->revokeAll(); // the stored chain is dead
    const Run replaced = run({QStringLiteral("--headless"), QStringLiteral("--once")},
                             environment(m_server->issueRefreshToken()));
    QVERIFY2(replaced.exitCode == 0, qPrintable(replaced.err));
    QCOMPARE(m_server->tokenExchanges(), 2);
}

void HeadlessTest::notConfiguredSaysWhatToDo()
{
    addTicker(QStringLiteral("SHOP.TO"), 90.0);
    const Run result = run({QStringLiteral("--headless"), QStringLiteral("--once")}, environment({}));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("refresh_token")), qPrintable(result.err));
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/")), 0);
}

void HeadlessTest::rejectedTokenSaysReconnect()
{
    const Run result =
        run({QStringLiteral("--headless"), QStringLiteral("--once")}, environment("never-issued-token"));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("refresh token"), Qt::CaseInsensitive),
             qPrintable(result.err));
    QVERIFY(!result.err.contains(QStringLiteral("never-issued-token")));
}

void HeadlessTest::stopsCleanlyOnSigterm()
{
    addTicker(QStringLiteral("SHOP.TO"), 90.0);
    QProcess process;
    process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    process.setArguments({QStringLiteral("--data-dir"), m_dir->filePath(QStringLiteral("data")),
                          QStringLiteral("--headless"), QStringLiteral("--interval"), QStringLiteral("5")});
    process.setProcessEnvironment(environment(m_server->issueRefreshToken()));
    QString err;
    connect(&process, &QProcess::readyReadStandardError, this,
            [&] { err += QString::fromUtf8(process.readAllStandardError()); });
    process.start();
    QVERIFY(process.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(err.contains(QStringLiteral("Cycle done")), 30000);
    ::kill(pid_t(process.processId()), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 15000);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(err.contains(QStringLiteral("Stopping on signal")));
}

// Questrade spends the old refresh token when it answers: a process that quit before storing the answer
// would leave a dead chain behind.
void HeadlessTest::sigtermWaitsForTheTokenExchangeInFlight()
{
    addTicker(QStringLiteral("SHOP.TO"), 90.0);
    const QProcessEnvironment env = environment(m_server->issueRefreshToken());
    m_server->holdTokenAnswers(2000);
    QProcess process;
    process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    process.setArguments({QStringLiteral("--data-dir"), m_dir->filePath(QStringLiteral("data")),
                          QStringLiteral("--headless"), QStringLiteral("--interval"), QStringLiteral("5")});
    process.setProcessEnvironment(env);
    QString err;
    connect(&process, &QProcess::readyReadStandardError, this,
            [&] { err += QString::fromUtf8(process.readAllStandardError()); });
    process.start();
    QVERIFY(process.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->tokenRequestsReceived() == 1, 30000);
    ::kill(pid_t(process.processId()), SIGTERM); // the answer is held for 2 s
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 20000);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, qPrintable(err));
    QCOMPARE(m_server->tokenExchanges(), 1);
    QVERIFY2(err.contains(QStringLiteral("Waiting for the Questrade token exchange")), qPrintable(err));

    // The next run continues the rotated chain (the spent bootstrap token would be refused).
    m_server->holdTokenAnswers(0);
    m_server->expireAccessTokens();
    const Run next = run({QStringLiteral("--headless"), QStringLiteral("--once")}, env);
    QVERIFY2(next.exitCode == 0, qPrintable(next.err));
    QCOMPARE(m_server->tokenExchanges(), 2);
}

void HeadlessTest::badOptionsAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("interval too short")
        << QStringList{QStringLiteral("--headless"), QStringLiteral("--interval"), QStringLiteral("4")};
    QTest::newRow("interval too long")
        << QStringList{QStringLiteral("--headless"), QStringLiteral("--interval"), QStringLiteral("3601")};
    QTest::newRow("interval text") << QStringList{QStringLiteral("--headless"), QStringLiteral("--interval"),
                                                  QStringLiteral("soon")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--headless"), QStringLiteral("--bogus")};
}

void HeadlessTest::badOptionsAreUsageErrors()
{
    QFETCH(QStringList, arguments);
    const Run result = run(arguments, environment(m_server->issueRefreshToken()));
    QCOMPARE(result.exitCode, 2);
    QVERIFY(!result.err.isEmpty());
    QCOMPARE(m_server->tokenExchanges(), 0);
}

QTEST_GUILESS_MAIN(HeadlessTest)
#include "tst_headless.moc"
