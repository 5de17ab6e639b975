// The whole guardian, wired by GuardianCore as the window and --headless wire it, on a temporary data folder
// against the fake Questrade server: a breach goes all the way from a quote to an alert channel.
#include "TestSupport.h"
#include "WebhookReceiver.h"
#include "alerts/AlertOutbox.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "fakes/TestQuestradeServer.h"
#include "monitor/Monitor.h"
#include "runners/GuardianAlerts.h"
#include "runners/GuardianCore.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/Redact.h"
#include "settings/Settings.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace trailguard;
using trailguard::Runners::GuardianCore;
using trailguard::test::WebhookReceiver;

namespace {
constexpr qint64 kShopId = 4242001;
}
namespace {
// A keychain that cannot be read for the alert channels' secrets (a locked or failing keychain cannot be
// produced on demand): the real asynchronous contract, with reads of the chosen keys failing until allowed.
class UnreadableChannelSecrets : public MemorySecretStore {
public:
    void setFailing(bool failing) { m_failing = failing; }
    void read(const QString &key, QObject *context, ReadCallback done) override
    {
        const bool channelSecret = key.contains(QLatin1String("email")) ||
                                   key.contains(QLatin1String("discord")) ||
                                   key.contains(QLatin1String("ntfy"));
        if (!m_failing || !channelSecret)
            return MemorySecretStore::read(key, context, std::move(done));
        deliverLater(CallbackContext(context), [done = std::move(done)] {
            done(Error{ErrorCode::SecretStoreFailed, QStringLiteral("The keychain could not be read.")});
        });
    }

private:
    bool m_failing = true;
};
} // namespace

class GuardianCoreTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void headlessBreachReachesNtfy();
    void headlessNtfyOffersAReplyThenListens();
    void keychainReadFailureKeepsAlertsUntilReadable();
    void windowFollowsSettingsChanges();

private:
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    QProcessEnvironment environment() const;
    QList<Delivery> deliveries(GuardianCore &core) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestQuestradeServer> m_server;
    SecretRedactor m_redactor;
};

void GuardianCoreTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
    m_server->openMarketNow();
    test::checkOnEveryDay(dataDir()); // and on a weekend, when no market opens at all
    m_server->addSymbol({QStringLiteral("SHOP.TO"), kShopId, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("SHOPIFY INC")});
    m_server->setPrice(kShopId, 92.10);

    QVERIFY(QDir().mkpath(dataDir()));
    // Stop 95.40; the server's price is 92.10.
    QVERIFY(test::watchTicker(QDir(dataDir()).filePath(QStringLiteral("trailguard.sqlite")),
                              QStringLiteral("SHOP.TO"), 106.0));
}

void GuardianCoreTest::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

QProcessEnvironment GuardianCoreTest::environment() const
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("TRAILGUARD_LOGIN_URL"), m_server->loginUrl().toString());
    environment.insert(QStringLiteral("encryption_key"), QStringLiteral("test passphrase"));
    environment.insert(QStringLiteral("refresh_token"), QString::fromLatin1(m_server->issueRefreshToken()));
    return environment;
}

QList<Delivery> GuardianCoreTest::deliveries(GuardianCore &core) const
{
    const auto recent = core.alerting().alerts().recent(10);
    QList<Delivery> all;
    for (const AlertRecord &record : recent.value())
        all += record.deliveries;
    return all;
}

