#include "ApiFixture.h"

using namespace trailguard;
using trailguard::test::ApiFixture;

// The alert endpoints through ApiEndpoints::handle: the history with deliveries, ack, snooze.
class ApiAlertsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsNewestFirstWithDeliveries();
    void limitIsCheckedAndApplied_data();
    void limitIsCheckedAndApplied();
    void ackIsRecordedOnce();
    void ackOfAnUnknownAlertIs404();
    void snoozeSnoozesTheTicker();
    void snoozeRefusesBadInput_data();
    void snoozeRefusesBadInput();

private:
    qint64 breach(const QString &ticker);
    std::unique_ptr<ApiFixture> m_api;
};

void ApiAlertsTest::init()
{
    m_api = std::make_unique<ApiFixture>();
    QCOMPARE(m_api->open(), QString());
}

void ApiAlertsTest::cleanup()
{
    m_api.reset();
}

qint64 ApiAlertsTest::breach(const QString &ticker)
{
    const QDateTime now = m_api->m_clock.now();
    const Status recorded = m_api->m_outbox->recordBreach(Breach{ticker, 90, 110, 99, 0.9, now, now.date()},
                                                          QStringLiteral("CAD"));
    if (!recorded.ok())
        return 0;
    m_api->m_clock.advance(60);
    return m_api->m_alerts->recent(1).value().constFirst().id;
}

void ApiAlertsTest::listsNewestFirstWithDeliveries()
{
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("RY.TO"), 0.9).ok());
    const qint64 first = breach(QStringLiteral("RY.TO"));
    QVERIFY(first > 0);
    m_api->m_health->connectionStateChanged(ConnectionState::Disconnected, QStringLiteral("refused"));
    m_api->m_clock.advance(60);

    auto response = m_api->request("GET", QStringLiteral("alerts"));
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    const QJsonArray alerts = ApiFixture::json(*response).toArray();
    QCOMPARE(alerts.size(), 2);
    const QJsonObject health = alerts.at(0).toObject();
    QCOMPARE(health.value(QStringLiteral("kind")).toString(), QStringLiteral("health"));
    QVERIFY(health.value(QStringLiteral("ticker")).isNull());
    QVERIFY(health.value(QStringLiteral("price")).isNull());

    const QJsonObject stop = alerts.at(1).toObject();
    QCOMPARE(stop.value(QStringLiteral("id")).toInteger(), first);
    QCOMPARE(stop.value(QStringLiteral("kind")).toString(), QStringLiteral("stop"));
    QCOMPARE(stop.value(QStringLiteral("ticker")).toString(), QStringLiteral("RY.TO"));
    QCOMPARE(stop.value(QStringLiteral("price")).toDouble(), 90.0);
    QCOMPARE(stop.value(QStringLiteral("stop")).toDouble(), 99.0);
    QCOMPARE(stop.value(QStringLiteral("raisedAt")).toString(), QStringLiteral("2026-11-24T15:00:00.000Z"));
    QVERIFY(stop.value(QStringLiteral("subject")).toString().contains(QStringLiteral("RY.TO")));
    QVERIFY(!stop.value(QStringLiteral("message")).toString().isEmpty());
    QVERIFY(stop.value(QStringLiteral("acknowledgedAt")).isNull());
    QVERIFY(stop.value(QStringLiteral("ackSource")).isNull());
    const QJsonArray deliveries = stop.value(QStringLiteral("deliveries")).toArray();
    QCOMPARE(deliveries.size(), 2);
    const QJsonObject email = deliveries.at(0).toObject();
    QCOMPARE(email.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    QCOMPARE(email.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(email.value(QStringLiteral("attempts")).toInt(), 0);
    QVERIFY(email.value(QStringLiteral("lastError")).isNull());
    QVERIFY(email.value(QStringLiteral("deliveredAt")).isNull());
}

void ApiAlertsTest::limitIsCheckedAndApplied_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("count");
    QTest::newRow("default") << QString() << 200 << 3;
    QTest::newRow("two") << QStringLiteral("?limit=2") << 200 << 2;
    QTest::newRow("maximum") << QStringLiteral("?limit=1000") << 200 << 3;
    QTest::newRow("zero") << QStringLiteral("?limit=0") << 400 << 0;
    QTest::newRow("too many") << QStringLiteral("?limit=1001") << 400 << 0;
    QTest::newRow("not a number") << QStringLiteral("?limit=ten") << 400 << 0;
    QTest::newRow("negative") << QStringLiteral("?limit=-5") << 400 << 0;
}

void ApiAlertsTest::limitIsCheckedAndApplied()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(int, count);
    for (const QString &ticker : {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")})
        QVERIFY(breach(ticker) > 0);
    auto response = m_api->request("GET", QStringLiteral("alerts") + query);
    QVERIFY(response);
    QCOMPARE(response->status, status);
    if (status == 200)
        QCOMPARE(ApiFixture::json(*response).toArray().size(), count);
    else
        QVERIFY(ApiFixture::body(response)
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("1000")));
}

