// The whole guardian, wired by GuardianCore as the window and --headless wire it, on a temporary data folder
// against the fake Questrade server: a breach goes all the way from a quote to an alert channel.
#include "WebhookReceiver.h"
#include "demo/FakeQuestradeServer.h"
#include "runners/GuardianCore.h"
#include "secrets/Redact.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::Runners::GuardianCore;
using trailguard::test::WebhookReceiver;

namespace {
constexpr qint64 kShopId = 4242001;
}

class GuardianCoreTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void headlessBreachReachesNtfy();

private:
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    QProcessEnvironment environment() const;
    QList<Delivery> deliveries(GuardianCore &core) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeQuestradeServer> m_server;
    SecretRedactor m_redactor;
};

void GuardianCoreTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<FakeQuestradeServer>();
    QVERIFY(m_server->listen());
    // Checks run only while a market is open: open now, whatever the time of day the test runs.
    m_server->setMarketHours(QDateTime::currentDateTimeUtc().addSecs(-3600),
                             QDateTime::currentDateTimeUtc().addSecs(6 * 3600));
    m_server->addSymbol({QStringLiteral("SHOP.TO"), kShopId, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("SHOPIFY INC")});
    m_server->setPrice(kShopId, 92.10);

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
    const auto recent = core.alerts().recent(10);
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
    QCOMPARE(core.dispatcher().channelIds(), QStringList{QStringLiteral("ntfy")});
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

QTEST_GUILESS_MAIN(GuardianCoreTest)
#include "tst_guardiancore.moc"
