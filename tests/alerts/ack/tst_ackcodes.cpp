#include "TestSupport.h"
#include "alerts/AlertFormatter.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AckCodes.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "secrets/MemorySecretStore.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/GuardianStateRepository.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::toronto;

class AckCodesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aCodeNamesItsAlert();
    void forgedAndMalformedCodesAreRefused();
    void anotherKeysCodeIsRefused();
    void theKeyIsMadeOnceAndKept();
    void acknowledgingByCodeRecordsOnceThenRefusesTheSpentCode();
    void theDispatcherGivesBreachesTheirCodeAndLink();
    void guardianStateKeepsItsValuesAcrossConnections();
};

void AckCodesTest::aCodeNamesItsAlert()
{
    const AckCodes codes(AckCodes::newKey());
    const QString code = codes.codeFor(42);
    QVERIFY(code.startsWith(QStringLiteral("42-")));
    QCOMPARE(code.size(), 3 + 22);
    QCOMPARE(codes.verify(code), std::optional<qint64>(42));
    QVERIFY(codes.codeFor(43) != code);
    QCOMPARE(codes.verify(codes.codeFor(43)), std::optional<qint64>(43));
}

void AckCodesTest::forgedAndMalformedCodesAreRefused()
{
    const AckCodes codes(AckCodes::newKey());
    const QString code = codes.codeFor(42);
    // The same MAC on another alert id, one changed character, truncations and junk.
    QCOMPARE(codes.verify(QStringLiteral("43") + code.mid(2)), std::nullopt);
    QString changed = code;
    changed[changed.size() - 3] =
        changed.at(changed.size() - 3) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QCOMPARE(codes.verify(changed), std::nullopt);
    QCOMPARE(codes.verify(code.left(code.size() - 1)), std::nullopt);
    QCOMPARE(codes.verify(QStringLiteral("042") + code.mid(2)), std::nullopt);
    QCOMPARE(codes.verify(QString()), std::nullopt);
    QCOMPARE(codes.verify(QStringLiteral("-") + code.mid(3)), std::nullopt);
    QCOMPARE(codes.verify(QStringLiteral("42-!!!!!!!!!!!!!!!!!!!!!!")), std::nullopt);
}

void AckCodesTest::anotherKeysCodeIsRefused()
{
    const AckCodes mine(AckCodes::newKey());
    const AckCodes theirs(AckCodes::newKey());
    QCOMPARE(mine.verify(theirs.codeFor(7)), std::nullopt);
}

void AckCodesTest::theKeyIsMadeOnceAndKept()
{
    MemorySecretStore store;
    std::optional<QString> first;
    AckCodes::loadOrCreate(store, this, [&](Result<AckCodes> codes) {
        QVERIFY(codes.ok());
        first = codes.value().codeFor(5);
    });
    QTRY_VERIFY(first.has_value());
    std::optional<QString> second;
    AckCodes::loadOrCreate(store, this, [&](Result<AckCodes> codes) {
        QVERIFY(codes.ok());
        second = codes.value().codeFor(5);
    });
    QTRY_VERIFY(second.has_value());
    QCOMPARE(*second, *first);
}

