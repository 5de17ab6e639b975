#include "TestSupport.h"
#include "alerts/AlertFormatter.h"
#include "alerts/AlertOutbox.h"
#include "alerts/OutboxDispatcher.h"
#include "storage/Database.h"

#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace trailguard;
using trailguard::test::toronto;

namespace {
// A channel whose answers the test scripts, delivered later from the event loop like a real one.
// The real channels are tested against real servers in tests/alerts/email and tests/alerts/webhooks.
class ScriptedChannel : public AlertChannel {
public:
    explicit ScriptedChannel(QString id)
        : m_id(std::move(id))
    {}
    QString id() const override { return m_id; }
    QString displayName() const override { return m_id; }
    void send(const AlertMessage &message, QObject *context, SendCallback done) override
    {
        sent.append(message.subject);
        const DeliveryResult result = script.isEmpty() ? DeliveryResult::delivered() : script.takeFirst();
        QTimer::singleShot(0, context, [done, result] { done(result); });
    }
    QList<DeliveryResult> script;
    QStringList sent;

private:
    QString m_id;
};
} // namespace

class OutboxDispatcherTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void backoffDoublesAndIsCapped_data();
    void backoffDoublesAndIsCapped();
    void deliversEveryChannelOnce();
    void retriesWithBackoffUntilDelivered();
    void honoursTheServersDelay();
    void permanentFailureStops();
    void attemptAllPendingIgnoresTheSchedule();
    void restartSendsPendingButNeverDelivered();
    void unconfiguredChannelWaits();
    void twoDispatchersOnOneDatabaseSendEachDeliveryOnce();
    void serversDelayIsCappedForBreaches();
    void restartingWithNewChannelsKeepsTheBackoff();

private:
    void enqueue(const QString &ticker);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AlertRepository> m_alerts;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OutboxDispatcher> m_dispatcher;
    std::unique_ptr<ScriptedChannel> m_email;
    std::unique_ptr<ScriptedChannel> m_ntfy;
};

void OutboxDispatcherTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_alerts = std::make_unique<AlertRepository>(m_db->connection());
    m_clock = std::make_unique<ManualClock>(toronto(2026, 11, 3, 11));
    m_dispatcher = std::make_unique<OutboxDispatcher>(*m_alerts, *m_clock);
    m_email = std::make_unique<ScriptedChannel>(QStringLiteral("email"));
    m_ntfy = std::make_unique<ScriptedChannel>(QStringLiteral("ntfy"));
    m_dispatcher->setChannels({m_email.get(), m_ntfy.get()});
}

void OutboxDispatcherTest::cleanup()
{
    m_dispatcher.reset();
    m_alerts.reset();
    m_db.reset();
}

void OutboxDispatcherTest::enqueue(const QString &ticker)
{
    AlertOutbox outbox(*m_alerts, *m_dispatcher, *m_clock);
    QVERIFY(outbox
                .recordBreach(Breach{ticker, 90, 110, 99, 0.9, m_clock->now(), QDate(2026, 11, 3)},
                              QStringLiteral("CAD"))
                .ok());
}

void OutboxDispatcherTest::backoffDoublesAndIsCapped_data()
{
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("seconds");
    QTest::newRow("first") << 1 << 30;
    QTest::newRow("second") << 2 << 60;
    QTest::newRow("third") << 3 << 120;
    QTest::newRow("seventh") << 7 << 1920;
    QTest::newRow("eighth is capped") << 8 << 3600;
    QTest::newRow("hundredth is capped") << 100 << 3600;
}

void OutboxDispatcherTest::backoffDoublesAndIsCapped()
{
    QFETCH(int, attempts);
    QFETCH(int, seconds);
    QCOMPARE(OutboxDispatcher::backoff(attempts, OutboxDispatcher::Options{}).count(), seconds);
}

void OutboxDispatcherTest::deliversEveryChannelOnce()
{
    QSignalSpy finished(m_dispatcher.get(), &OutboxDispatcher::deliveryFinished);
    m_dispatcher->start();
    enqueue(QStringLiteral("RY.TO"));
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(m_email->sent.size(), 1);
    QCOMPARE(m_ntfy->sent.size(), 1);
    QVERIFY(m_email->sent.constFirst().startsWith(QStringLiteral("Stop-loss breach: RY.TO")));
    QVERIFY(m_alerts->pendingDeliveries().value().isEmpty());
    const QList<Delivery> deliveries = m_alerts->recent(1).value().constFirst().deliveries;
    QCOMPARE(deliveries.size(), 2);
    for (const Delivery &delivery : deliveries)
        QCOMPARE(delivery.status, Delivery::Status::Delivered);
    // Waking again sends nothing more.
    m_dispatcher->wake();
    QTest::qWait(50);
    QCOMPARE(m_email->sent.size(), 1);
}

