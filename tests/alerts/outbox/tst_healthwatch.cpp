#include "TestSupport.h"
#include "alerts/AlertFormatter.h"
#include "alerts/HealthWatch.h"
#include "storage/Database.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::toronto;

namespace {
class NamedChannel : public AlertChannel {
public:
    explicit NamedChannel(QString id)
        : m_id(std::move(id))
    {}
    QString id() const override { return m_id; }
    QString displayName() const override { return m_id; }
    void send(const AlertMessage &, QObject *, SendCallback) override {}

private:
    QString m_id;
};
} // namespace

class HealthWatchTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rejectedTokenAlertsOnceAndOnceWhenCleared();
    void channelFailingForAnHourIsReportedOnTheOthers();
    void noQuotesForTwoIntervalsWhileOpen();
    void streamedQuotesCountAsPrices();
    void marketHours_data();
    void marketHours();
    void activeConditionsAndConnectionAreKnownAndAnnounced();

private:
    QList<AlertRecord> history() const { return m_alerts->recent(50).value(); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AlertRepository> m_alerts;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OutboxDispatcher> m_dispatcher;
    std::unique_ptr<AlertOutbox> m_outbox;
    std::unique_ptr<HealthWatch> m_health;
    NamedChannel m_email{QStringLiteral("email")};
    NamedChannel m_ntfy{QStringLiteral("ntfy")};
};

void HealthWatchTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_alerts = std::make_unique<AlertRepository>(m_db->connection());
    m_clock = std::make_unique<ManualClock>(toronto(2026, 11, 24, 11)); // a Tuesday, market open
    m_dispatcher = std::make_unique<OutboxDispatcher>(*m_alerts, *m_clock);
    m_dispatcher->setChannels({&m_email, &m_ntfy});
    m_outbox = std::make_unique<AlertOutbox>(*m_alerts, *m_dispatcher, *m_clock);
    m_health = std::make_unique<HealthWatch>(*m_outbox, *m_clock);
}

void HealthWatchTest::cleanup()
{
    m_health.reset();
    m_outbox.reset();
    m_dispatcher.reset();
    m_alerts.reset();
    m_db.reset();
}

void HealthWatchTest::rejectedTokenAlertsOnceAndOnceWhenCleared()
{
    m_health->connectionStateChanged(ConnectionState::Disconnected, QStringLiteral("400 Bad Request"));
    m_health->connectionStateChanged(ConnectionState::Disconnected, QStringLiteral("400 Bad Request"));
    QCOMPARE(history().size(), 1);
    const AlertRecord raised = history().constFirst();
    QCOMPARE(raised.message.kind, AlertMessage::Kind::Health);
    QCOMPARE(raised.message.priority, AlertMessage::Priority::Normal); // below a breach's High
    QVERIFY(raised.message.text.contains(QStringLiteral("reconnect")));
    QCOMPARE(raised.deliveries.size(), 2);

    m_health->connectionStateChanged(ConnectionState::Connected, {});
    m_health->connectionStateChanged(ConnectionState::Connected, {});
    QCOMPARE(history().size(), 2);
    QVERIFY(history().constFirst().message.subject.contains(QStringLiteral("again")));
}

void HealthWatchTest::channelFailingForAnHourIsReportedOnTheOthers()
{
    m_health->deliveryFinished(QStringLiteral("email"), false, QStringLiteral("connection refused"));
    m_clock->advance(59 * 60);
    m_health->deliveryFinished(QStringLiteral("email"), false, QStringLiteral("connection refused"));
    QCOMPARE(history().size(), 0);
    m_clock->advance(2 * 60);
    m_health->deliveryFinished(QStringLiteral("email"), false, QStringLiteral("connection refused"));
    QCOMPARE(history().size(), 1);
    const AlertRecord raised = history().constFirst();
    QVERIFY(raised.message.subject.contains(QStringLiteral("email")));
    QVERIFY(raised.message.text.contains(QStringLiteral("connection refused")));
    QCOMPARE(raised.deliveries.size(), 1);
    QCOMPARE(raised.deliveries.constFirst().channel, QStringLiteral("ntfy"));
    m_health->deliveryFinished(QStringLiteral("email"), false, QStringLiteral("still down"));
    QCOMPARE(history().size(), 1);

    m_health->deliveryFinished(QStringLiteral("email"), true, {});
    QCOMPARE(history().size(), 2);
    QCOMPARE(history().constFirst().message.priority, AlertMessage::Priority::Low);
    // The streak starts over: one failure now is not an hour of failures.
    m_health->deliveryFinished(QStringLiteral("email"), false, QStringLiteral("blip"));
    QCOMPARE(history().size(), 2);
}

