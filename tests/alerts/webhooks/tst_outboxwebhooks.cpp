// The outbox, the health watch and the real webhook channels together, against loopback receivers:
// what a failing server does to the other channels and to what is stored.
#include "WebhookReceiver.h"
#include "alerts/AlertOutbox.h"
#include "alerts/HealthWatch.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/webhooks/DiscordChannel.h"
#include "alerts/webhooks/NtfyChannel.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace trailguard;
using namespace trailguard::test;

namespace {
const QString kDiscordPath = QStringLiteral("/api/webhooks/1234567890/discord-webhook-token-XYZ");
const QString kTopic = QStringLiteral("trailguard-secret-topic");
const QByteArray kToken = QByteArrayLiteral("tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2");
} // namespace

class OutboxWebhooksTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void discordGoneRaisesHealthAlertOnNtfyAtOnce();
    void serverErrorTextIsRedactedBeforeItIsStored();

private:
    void recordBreach();
    NtfyConfig ntfyConfig() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AlertRepository> m_alerts;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OutboxDispatcher> m_dispatcher;
    std::unique_ptr<AlertOutbox> m_outbox;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WebhookReceiver> m_discordServer;
    std::unique_ptr<WebhookReceiver> m_ntfyServer;
};

void OutboxWebhooksTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_alerts = std::make_unique<AlertRepository>(m_db->connection());
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 11, 3), QTime(15, 0), QTimeZone::utc()));
    m_dispatcher = std::make_unique<OutboxDispatcher>(*m_alerts, *m_clock);
    m_outbox = std::make_unique<AlertOutbox>(*m_alerts, *m_dispatcher, *m_clock);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_discordServer = std::make_unique<WebhookReceiver>();
    m_ntfyServer = std::make_unique<WebhookReceiver>();
    QVERIFY(m_discordServer->listen());
    QVERIFY(m_ntfyServer->listen());
}

void OutboxWebhooksTest::cleanup()
{
    m_dispatcher->stop();
    m_outbox.reset();
    m_dispatcher.reset();
    m_alerts.reset();
    m_db.reset();
    m_ntfyServer.reset();
    m_discordServer.reset();
    m_network.reset();
}

NtfyConfig OutboxWebhooksTest::ntfyConfig() const
{
    NtfyConfig config;
    config.server = m_ntfyServer->url();
    config.topic = kTopic;
    config.accessToken = kToken;
    return config;
}

void OutboxWebhooksTest::recordBreach()
{
    QVERIFY(m_outbox
                ->recordBreach(
                    Breach{QStringLiteral("RY.TO"), 90, 110, 99, 0.9, m_clock->now(), QDate(2026, 11, 3)},
                    QStringLiteral("CAD"))
                .ok());
}

void OutboxWebhooksTest::discordGoneRaisesHealthAlertOnNtfyAtOnce()
{
    // The webhook was deleted in Discord: every send will fail, so the user must hear of it now.
    m_discordServer->setDefaultReply(
        WebhookReceiver::Reply::json(404, R"({"message": "Unknown Webhook", "code": 10015})"));
    DiscordChannel discord(m_network.get(), DiscordConfig{m_discordServer->url(kDiscordPath)});
    NtfyChannel ntfy(m_network.get(), ntfyConfig());
    m_dispatcher->setChannels({&discord, &ntfy});
    HealthWatch health(*m_outbox, *m_clock);
    // Wired as the runners wire it.
    connect(m_dispatcher.get(), &OutboxDispatcher::deliveryFinished, &health,
            [&health](const Delivery &delivery, const DeliveryResult &result) {
                health.deliveryFinished(delivery.channel,
                                        result.outcome == DeliveryResult::Outcome::Delivered, result.reason);
            });
    m_dispatcher->start();

    recordBreach(); // the clock stands still: no hour of failures goes by
    QTRY_COMPARE(m_ntfyServer->requests().size(), 2);
    QVERIFY(health.isActive(QStringLiteral("channel:discord")));
    const QJsonObject healthAlert = m_ntfyServer->requests().at(1).json();
    QVERIFY2(healthAlert.value(QLatin1String("title")).toString().contains(QLatin1String("discord")),
             qPrintable(healthAlert.value(QLatin1String("title")).toString()));
    QVERIFY(
        healthAlert.value(QLatin1String("message")).toString().contains(QLatin1String("Unknown Webhook")));
    QTRY_VERIFY(!m_dispatcher->isBusy());
    QCOMPARE(m_discordServer->requests().size(), 1); // the alert about Discord is not sent to Discord

    // Another breach fails the same way: the condition is already reported, nothing more is sent.
    recordBreach();
    QTRY_COMPARE(m_discordServer->requests().size(), 2);
    QTRY_COMPARE(m_ntfyServer->requests().size(), 3);
    QTRY_VERIFY(!m_dispatcher->isBusy());
    QTest::qWait(50);
    QCOMPARE(m_ntfyServer->requests().size(), 3);
}

void OutboxWebhooksTest::serverErrorTextIsRedactedBeforeItIsStored()
{
    // A server that repeats the request's secrets in its error text.
    const QByteArray echo = R"({"code":40001,"http":400,"error":"bad request for topic )" + kTopic.toUtf8() +
                            " with token " + kToken + R"("})";
    m_ntfyServer->setDefaultReply(WebhookReceiver::Reply::json(400, echo));
    m_discordServer->setDefaultReply(WebhookReceiver::Reply::json(
        400, R"({"message": "Invalid webhook token discord-webhook-token-XYZ", "code": 50027})"));
    NtfyChannel ntfy(m_network.get(), ntfyConfig());
    DiscordChannel discord(m_network.get(), DiscordConfig{m_discordServer->url(kDiscordPath)});
    m_dispatcher->setChannels({&discord, &ntfy});
    m_dispatcher->start();
    recordBreach();
    QTRY_VERIFY(m_alerts->pendingDeliveries().value().isEmpty());

    const QList<Delivery> deliveries = m_alerts->recent(1).value().constFirst().deliveries;
    QCOMPARE(deliveries.size(), 2);
    for (const Delivery &delivery : deliveries) {
        QCOMPARE(delivery.status, Delivery::Status::Failed);
        QVERIFY2(delivery.lastError.contains(QLatin1String("[redacted]")), qPrintable(delivery.lastError));
        QVERIFY2(!delivery.lastError.contains(kTopic), qPrintable(delivery.lastError));
        QVERIFY2(!delivery.lastError.contains(QString::fromLatin1(kToken)), qPrintable(delivery.lastError));
        QVERIFY2(!delivery.lastError.contains(QLatin1String("discord-webhook-token-XYZ")),
                 qPrintable(delivery.lastError));
    }
}

QTEST_GUILESS_MAIN(OutboxWebhooksTest)
#include "tst_outboxwebhooks.moc"
