#include "TestSupport.h"
#include "alerts/AlertFormatter.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;

namespace {
const QString kOwner = QStringLiteral("this-dispatcher");
} // namespace
using trailguard::test::toronto;

class AlertRepositoryTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void enqueueCreatesOnePendingDeliveryPerChannel();
    void dueAndRetrySchedule();
    void deliveredAndFailedLeaveThePendingList();
    void onlyTheClaimsOwnerRecordsTheOutcome();
    void aStaleReadCannotBeClaimed();
    void releasingAllClaimsMakesThemDueAtOnce();
    void enqueueJoinsTheCallersTransaction();
    void historyNewestFirstWithDeliveries();
    void acknowledgeOnceKeepsTheFirst();
    void findGivesOneAlertWithItsDeliveries();
    void aBreachKeepsItsPriceAndStop();

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
    QVERIFY(m_alerts->claim(delivery, kOwner, now, now.addSecs(120)).value());
    QVERIFY(
        m_alerts->markRetry(delivery.id, kOwner, now, now.addSecs(60), QStringLiteral("server down")).ok());
    QCOMPARE(m_alerts->pendingDeliveries(now.addSecs(59)).value().size(), 0);
    QCOMPARE(m_alerts->pendingDeliveries(now.addSecs(60)).value().size(), 1);
    QCOMPARE(m_alerts->pendingDeliveries().value().size(), 1); // all pending, whatever the schedule
    QCOMPARE(*m_alerts->nextDueAt().value(), now.addSecs(60));
    const Delivery retried = m_alerts->pendingDeliveries().value().constFirst();
    QCOMPARE(retried.attempts, 1);
    QCOMPARE(retried.lastError, QStringLiteral("server down"));
    QCOMPARE(retried.lastAttemptAt, now);
    QVERIFY(retried.claimedBy.isEmpty()); // recording the outcome released the claim
}

void AlertRepositoryTest::onlyTheClaimsOwnerRecordsTheOutcome()
{
    const QDateTime now = toronto(2026, 11, 3, 11);
    const QString other = QStringLiteral("other-process");
    QVERIFY(m_alerts->enqueue(message(QStringLiteral("RY.TO")), {QStringLiteral("email")}, now).ok());
    const Delivery delivery = m_alerts->pendingDeliveries(now).value().constFirst();

    // Unclaimed, nobody can mark it.
    QVERIFY(!m_alerts->markDelivered(delivery.id, kOwner, now).ok());
    QVERIFY(m_alerts->claim(delivery, kOwner, now, now.addSecs(120)).value());
    // Claimed: hidden from the due list while the lease runs, and the other owner can neither take it
    // nor record an outcome for it.
    QVERIFY(m_alerts->pendingDeliveries(now.addSecs(60)).value().isEmpty());
    QVERIFY(m_alerts->pendingIgnoringBackoff(now.addSecs(60)).value().isEmpty());
    QVERIFY(!m_alerts->claim(delivery, other, now.addSecs(60), now.addSecs(180)).value());
    QVERIFY(!m_alerts->markFailed(delivery.id, other, now, QStringLiteral("x")).ok());

    // The owner crashed mid-send: once the lease has run out another dispatcher takes it over...
    QCOMPARE(m_alerts->pendingDeliveries(now.addSecs(120)).value().size(), 1);
    QVERIFY(m_alerts->claim(delivery, other, now.addSecs(120), now.addSecs(240)).value());
    // ...and the late first owner can no longer record anything.
    QVERIFY(!m_alerts->markDelivered(delivery.id, kOwner, now.addSecs(121)).ok());
    QVERIFY(m_alerts->markDelivered(delivery.id, other, now.addSecs(122)).ok());
    // Delivered: not pending any more, so it cannot be claimed again.
    QVERIFY(!m_alerts->claim(delivery, other, now.addSecs(300), now.addSecs(420)).value());
    const Delivery done = m_alerts->recent(1).value().constFirst().deliveries.constFirst();
    QCOMPARE(done.status, Delivery::Status::Delivered);
    QCOMPARE(done.attempts, 1);
}

// The data folder's lock holder frees the claims of a process that died mid-send (kill -9): its
// deliveries are due at once, not when the lease runs out.
void AlertRepositoryTest::releasingAllClaimsMakesThemDueAtOnce()
{
    const QDateTime now = toronto(2026, 11, 3, 11);
    QVERIFY(m_alerts->enqueue(message(QStringLiteral("RY.TO")), {QStringLiteral("email")}, now).ok());
    const Delivery delivery = m_alerts->pendingDeliveries(now).value().constFirst();
    QVERIFY(m_alerts->claim(delivery, kOwner, now, now.addSecs(120)).value());
    QVERIFY(m_alerts->pendingDeliveries(now.addSecs(1)).value().isEmpty());

    QCOMPARE(m_alerts->releaseAllClaims().value(), 1);
    QCOMPARE(m_alerts->pendingDeliveries(now.addSecs(1)).value().size(), 1);
    QVERIFY(
        m_alerts->claim(delivery, QStringLiteral("next-process"), now.addSecs(1), now.addSecs(121)).value());
    QVERIFY(
        !m_alerts->markDelivered(delivery.id, kOwner, now.addSecs(2)).ok()); // the dead owner's claim is gone
    QCOMPARE(m_alerts->releaseAllClaims().value(), 1);
    QCOMPARE(m_alerts->releaseAllClaims().value(), 0);
}

