// Alerts from a real `trailguard --headless` process to loopback ntfy and Discord receivers: delivery,
// an outage with retries, and a SIGKILL with pending deliveries followed by a restart.
#include "GuardianProcess.h"
#include "TestSupport.h"
#include "WebhookReceiver.h"
#include "fakes/TestQuestradeServer.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace trailguard;
using trailguard::test::WebhookReceiver;

namespace {
constexpr qint64 kShopId = 4242001;
}

class HeadlessAlertsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void breachReachesNtfyAndDiscord();
    void outageRetriesThenDeliversExactlyOnce();
    void killedWithPendingDeliveriesDeliversOnceAfterRestart();
    void misconfiguredChannelIsRefused();

private:
    QProcessEnvironment environment(const QUrl &ntfy, const QUrl &discord = {}) const;
    int runOnce(const QProcessEnvironment &environment, QString *err = nullptr);
    QList<Delivery> deliveries() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestQuestradeServer> m_server;
};

void HeadlessAlertsTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    test::checkOnEveryDay(m_dir->filePath(QStringLiteral("data")));
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
    m_server->openMarketNow(); // the app polls only while a market is open
    m_server->addSymbol({QStringLiteral("SHOP.TO"), kShopId, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("SHOPIFY INC")});
    m_server->setPrice(kShopId, 92.10);

    // Stop 95.40; the server's price is 92.10.
    QVERIFY(test::watchTicker(m_dir->filePath(QStringLiteral("data/trailguard.sqlite")),
                              QStringLiteral("SHOP.TO"), 106.0));
}

void HeadlessAlertsTest::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

QProcessEnvironment HeadlessAlertsTest::environment(const QUrl &ntfy, const QUrl &discord) const
{
    QProcessEnvironment environment = test::guardianEnvironment(m_server->loginUrl());
    environment.insert(QStringLiteral("encryption_key"), QStringLiteral("test passphrase"));
    environment.insert(QStringLiteral("refresh_token"), QString::fromLatin1(m_server->issueRefreshToken()));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
    if (ntfy.isValid())
        environment.insert(QStringLiteral("NTFY_CHANNEL"), ntfy.toString());
    if (discord.isValid())
        environment.insert(QStringLiteral("WEB_HOOK_URL"), discord.toString());
    return environment;
}

int HeadlessAlertsTest::runOnce(const QProcessEnvironment &environment, QString *err)
{
    QProcess process;
    process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    process.setArguments({QStringLiteral("--data-dir"), m_dir->filePath(QStringLiteral("data")),
                          QStringLiteral("--headless"), QStringLiteral("--once")});
    process.setProcessEnvironment(environment);
    const test::ProcessRun run = test::runToEnd(process);
    if (err)
        *err = run.err;
    return run.exitedNormally() ? run.exitCode : -1;
}

QList<Delivery> HeadlessAlertsTest::deliveries() const
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

void HeadlessAlertsTest::breachReachesNtfyAndDiscord()
{
    WebhookReceiver ntfy;
    WebhookReceiver discord;
    QVERIFY(ntfy.listen());
    QVERIFY(discord.listen());
    discord.setDefaultReply(WebhookReceiver::Reply::empty(204));
    QString err;
    QCOMPARE(runOnce(environment(ntfy.url(QStringLiteral("/alerts")),
                                 discord.url(QStringLiteral("/api/webhooks/1/secret-token"))),
                     &err),
             0);
    QCOMPARE(ntfy.acceptedCount(), 1);
    const QJsonObject published = ntfy.requests().constFirst().json();
    QCOMPARE(published.value(QStringLiteral("topic")).toString(), QStringLiteral("alerts"));
    QVERIFY2(published.value(QStringLiteral("title"))
                 .toString()
                 .startsWith(QStringLiteral("Stop-loss breach: SHOP.TO 92.10 < stop 95.40 (peak 106.00)")),
             qPrintable(published.value(QStringLiteral("title")).toString()));
    QCOMPARE(published.value(QStringLiteral("priority")).toInt(), 4);
    QCOMPARE(discord.acceptedCount(), 1);
    const QJsonObject embed =
        discord.requests().constFirst().json().value(QStringLiteral("embeds")).toArray().first().toObject();
    QVERIFY(embed.value(QStringLiteral("title")).toString().contains(QStringLiteral("SHOP.TO")));
    QVERIFY(!err.contains(QStringLiteral("secret-token")));
    const auto all = deliveries();
    QCOMPARE(all.size(), 2);
    for (const Delivery &delivery : all)
        QCOMPARE(delivery.status, Delivery::Status::Delivered);
}