void HealthWatchTest::noQuotesForTwoIntervalsWhileOpen()
{
    const auto interval = std::chrono::seconds(300);
    CycleReport good;
    good.ok = true;
    good.watched = 3;
    good.quoted = 3;
    good.startedAt = m_clock->now();
    m_health->cycleFinished(good, interval);
    CycleReport bad;
    bad.ok = false;
    bad.watched = 3;
    bad.error = QStringLiteral("Questrade did not answer");
    for (int i = 0; i < 2; ++i) {
        m_clock->advance(300);
        bad.startedAt = m_clock->now();
        m_health->cycleFinished(bad, interval);
    }
    QCOMPARE(history().size(), 0); // exactly two intervals: not yet
    m_clock->advance(300);
    m_health->cycleFinished(bad, interval);
    QCOMPARE(history().size(), 1);
    QVERIFY(history().constFirst().message.text.contains(QStringLiteral("Questrade did not answer")));
    m_clock->advance(300);
    good.startedAt = m_clock->now();
    m_health->cycleFinished(good, interval);
    QCOMPARE(history().size(), 2);

    // Closed market (Saturday): failures there raise nothing.
    m_clock->set(toronto(2026, 11, 28, 11));
    for (int i = 0; i < 5; ++i) {
        m_clock->advance(300);
        m_health->cycleFinished(bad, interval);
    }
    QCOMPARE(history().size(), 2);
}

void HealthWatchTest::streamedQuotesCountAsPrices()
{
    // Streaming: polls are rare backups, and a failing backup poll is not "no prices" while the stream
    // delivers.
    const auto interval = std::chrono::seconds(60);
    CycleReport bad;
    bad.ok = false;
    bad.watched = 3;
    bad.error = QStringLiteral("Questrade did not answer");
    bad.startedAt = m_clock->now();
    for (int i = 0; i < 10; ++i) {
        m_clock->advance(60);
        m_health->quotesReceived();
        m_health->cycleFinished(bad, interval);
    }
    QCOMPARE(history().size(), 0);
    // Once the stream goes quiet too, the usual rule applies.
    for (int i = 0; i < 3; ++i) {
        m_clock->advance(60);
        m_health->cycleFinished(bad, interval);
    }
    QCOMPARE(history().size(), 1);
}

void HealthWatchTest::marketHours_data()
{
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<bool>("open");
    QTest::newRow("Tuesday 09:29") << toronto(2026, 11, 24, 9, 29) << false;
    QTest::newRow("Tuesday 09:30") << toronto(2026, 11, 24, 9, 30) << true;
    QTest::newRow("Tuesday 15:59") << toronto(2026, 11, 24, 15, 59) << true;
    QTest::newRow("Tuesday 16:00") << toronto(2026, 11, 24, 16, 0) << false;
    QTest::newRow("Sunday noon") << toronto(2026, 11, 29, 12, 0) << false;
}

void HealthWatchTest::marketHours()
{
    QFETCH(QDateTime, instant);
    QFETCH(bool, open);
    QCOMPARE(HealthWatch::isMarketOpen(instant), open);
}

void HealthWatchTest::activeConditionsAndConnectionAreKnownAndAnnounced()
{
    QSignalSpy changed(m_health.get(), &HealthWatch::stateChanged);
    QCOMPARE(m_health->connectionState(), ConnectionState::NotConfigured);
    m_health->connectionStateChanged(ConnectionState::Connected, {});
    QCOMPARE(m_health->connectionState(), ConnectionState::Connected);
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_health->activeConditions().isEmpty());

    m_health->connectionStateChanged(ConnectionState::Disconnected, QStringLiteral("refused"));
    m_clock->advance(5);
    m_health->deliveryResult(QStringLiteral("ntfy"), DeliveryResult::failed(QStringLiteral("403")));
    const QList<HealthWatch::ActiveCondition> active = m_health->activeConditions();
    QCOMPARE(active.size(), 2);
    QCOMPARE(active.at(0).condition, QStringLiteral("questrade-token")); // oldest first
    QCOMPARE(active.at(0).since, toronto(2026, 11, 24, 11));
    QCOMPARE(active.at(1).condition, QStringLiteral("channel:ntfy"));
    QVERIFY(active.at(1).subject.contains(QStringLiteral("ntfy")));
    QCOMPARE(changed.size(), 4); // the connection, then each condition raised

    m_health->connectionStateChanged(ConnectionState::Connected, {});
    QCOMPARE(m_health->activeConditions().size(), 1);
    QCOMPARE(changed.size(), 6); // the connection and the condition cleared
}

QTEST_GUILESS_MAIN(HealthWatchTest)
#include "tst_healthwatch.moc"
