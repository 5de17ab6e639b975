#include "demo/SimulatedMarket.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

using namespace trailguard;

namespace {

// Prices of every demo ticker after each of `seconds` ticks.
QList<QList<double>> run(SimulatedMarket &market, int seconds)
{
    QList<QList<double>> path;
    for (int second = 0; second < seconds; ++second) {
        market.advance(1);
        QList<double> prices;
        for (const QString &ticker : SimulatedMarket::tickers())
            prices.append(market.price(ticker));
        path.append(prices);
    }
    return path;
}

// The first second at which the price is below ratio x the running peak, sampling every `interval`
// seconds (as a poller would); -1 when it never is within `seconds`.
int firstBreach(SimulatedMarket &market, const QString &ticker, int seconds, int interval, double ratio = 0.9)
{
    double peak = market.price(ticker);
    for (int second = interval; second <= seconds; second += interval) {
        market.advance(interval);
        const double price = market.price(ticker);
        if (price < ratio * peak)
            return second;
        peak = std::max(peak, price);
    }
    return -1;
}

QJsonObject getJson(QNetworkAccessManager &network, const QNetworkRequest &request)
{
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    return QJsonDocument::fromJson(reply->readAll()).object();
}

} // namespace

class SimulatedMarketTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsTheDemoTickers();
    void sameSeedSamePath();
    void differentSeedDifferentPath();
    void fallingTickerBreaksAStopWithinAMinute_data();
    void fallingTickerBreaksAStopWithinAMinute();
    void otherTickersDoNotBreakAStop_data();
    void otherTickersDoNotBreakAStop();
    void pricesStayPositive();
    void advanceEmitsTicks();
    void startServesMovingQuotesOverHttp();
};

void SimulatedMarketTest::listsTheDemoTickers()
{
    SimulatedMarket market;
    const QStringList tickers = SimulatedMarket::tickers();
    QCOMPARE(tickers.size(), 5);
    QVERIFY(tickers.contains(SimulatedMarket::fallingTicker()));
    QVERIFY(tickers.contains(QStringLiteral("BRK.B")));
    QSet<qint64> ids;
    for (const QString &ticker : tickers) {
        QVERIFY(market.price(ticker) > 0.0);
        const qint64 id = market.symbolId(ticker);
        QVERIFY(id > 0);
        ids.insert(id);
        // The server quotes exactly the published price.
        const auto quote = market.server()->quote(id);
        QVERIFY(quote.has_value());
        QCOMPARE(quote->lastTradePrice.value_or(0.0), market.price(ticker));
    }
    QCOMPARE(ids.size(), 5);
    QCOMPARE(market.symbolId(QStringLiteral("shop.to")), market.symbolId(QStringLiteral("SHOP.TO")));
    QCOMPARE(market.price(QStringLiteral("NOPE")), 0.0);
    QCOMPARE(market.symbolId(QStringLiteral("NOPE")), qint64(0));
}

void SimulatedMarketTest::sameSeedSamePath()
{
    SimulatedMarket first(42);
    SimulatedMarket second(42);
    QCOMPARE(run(first, 300), run(second, 300));
    QCOMPARE(first.elapsedSeconds(), 300);
}

void SimulatedMarketTest::differentSeedDifferentPath()
{
    SimulatedMarket first(42);
    SimulatedMarket second(43);
    QVERIFY(run(first, 30) != run(second, 30));
}

void SimulatedMarketTest::fallingTickerBreaksAStopWithinAMinute_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("interval");
    for (quint32 seed = 1; seed <= 40; ++seed) {
        QTest::addRow("seed %u every 1 s", seed) << seed << 1;
        QTest::addRow("seed %u every 5 s", seed) << seed << 5;
    }
    QTest::addRow("default seed every 5 s") << SimulatedMarket::kDefaultSeed << 5;
}

void SimulatedMarketTest::fallingTickerBreaksAStopWithinAMinute()
{
    QFETCH(quint32, seed);
    QFETCH(int, interval);
    const QString ticker = SimulatedMarket::fallingTicker();

    SimulatedMarket market(seed);
    const int breach = firstBreach(market, ticker, 60, interval);
    QVERIFY2(breach > 0, "no breach within 60 s");
    QVERIFY2(breach <= 60, qPrintable(QString::number(breach)));
    QVERIFY2(breach >= 25, qPrintable(QString::number(breach))); // it rises first

    // It rises first: higher after 20 s than at the start.
    SimulatedMarket again(seed);
    const double start = again.price(ticker);
    again.advance(20);
    QVERIFY(again.price(ticker) > start);
}

void SimulatedMarketTest::otherTickersDoNotBreakAStop_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 10; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void SimulatedMarketTest::otherTickersDoNotBreakAStop()
{
    QFETCH(quint32, seed);
    for (const QString &ticker : SimulatedMarket::tickers()) {
        if (ticker == SimulatedMarket::fallingTicker())
            continue;
        SimulatedMarket market(seed);
        QCOMPARE(firstBreach(market, ticker, 1800, 1), -1);
    }
}

