// The Telegram channel and bot as GuardianCore wires them: from the environment (headless) and from the
// window's settings and secret store, against the fake Questrade server and the fake Bot API server.
#include "TestSupport.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "alerts/telegram/TelegramConfig.h"
#include "fakes/FakeTelegramBotApi.h"
#include "fakes/TestQuestradeServer.h"
#include "runners/GuardianAlerts.h"
#include "runners/GuardianCore.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/Redact.h"
#include "settings/Settings.h"
#include "storage/AlertRepository.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace trailguard;
using trailguard::Runners::GuardianCore;
using trailguard::test::FakeTelegramBotApi;

namespace {
constexpr qint64 kShopId = 4242001;
constexpr qint64 kChat = 7770003;
const QByteArray kToken = QByteArrayLiteral("24680:GuardianTelegramTestToken_0123456789");
} // namespace

class GuardianTelegramTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void headlessSendsTheBreachAndTheButtonAcknowledges();
    void windowStartsTheBotFromItsSettings();

private:
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    QProcessEnvironment environment() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestQuestradeServer> m_server;
    std::unique_ptr<FakeTelegramBotApi> m_telegram;
    SecretRedactor m_redactor;
};

void GuardianTelegramTest::init()
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
    QVERIFY(test::watchTicker(QDir(dataDir()).filePath(QStringLiteral("trailguard.sqlite")),
                              QStringLiteral("SHOP.TO"), 106.0));
    m_telegram = std::make_unique<FakeTelegramBotApi>(kToken);
    QVERIFY(m_telegram->listen());
}

void GuardianTelegramTest::cleanup()
{
    m_telegram.reset();
    m_server.reset();
    m_dir.reset();
}

QProcessEnvironment GuardianTelegramTest::environment() const
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("TRAILGUARD_LOGIN_URL"), m_server->loginUrl().toString());
    environment.insert(QStringLiteral("encryption_key"), QStringLiteral("test passphrase"));
    environment.insert(QStringLiteral("refresh_token"), QString::fromLatin1(m_server->issueRefreshToken()));
    return environment;
}

void GuardianTelegramTest::headlessSendsTheBreachAndTheButtonAcknowledges()
{
    MemorySecretStore secrets;
    GuardianCore::Options options;
    options.mode = GuardianCore::Mode::Headless;
    options.global.dataDir = dataDir();
    options.global.noStream = true;
    options.secretStore = &secrets;
    options.environment = environment();
    options.environment.insert(QStringLiteral("TELEGRAM_BOT_TOKEN"), QString::fromLatin1(kToken));
    options.environment.insert(QStringLiteral("TELEGRAM_CHAT_ID"), QString::number(kChat));
    options.environment.insert(QStringLiteral("TELEGRAM_API_URL"), m_telegram->url().toString());
    GuardianCore core(std::move(options), m_redactor);
    QVERIFY(core.open().ok());
    QCOMPARE(core.alerting().dispatcher().channelIds(), QStringList{QStringLiteral("telegram")});
    core.start();

    QTRY_VERIFY_WITH_TIMEOUT(m_telegram->callCount(QStringLiteral("sendMessage")) >= 1, 30000);
    const QJsonObject sent = m_telegram->calls(QStringLiteral("sendMessage")).constFirst().params;
    QCOMPARE(sent.value(QLatin1String("chat_id")).toInteger(), kChat);
    QVERIFY2(sent.value(QLatin1String("text")).toString().contains(QStringLiteral("SHOP.TO")),
             qPrintable(sent.value(QLatin1String("text")).toString()));
    QVERIFY(m_telegram->callCount(QStringLiteral("getUpdates")) >= 1); // the bot polls

    const auto recent = core.alerting().alerts().recent(1);
    QVERIFY(recent.ok() && !recent.value().isEmpty());
    const qint64 alertId = recent.value().constFirst().id;
    QTRY_VERIFY(core.alerting().acknowledger().ackCodes() != nullptr);
    m_telegram->pushButton(
        kChat, 1, QStringLiteral("ack:") + core.alerting().acknowledger().ackCodes()->codeFor(alertId));
    QTRY_COMPARE_WITH_TIMEOUT(m_telegram->callCount(QStringLiteral("answerCallbackQuery")), 1, 10000);
    const auto alert = core.alerting().alerts().find(alertId);
    QVERIFY(alert.ok() && alert.value());
    QCOMPARE(alert.value()->ackSource, QStringLiteral("telegram"));
    core.stop();
}

void GuardianTelegramTest::windowStartsTheBotFromItsSettings()
{
    {
        auto settings = Settings::forFile(QDir(dataDir()).filePath(QStringLiteral("settings.ini")));
        settings->setTelegramEnabled(true);
        settings->setTelegramChatId(QString::number(kChat));
        settings->setTelegramApiUrl(m_telegram->url());
        settings->sync();
    }
    MemorySecretStore secrets;
    bool written = false;
    secrets.write(TelegramConfig::botTokenSecretKey(), kToken, nullptr,
                  [&written](Status) { written = true; });
    QTRY_VERIFY(written);
    GuardianCore::Options options;
    options.mode = GuardianCore::Mode::Window;
    options.global.dataDir = dataDir();
    options.global.noStream = true;
    options.secretStore = &secrets;
    options.environment = environment();
    GuardianCore core(std::move(options), m_redactor);
    QVERIFY(core.open().ok());
    core.start();
    QTRY_COMPARE_WITH_TIMEOUT(core.alerting().dispatcher().channelIds(),
                              QStringList{QStringLiteral("telegram")}, 10000);
    m_telegram->pushMessage(kChat, QStringLiteral("/status"));
    // The breach goes out too: look for the reply among the messages sent.
    const auto statusAnswered = [this] {
        const auto sent = m_telegram->calls(QStringLiteral("sendMessage"));
        return std::any_of(sent.begin(), sent.end(), [](const FakeTelegramBotApi::Call &call) {
            return call.params.value(QLatin1String("text"))
                .toString()
                .startsWith(QStringLiteral("Guardian:"));
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(statusAnswered(), 10000);
    QTRY_COMPARE(m_telegram->pendingUpdates(), 0); // confirmed by the next poll's offset

    // Turned off in the settings: the bot stops polling.
    core.settings().setTelegramEnabled(false);
    core.applySettings();
    QTRY_VERIFY_WITH_TIMEOUT(core.alerting().dispatcher().channelIds().isEmpty(), 10000);
    const int polls = m_telegram->callCount(QStringLiteral("getUpdates"));
    m_telegram->pushMessage(kChat, QStringLiteral("/status"));
    QTest::qWait(100);
    QVERIFY(m_telegram->callCount(QStringLiteral("getUpdates")) <= polls + 1);
    QCOMPARE(m_telegram->pendingUpdates(), 1);
    core.stop();
}

QTEST_GUILESS_MAIN(GuardianTelegramTest)
#include "tst_guardiantelegram.moc"
