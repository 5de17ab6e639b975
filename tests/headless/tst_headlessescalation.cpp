// Escalation in the real `trailguard --headless` process (TRAILGUARD_ESCALATION), against loopback ntfy and
// Discord receivers: killed with SIGKILL between two steps and started again, every step is delivered exactly
// once; an invalid policy stops the start with the parser's message.
#include "GuardianProcess.h"
#include "TestSupport.h"
#include "WebhookReceiver.h"
#include "fakes/TestQuestradeServer.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace trailguard;
using trailguard::test::WebhookReceiver;

namespace {
constexpr qint64 kShopEscalationId = 4242001;
}

class HeadlessEscalationTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void killedBetweenStepsSendsEachStepOnce();
    void invalidPolicyIsRefused();

private:
    QProcessEnvironment environment(const QUrl &ntfy, const QUrl &discord, const QString &policy) const;
    void startGuardian(QProcess &process, const QProcessEnvironment &environment);
    QList<Delivery> deliveries() const;
    int deliveredAt(int step) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestQuestradeServer> m_server;
};

void HeadlessEscalationTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    test::checkOnEveryDay(m_dir->filePath(QStringLiteral("data")));
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
    m_server->openMarketNow();
    m_server->addSymbol({QStringLiteral("SHOP.TO"), kShopEscalationId, QStringLiteral("CAD"),
                         QStringLiteral("TSX"), QStringLiteral("SHOPIFY INC")});
    m_server->setPrice(kShopEscalationId, 92.10); // below the stop 95.40: a breach that stands
    QVERIFY(test::watchTicker(m_dir->filePath(QStringLiteral("data/trailguard.sqlite")),
                              QStringLiteral("SHOP.TO"), 106.0));
}

void HeadlessEscalationTest::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

QProcessEnvironment HeadlessEscalationTest::environment(const QUrl &ntfy, const QUrl &discord,
                                                        const QString &policy) const
{
    QProcessEnvironment environment = test::guardianEnvironment(m_server->loginUrl());
    environment.insert(QStringLiteral("encryption_key"), QStringLiteral("test passphrase"));
    environment.insert(QStringLiteral("refresh_token"), QString::fromLatin1(m_server->issueRefreshToken()));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
    environment.insert(QStringLiteral("NTFY_CHANNEL"), ntfy.toString());
    environment.insert(QStringLiteral("WEB_HOOK_URL"), discord.toString());
    environment.insert(QStringLiteral("TRAILGUARD_ESCALATION"), policy);
    return environment;
}

void HeadlessEscalationTest::startGuardian(QProcess &process, const QProcessEnvironment &environment)
{
    process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    process.setArguments({QStringLiteral("--data-dir"), m_dir->filePath(QStringLiteral("data")),
                          QStringLiteral("--headless"), QStringLiteral("--interval"),
                          QStringLiteral("3600")});
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start();
    QVERIFY(process.waitForStarted(10000));
}

QList<Delivery> HeadlessEscalationTest::deliveries() const
{
    auto db = Database::open(m_dir->filePath(QStringLiteral("data/trailguard.sqlite")));
    if (!db.ok())
        return {};
    const auto recent = AlertRepository(db.value()->connection()).recent(10);
    QList<Delivery> all;
    for (const AlertRecord &record : recent.value())
        all += record.deliveries;
    return all;
}

int HeadlessEscalationTest::deliveredAt(int step) const
{
    int delivered = 0;
    for (const Delivery &delivery : deliveries()) {
        if (delivery.escalationStep == step && delivery.status == Delivery::Status::Delivered)
            ++delivered;
    }
    return delivered;
}

void HeadlessEscalationTest::killedBetweenStepsSendsEachStepOnce()
{
    WebhookReceiver ntfy;
    WebhookReceiver discord;
    QVERIFY(ntfy.listen());
    QVERIFY(discord.listen());
    discord.setDefaultReply(WebhookReceiver::Reply::empty(204));
    const QProcessEnvironment env =
        environment(ntfy.url(QStringLiteral("/alerts")), discord.url(QStringLiteral("/api/webhooks/1/token")),
                    QStringLiteral("2s:ntfy-urgent;6s:discord"));
    {
        QProcess first;
        startGuardian(first, env);
        // The breach and step 1 (ntfy, 2 s after it) went out; step 2 (Discord, at 6 s) has not.
        QTRY_COMPARE_WITH_TIMEOUT(ntfy.acceptedCount(), 2, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(deliveredAt(1), 1, 5000);
        ::kill(pid_t(first.processId()), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(first.state() == QProcess::NotRunning, 10000);
    }
    QCOMPARE(discord.acceptedCount(), 1); // only the first delivery
    // Step 1 repeated the breach on ntfy at its most urgent priority, as a reminder. (The ntfy receiver also
    // sees the acknowledgement topic's subscription: a GET.)
    QList<QJsonObject> published;
    for (const WebhookReceiver::Request &request : ntfy.requests()) {
        if (request.method == "POST")
            published.append(request.json());
    }
    QCOMPARE(published.size(), 2);
    QCOMPARE(published.at(0).value(QStringLiteral("priority")).toInt(), 4);
    QCOMPARE(published.at(1).value(QStringLiteral("priority")).toInt(), 5);
    const QString firstTitle = published.at(0).value(QStringLiteral("title")).toString();
    QVERIFY(!firstTitle.isEmpty());
    QCOMPARE(published.at(1).value(QStringLiteral("title")).toString(),
             QStringLiteral("Reminder 1: ") + firstTitle);
    QCOMPARE(deliveries().size(), 4);
    QCOMPARE(deliveredAt(2), 0);

    QProcess second;
    startGuardian(second, env);
    QTRY_COMPARE_WITH_TIMEOUT(deliveredAt(2), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(discord.acceptedCount(), 2, 5000);
    second.terminate();
    QTRY_VERIFY_WITH_TIMEOUT(second.state() == QProcess::NotRunning, 10000);
    // Each step exactly once: the first delivery and step 1 on ntfy, the first delivery and step 2 on
    // Discord; nothing repeated after the restart.
    QCOMPARE(ntfy.acceptedCount(), 2);
    QCOMPARE(discord.acceptedCount(), 2);
    const QList<Delivery> all = deliveries();
    QCOMPARE(all.size(), 4);
    for (const Delivery &delivery : all)
        QCOMPARE(delivery.status, Delivery::Status::Delivered);
}

void HeadlessEscalationTest::invalidPolicyIsRefused()
{
    WebhookReceiver ntfy;
    QVERIFY(ntfy.listen());
    QProcessEnvironment env =
        environment(ntfy.url(QStringLiteral("/alerts")),
                    QUrl(QStringLiteral("http://127.0.0.1:9/api/webhooks/1/x")), QStringLiteral("10m:pager"));
    QProcess process;
    process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    process.setArguments({QStringLiteral("--data-dir"), m_dir->filePath(QStringLiteral("data")),
                          QStringLiteral("--headless"), QStringLiteral("--once")});
    process.setProcessEnvironment(env);
    const test::ProcessRun run = test::runToEnd(process);
    QVERIFY(run.exitedNormally());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("TRAILGUARD_ESCALATION")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("\"pager\"")), qPrintable(run.err));
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/")), 0);
}

QTEST_GUILESS_MAIN(HeadlessEscalationTest)
#include "tst_headlessescalation.moc"