void HeadlessAlertsTest::outageRetriesThenDeliversExactlyOnce()
{
    WebhookReceiver ntfy;
    QVERIFY(ntfy.listen());
    ntfy.setDefaultReply(WebhookReceiver::Reply::json(500, QByteArrayLiteral("{\"error\":\"down\"}")));
    const QUrl url = ntfy.url(QStringLiteral("/alerts"));
    QCOMPARE(runOnce(environment(url)), 0);
    QCOMPARE(ntfy.acceptedCount(), 0);
    QCOMPARE(deliveries().size(), 1);
    QCOMPARE(deliveries().constFirst().status, Delivery::Status::Pending);
    QCOMPARE(deliveries().constFirst().attempts, 1);

    QCOMPARE(runOnce(environment(url)), 0); // still down: a second attempt, nothing new raised
    QCOMPARE(deliveries().size(), 1);
    QCOMPARE(deliveries().constFirst().attempts, 2);

    ntfy.setDefaultReply(WebhookReceiver::Reply::json(200, QByteArrayLiteral("{\"id\":\"x\"}")));
    QCOMPARE(runOnce(environment(url)), 0); // back: delivered, although its retry was not due yet
    QCOMPARE(ntfy.acceptedCount(), 1);
    QCOMPARE(deliveries().constFirst().status, Delivery::Status::Delivered);

    QCOMPARE(runOnce(environment(url)), 0); // delivered ones are never sent again
    QCOMPARE(ntfy.acceptedCount(), 1);
    QCOMPARE(ntfy.requests().size(), 3);
}

void HeadlessAlertsTest::killedWithPendingDeliveriesDeliversOnceAfterRestart()
{
    WebhookReceiver down;
    QVERIFY(down.listen());
    const QUrl downUrl = down.url(QStringLiteral("/alerts"));
    down.close(); // connections refused

    QProcess process;
    process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    process.setArguments({QStringLiteral("--data-dir"), m_dir->filePath(QStringLiteral("data")),
                          QStringLiteral("--headless"), QStringLiteral("--interval"),
                          QStringLiteral("3600")});
    process.setProcessEnvironment(environment(downUrl));
    QString err;
    connect(&process, &QProcess::readyReadStandardError, this,
            [&] { err += QString::fromUtf8(process.readAllStandardError()); });
    process.start();
    QVERIFY(process.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(err.contains(QStringLiteral("retrying in")), 30000);
    ::kill(pid_t(process.processId()), SIGKILL);
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 10000);
    QCOMPARE(deliveries().size(), 1);
    QCOMPARE(deliveries().constFirst().status, Delivery::Status::Pending);

    WebhookReceiver up;
    QVERIFY(up.listen());
    QCOMPARE(runOnce(environment(up.url(QStringLiteral("/alerts")))), 0);
    QCOMPARE(up.acceptedCount(), 1);
    QCOMPARE(deliveries().constFirst().status, Delivery::Status::Delivered);
    QCOMPARE(runOnce(environment(up.url(QStringLiteral("/alerts")))), 0);
    QCOMPARE(up.acceptedCount(), 1);
}

void HeadlessAlertsTest::misconfiguredChannelIsRefused()
{
    QProcessEnvironment env = environment({});
    env.insert(QStringLiteral("NTFY_CHANNEL"),
               QStringLiteral("http://example.com/alerts")); // plain http, not loopback
    QString err;
    QCOMPARE(runOnce(env, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("https")), qPrintable(err));
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/")), 0);
}

QTEST_GUILESS_MAIN(HeadlessAlertsTest)
#include "tst_headlessalerts.moc"
