#include "TestSupport.h"
#include "alerts/AlertFormatter.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::toronto;

class AlertRepositoryTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void enqueueCreatesOnePendingDeliveryPerChannel();
    void dueAndRetrySchedule();
    void deliveredAndFailedLeaveThePendingList();
    void enqueueJoinsTheCallersTransaction();
    void historyNewestFirstWithDeliveries();

private:
    AlertMessage message(const QString &ticker) const;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AlertRepository> m_alerts;
};

void AlertRepositoryTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_alerts = std::make_unique<AlertRepository>(m_db->connection());
}

void AlertRepositoryTest::cleanup()
{
    m_alerts.reset();
    m_db.reset();
}

AlertMessage AlertRepositoryTest::message(const QString &ticker) const
{
    return AlertFormatter::breach(
        Breach{ticker, 90, 110, 99, 0.9, toronto(2026, 11, 3, 11), QDate(2026, 11, 3)}, QStringLiteral("CAD"),
        toronto(2026, 11, 3, 11));
}

void AlertRepositoryTest::enqueueCreatesOnePendingDeliveryPerChannel()
{
    const QDateTime now = toronto(2026, 11, 3, 11);
    const auto id = m_alerts->enqueue(message(QStringLiteral("RY.TO")),
                                      {QStringLiteral("email"), QStringLiteral("ntfy")}, now);
    QVERIFY(id.ok());
    const auto pending = m_alerts->pendingDeliveries(now);
    QVERIFY(pending.ok());
    QCOMPARE(pending.value().size(), 2);
    for (const Delivery &delivery : pending.value()) {
        QCOMPARE(delivery.alertId, id.value());
        QCOMPARE(delivery.status, Delivery::Status::Pending);
        QCOMPARE(delivery.attempts, 0);
        QCOMPARE(delivery.nextAttemptAt, now);
    }
    const auto stored = m_alerts->message(id.value());
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().subject, message(QStringLiteral("RY.TO")).subject);
}

void AlertRepositoryTest::dueAndRetrySchedule()
{
    const QDateTime now = toronto(2026, 11, 3, 11);
    QVERIFY(m_alerts->enqueue(message(QStringLiteral("RY.TO")), {QStringLiteral("email")}, now).ok());
    const Delivery delivery = m_alerts->pendingDeliveries(now).value().constFirst();
    QVERIFY(m_alerts->markRetry(delivery.id, now, now.addSecs(60), QStringLiteral("server down")).ok());
    QCOMPARE(m_alerts->pendingDeliveries(now.addSecs(59)).value().size(), 0);
    QCOMPARE(m_alerts->pendingDeliveries(now.addSecs(60)).value().size(), 1);
    QCOMPARE(m_alerts->pendingDeliveries().value().size(), 1); // all pending, whatever the schedule
    QCOMPARE(*m_alerts->nextDueAt().value(), now.addSecs(60));
    const Delivery retried = m_alerts->pendingDeliveries().value().constFirst();
    QCOMPARE(retried.attempts, 1);
    QCOMPARE(retried.lastError, QStringLiteral("server down"));
    QCOMPARE(retried.lastAttemptAt, now);
}

void AlertRepositoryTest::deliveredAndFailedLeaveThePendingList()
{
    const QDateTime now = toronto(2026, 11, 3, 11);
    QVERIFY(m_alerts
                ->enqueue(message(QStringLiteral("RY.TO")),
                          {QStringLiteral("email"), QStringLiteral("discord")}, now)
                .ok());
    const auto pending = m_alerts->pendingDeliveries(now).value();
    QVERIFY(m_alerts->markDelivered(pending.at(0).id, now.addSecs(1)).ok());
    QVERIFY(m_alerts->markFailed(pending.at(1).id, now.addSecs(2), QStringLiteral("401")).ok());
    QVERIFY(m_alerts->pendingDeliveries().value().isEmpty());
    QVERIFY(!m_alerts->nextDueAt().value());
    // A delivered delivery cannot be put back to retry.
    QVERIFY(!m_alerts->markRetry(pending.at(0).id, now, now, QStringLiteral("x")).ok());
}

void AlertRepositoryTest::enqueueJoinsTheCallersTransaction()
{
    const QDateTime now = toronto(2026, 11, 3, 11);
    const Status rolledBack = inTransaction(m_db->connection(), [&]() -> Status {
        const auto id = m_alerts->enqueue(message(QStringLiteral("RY.TO")), {QStringLiteral("email")}, now);
        if (!id.ok())
            return id.error();
        return Error{ErrorCode::DatabaseQuery, QStringLiteral("the stock update failed")};
    });
    QVERIFY(!rolledBack.ok());
    QVERIFY(m_alerts->pendingDeliveries().value().isEmpty());
    QVERIFY(m_alerts->recent(10).value().isEmpty());
}

void AlertRepositoryTest::historyNewestFirstWithDeliveries()
{
    const QDateTime now = toronto(2026, 11, 3, 11);
    QVERIFY(m_alerts->enqueue(message(QStringLiteral("AAA")), {QStringLiteral("email")}, now).ok());
    const auto second = m_alerts->enqueue(message(QStringLiteral("BBB")),
                                          {QStringLiteral("email"), QStringLiteral("ntfy")}, now.addSecs(10));
    QVERIFY(second.ok());
    QVERIFY(m_alerts->acknowledge(second.value(), now.addSecs(20)).ok());
    const auto history = m_alerts->recent(10);
    QVERIFY(history.ok());
    QCOMPARE(history.value().size(), 2);
    QCOMPARE(history.value().at(0).message.ticker, QStringLiteral("BBB"));
    QCOMPARE(history.value().at(0).deliveries.size(), 2);
    QCOMPARE(history.value().at(0).acknowledgedAt, now.addSecs(20));
    QCOMPARE(history.value().at(1).deliveries.size(), 1);
    QCOMPARE(m_alerts->recent(1).value().size(), 1);
}

QTEST_GUILESS_MAIN(AlertRepositoryTest)
#include "tst_alertrepository.moc"