void OutboxDispatcherTest::retriesWithBackoffUntilDelivered()
{
    m_email->script = {DeliveryResult::retryLater(QStringLiteral("connection refused")),
                       DeliveryResult::retryLater(QStringLiteral("connection refused"))};
    QSignalSpy idle(m_dispatcher.get(), &OutboxDispatcher::idle);
    m_dispatcher->start();
    enqueue(QStringLiteral("RY.TO"));
    QTRY_COMPARE(m_email->sent.size(), 1);
    QTRY_VERIFY(!m_dispatcher->isBusy());
    Delivery pending = m_alerts->pendingDeliveries().value().constFirst();
    QCOMPARE(pending.attempts, 1);
    QCOMPARE(pending.lastError, QStringLiteral("connection refused"));
    const qint64 wait = m_clock->now().secsTo(pending.nextAttemptAt);
    QVERIFY2(wait >= 27 && wait <= 33, qPrintable(QString::number(wait))); // 30 s ± 10%

    // No wake(): the dispatcher's own timer fires when the clock reaches the retry.
    m_clock->advance(std::chrono::milliseconds(m_clock->now().msecsTo(pending.nextAttemptAt) - 1));
    QCoreApplication::processEvents();
    QCOMPARE(m_email->sent.size(), 1);
    m_clock->advance(std::chrono::milliseconds(1));
    QTRY_COMPARE(m_email->sent.size(), 2);
    QTRY_VERIFY(!m_dispatcher->isBusy());
    pending = m_alerts->pendingDeliveries().value().constFirst();
    QCOMPARE(pending.attempts, 2);
    const qint64 secondWait = m_clock->now().secsTo(pending.nextAttemptAt);
    QVERIFY2(secondWait >= 54 && secondWait <= 66, qPrintable(QString::number(secondWait)));

    m_clock->advance(std::chrono::milliseconds(m_clock->now().msecsTo(pending.nextAttemptAt)));
    QTRY_COMPARE(m_email->sent.size(), 3);
    QTRY_VERIFY(m_alerts->pendingDeliveries().value().isEmpty());
    QCOMPARE(m_ntfy->sent.size(), 1); // the other channel delivered the first time
}

void OutboxDispatcherTest::honoursTheServersDelay()
{
    m_email->script = {DeliveryResult::retryLater(QStringLiteral("429"), std::chrono::seconds(7))};
    m_dispatcher->start();
    enqueue(QStringLiteral("RY.TO"));
    QTRY_COMPARE(m_email->sent.size(), 1);
    QTRY_VERIFY(!m_dispatcher->isBusy());
    const Delivery pending = m_alerts->pendingDeliveries().value().constFirst();
    QCOMPARE(m_clock->now().secsTo(pending.nextAttemptAt), 7);
}

void OutboxDispatcherTest::permanentFailureStops()
{
    m_email->script = {DeliveryResult::failed(QStringLiteral("535 authentication failed"))};
    m_dispatcher->start();
    enqueue(QStringLiteral("RY.TO"));
    QTRY_COMPARE(m_email->sent.size(), 1);
    QTRY_VERIFY(m_alerts->pendingDeliveries().value().isEmpty());
    const auto deliveries = m_alerts->recent(1).value().constFirst().deliveries;
    const auto email = std::find_if(deliveries.cbegin(), deliveries.cend(),
                                    [](const Delivery &d) { return d.channel == QLatin1String("email"); });
    QVERIFY(email != deliveries.cend());
    QCOMPARE(email->status, Delivery::Status::Failed);
    QCOMPARE(email->lastError, QStringLiteral("535 authentication failed"));
}

void OutboxDispatcherTest::attemptAllPendingIgnoresTheSchedule()
{
    m_email->script = {DeliveryResult::retryLater(QStringLiteral("down"))};
    m_dispatcher->start();
    enqueue(QStringLiteral("RY.TO"));
    QTRY_COMPARE(m_email->sent.size(), 1);
    QTRY_VERIFY(!m_dispatcher->isBusy());
    bool done = false;
    m_dispatcher->attemptAllPending([&] { done = true; }); // not due for 30 s, tried anyway
    QTRY_VERIFY(done);
    QCOMPARE(m_email->sent.size(), 2);
    QVERIFY(m_alerts->pendingDeliveries().value().isEmpty());
}

void OutboxDispatcherTest::restartSendsPendingButNeverDelivered()
{
    // The first run stores two alerts; only the ntfy deliveries get through before it stops.
    m_email->script = {DeliveryResult::retryLater(QStringLiteral("down")),
                       DeliveryResult::retryLater(QStringLiteral("down"))};
    m_dispatcher->start();
    enqueue(QStringLiteral("AAA"));
    enqueue(QStringLiteral("BBB"));
    QTRY_COMPARE(m_ntfy->sent.size(), 2);
    QTRY_COMPARE(m_email->sent.size(), 2);
    QTRY_VERIFY(!m_dispatcher->isBusy());
    m_dispatcher.reset();

    // A new process: fresh dispatcher and channels over the same database.
    ScriptedChannel email(QStringLiteral("email"));
    ScriptedChannel ntfy(QStringLiteral("ntfy"));
    OutboxDispatcher restarted(*m_alerts, *m_clock);
    restarted.setChannels({&email, &ntfy});
    bool done = false;
    restarted.attemptAllPending([&] { done = true; });
    QTRY_VERIFY(done);
    QCOMPARE(email.sent.size(), 2);
    QCOMPARE(ntfy.sent.size(), 0);
    QVERIFY(m_alerts->pendingDeliveries().value().isEmpty());
}

