#include "ApiFixture.h"
#include "TrailguardVersion.h"
#include "storage/PriceHistoryRepository.h"
#include "web/api/HistoryEndpoints.h"

using namespace trailguard;
using trailguard::test::ApiFixture;
using trailguard::test::utc;

// GET /api/v1/history/{ticker} (decimated stored series, read on a worker) and GET /api/v1/status.
class ApiHistoryStatusTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void historyGivesTheHeldSeries();
    void historyIsDecimatedAndRanged();
    void historyRefusesBadInput_data();
    void historyRefusesBadInput();
    void historyOfAnUnknownTickerIs404();
    void statusSaysHowTheGuardianIs();

private:
    void recordQuotes(int count);
    std::unique_ptr<ApiFixture> m_api;
};

void ApiHistoryStatusTest::init()
{
    m_api = std::make_unique<ApiFixture>();
    QCOMPARE(m_api->open(), QString());
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("SHOP.TO"), 0.9).ok());
}

void ApiHistoryStatusTest::cleanup()
{
    m_api.reset();
}

// One quote a minute from 2026-11-23 14:30 UTC: prices rise 1 a minute, the held peak with them and the
// stop at 0.9 of it.
void ApiHistoryStatusTest::recordQuotes(int count)
{
    PriceHistoryRepository history(m_api->m_database->connection());
    const QDateTime start = utc(2026, 11, 23, 14, 30);
    for (int i = 0; i < count; ++i) {
        const double price = 100 + i;
        QVERIFY(
            history.recordQuote(QStringLiteral("SHOP.TO"), start.addSecs(60 * i), price, price, price * 0.9)
                .ok());
    }
}

void ApiHistoryStatusTest::historyGivesTheHeldSeries()
{
    recordQuotes(3);
    auto response = m_api->request("GET", QStringLiteral("history/shop.to"));
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    const QJsonObject body = ApiFixture::body(response);
    QCOMPARE(body.value(QStringLiteral("ticker")).toString(), QStringLiteral("SHOP.TO"));
    const QJsonArray prices = body.value(QStringLiteral("prices")).toArray();
    QCOMPARE(prices.size(), 3);
    QCOMPARE(prices.at(0).toObject().value(QStringLiteral("time")).toString(),
             QStringLiteral("2026-11-23T14:30:00.000Z"));
    QCOMPARE(prices.at(2).toObject().value(QStringLiteral("value")).toDouble(), 102.0);
    // Step lines: each held value holds until the next, so every step has its corner.
    const QJsonArray stops = body.value(QStringLiteral("stops")).toArray();
    QCOMPARE(stops.size(), 5);
    QCOMPARE(stops.at(0).toObject().value(QStringLiteral("value")).toDouble(), 90.0);
    QCOMPARE(stops.at(1).toObject().value(QStringLiteral("value")).toDouble(), 90.0);
    QCOMPARE(stops.at(1).toObject().value(QStringLiteral("time")).toString(),
             QStringLiteral("2026-11-23T14:31:00.000Z"));
    QCOMPARE(stops.at(4).toObject().value(QStringLiteral("value")).toDouble(), 102 * 0.9);
    QCOMPARE(body.value(QStringLiteral("peaks"))
                 .toArray()
                 .at(4)
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toDouble(),
             102.0);
}

void ApiHistoryStatusTest::historyIsDecimatedAndRanged()
{
    recordQuotes(600);
    auto decimated = m_api->request("GET", QStringLiteral("history/SHOP.TO?points=40"));
    QVERIFY(decimated);
    QCOMPARE(decimated->status, 200);
    const QJsonArray prices = ApiFixture::body(decimated).value(QStringLiteral("prices")).toArray();
    QVERIFY2(prices.size() <= 40 && prices.size() >= 10, qPrintable(QString::number(prices.size())));
    // The extremes survive decimation.
    QCOMPARE(prices.first().toObject().value(QStringLiteral("value")).toDouble(), 100.0);
    QCOMPARE(prices.last().toObject().value(QStringLiteral("value")).toDouble(), 699.0);

    auto ranged = m_api->request(
        "GET",
        QStringLiteral("history/SHOP.TO?from=2026-11-23T14:40:00Z&to=2026-11-23T14:50:00Z&points=1000"));
    QVERIFY(ranged);
    QCOMPARE(ranged->status, 200);
    const QJsonArray inRange = ApiFixture::body(ranged).value(QStringLiteral("prices")).toArray();
    QCOMPARE(inRange.size(), 10); // [from, to)
    QCOMPARE(inRange.first().toObject().value(QStringLiteral("value")).toDouble(), 110.0);

    auto byDay = m_api->request("GET", QStringLiteral("history/SHOP.TO?from=2026-11-24&to=2026-11-24"));
    QVERIFY(byDay);
    QCOMPARE(byDay->status, 200);
    // The quotes after midnight UTC: 14:30 + 600 minutes runs to 00:29 the next day.
    QCOMPARE(ApiFixture::body(byDay).value(QStringLiteral("prices")).toArray().size(), 30);
    auto laterDay = m_api->request("GET", QStringLiteral("history/SHOP.TO?from=2026-11-25&to=2026-11-25"));
    QVERIFY(laterDay);
    QCOMPARE(laterDay->status, 200);
    QCOMPARE(ApiFixture::body(laterDay).value(QStringLiteral("prices")).toArray().size(), 0);
}

