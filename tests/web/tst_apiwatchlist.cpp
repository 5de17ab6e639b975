#include "ApiFixture.h"
#include "cli/WatchCommand.h"
#include "domain/StockJson.h"

#include <QSignalSpy>

using namespace trailguard;
using trailguard::test::ApiFixture;

// The watchlist endpoints through ApiEndpoints::handle, on a real database.
class ApiWatchlistTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listIsWatchListJson();
    void addAnswersTheNewObject();
    void addUsesTheDefaultRatioAndTakesAStrategy();
    void addRefusesBadInput_data();
    void addRefusesBadInput();
    void addingTwiceIsAConflict();
    void editChangesRatioStrategyEntryAndPeak();
    void editRefusesBadInput_data();
    void editRefusesBadInput();
    void editAndDeleteOfAnUnknownTickerAre404();
    void deleteRemoves();
    void otherPathsAreNotTheirs();

private:
    std::unique_ptr<ApiFixture> m_api;
};

void ApiWatchlistTest::init()
{
    m_api = std::make_unique<ApiFixture>();
    QCOMPARE(m_api->open(), QString());
}

void ApiWatchlistTest::cleanup()
{
    m_api.reset();
}

void ApiWatchlistTest::listIsWatchListJson()
{
    auto empty = m_api->request("GET", QStringLiteral("watchlist"));
    QVERIFY(empty);
    QCOMPARE(empty->status, 200);
    QCOMPARE(empty->body, QByteArray("[]"));

    QVERIFY(
        m_api->m_watchlist->add(QStringLiteral("shop.to"), 0.9, 100.0, {QStringLiteral("rsi-below:14,30")})
            .ok());
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("RY.TO"), 0.85).ok());
    auto listed = m_api->request("GET", QStringLiteral("watchlist"));
    QVERIFY(listed);
    QCOMPARE(listed->status, 200);
    // The same objects as `trailguard watch list --json`, from the one definition both use.
    const QJsonArray expected = Cli::WatchCommand::toJson(m_api->m_watchlist->stocks().value());
    QCOMPARE(ApiFixture::json(*listed).toArray(), expected);
    const QJsonObject shop = ApiFixture::json(*listed).toArray().at(1).toObject();
    QCOMPARE(shop.value(QStringLiteral("ticker")).toString(), QStringLiteral("SHOP.TO"));
    QCOMPARE(shop.value(QStringLiteral("entry")).toDouble(), 100.0);
    QCOMPARE(shop.value(QStringLiteral("stop")).toDouble(), 90.0);
    QVERIFY(shop.value(QStringLiteral("lastPrice")).isNull());
    QCOMPARE(shop.value(QStringLiteral("rules")).toArray().size(), 1);

    auto one = m_api->request("GET", QStringLiteral("watchlist/shop.to"));
    QVERIFY(one);
    QCOMPARE(one->status, 200);
    QCOMPARE(ApiFixture::json(*one).toObject(), shop);
}

void ApiWatchlistTest::addAnswersTheNewObject()
{
    QSignalSpy added(m_api->m_watchlist.get(), &WatchlistService::stockAdded);
    auto response =
        m_api->request("POST", QStringLiteral("watchlist"),
                       R"({"ticker":" shop.to ","ratio":0.8,"entry":50,"rules":["rsi-below:14,30"]})");
    QVERIFY(response);
    QCOMPARE(response->status, 201);
    const QJsonObject object = ApiFixture::body(response);
    QCOMPARE(object.value(QStringLiteral("ticker")).toString(), QStringLiteral("SHOP.TO"));
    QCOMPARE(object.value(QStringLiteral("ratio")).toDouble(), 0.8);
    QCOMPARE(object.value(QStringLiteral("stop")).toDouble(), 40.0);
    QCOMPARE(object.value(QStringLiteral("rules")).toArray().first().toString(),
             QStringLiteral("rsi-below:14,30"));
    QCOMPARE(added.size(), 1); // through the WatchlistService: the running guardian follows at once
    const auto stocks = m_api->m_watchlist->stocks();
    QVERIFY(stocks.ok());
    QCOMPARE(stocks.value().size(), 1);
    QCOMPARE(StockJson::toJson(stocks.value().constFirst()), object);
}

