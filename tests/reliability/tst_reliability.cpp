// The real process under abuse.
// - kill -9 at random moments of `trailguard --headless --once` runs while breaches are pending: afterwards
//   every breach has reached the channel at least once and at most twice, the database passes
//   PRAGMA integrity_check and no ticker is lost. The random moments come from a printed seed
//   (TRAILGUARD_KILL_SEED reproduces a run).
// - Several `--once` runs started together on one data folder: one watches, the others step aside with
//   the documented status, and every breach is sent exactly once.
#include "GuardianProcess.h"
#include "TestSupport.h"
#include "WebhookReceiver.h"
#include "fakes/TestQuestradeServer.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace trailguard;
using trailguard::test::WebhookReceiver;

namespace {
constexpr int kKills = 24;
constexpr qint64 kFirstSymbolId = 5150001;
const QStringList kTickers{QStringLiteral("SHOP.TO"), QStringLiteral("RY.TO"), QStringLiteral("ENB.TO"),
                           QStringLiteral("TD.TO"), QStringLiteral("CNQ.TO")};

// One data folder with the watchlist above, every ticker priced below its stop.
struct Guardian {
    QTemporaryDir dir;
    QString data() const { return dir.filePath(QStringLiteral("data")); }
    QString database() const { return dir.filePath(QStringLiteral("data/trailguard.sqlite")); }
};
} // namespace

class ReliabilityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killNineLoopLosesNothingAndSendsNothingThrice();
    void concurrentRunsOnOneFolderSendEachBreachOnce();

private:
    void prepare(Guardian &guardian);
    QProcessEnvironment environment(const Guardian &guardian, const QUrl &ntfy) const;
    void setUp(QProcess &process, const Guardian &guardian, const QUrl &ntfy) const;
    QProcess *start(const Guardian &guardian, const QUrl &ntfy);
    // Runs --once to its end; the exit code, or -1 when it did not end normally within a minute.
    int runToEnd(const Guardian &guardian, const QUrl &ntfy);
    static QMap<QString, int> sentPerTicker(const WebhookReceiver &receiver);
    static int pendingDeliveries(const Guardian &guardian);

    static void verifyIntact(const Guardian &guardian);
    // On failure: what the outbox holds and what the receiver saw.
    static void describeOutbox(const Guardian &guardian, const WebhookReceiver &receiver);

    std::unique_ptr<test::TestQuestradeServer> m_server;
};

void ReliabilityTest::initTestCase()
{
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
    m_server->openMarketNow(); // the app polls only while a market is open
    for (int i = 0; i < kTickers.size(); ++i) {
        m_server->addSymbol({kTickers[i], kFirstSymbolId + i, QStringLiteral("CAD"), QStringLiteral("TSX"),
                             kTickers[i] + QStringLiteral(" INC")});
        m_server->setPrice(kFirstSymbolId + i, 90.0 + i);
    }
}

void ReliabilityTest::prepare(Guardian &guardian)
{
    QVERIFY(guardian.dir.isValid());
    QDir().mkpath(guardian.data());
    test::checkOnEveryDay(guardian.data()); // the fake market is open now, whatever the weekday
    for (const QString &ticker : kTickers)  // stop 108: every price (90-94) is below it
        QVERIFY(test::watchTicker(guardian.database(), ticker, 120.0));
}

QProcessEnvironment ReliabilityTest::environment(const Guardian &guardian, const QUrl &ntfy) const
{
    QProcessEnvironment environment = test::guardianEnvironment(m_server->loginUrl());
    environment.insert(QStringLiteral("encryption_key"), QStringLiteral("test passphrase"));
    // A fresh token each run: a kill between the server's rotation and the store may spend a chain, which
    // is what a restart with a new token from the user repairs; this test is about the outbox.
    environment.insert(QStringLiteral("refresh_token"), QString::fromLatin1(m_server->issueRefreshToken()));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       guardian.dir.filePath(QStringLiteral("xdg-config")));
    environment.insert(QStringLiteral("NTFY_CHANNEL"), ntfy.toString());
    return environment;
}