void OutboxDispatcherTest::unconfiguredChannelWaits()
{
    m_dispatcher->setChannels({m_email.get()});
    AlertOutbox outbox(*m_alerts, *m_dispatcher, *m_clock);
    // An alert queued for ntfy earlier (e.g. before the user disabled it) stays pending, untouched.
    QVERIFY(m_alerts->enqueue(AlertFormatter::test(m_clock->now()), {QStringLiteral("ntfy")}, m_clock->now())
                .ok());
    bool done = false;
    m_dispatcher->attemptAllPending([&] { done = true; });
    QTRY_VERIFY(done);
    QCOMPARE(m_ntfy->sent.size(), 0);
    const auto pending = m_alerts->pendingDeliveries().value();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.constFirst().attempts, 0);
}

void OutboxDispatcherTest::twoDispatchersOnOneDatabaseSendEachDeliveryOnce()
{
    // Two processes on one data folder (or a leftover one): each has its own connection and channels.
    auto otherDb = Database::open(m_db->filePath());
    QVERIFY(otherDb.ok());
    AlertRepository otherAlerts(otherDb.value()->connection());
    OutboxDispatcher other(otherAlerts, *m_clock);
    ScriptedChannel otherEmail(QStringLiteral("email"));
    ScriptedChannel otherNtfy(QStringLiteral("ntfy"));
    other.setChannels({&otherEmail, &otherNtfy});
    const QStringList tickers{QStringLiteral("AAA"), QStringLiteral("BBB"), QStringLiteral("CCC")};
    for (const QString &ticker : tickers)
        enqueue(ticker); // not started yet: nothing is sent

    m_dispatcher->start();
    other.start();
    QTRY_VERIFY(m_alerts->pendingDeliveries().value().isEmpty());
    QTRY_VERIFY(!m_dispatcher->isBusy() && !other.isBusy());

    const QStringList emailed = m_email->sent + otherEmail.sent;
    const QStringList pushed = m_ntfy->sent + otherNtfy.sent;
    QCOMPARE(emailed.size(), tickers.size());
    QCOMPARE(pushed.size(), tickers.size());
    QCOMPARE(QSet<QString>(emailed.cbegin(), emailed.cend()).size(), tickers.size());
    for (const AlertRecord &record : m_alerts->recent(10).value()) {
        for (const Delivery &delivery : record.deliveries) {
            QCOMPARE(delivery.status, Delivery::Status::Delivered);
            QCOMPARE(delivery.attempts, 1);
        }
    }
}

void OutboxDispatcherTest::serversDelayIsCappedForBreaches()
{
    // A Retry-After of a day must not hold a stop-loss breach back for a day.
    m_email->script = {DeliveryResult::retryLater(QStringLiteral("429"), std::chrono::hours(24))};
    m_dispatcher->start();
    enqueue(QStringLiteral("RY.TO"));
    QTRY_COMPARE(m_email->sent.size(), 1);
    QTRY_VERIFY(!m_dispatcher->isBusy());
    const Delivery pending = m_alerts->pendingDeliveries().value().constFirst();
    QCOMPARE(m_clock->now().secsTo(pending.nextAttemptAt), OutboxDispatcher::Options{}.maximumRetry.count());
}

void OutboxDispatcherTest::restartingWithNewChannelsKeepsTheBackoff()
{
    m_email->script = {DeliveryResult::retryLater(QStringLiteral("down"))};
    m_dispatcher->start();
    enqueue(QStringLiteral("RY.TO"));
    QTRY_COMPARE(m_email->sent.size(), 1);
    QTRY_VERIFY(!m_dispatcher->isBusy());

    // Saving the settings rebuilds the channels and starts the dispatcher again (DesktopSession).
    ScriptedChannel email(QStringLiteral("email"));
    ScriptedChannel ntfy(QStringLiteral("ntfy"));
    m_dispatcher->setChannels({&email, &ntfy});
    m_dispatcher->start();
    QTest::qWait(50);
    QTRY_VERIFY(!m_dispatcher->isBusy());
    QCOMPARE(email.sent.size(), 0); // still waiting for its retry in 30 s
    const Delivery pending = m_alerts->pendingDeliveries().value().constFirst();
    QCOMPARE(pending.attempts, 1);

    m_clock->set(pending.nextAttemptAt);
    m_dispatcher->wake();
    QTRY_COMPARE(email.sent.size(), 1);
}

QTEST_GUILESS_MAIN(OutboxDispatcherTest)
#include "tst_outboxdispatcher.moc"