void ApiAlertsTest::ackIsRecordedOnce()
{
    const qint64 id = breach(QStringLiteral("RY.TO"));
    QVERIFY(id > 0);
    const QString path = QStringLiteral("alerts/%1/ack").arg(id);
    auto first = m_api->request("POST", path);
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    QCOMPARE(ApiFixture::body(first).value(QStringLiteral("acknowledgedAt")).toString(),
             QStringLiteral("2026-11-24T15:01:00.000Z"));
    QCOMPARE(ApiFixture::body(first).value(QStringLiteral("ackSource")).toString(), QStringLiteral("web"));

    m_api->m_clock.advance(3600);
    auto second = m_api->request("POST", path);
    QVERIFY(second);
    QCOMPARE(second->status, 200);
    QCOMPARE(ApiFixture::body(second).value(QStringLiteral("acknowledgedAt")).toString(),
             QStringLiteral("2026-11-24T15:01:00.000Z")); // the first one is kept

    const auto stored = m_api->m_alerts->find(id);
    QVERIFY(stored.ok() && stored.value());
    QCOMPARE(stored.value()->acknowledgedAt, QDateTime(QDate(2026, 11, 24), QTime(15, 1), QTimeZone::utc()));
    QCOMPARE(stored.value()->ackSource, QStringLiteral("web"));
}

void ApiAlertsTest::ackOfAnUnknownAlertIs404()
{
    for (const QString &id : {QStringLiteral("999"), QStringLiteral("abc"), QStringLiteral("-1")}) {
        auto response = m_api->request("POST", QStringLiteral("alerts/%1/ack").arg(id));
        QVERIFY(response);
        QCOMPARE(response->status, 404);
    }
    auto get = m_api->request("GET", QStringLiteral("alerts/1/ack"));
    QVERIFY(get);
    QCOMPARE(get->status, 405);
}

void ApiAlertsTest::snoozeSnoozesTheTicker()
{
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("RY.TO"), 0.9).ok());
    const qint64 id = breach(QStringLiteral("RY.TO"));
    auto response = m_api->request("POST", QStringLiteral("alerts/%1/snooze").arg(id), R"({"days":3})");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(ApiFixture::body(response).value(QStringLiteral("ticker")).toString(), QStringLiteral("RY.TO"));
    const QDateTime until = m_api->m_watchlist->stocks().value().constFirst().snoozedUntil;
    QCOMPARE(until, m_api->m_clock.now().toUTC().addDays(3));
    QCOMPARE(ApiFixture::body(response).value(QStringLiteral("snoozedUntil")).toString(),
             until.toString(Qt::ISODateWithMs));
}

void ApiAlertsTest::snoozeRefusesBadInput_data()
{
    QTest::addColumn<QString>("alert"); // "breach", "health", or an id
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("zero days") << "breach" << QByteArray(R"({"days":0})") << 400;
    QTest::newRow("too many days") << "breach" << QByteArray(R"({"days":366})") << 400;
    QTest::newRow("a fraction") << "breach" << QByteArray(R"({"days":1.5})") << 400;
    QTest::newRow("a string") << "breach" << QByteArray(R"({"days":"3"})") << 400;
    QTest::newRow("missing") << "breach" << QByteArray(R"({})") << 400;
    QTest::newRow("bad JSON") << "breach" << QByteArray("{days:3") << 400;
    QTest::newRow("health alert") << "health" << QByteArray(R"({"days":3})") << 400;
    QTest::newRow("unknown alert") << "12345" << QByteArray(R"({"days":3})") << 404;
    QTest::newRow("ticker gone") << "gone" << QByteArray(R"({"days":3})") << 404;
}

void ApiAlertsTest::snoozeRefusesBadInput()
{
    QFETCH(QString, alert);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("RY.TO"), 0.9).ok());
    QString id = alert;
    if (alert == QLatin1String("breach")) {
        id = QString::number(breach(QStringLiteral("RY.TO")));
    } else if (alert == QLatin1String("gone")) {
        id = QString::number(breach(QStringLiteral("XX.TO"))); // never watched
    } else if (alert == QLatin1String("health")) {
        m_api->m_health->connectionStateChanged(ConnectionState::Disconnected, QStringLiteral("refused"));
        id = QString::number(m_api->m_alerts->recent(1).value().constFirst().id);
    }
    auto response = m_api->request("POST", QStringLiteral("alerts/%1/snooze").arg(id), body);
    QVERIFY(response);
    QCOMPARE(response->status, status);
    QVERIFY(!ApiFixture::body(response).value(QStringLiteral("error")).toString().isEmpty());
    QVERIFY(!m_api->m_watchlist->stocks().value().constFirst().snoozedUntil.isValid());
}

QTEST_GUILESS_MAIN(ApiAlertsTest)
#include "tst_apialerts.moc"
