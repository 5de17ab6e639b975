#include "TestSupport.h"
#include "alerts/AlertOutbox.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "alerts/escalation/EscalationGate.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace trailguard;
using trailguard::test::toronto;

namespace {
// A channel that always delivers, later from the event loop like a real one, and keeps what it sent.
class RecordingChannel : public AlertChannel {
public:
    explicit RecordingChannel(QString id)
        : m_id(std::move(id))
    {}
    QString id() const override { return m_id; }
    QString displayName() const override { return m_id; }
    void send(const AlertMessage &message, QObject *context, SendCallback done) override
    {
        sent.append(message);
        QTimer::singleShot(0, context, [done] { done(DeliveryResult::delivered()); });
    }
    QList<int> steps() const
    {
        QList<int> list;
        for (const AlertMessage &message : sent)
            list.append(message.escalationStep);
        return list;
    }
    QList<AlertMessage> sent;

private:
    QString m_id;
};

const QString kTicker = QStringLiteral("RY.TO");
} // namespace

// Escalation through the durable outbox under a test clock: the steps are enqueued with the breach, the
// dispatcher sends each when due after asking the gate, which reads the alert and the stock from the
// database.
class EscalationTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void unacknowledgedBreachEscalatesOnSchedule();
    void offRecordsOnlyTheFirstDeliveries();
    void stepThroughAnUnconfiguredChannelIsSkipped();
    void acknowledgementInTheDatabaseStopsIt();
    void acknowledgerCancelsPendingStepsAtOnce();
    void priceBackAboveTheStopStopsIt();
    void snoozedStockStopsIt();
    void marketHoursHoldUntilTheOpen();
    void repeatsAtTheSpacingOfTheLastSteps();

private:
    void usePolicy(const QString &text);
    void recordBreach();
    QList<Delivery> deliveries() const;
    // Moves the clock on by `seconds` and lets the dispatcher's round finish.
    void advance(qint64 seconds);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AlertRepository> m_alerts;
    std::unique_ptr<StockRepository> m_stocks;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OutboxDispatcher> m_dispatcher;
    std::unique_ptr<EscalationGate> m_gate;
    std::unique_ptr<AlertOutbox> m_outbox;
    std::unique_ptr<RecordingChannel> m_ntfy;
    std::unique_ptr<RecordingChannel> m_email;
    std::unique_ptr<RecordingChannel> m_discord;
};

void EscalationTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_alerts = std::make_unique<AlertRepository>(m_db->connection());
    m_stocks = std::make_unique<StockRepository>(m_db->connection());
    m_clock = std::make_unique<ManualClock>(toronto(2026, 11, 3, 11));
    StockState stock;
    stock.ticker = kTicker;
    stock.peak = 110;
    stock.stop = 99;
    stock.lastPrice = 90; // below its stop: the breach stands
    stock.createdAt = m_clock->now();
    QVERIFY(m_stocks->insert(stock).ok());

    m_dispatcher = std::make_unique<OutboxDispatcher>(*m_alerts, *m_clock);
    m_gate = std::make_unique<EscalationGate>(m_db->connection(), *m_clock);
    m_dispatcher->setEscalationGate(m_gate.get());
    m_outbox = std::make_unique<AlertOutbox>(*m_alerts, *m_dispatcher, *m_clock);
    m_ntfy = std::make_unique<RecordingChannel>(QStringLiteral("ntfy"));
    m_email = std::make_unique<RecordingChannel>(QStringLiteral("email"));
    m_discord = std::make_unique<RecordingChannel>(QStringLiteral("discord"));
    m_dispatcher->setChannels({m_ntfy.get(), m_email.get(), m_discord.get()});
    m_dispatcher->start();
}

void EscalationTest::cleanup()
{
    m_outbox.reset();
    m_dispatcher.reset();
    m_gate.reset();
    m_stocks.reset();
    m_alerts.reset();
    m_db.reset();
}

void EscalationTest::usePolicy(const QString &text)
{
    const Result<EscalationPolicy> policy = EscalationPolicy::parse(text);
    QVERIFY(policy.ok());
    m_outbox->setEscalationPolicy(policy.value());
    m_gate->setMarketHoursOnly(policy.value().marketHoursOnly());
}

void EscalationTest::recordBreach()
{
    QSignalSpy idle(m_dispatcher.get(), &OutboxDispatcher::idle);
    QVERIFY(m_outbox
                ->recordBreach(Breach{kTicker, 90, 110, 99, 0.9, m_clock->now(), QDate(2026, 11, 3)},
                               QStringLiteral("CAD"))
                .ok());
    QTRY_VERIFY(!idle.isEmpty());
}