void ApiHistoryStatusTest::historyRefusesBadInput_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad from") << QStringLiteral("from=yesterday") << QStringLiteral("yesterday");
    QTest::newRow("bad to") << QStringLiteral("to=2026-13-45") << QStringLiteral("2026-13-45");
    QTest::newRow("time without zone")
        << QStringLiteral("from=2026-11-23T14:00:00") << QStringLiteral("zone");
    QTest::newRow("from after to") << QStringLiteral("from=2026-11-24&to=2026-11-22")
                                   << QStringLiteral("before");
    QTest::newRow("points zero") << QStringLiteral("points=0") << QStringLiteral("points");
    QTest::newRow("points huge") << QStringLiteral("points=100000") << QStringLiteral("points");
    QTest::newRow("points a word") << QStringLiteral("points=many") << QStringLiteral("points");
}

void ApiHistoryStatusTest::historyRefusesBadInput()
{
    QFETCH(QString, query);
    QFETCH(QString, message);
    auto response = m_api->request("GET", QStringLiteral("history/SHOP.TO?") + query);
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    const QString error = ApiFixture::body(response).value(QStringLiteral("error")).toString();
    QVERIFY2(error.contains(message), qPrintable(error));
}

void ApiHistoryStatusTest::historyOfAnUnknownTickerIs404()
{
    auto unknown = m_api->request("GET", QStringLiteral("history/NOPE.TO"));
    QVERIFY(unknown);
    QCOMPARE(unknown->status, 404);
    auto invalid = m_api->request("GET", QStringLiteral("history/$$"));
    QVERIFY(invalid);
    QCOMPARE(invalid->status, 400);
}

void ApiHistoryStatusTest::statusSaysHowTheGuardianIs()
{
    auto healthy = m_api->request("GET", QStringLiteral("status"));
    QVERIFY(healthy);
    QCOMPARE(healthy->status, 200);
    QJsonObject status = ApiFixture::body(healthy);
    QCOMPARE(status.value(QStringLiteral("version")).toString(), QStringLiteral(TRAILGUARD_VERSION));
    QCOMPARE(status.value(QStringLiteral("quoteMode")).toString(), QStringLiteral("polling"));
    QCOMPARE(status.value(QStringLiteral("healthAlerts")).toArray().size(), 0);
    QCOMPARE(status.value(QStringLiteral("reconnectNeeded")).toBool(), false);

    m_api->m_health->connectionStateChanged(ConnectionState::Connected, {});
    status = ApiFixture::body(m_api->request("GET", QStringLiteral("status")));
    QCOMPARE(status.value(QStringLiteral("connected")).toBool(), true);
    QCOMPARE(status.value(QStringLiteral("connection")).toString(), QStringLiteral("connected"));

    m_api->m_health->connectionStateChanged(ConnectionState::Disconnected, QStringLiteral("refused"));
    m_api->m_clock.advance(1);
    m_api->m_health->deliveryResult(QStringLiteral("email"),
                                    DeliveryResult::failed(QStringLiteral("535 auth")));
    status = ApiFixture::body(m_api->request("GET", QStringLiteral("status")));
    QCOMPARE(status.value(QStringLiteral("connected")).toBool(), false);
    QCOMPARE(status.value(QStringLiteral("reconnectNeeded")).toBool(), true);
    const QJsonArray alerts = status.value(QStringLiteral("healthAlerts")).toArray();
    QCOMPARE(alerts.size(), 2);
    QCOMPARE(alerts.at(0).toObject().value(QStringLiteral("condition")).toString(),
             QStringLiteral("questrade-token"));
    QVERIFY(!alerts.at(0).toObject().value(QStringLiteral("subject")).toString().isEmpty());
    QCOMPARE(status.value(QStringLiteral("failingChannels")).toArray(), QJsonArray{QStringLiteral("email")});

    auto wrong = m_api->request("POST", QStringLiteral("status"));
    QVERIFY(wrong);
    QCOMPARE(wrong->status, 405);
}

QTEST_GUILESS_MAIN(ApiHistoryStatusTest)
#include "tst_apihistorystatus.moc"
