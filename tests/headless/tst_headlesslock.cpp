// One monitoring process per data folder: two real `trailguard --headless` processes (and a cron-style
// `--once`) on one folder against the fake Questrade server. The second refuses with a message naming the
// first and its own exit status, nothing is sent twice, and `watch add` beside the running one is picked up.
#include "TestSupport.h"
#include "WebhookReceiver.h"
#include "fakes/TestQuestradeServer.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::WebhookReceiver;

namespace {
constexpr qint64 kShopToId = 4242001;
constexpr qint64 kShopId = 4242002;
// The documented exit status of a process refused because another one watches the folder.
constexpr int kExitDataFolderInUse = 3;

struct Run {
    int exitCode = -1;
    QString err;
};
} // namespace

class HeadlessLockTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void secondMonitorIsRefusedAndNothingIsSentTwice();

private:
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    QProcessEnvironment environment() const;
    Run run(const QStringList &arguments);
    int publishedCount(const QString &ticker) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestQuestradeServer> m_server;
    std::unique_ptr<WebhookReceiver> m_ntfy;
    std::unique_ptr<QProcess> m_first;
    QString m_firstErr; // what the first process logged
};

void HeadlessLockTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
    m_server->openMarketNow();
    test::checkOnEveryDay(dataDir()); // and on a weekend, when no market opens at all
    m_server->addSymbol({QStringLiteral("SHOP.TO"), kShopToId, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("SHOPIFY INC")});
    m_server->addSymbol({QStringLiteral("SHOP"), kShopId, QStringLiteral("USD"), QStringLiteral("NYSE"),
                         QStringLiteral("SHOPIFY INC")});
    m_server->setPrice(kShopToId, 92.10);
    m_server->setPrice(kShopId, 60.00);
    m_ntfy = std::make_unique<WebhookReceiver>();
    QVERIFY(m_ntfy->listen());

    QVERIFY(QDir().mkpath(dataDir()));
    auto db = Database::open(QDir(dataDir()).filePath(QStringLiteral("trailguard.sqlite")));
    QVERIFY(db.ok());
    StockState stock;
    stock.ticker = QStringLiteral("SHOP.TO");
    stock.ratio = 0.9;
    stock.entry = 106.0;
    stock.peak = 106.0;
    stock.stop = 95.4;
    stock.createdAt = QDateTime::currentDateTimeUtc();
    QVERIFY(StockRepository(db.value()->connection()).insert(stock).ok());
}

void HeadlessLockTest::cleanup()
{
    if (m_first && m_first->state() != QProcess::NotRunning) {
        m_first->terminate();
        if (!m_first->waitForFinished(10000))
            m_first->kill();
    }
    m_first.reset();
    m_firstErr.clear();
    m_ntfy.reset();
    m_server.reset();
    m_dir.reset();
}

QProcessEnvironment HeadlessLockTest::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"refresh_token", "QUESTRADE_REFRESH_TOKEN", "NTFY_CHANNEL", "NTFY_TOKEN", "WEB_HOOK_URL",
          "BOT_EMAIL", "USER_EMAIL", "EMAIL_PASSWORD", "PROVIDER", "SMTP_HOST", "STOP_LOSS"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("TRAILGUARD_LOGIN_URL"), m_server->loginUrl().toString());
    environment.insert(QStringLiteral("encryption_key"), QStringLiteral("test passphrase"));
    environment.insert(QStringLiteral("refresh_token"), QString::fromLatin1(m_server->issueRefreshToken()));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
    environment.insert(QStringLiteral("NTFY_CHANNEL"), m_ntfy->url(QStringLiteral("/alerts")).toString());
    return environment;
}

Run HeadlessLockTest::run(const QStringList &arguments)
{
    // Asynchronous: the fake server and the receiver live in this process and need the event loop.
    QProcess process;
    process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    process.setArguments(QStringList{QStringLiteral("--data-dir"), dataDir()} + arguments);
    process.setProcessEnvironment(environment());
    process.start();
    Run result;
    if (!process.waitForStarted(10000))
        return result;
    QDeadlineTimer deadline(60000);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(20);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

int HeadlessLockTest::publishedCount(const QString &ticker) const
{
    int count = 0;
    for (const WebhookReceiver::Request &request : m_ntfy->requests()) {
        if (request.json().value(QStringLiteral("title")).toString().contains(ticker + QLatin1Char(' ')))
            ++count;
    }
    return count;
}

void HeadlessLockTest::secondMonitorIsRefusedAndNothingIsSentTwice()
{
    m_first = std::make_unique<QProcess>();
    m_first->setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    m_first->setArguments({QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--headless"),
                           QStringLiteral("--no-stream"), QStringLiteral("--interval"), QStringLiteral("5")});
    m_first->setProcessEnvironment(environment());
    connect(m_first.get(), &QProcess::readyReadStandardError, this,
            [this] { m_firstErr += QString::fromUtf8(m_first->readAllStandardError()); });
    m_first->start();
    QVERIFY(m_first->waitForStarted(10000));
    // The first one watches and sends the breach.
    QTRY_COMPARE_WITH_TIMEOUT(m_ntfy->acceptedCount(), 1, 30000);
    QCOMPARE(publishedCount(QStringLiteral("SHOP.TO")), 1);

    // A second --headless and a cron --once on the same folder are refused, naming the first.
    const QString firstPid = QString::number(m_first->processId());
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("--headless"), QStringLiteral("--no-stream")},
          QStringList{QStringLiteral("--headless"), QStringLiteral("--once")}}) {
        const Run second = run(arguments);
        QCOMPARE(second.exitCode, kExitDataFolderInUse);
        QVERIFY2(second.err.contains(QStringLiteral("PID %1").arg(firstPid)), qPrintable(second.err));
        QVERIFY2(second.err.contains(QStringLiteral("--headless")), qPrintable(second.err));
    }
    QCOMPARE(m_first->state(), QProcess::Running);

    // A command beside the running monitor works, and the monitor picks the new ticker up at its next check.
    const Run added = run({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("SHOP"),
                           QStringLiteral("--ratio"), QStringLiteral("0.9"), QStringLiteral("--entry"),
                           QStringLiteral("100")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QTRY_COMPARE_WITH_TIMEOUT(publishedCount(QStringLiteral("SHOP")), 1, 30000);

    // Each breach went out once: nothing was sent by the refused processes.
    QCOMPARE(publishedCount(QStringLiteral("SHOP.TO")), 1);
    QCOMPARE(m_ntfy->acceptedCount(), 2);
    QVERIFY2(!m_firstErr.contains(QStringLiteral("refresh token was refused")), qPrintable(m_firstErr));
}

QTEST_GUILESS_MAIN(HeadlessLockTest)
#include "tst_headlesslock.moc"