QList<Delivery> EscalationTest::deliveries() const
{
    const auto recent = m_alerts->recent(1);
    return recent.ok() && !recent.value().isEmpty() ? recent.value().constFirst().deliveries
                                                    : QList<Delivery>{};
}

void EscalationTest::advance(qint64 seconds)
{
    m_clock->advance(seconds);
    QTRY_VERIFY(!m_dispatcher->isBusy()); // the round the timer started, if any, has finished
}

void EscalationTest::unacknowledgedBreachEscalatesOnSchedule()
{
    usePolicy(QStringLiteral("10m:ntfy-urgent;30m:email,discord"));
    recordBreach();
    QTRY_COMPARE(m_ntfy->sent.size(), 1);
    QCOMPARE(m_email->steps(), QList<int>{0});
    QCOMPARE(m_discord->steps(), QList<int>{0});
    QCOMPARE(deliveries().size(), 6); // three first deliveries, three steps, enqueued with the alert
    QVERIFY(!m_ntfy->sent.constFirst().urgent);

    advance(10 * 60 - 1);
    QCOMPARE(m_ntfy->sent.size(), 1); // not yet
    advance(1);
    QTRY_COMPARE(m_ntfy->sent.size(), 2);
    QCOMPARE(m_ntfy->sent.at(1).escalationStep, 1);
    QVERIFY(m_ntfy->sent.at(1).urgent);
    QCOMPARE(m_ntfy->sent.at(1).alertId, m_ntfy->sent.at(0).alertId);
    QCOMPARE(m_email->sent.size(), 1);

    advance(20 * 60);
    QTRY_COMPARE(m_email->steps(), (QList<int>{0, 2}));
    QTRY_COMPARE(m_discord->steps(), (QList<int>{0, 2}));
    QVERIFY(!m_email->sent.at(1).urgent);
    advance(3600);
    QCOMPARE(m_ntfy->sent.size(), 2); // each step once, never again
    for (const Delivery &delivery : deliveries())
        QCOMPARE(delivery.status, Delivery::Status::Delivered);
}

void EscalationTest::offRecordsOnlyTheFirstDeliveries()
{
    recordBreach(); // the default policy: off
    QTRY_COMPARE(m_ntfy->sent.size(), 1);
    QCOMPARE(deliveries().size(), 3);
    advance(24 * 3600);
    QCOMPARE(m_ntfy->sent.size(), 1);
}

void EscalationTest::stepThroughAnUnconfiguredChannelIsSkipped()
{
    usePolicy(QStringLiteral("1m:telegram,email"));
    recordBreach();
    QCOMPARE(deliveries().size(), 4); // telegram is not a channel here: only email's step
    advance(60);
    QTRY_COMPARE(m_email->steps(), (QList<int>{0, 1}));
}

void EscalationTest::acknowledgementInTheDatabaseStopsIt()
{
    usePolicy(QStringLiteral("10m:ntfy;20m:email"));
    recordBreach();
    QTRY_COMPARE(m_ntfy->sent.size(), 1);
    // As `trailguard alerts ack` does from another process: only the database knows.
    const qint64 alertId = m_ntfy->sent.constFirst().alertId;
    QVERIFY(m_alerts->acknowledgeOnce(alertId, m_clock->now(), AckSource::cli()).ok());
    advance(10 * 60);
    advance(10 * 60);
    QCOMPARE(m_ntfy->sent.size(), 1);
    QCOMPARE(m_email->sent.size(), 1);
    int cancelled = 0;
    for (const Delivery &delivery : deliveries()) {
        if (delivery.escalationStep > 0) {
            QCOMPARE(delivery.status, Delivery::Status::Cancelled);
            QCOMPARE(delivery.lastError, EscalationGate::acknowledgedReason());
            ++cancelled;
        }
    }
    QCOMPARE(cancelled, 2);
}