void ApiWatchlistTest::addUsesTheDefaultRatioAndTakesAStrategy()
{
    QVERIFY(m_api->m_settings->setDefaultRatio(0.75).ok());
    auto plain = m_api->request("POST", QStringLiteral("watchlist"), R"({"ticker":"RY.TO"})");
    QVERIFY(plain);
    QCOMPARE(plain->status, 201);
    QCOMPARE(ApiFixture::body(plain).value(QStringLiteral("ratio")).toDouble(), 0.75);

    auto strategy = m_api->request("POST", QStringLiteral("watchlist"),
                                   R"({"ticker":"TD.TO","strategy":"fixed-pct:0.9"})");
    QVERIFY(strategy);
    QCOMPARE(strategy->status, 201);
    QCOMPARE(ApiFixture::body(strategy).value(QStringLiteral("strategy")).toString(),
             QStringLiteral("fixed-pct:0.9"));
}

void ApiWatchlistTest::addRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message"); // a part of the error
    QTest::newRow("not JSON") << QByteArray("{ticker:") << QStringLiteral("not valid JSON");
    QTest::newRow("an array") << QByteArray("[]") << QStringLiteral("JSON object");
    QTest::newRow("no ticker") << QByteArray("{}") << QStringLiteral("\"ticker\" is missing");
    QTest::newRow("ticker a number") << QByteArray(R"({"ticker":5})")
                                     << QStringLiteral("\"ticker\" must be a string");
    QTest::newRow("bad ticker") << QByteArray(R"({"ticker":"$$$"})") << QStringLiteral("letters");
    QTest::newRow("ratio a string") << QByteArray(R"({"ticker":"A","ratio":"0.9"})")
                                    << QStringLiteral("\"ratio\" must be a number");
    QTest::newRow("ratio too high") << QByteArray(R"({"ticker":"A","ratio":1.5})") << QStringLiteral("ratio");
    QTest::newRow("entry zero") << QByteArray(R"({"ticker":"A","entry":0})") << QStringLiteral("entry price");
    QTest::newRow("entry a string") << QByteArray(R"({"ticker":"A","entry":"5"})")
                                    << QStringLiteral("\"entry\" must be a number");
    QTest::newRow("bad strategy") << QByteArray(R"({"ticker":"A","strategy":"moon:1"})")
                                  << QStringLiteral("moon");
    QTest::newRow("ratio and strategy")
        << QByteArray(R"({"ticker":"A","ratio":0.9,"strategy":"trailing:0.8"})")
        << QStringLiteral("not both");
    QTest::newRow("rules not an array")
        << QByteArray(R"({"ticker":"A","rules":"sma"})") << QStringLiteral("\"rules\"");
    QTest::newRow("bad rule") << QByteArray(R"({"ticker":"A","rules":["nonsense:1"]})")
                              << QStringLiteral("nonsense");
    QTest::newRow("unknown field") << QByteArray(R"({"ticker":"A","ration":0.9})")
                                   << QStringLiteral("ration");
}

void ApiWatchlistTest::addRefusesBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    auto response = m_api->request("POST", QStringLiteral("watchlist"), body);
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    const QString error = ApiFixture::body(response).value(QStringLiteral("error")).toString();
    QVERIFY2(error.contains(message, Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(m_api->m_watchlist->stocks().value().size(), 0); // nothing was added
}

void ApiWatchlistTest::addingTwiceIsAConflict()
{
    QVERIFY(m_api->request("POST", QStringLiteral("watchlist"), R"({"ticker":"SHOP.TO"})")->status == 201);
    auto again = m_api->request("POST", QStringLiteral("watchlist"), R"({"ticker":"shop.to"})");
    QVERIFY(again);
    QCOMPARE(again->status, 409);
    QVERIFY(ApiFixture::body(again)
                .value(QStringLiteral("error"))
                .toString()
                .contains(QStringLiteral("SHOP.TO")));
}

void ApiWatchlistTest::editChangesRatioStrategyEntryAndPeak()
{
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("SHOP.TO"), 0.9).ok());
    auto entry = m_api->request("PATCH", QStringLiteral("watchlist/SHOP.TO"), R"({"entry":100})");
    QVERIFY(entry);
    QCOMPARE(entry->status, 200);
    QCOMPARE(ApiFixture::body(entry).value(QStringLiteral("entry")).toDouble(), 100.0);
    QCOMPARE(ApiFixture::body(entry).value(QStringLiteral("stop")).toDouble(), 90.0); // seeds, as at add

    auto ratio = m_api->request("PATCH", QStringLiteral("watchlist/shop.to"), R"({"ratio":0.8})");
    QVERIFY(ratio);
    QCOMPARE(ratio->status, 200);
    QCOMPARE(ApiFixture::body(ratio).value(QStringLiteral("stop")).toDouble(), 80.0);
    QCOMPARE(m_api->m_watchlist->stocks().value().constFirst().ratio, 0.8);

    auto strategy =
        m_api->request("PATCH", QStringLiteral("watchlist/SHOP.TO"), R"({"strategy":"fixed-pct:0.95"})");
    QVERIFY(strategy);
    QCOMPARE(strategy->status, 200);
    QCOMPARE(ApiFixture::body(strategy).value(QStringLiteral("strategy")).toString(),
             QStringLiteral("fixed-pct:0.95"));

    QSignalSpy changed(m_api->m_watchlist.get(), &WatchlistService::stockChanged);
    auto reset = m_api->request("PATCH", QStringLiteral("watchlist/SHOP.TO"), R"({"resetPeak":true})");
    QVERIFY(reset);
    QCOMPARE(reset->status, 200);
    QCOMPARE(changed.size(), 1);

    auto cleared = m_api->request("PATCH", QStringLiteral("watchlist/SHOP.TO"), R"({"entry":null})");
    QVERIFY(cleared);
    QCOMPARE(cleared->status, 200);
    QVERIFY(ApiFixture::body(cleared).value(QStringLiteral("entry")).isNull());
}