void AckCodesTest::acknowledgingByCodeRecordsOnceThenRefusesTheSpentCode()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    AlertRepository alerts(db.value()->connection());
    ManualClock clock(toronto(2026, 11, 3, 11));
    OutboxDispatcher dispatcher(alerts, clock);
    AlertAcknowledger acknowledger(alerts, dispatcher, clock);
    const AlertMessage message = AlertFormatter::breach(
        Breach{QStringLiteral("SHOP.TO"), 90, 110, 99, 0.9, clock.now(), QDate(2026, 11, 3)},
        QStringLiteral("CAD"), clock.now());
    const Result<qint64> id = alerts.enqueue(message, {QStringLiteral("ntfy")}, clock.now());
    QVERIFY(id.ok());

    const auto codes = std::make_shared<const AckCodes>(AckCodes::newKey());
    const QString code = codes->codeFor(id.value());
    // Without the key every code is refused.
    QVERIFY(!acknowledger.acknowledgeByCode(code, AckSource::ntfy()).ok());
    acknowledger.setAckCodes(codes);
    QVERIFY(
        !acknowledger.acknowledgeByCode(QStringLiteral("1-AAAAAAAAAAAAAAAAAAAAAA"), AckSource::ntfy()).ok());

    QSignalSpy acknowledged(&acknowledger, &AlertAcknowledger::acknowledged);
    const auto first = acknowledger.acknowledgeByCode(code, AckSource::ntfy());
    QVERIFY(first.ok());
    QVERIFY(first.value().newlyAcknowledged);
    QCOMPARE(first.value().alert.ackSource, AckSource::ntfy());
    QCOMPARE(acknowledged.count(), 1);

    clock.advance(std::chrono::minutes(5));
    const auto again = acknowledger.acknowledgeByCode(code, AckSource::telegram());
    QVERIFY(again.ok());
    QVERIFY(!again.value().newlyAcknowledged);
    QCOMPARE(again.value().alert.ackSource, AckSource::ntfy());
    QCOMPARE(again.value().alert.acknowledgedAt, first.value().alert.acknowledgedAt);
    QCOMPARE(acknowledged.count(), 1);

    const auto unknown = acknowledger.acknowledge(id.value() + 100, AckSource::cli());
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.error().message.contains(QString::number(id.value() + 100)));
}

void AckCodesTest::theDispatcherGivesBreachesTheirCodeAndLink()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    AlertRepository alerts(db.value()->connection());
    ManualClock clock(toronto(2026, 11, 3, 11));
    OutboxDispatcher dispatcher(alerts, clock);
    const AlertMessage breach = AlertFormatter::breach(
        Breach{QStringLiteral("SHOP.TO"), 90, 110, 99, 0.9, clock.now(), QDate(2026, 11, 3)},
        QStringLiteral("CAD"), clock.now());
    Delivery delivery;
    delivery.alertId = 12;
    delivery.escalationStep = 2;
    delivery.urgent = true;

    AlertMessage sent = dispatcher.forDelivery(breach, delivery);
    QCOMPARE(sent.alertId, 12);
    QCOMPARE(sent.escalationStep, 2);
    QVERIFY(sent.urgent);
    QVERIFY(sent.ackCode.isEmpty()); // no key yet

    const auto codes = std::make_shared<const AckCodes>(AckCodes::newKey());
    dispatcher.setAckCodes(codes);
    dispatcher.setPublicDashboardUrl(QUrl(QStringLiteral("https://home.example.org/trailguard")));
    sent = dispatcher.forDelivery(breach, delivery);
    QCOMPARE(sent.ackCode, codes->codeFor(12));
    QCOMPARE(sent.ackUrl, QUrl(QStringLiteral("https://home.example.org/trailguard/ack/") + sent.ackCode));

    AlertMessage test = breach;
    test.kind = AlertMessage::Kind::Test;
    QVERIFY(dispatcher.forDelivery(test, delivery).ackCode.isEmpty());
}

void AckCodesTest::guardianStateKeepsItsValuesAcrossConnections()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("t.sqlite"));
    {
        auto db = Database::open(file);
        QVERIFY(db.ok());
        GuardianStateRepository state(db.value()->connection());
        QCOMPARE(state.value(QStringLiteral("telegram/update-offset")).value(), std::nullopt);
        QVERIFY(state.setValue(QStringLiteral("telegram/update-offset"), QStringLiteral("41")).ok());
        QVERIFY(state.setValue(QStringLiteral("telegram/update-offset"), QStringLiteral("42")).ok());
    }
    auto db = Database::open(file);
    QVERIFY(db.ok());
    GuardianStateRepository state(db.value()->connection());
    QCOMPARE(state.value(QStringLiteral("telegram/update-offset")).value(),
             std::optional<QString>(QStringLiteral("42")));
}

QTEST_GUILESS_MAIN(AckCodesTest)
#include "tst_ackcodes.moc"