void GuardianCoreTest::headlessBreachReachesNtfy()
{
    WebhookReceiver ntfy;
    QVERIFY(ntfy.listen());
    GuardianCore::Options options;
    options.mode = GuardianCore::Mode::Headless;
    options.global.dataDir = dataDir();
    options.global.noStream = true;
    options.environment = environment();
    options.environment.insert(QStringLiteral("NTFY_CHANNEL"),
                               ntfy.url(QStringLiteral("/alerts")).toString());
    GuardianCore core(std::move(options), m_redactor);
    QVERIFY2(core.open().ok(), "the core opens on a temporary folder");
    QCOMPARE(core.alerting().dispatcher().channelIds(), QStringList{QStringLiteral("ntfy")});
    core.start();

    QTRY_COMPARE_WITH_TIMEOUT(ntfy.acceptedCount(), 1, 30000);
    const QJsonObject published = ntfy.requests().constFirst().json();
    QVERIFY2(published.value(QStringLiteral("title"))
                 .toString()
                 .startsWith(QStringLiteral("Stop-loss breach: SHOP.TO")),
             qPrintable(published.value(QStringLiteral("title")).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(deliveries(core).size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(deliveries(core).constFirst().status, Delivery::Status::Delivered, 10000);
}

// Issue 17: without a public dashboard URL, ntfy's Acknowledge button publishes the alert's code to a private
// ack topic on the same server, which the guardian subscribes to once such a button went out.
void GuardianCoreTest::headlessNtfyOffersAReplyThenListens()
{
    WebhookReceiver ntfy;
    QVERIFY(ntfy.listen());
    GuardianCore::Options options;
    options.mode = GuardianCore::Mode::Headless;
    options.global.dataDir = dataDir();
    options.global.noStream = true;
    options.environment = environment();
    options.environment.insert(QStringLiteral("NTFY_CHANNEL"),
                               ntfy.url(QStringLiteral("/alerts")).toString());
    GuardianCore core(std::move(options), m_redactor);
    QVERIFY(core.open().ok());
    core.start();

    QTRY_COMPARE_WITH_TIMEOUT(ntfy.acceptedCount(), 1, 30000);
    const WebhookReceiver::Request published = ntfy.requests().constFirst();
    QCOMPARE(published.method, QByteArray("POST"));
    const QJsonObject action = published.json().value(QStringLiteral("actions")).toArray().first().toObject();
    QCOMPARE(action.value(QStringLiteral("action")).toString(), QStringLiteral("http"));
    const QString code = action.value(QStringLiteral("body")).toString();
    QVERIFY(core.alerting().acknowledger().ackCodes());
    QVERIFY(core.alerting().acknowledger().ackCodes()->verify(code).has_value());
    const QUrl replyUrl(action.value(QStringLiteral("url")).toString());
    QVERIFY2(replyUrl.path().startsWith(QStringLiteral("/alerts-ack-")), qPrintable(replyUrl.toString()));

    const auto subscribed = [&ntfy, &replyUrl] {
        for (const WebhookReceiver::Request &request : ntfy.requests()) {
            if (request.method == "GET" && request.path == replyUrl.path().toUtf8() + "/json" &&
                request.query == "since=all")
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(subscribed(), 10000);
}

// Finding 1: the window's channels come from its settings and the secret store. When the keychain cannot
// give a channel's secret, every breach is still recorded for that channel, waits (saying why), and goes out
// once the secret can be read, together with what an earlier run left pending.
void GuardianCoreTest::keychainReadFailureKeepsAlertsUntilReadable()
{
    WebhookReceiver ntfy;
    QVERIFY(ntfy.listen());
    {
        auto settings = Settings::forFile(QDir(dataDir()).filePath(QStringLiteral("settings.ini")));
        settings->setValue("alerts/ntfy/enabled", true);
        settings->setValue("alerts/ntfy/server", ntfy.url().toString());
        settings->setValue("alerts/ntfy/topic", QStringLiteral("alerts"));
        settings->setValue("alerts/email/enabled", false); // turned off, and its secret unreadable too
        settings->sync();
    }
    {
        // An alert an earlier run could not send.
        auto db = Database::open(QDir(dataDir()).filePath(QStringLiteral("trailguard.sqlite")));
        QVERIFY(db.ok());
        AlertMessage earlier;
        earlier.kind = AlertMessage::Kind::Health;
        earlier.priority = AlertMessage::Priority::Normal;
        earlier.subject = QStringLiteral("Earlier alert");
        earlier.text = QStringLiteral("left pending by the last run");
        QVERIFY(AlertRepository(db.value()->connection())
                    .enqueue(earlier, {QStringLiteral("ntfy")}, QDateTime::currentDateTimeUtc())
                    .ok());
    }
    UnreadableChannelSecrets keychain;
    GuardianCore::Options options;
    options.mode = GuardianCore::Mode::Window;
    options.global.dataDir = dataDir();
    options.global.noStream = true;
    options.environment = environment();
    options.secretStore = &keychain;
    options.keychainRetry = std::chrono::milliseconds(200);
    GuardianCore core(std::move(options), m_redactor);
    QSignalSpy problems(&core, &GuardianCore::channelProblem);
    QVERIFY(core.open().ok());
    core.start();

    // The breach is recorded for ntfy and waits; nothing is sent while the secret cannot be read.
    QTRY_COMPARE_WITH_TIMEOUT(deliveries(core).size(), 2, 30000);
    for (const Delivery &delivery : deliveries(core)) {
        QCOMPARE(delivery.channel, QStringLiteral("ntfy"));
        QCOMPARE(delivery.status, Delivery::Status::Pending);
    }
    QTRY_COMPARE(core.waitingForKeychain(), QStringList{QStringLiteral("ntfy")});
    QVERIFY(!problems.isEmpty());
    QVERIFY2(
        problems.constLast().constFirst().toString().contains(QStringLiteral("Waiting for the keychain")),
        qPrintable(problems.constLast().constFirst().toString()));
    QCOMPARE(ntfy.acceptedCount(), 0);

    // The keychain answers again: both go out, once each.
    keychain.setFailing(false);
    QTRY_COMPARE_WITH_TIMEOUT(ntfy.acceptedCount(), 2, 30000);
    QTRY_COMPARE(core.waitingForKeychain(), QStringList{});
    const auto allDelivered = [&] {
        const QList<Delivery> all = deliveries(core);
        return std::all_of(all.cbegin(), all.cend(), [](const Delivery &delivery) {
            return delivery.status == Delivery::Status::Delivered;
        });
    };
    QTRY_VERIFY(allDelivered());
    // No retry is left running, and loading the channels once more (what a late retry would do) and
    // letting the dispatcher finish its round sends nothing again.
    QSignalSpy loaded(&core, &GuardianCore::channelSettingsLoaded);
    QSignalSpy idle(&core.alerting().dispatcher(), &OutboxDispatcher::idle);
    core.applySettings();
    QTRY_COMPARE(loaded.count(), 1);
    QTRY_VERIFY(idle.count() >= 1);
    QVERIFY(!core.alerting().dispatcher().isBusy());
    QCOMPARE(ntfy.acceptedCount(), 2);
}

// The window's core applies what Settings::changed reports, once per turn of the event loop, without waiting
// for applySettings(); keys it does not follow change nothing.
void GuardianCoreTest::windowFollowsSettingsChanges()
{
    MemorySecretStore secrets;
    GuardianCore::Options options;
    options.mode = GuardianCore::Mode::Window;
    options.global.dataDir = dataDir();
    options.global.noStream = true;
    options.environment = environment();
    options.secretStore = &secrets;
    GuardianCore core(std::move(options), m_redactor);
    QVERIFY(core.open().ok());
    core.start();
    QCOMPARE(core.monitor().interval(), std::chrono::seconds(300));

    core.settings().setCheckInterval(std::chrono::seconds(40));
    core.settings().setCheckInterval(std::chrono::seconds(42));
    QCOMPARE(core.monitor().interval(), std::chrono::seconds(300)); // applied later, once
    QTRY_COMPARE(core.monitor().interval(), std::chrono::seconds(42));

    // applySettings() applies at once and leaves nothing pending.
    core.settings().setCheckInterval(std::chrono::seconds(60));
    core.applySettings();
    QCOMPARE(core.monitor().interval(), std::chrono::seconds(60));

    // A window layout key is not followed: an interval changed behind the settings' back stays.
    core.monitor().setInterval(std::chrono::seconds(7));
    core.settings().setMainWindowGeometry(QByteArrayLiteral("geometry"));
    QTest::qWait(20);
    QCOMPARE(core.monitor().interval(), std::chrono::seconds(7));

    // The escalation policy applies live too; one that is not valid (edited by hand) means off.
    QVERIFY(core.alerting().outbox().escalationPolicy().isOff());
    core.settings().setEscalationPolicy(QStringLiteral("10m:ntfy-urgent;30m:email,discord"));
    QTRY_COMPARE(core.alerting().outbox().escalationPolicy().text(),
                 QStringLiteral("10m:ntfy-urgent;30m:email,discord"));
    core.settings().setEscalationPolicy(QStringLiteral("10m:pager"));
    QTRY_VERIFY(core.alerting().outbox().escalationPolicy().isOff());
}

QTEST_GUILESS_MAIN(GuardianCoreTest)
#include "tst_guardiancore.moc"