void ReliabilityTest::setUp(QProcess &process, const Guardian &guardian, const QUrl &ntfy) const
{
    process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    process.setArguments({QStringLiteral("--data-dir"), guardian.data(), QStringLiteral("--headless"),
                          QStringLiteral("--once")});
    process.setProcessEnvironment(environment(guardian, ntfy));
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
}

QProcess *ReliabilityTest::start(const Guardian &guardian, const QUrl &ntfy)
{
    auto *process = new QProcess(this);
    setUp(*process, guardian, ntfy);
    process->start();
    return process;
}

int ReliabilityTest::runToEnd(const Guardian &guardian, const QUrl &ntfy)
{
    QProcess process;
    setUp(process, guardian, ntfy);
    const test::ProcessRun run = test::runToEnd(process);
    return run.exitedNormally() ? run.exitCode : -1;
}

QMap<QString, int> ReliabilityTest::sentPerTicker(const WebhookReceiver &receiver)
{
    QMap<QString, int> sent;
    for (const WebhookReceiver::Request &request : receiver.requests()) {
        const QString title = request.json().value(QStringLiteral("title")).toString();
        for (const QString &ticker : kTickers) {
            if (title.contains(QStringLiteral(": ") + ticker + QLatin1Char(' ')))
                ++sent[ticker];
        }
    }
    return sent;
}

int ReliabilityTest::pendingDeliveries(const Guardian &guardian)
{
    auto db = Database::open(guardian.database());
    if (!db.ok())
        return -1;
    int pending = 0;
    for (const AlertRecord &record : AlertRepository(db.value()->connection()).recent(100).value()) {
        for (const Delivery &delivery : record.deliveries)
            pending += delivery.status == Delivery::Status::Pending ? 1 : 0;
    }
    return pending;
}

void ReliabilityTest::killNineLoopLosesNothingAndSendsNothingThrice()
{
    // How long one undisturbed run takes here (sanitizers, a loaded machine): the kills fall inside it.
    Guardian calibration;
    prepare(calibration);
    WebhookReceiver calibrationReceiver;
    QVERIFY(calibrationReceiver.listen());
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(runToEnd(calibration, calibrationReceiver.url(QStringLiteral("/alerts"))), 0);
    const qint64 runMs = std::max<qint64>(timer.elapsed(), 200);
    QCOMPARE(sentPerTicker(calibrationReceiver).size(), kTickers.size());

    const quint32 seed = qEnvironmentVariableIsSet("TRAILGUARD_KILL_SEED")
                             ? quint32(qEnvironmentVariableIntValue("TRAILGUARD_KILL_SEED"))
                             : QRandomGenerator::global()->generate();
    qInfo("kill -9 loop: seed %u, %d kills within a %lld ms run", seed, kKills,
          static_cast<long long>(runMs));
    QRandomGenerator random(seed);

    Guardian guardian;
    prepare(guardian);
    WebhookReceiver receiver;
    QVERIFY(receiver.listen());
    // The receiver answers at once, as a healthy ntfy does: a resend needs a kill between its answer and
    // the outbox's "delivered" mark, and a third send a second such kill of the same delivery.
    const QUrl url = receiver.url(QStringLiteral("/alerts"));

    // Runs get shorter once the breaches are delivered, so some kill moments miss: start runs until
    // kKills of them were killed (or too many missed).
    int killed = 0;
    int runs = 0;
    for (; killed < kKills && runs < 4 * kKills; ++runs) {
        std::unique_ptr<QProcess> process(start(guardian, url));
        QVERIFY(process->waitForStarted(10000));
        const qint64 at = random.bounded(runMs);
        QDeadlineTimer moment(at);
        while (!moment.hasExpired() && process->state() != QProcess::NotRunning)
            QTest::qWait(5);
        if (process->state() != QProcess::NotRunning) {
            ::kill(pid_t(process->processId()), SIGKILL);
            ++killed;
        }
        // The fake servers live in this process: wait with the event loop running, never blocked.
        QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 10000);
    }
    qInfo("kill -9 loop: %d of %d runs killed before they ended", killed, runs);
    QVERIFY2(killed >= 20, "fewer than 20 runs were killed: the kill moments missed the runs");

    // Undisturbed runs finish what the killed ones left: the first records any breach not stored yet.
    for (int run = 0; run < 3 && (run == 0 || pendingDeliveries(guardian) != 0); ++run)
        QCOMPARE(runToEnd(guardian, url), 0);
    QCOMPARE(pendingDeliveries(guardian), 0);

    const QMap<QString, int> sent = sentPerTicker(receiver);
    qInfo("kill -9 loop: %lld messages received for %lld breaches",
          static_cast<long long>(receiver.requests().size()), static_cast<long long>(kTickers.size()));
    if (sent.size() != kTickers.size())
        describeOutbox(guardian, receiver);
    for (const QString &ticker : kTickers) {
        QVERIFY2(sent.value(ticker) >= 1, qPrintable(ticker + QStringLiteral(" was never delivered")));
        QVERIFY2(sent.value(ticker) <= 2,
                 qPrintable(
                     ticker +
                     QStringLiteral(" was delivered %1 times (seed %2)").arg(sent.value(ticker)).arg(seed)));
    }

    verifyIntact(guardian);
}

