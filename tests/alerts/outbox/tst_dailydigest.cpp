#include "TestSupport.h"
#include "alerts/DailyDigest.h"
#include "alerts/QuietHours.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

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

StockState stock(const QString &ticker, double price, double stop)
{
    StockState state;
    state.ticker = ticker;
    state.currency = QStringLiteral("CAD");
    state.lastPrice = price;
    state.peak = stop / 0.9;
    state.stop = stop;
    return state;
}
} // namespace

class DailyDigestTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void composeListsBelowAndNear();
    void nothingToSayIsNoMessage();
    void sentToEmailAndNtfyOnly();
    void quietHours_data();
    void quietHours();
    void healthHeldDuringQuietHoursBreachNot();
};

void DailyDigestTest::composeListsBelowAndNear()
{
    const QList<StockState> stocks{stock(QStringLiteral("AAA"), 100, 90),
                                   stock(QStringLiteral("BBB"), 94, 90), stock(QStringLiteral("CCC"), 85, 90),
                                   StockState{}};
    const AlertMessage message = DailyDigest::compose(stocks, 5.0, toronto(2026, 11, 24, 17));
    QCOMPARE(message.kind, AlertMessage::Kind::Digest);
    QCOMPARE(message.priority, AlertMessage::Priority::Low);
    QCOMPARE(message.subject, QStringLiteral("Trailguard daily digest: 1 below the stop, 1 within 5 %"));
    QVERIFY(message.text.startsWith(QStringLiteral("CCC: 85.00 CAD, stop 90.00 (-5.9 %)")));
    QVERIFY(message.text.contains(QStringLiteral("BBB: 94.00 CAD, stop 90.00 (4.3 %)")));
    QVERIFY(!message.text.contains(QStringLiteral("AAA")));
}

void DailyDigestTest::nothingToSayIsNoMessage()
{
    const AlertMessage message =
        DailyDigest::compose({stock(QStringLiteral("AAA"), 100, 90)}, 5.0, toronto(2026, 11, 24, 17));
    QVERIFY(message.subject.isEmpty());
}

void DailyDigestTest::sentToEmailAndNtfyOnly()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    StockRepository stocks(db.value()->connection());
    AlertRepository alerts(db.value()->connection());
    ManualClock clock(QDateTime(QDate(2026, 11, 24), QTime(17, 0)).toUTC()); // 17:00 local time
    WatchlistService watchlist(stocks, clock);
    QVERIFY(watchlist.add(QStringLiteral("CCC"), 0.9, 100.0).ok());
    StockState below = *stocks.find(QStringLiteral("CCC")).value();
    below.lastPrice = 85.0;
    QVERIFY(watchlist.saveCycle({below}).ok());
    OutboxDispatcher dispatcher(alerts, clock);
    NamedChannel email(QStringLiteral("email")), ntfy(QStringLiteral("ntfy")),
        discord(QStringLiteral("discord"));
    dispatcher.setChannels({&email, &ntfy, &discord});
    AlertOutbox outbox(alerts, dispatcher, clock);
    DailyDigest digest(watchlist, outbox, clock);
    QVERIFY(digest.sendNow().ok());
    const auto history = alerts.recent(5).value();
    QCOMPARE(history.size(), 1);
    QStringList channels;
    for (const Delivery &delivery : history.constFirst().deliveries)
        channels.append(delivery.channel);
    channels.sort();
    QCOMPARE(channels, (QStringList{QStringLiteral("email"), QStringLiteral("ntfy")}));

    digest.setOptions({true, QTime(17, 30), 5.0});
    QCOMPARE(digest.nextRun(), QDateTime(QDate(2026, 11, 24), QTime(17, 30)).toUTC());
    clock.advance(29 * 60);
    QCOMPARE(alerts.recent(5).value().size(), 1);
    clock.advance(60); // 17:30: the timer records today's digest and plans tomorrow's
    QCOMPARE(alerts.recent(5).value().size(), 2);
    QCOMPARE(digest.nextRun(), QDateTime(QDate(2026, 11, 25), QTime(17, 30)).toUTC());
    digest.setOptions({true, QTime(9, 0), 5.0}); // already past today: tomorrow
    QCOMPARE(digest.nextRun(), QDateTime(QDate(2026, 11, 25), QTime(9, 0)).toUTC());
    digest.setOptions({false, QTime(9, 0), 5.0});
    QVERIFY(!digest.nextRun().isValid());
}

void DailyDigestTest::quietHours_data()
{
    QTest::addColumn<QTime>("start");
    QTest::addColumn<QTime>("end");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("until");
    const auto local = [](int d, int h, int m) { return QDateTime(QDate(2026, 11, d), QTime(h, m)).toUTC(); };
    QTest::newRow("overnight, evening") << QTime(22, 0) << QTime(7, 0) << local(24, 23, 0) << local(25, 7, 0);
    QTest::newRow("overnight, early morning")
        << QTime(22, 0) << QTime(7, 0) << local(25, 6, 59) << local(25, 7, 0);
    QTest::newRow("overnight, daytime") << QTime(22, 0) << QTime(7, 0) << local(25, 12, 0) << QDateTime();
    QTest::newRow("midday window inside")
        << QTime(12, 0) << QTime(13, 0) << local(25, 12, 30) << local(25, 13, 0);
    QTest::newRow("midday window at its end")
        << QTime(12, 0) << QTime(13, 0) << local(25, 13, 0) << QDateTime();
}

void DailyDigestTest::quietHours()
{
    QFETCH(QTime, start);
    QFETCH(QTime, end);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, until);
    QuietHours quiet{true, start, end};
    QCOMPARE(quiet.holdUntil(now), until);
    quiet.enabled = false;
    QVERIFY(!quiet.holdUntil(now).isValid());
}

void DailyDigestTest::healthHeldDuringQuietHoursBreachNot()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    AlertRepository alerts(db.value()->connection());
    const QDateTime night = QDateTime(QDate(2026, 11, 24), QTime(23, 0)).toUTC();
    ManualClock clock(night);
    OutboxDispatcher dispatcher(alerts, clock);
    NamedChannel ntfy(QStringLiteral("ntfy"));
    dispatcher.setChannels({&ntfy});
    AlertOutbox outbox(alerts, dispatcher, clock);
    outbox.setQuietHours({true, QTime(22, 0), QTime(7, 0)});
    AlertMessage health;
    health.kind = AlertMessage::Kind::Health;
    health.subject = QStringLiteral("health");
    QVERIFY(outbox.record(health).ok());
    QVERIFY(outbox
                .recordBreach(Breach{QStringLiteral("RY.TO"), 90, 110, 99, 0.9, night, QDate(2026, 11, 24)},
                              QStringLiteral("CAD"))
                .ok());
    const auto due = alerts.pendingDeliveries(night).value();
    QCOMPARE(due.size(), 1);                                          // the breach
    QCOMPARE(alerts.pendingIgnoringBackoff(night).value().size(), 1); // a restart does not release it either
    QCOMPARE(alerts.pendingDeliveries(QDateTime(QDate(2026, 11, 25), QTime(7, 0)).toUTC()).value().size(), 2);
}

QTEST_GUILESS_MAIN(DailyDigestTest)
#include "tst_dailydigest.moc"