void EscalationTest::acknowledgerCancelsPendingStepsAtOnce()
{
    usePolicy(QStringLiteral("10m:ntfy"));
    recordBreach();
    QTRY_COMPARE(m_ntfy->sent.size(), 1);
    AlertAcknowledger acknowledger(*m_alerts, *m_dispatcher, *m_clock);
    connect(&acknowledger, &AlertAcknowledger::acknowledged, this,
            [this](qint64 alertId) { QVERIFY(m_gate->cancelAcknowledged(alertId).ok()); });
    const auto outcome = acknowledger.acknowledge(m_ntfy->sent.constFirst().alertId, AckSource::tray());
    QVERIFY(outcome.ok() && outcome.value().newlyAcknowledged);
    // Cancelled before it came due, so the history shows it at once.
    const QList<Delivery> now = deliveries();
    const auto step =
        std::find_if(now.cbegin(), now.cend(), [](const Delivery &d) { return d.escalationStep == 1; });
    QVERIFY(step != now.cend());
    QCOMPARE(step->status, Delivery::Status::Cancelled);
    // The outcome answers the alert as it is after that (what the dashboard's ack shows).
    const QList<Delivery> &answered = outcome.value().alert.deliveries;
    QVERIFY(std::any_of(answered.cbegin(), answered.cend(), [](const Delivery &d) {
        return d.escalationStep == 1 && d.status == Delivery::Status::Cancelled;
    }));
    advance(10 * 60);
    QCOMPARE(m_ntfy->sent.size(), 1);
}

void EscalationTest::priceBackAboveTheStopStopsIt()
{
    usePolicy(QStringLiteral("5m:ntfy"));
    recordBreach();
    QTRY_COMPARE(m_ntfy->sent.size(), 1);
    auto stock = m_stocks->find(kTicker);
    QVERIFY(stock.ok() && stock.value());
    StockState recovered = *stock.value();
    recovered.lastPrice = 99; // at the stop again
    QVERIFY(m_stocks->update(recovered).ok());
    advance(5 * 60);
    QCOMPARE(m_ntfy->sent.size(), 1);
    const QList<Delivery> all = deliveries();
    const auto step =
        std::find_if(all.cbegin(), all.cend(), [](const Delivery &d) { return d.escalationStep == 1; });
    QVERIFY(step != all.cend());
    QCOMPARE(step->status, Delivery::Status::Cancelled);
    QCOMPARE(step->lastError, EscalationGate::priceBackReason());
}

void EscalationTest::snoozedStockStopsIt()
{
    usePolicy(QStringLiteral("5m:email"));
    recordBreach();
    QTRY_COMPARE(m_email->sent.size(), 1);
    StockState snoozed = *m_stocks->find(kTicker).value();
    snoozed.snoozedUntil = m_clock->now().addDays(1);
    QVERIFY(m_stocks->update(snoozed).ok());
    advance(5 * 60);
    QCOMPARE(m_email->sent.size(), 1);
}

void EscalationTest::marketHoursHoldUntilTheOpen()
{
    usePolicy(QStringLiteral("10m:ntfy;market-hours"));
    const QDateTime opens = m_clock->now().addSecs(40 * 60);
    int asked = 0;
    m_gate->setNextOpen([this, opens, &asked](const StockState &stock) {
        ++asked;
        return stock.ticker == kTicker && m_clock->now() < opens ? opens : QDateTime();
    });
    recordBreach();
    QTRY_COMPARE(m_ntfy->sent.size(), 1);
    advance(10 * 60);
    QVERIFY(asked >= 1);
    QCOMPARE(m_ntfy->sent.size(), 1); // closed: held
    const QList<Delivery> held = deliveries();
    const auto step =
        std::find_if(held.cbegin(), held.cend(), [](const Delivery &d) { return d.escalationStep == 1; });
    QVERIFY(step != held.cend());
    QCOMPARE(step->status, Delivery::Status::Pending);
    QCOMPARE(step->nextAttemptAt, opens);
    QCOMPARE(step->attempts, 0);
    advance(30 * 60 - 1);
    QCOMPARE(m_ntfy->sent.size(), 1);
    advance(1);
    QTRY_COMPARE(m_ntfy->steps(), (QList<int>{0, 1}));
}

void EscalationTest::repeatsAtTheSpacingOfTheLastSteps()
{
    usePolicy(QStringLiteral("1m:ntfy;3m:ntfy;repeat=2"));
    recordBreach();
    QTRY_COMPARE(m_ntfy->sent.size(), 1);
    const qint64 expected[] = {60, 120, 120, 120}; // due at 1, 3, 5 and 7 minutes
    int step = 0;
    for (qint64 seconds : expected) {
        advance(seconds);
        ++step;
        QTRY_COMPARE(m_ntfy->sent.size(), step + 1);
        QCOMPARE(m_ntfy->sent.constLast().escalationStep, step);
    }
    advance(3600);
    QCOMPARE(m_ntfy->sent.size(), 5);
}

QTEST_GUILESS_MAIN(EscalationTest)
#include "tst_escalation.moc"