void ReliabilityTest::describeOutbox(const Guardian &guardian, const WebhookReceiver &receiver)
{
    auto db = Database::open(guardian.database());
    if (!db.ok())
        return;
    for (const AlertRecord &record : AlertRepository(db.value()->connection()).recent(100).value()) {
        for (const Delivery &delivery : record.deliveries)
            qWarning("alert %lld \"%s\": %s status %d, %d attempt(s), %s", static_cast<long long>(record.id),
                     qPrintable(record.message.subject), qPrintable(delivery.channel), int(delivery.status),
                     delivery.attempts, qPrintable(delivery.lastError));
    }
    for (const WebhookReceiver::Request &request : receiver.requests())
        qWarning("received: %s", request.body.left(160).constData());
}

void ReliabilityTest::verifyIntact(const Guardian &guardian)
{
    auto db = Database::open(guardian.database());
    QVERIFY(db.ok());
    QSqlQuery check(db.value()->connection());
    QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")));
    QVERIFY(check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    const auto stocks = StockRepository(db.value()->connection()).all();
    QVERIFY(stocks.ok());
    QStringList tickers;
    for (const StockState &stock : stocks.value())
        tickers << stock.ticker;
    tickers.sort();
    QStringList expected = kTickers;
    expected.sort();
    QCOMPARE(tickers, expected);
}

void ReliabilityTest::concurrentRunsOnOneFolderSendEachBreachOnce()
{
    Guardian guardian;
    prepare(guardian);
    WebhookReceiver receiver;
    QVERIFY(receiver.listen());
    const QUrl url = receiver.url(QStringLiteral("/alerts"));
    constexpr int kRounds = 4;
    constexpr int kTogether = 3;
    int refused = 0;
    for (int round = 0; round < kRounds; ++round) {
        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < kTogether; ++i)
            processes.emplace_back(start(guardian, url));
        for (const auto &process : processes) {
            // The fake servers live in this process: wait with the event loop running, never blocked.
            QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 60000);
            QCOMPARE(process->exitStatus(), QProcess::NormalExit);
            // 0: it watched; 3: another process was watching the folder (README, exit status).
            QVERIFY2(process->exitCode() == 0 || process->exitCode() == 3,
                     qPrintable(QStringLiteral("exit status %1").arg(process->exitCode())));
            refused += process->exitCode() == 3 ? 1 : 0;
        }
    }
    qInfo("contention: %d of %d runs stepped aside for another", refused, kRounds * kTogether);
    QCOMPARE(pendingDeliveries(guardian), 0);
    const QMap<QString, int> sent = sentPerTicker(receiver);
    for (const QString &ticker : kTickers)
        QCOMPARE(sent.value(ticker), 1);
    verifyIntact(guardian);
}

QTEST_GUILESS_MAIN(ReliabilityTest)
#include "tst_reliability.moc"