void ApiWatchlistTest::editRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("nope") << QStringLiteral("not valid JSON");
    QTest::newRow("ratio a string") << QByteArray(R"({"ratio":"x"})")
                                    << QStringLiteral("\"ratio\" must be a number");
    QTest::newRow("ratio zero") << QByteArray(R"({"ratio":0})") << QStringLiteral("ratio");
    QTest::newRow("resetPeak a number")
        << QByteArray(R"({"resetPeak":1})") << QStringLiteral("\"resetPeak\" must be true or false");
    QTest::newRow("entry negative") << QByteArray(R"({"entry":-3})") << QStringLiteral("entry price");
    QTest::newRow("bad strategy") << QByteArray(R"({"strategy":"zzz"})") << QStringLiteral("zzz");
    QTest::newRow("unknown field") << QByteArray(R"({"ticker":"B"})") << QStringLiteral("\"ticker\"");
}

void ApiWatchlistTest::editRefusesBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("SHOP.TO"), 0.9, 100.0).ok());
    const QJsonArray before = StockJson::toJson(m_api->m_watchlist->stocks().value());
    auto response = m_api->request("PATCH", QStringLiteral("watchlist/SHOP.TO"), body);
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    const QString error = ApiFixture::body(response).value(QStringLiteral("error")).toString();
    QVERIFY2(error.contains(message, Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(StockJson::toJson(m_api->m_watchlist->stocks().value()), before); // nothing changed
}

void ApiWatchlistTest::editAndDeleteOfAnUnknownTickerAre404()
{
    auto edit = m_api->request("PATCH", QStringLiteral("watchlist/NOPE.TO"), R"({"ratio":0.8})");
    QVERIFY(edit);
    QCOMPARE(edit->status, 404);
    QVERIFY(
        ApiFixture::body(edit).value(QStringLiteral("error")).toString().contains(QStringLiteral("NOPE.TO")));
    auto removed = m_api->request("DELETE", QStringLiteral("watchlist/NOPE.TO"));
    QVERIFY(removed);
    QCOMPARE(removed->status, 404);
    auto read = m_api->request("GET", QStringLiteral("watchlist/NOPE.TO"));
    QVERIFY(read);
    QCOMPARE(read->status, 404);
}

void ApiWatchlistTest::deleteRemoves()
{
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("SHOP.TO"), 0.9).ok());
    QSignalSpy removed(m_api->m_watchlist.get(), &WatchlistService::stockRemoved);
    auto response = m_api->request("DELETE", QStringLiteral("watchlist/shop.to"));
    QVERIFY(response);
    QCOMPARE(response->status, 204);
    QVERIFY(response->body.isEmpty());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_api->m_watchlist->stocks().value().size(), 0);
}

void ApiWatchlistTest::otherPathsAreNotTheirs()
{
    QVERIFY(!m_api->request("GET", QStringLiteral("watchlists")));
    QVERIFY(!m_api->request("GET", QStringLiteral("watchlist/A/b")));
    auto wrongMethod = m_api->request("PUT", QStringLiteral("watchlist"));
    QVERIFY(wrongMethod);
    QCOMPARE(wrongMethod->status, 405);
}

QTEST_GUILESS_MAIN(ApiWatchlistTest)
#include "tst_apiwatchlist.moc"