void SimulatedMarketTest::pricesStayPositive()
{
    SimulatedMarket market(7);
    for (int second = 0; second < 20000; ++second) {
        market.advance(1);
        for (const QString &ticker : SimulatedMarket::tickers()) {
            const double price = market.price(ticker);
            if (!(std::isfinite(price) && price > 0.0))
                QFAIL(qPrintable(QStringLiteral("%1 at %2 s: %3").arg(ticker).arg(second).arg(price)));
        }
    }
}

void SimulatedMarketTest::advanceEmitsTicks()
{
    SimulatedMarket market;
    QSignalSpy ticked(&market, &SimulatedMarket::ticked);
    market.advance(3);
    QCOMPARE(ticked.count(), 3);
    QCOMPARE(ticked.at(2).at(0).toInt(), 3);
    QCOMPARE(market.elapsedSeconds(), 3);
    QVERIFY(!market.isRunning());
}

void SimulatedMarketTest::startServesMovingQuotesOverHttp()
{
    ManualClock clock(QDateTime::currentDateTimeUtc()); // moves the market's ticks, not the server's time
    SimulatedMarket market(SimulatedMarket::kDefaultSeed, clock);
    QVERIFY(market.start());
    QVERIFY(market.isRunning());
    QVERIFY(market.server()->port() != 0);
    market.stop(); // hold prices still while comparing; the server keeps listening
    QVERIFY(!market.isRunning());

    QNetworkAccessManager network;
    QUrl tokenUrl = market.server()->loginUrl();
    tokenUrl.setPath(QStringLiteral("/oauth2/token"));
    tokenUrl.setQuery(QStringLiteral("grant_type=refresh_token&refresh_token=") +
                      QString::fromLatin1(market.server()->issueRefreshToken()));
    const QJsonObject token = getJson(network, QNetworkRequest(tokenUrl));
    const QByteArray access = token.value(QStringLiteral("access_token")).toString().toLatin1();
    QVERIFY(!access.isEmpty());

    const QString ticker = SimulatedMarket::fallingTicker();
    QNetworkRequest request(QUrl(token.value(QStringLiteral("api_server")).toString() +
                                 QStringLiteral("v1/markets/quotes?ids=") +
                                 QString::number(market.symbolId(ticker))));
    request.setRawHeader("Authorization", "Bearer " + access);
    const QJsonObject before =
        getJson(network, request).value(QStringLiteral("quotes")).toArray().at(0).toObject();
    QCOMPARE(before.value(QStringLiteral("symbol")).toString(), ticker);
    QCOMPARE(before.value(QStringLiteral("lastTradePrice")).toDouble(), market.price(ticker));

    // The market is open now, whatever the time of day.
    QNetworkRequest marketsRequest(
        QUrl(token.value(QStringLiteral("api_server")).toString() + QStringLiteral("v1/markets")));
    marketsRequest.setRawHeader("Authorization", "Bearer " + access);
    const QJsonObject tsx =
        getJson(network, marketsRequest).value(QStringLiteral("markets")).toArray().at(0).toObject();
    const auto parse = [](const QJsonValue &value) { // six fractional digits cut to three (contract §0)
        const QString text = value.toString();
        return QDateTime::fromString(text.left(23) + text.mid(26), Qt::ISODateWithMs);
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(parse(tsx.value(QStringLiteral("startTime"))).isValid());
    QVERIFY(parse(tsx.value(QStringLiteral("startTime"))) <= now);
    QVERIFY(parse(tsx.value(QStringLiteral("endTime"))) > now.addSecs(3600));

    // The timer moves the market once a second.
    QVERIFY(market.start());
    const int startedAt = market.elapsedSeconds();
    clock.advance(std::chrono::milliseconds(1999));
    QCOMPARE(market.elapsedSeconds(), startedAt + 1);
    clock.advance(std::chrono::milliseconds(1));
    QCOMPARE(market.elapsedSeconds(), startedAt + 2);
    market.stop();
    const int stoppedAt = market.elapsedSeconds();
    const QJsonObject after =
        getJson(network, request).value(QStringLiteral("quotes")).toArray().at(0).toObject();
    QCOMPARE(after.value(QStringLiteral("volume")).toInteger(),
             before.value(QStringLiteral("volume")).toInteger() + 100 * stoppedAt);
    QCOMPARE(after.value(QStringLiteral("lastTradePrice")).toDouble(), market.price(ticker));

    clock.advance(3600);
    QCOMPARE(market.elapsedSeconds(), stoppedAt);
}

QTEST_GUILESS_MAIN(SimulatedMarketTest)
#include "tst_simulatedmarket.moc"