void AlertRepositoryTest::aStaleReadCannotBeClaimed()
{
    // Two dispatchers read the same pending row; the first tries it (retry later). The second's copy is
    // stale (attempts 0): it must not send it again before its new time.
    const QDateTime now = toronto(2026, 11, 3, 11);
    QVERIFY(m_alerts->enqueue(message(QStringLiteral("RY.TO")), {QStringLiteral("email")}, now).ok());
    const Delivery read = m_alerts->pendingDeliveries(now).value().constFirst();
    QVERIFY(m_alerts->claim(read, kOwner, now, now.addSecs(120)).value());
    QVERIFY(m_alerts->markRetry(read.id, kOwner, now, now.addSecs(30), QStringLiteral("down")).ok());
    QVERIFY(!m_alerts->claim(read, QStringLiteral("other-process"), now, now.addSecs(120)).value());
}

void AlertRepositoryTest::deliveredAndFailedLeaveThePendingList()
{
    const QDateTime now = toronto(2026, 11, 3, 11);
    QVERIFY(m_alerts
                ->enqueue(message(QStringLiteral("RY.TO")),
                          {QStringLiteral("email"), QStringLiteral("discord")}, now)
                .ok());
    const auto pending = m_alerts->pendingDeliveries(now).value();
    for (const Delivery &delivery : pending)
        QVERIFY(m_alerts->claim(delivery, kOwner, now, now.addSecs(120)).value());
    QVERIFY(m_alerts->markDelivered(pending.at(0).id, kOwner, now.addSecs(1)).ok());
    QVERIFY(m_alerts->markFailed(pending.at(1).id, kOwner, now.addSecs(2), QStringLiteral("401")).ok());
    QVERIFY(m_alerts->pendingDeliveries().value().isEmpty());
    QVERIFY(!m_alerts->nextDueAt().value());
    // A delivered delivery cannot be put back to retry.
    QVERIFY(!m_alerts->markRetry(pending.at(0).id, kOwner, now, now, QStringLiteral("x")).ok());
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

void AlertRepositoryTest::acknowledgeOnceKeepsTheFirst()
{
    const QDateTime now = toronto(2026, 11, 3, 11);
    const auto id = m_alerts->enqueue(message(QStringLiteral("RY.TO")), {QStringLiteral("email")}, now);
    QVERIFY(id.ok());

    const auto first = m_alerts->acknowledgeOnce(id.value(), now.addSecs(60), QStringLiteral("web"));
    QVERIFY(first.ok());
    QVERIFY(first.value().has_value());
    QCOMPARE(first.value()->acknowledgedAt, now.addSecs(60));
    QCOMPARE(first.value()->ackSource, QStringLiteral("web"));

    const auto second = m_alerts->acknowledgeOnce(id.value(), now.addSecs(600), QStringLiteral("window"));
    QVERIFY(second.ok());
    QCOMPARE(second.value()->acknowledgedAt, now.addSecs(60));
    QCOMPARE(second.value()->ackSource, QStringLiteral("web"));

    const auto recent = m_alerts->recent(10);
    QVERIFY(recent.ok());
    QCOMPARE(recent.value().constFirst().ackSource, QStringLiteral("web"));
    QCOMPARE(recent.value().constFirst().acknowledgedAt, now.addSecs(60));

    const auto unknown = m_alerts->acknowledgeOnce(id.value() + 100, now, QStringLiteral("web"));
    QVERIFY(unknown.ok());
    QVERIFY(!unknown.value().has_value());
}

void AlertRepositoryTest::findGivesOneAlertWithItsDeliveries()
{
    const QDateTime now = toronto(2026, 11, 3, 11);
    const auto id = m_alerts->enqueue(message(QStringLiteral("RY.TO")),
                                      {QStringLiteral("ntfy"), QStringLiteral("email")}, now);
    QVERIFY(id.ok());
    QVERIFY(m_alerts->enqueue(message(QStringLiteral("TD.TO")), {QStringLiteral("email")}, now).ok());
    const auto found = m_alerts->find(id.value());
    QVERIFY(found.ok());
    QVERIFY(found.value().has_value());
    QCOMPARE(found.value()->message.ticker, QStringLiteral("RY.TO"));
    QCOMPARE(found.value()->deliveries.size(), 2);
    QCOMPARE(found.value()->deliveries.constFirst().channel, QStringLiteral("email"));
    QVERIFY(!found.value()->acknowledgedAt.isValid());
    QVERIFY(found.value()->ackSource.isEmpty());
    const auto missing = m_alerts->find(id.value() + 100);
    QVERIFY(missing.ok());
    QVERIFY(!missing.value().has_value());
}

void AlertRepositoryTest::aBreachKeepsItsPriceAndStop()
{
    const auto id = m_alerts->enqueue(message(QStringLiteral("RY.TO")), {QStringLiteral("email")},
                                      toronto(2026, 11, 3, 11));
    QVERIFY(id.ok());
    const auto stored = m_alerts->message(id.value());
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().price, std::optional<double>(90));
    QCOMPARE(stored.value().stop, std::optional<double>(99));
}

QTEST_GUILESS_MAIN(AlertRepositoryTest)
#include "tst_alertrepository.moc"
