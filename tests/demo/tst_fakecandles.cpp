// The fake Questrade server's candles endpoint (v1/markets/candles/{id}, questrade-api.md §4): the
// range, clipping, the 2,000-candle cap, argument errors and the generated daily series.
#include "demo/FakeQuestradeEndpoints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace trailguard;
namespace endpoints = trailguard::FakeQuestradeEndpoints;

namespace {

constexpr qint64 kListed = 34658;
constexpr qint64 kOnlyCandles = 424242; // not listed, but given candles

QDateTime utcTime(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

QList<Candle> minutes(const QDateTime &first, int count)
{
    QList<Candle> candles;
    for (int i = 0; i < count; ++i) {
        Candle candle;
        candle.start = first.addSecs(60LL * i);
        candle.end = candle.start.addSecs(60);
        candle.open = candle.high = candle.low = candle.close = 10.0 + i;
        candle.volume = i;
        candles.append(candle);
    }
    return candles;
}

struct Answer {
    int status = 0;
    QJsonObject json;
    QJsonArray candles() const { return json.value(QStringLiteral("candles")).toArray(); }
    int code() const { return json.value(QStringLiteral("code")).toInt(); }
};

} // namespace

class TestFakeCandles : public QObject {
    Q_OBJECT

private:
    endpoints::Market m_market;
    endpoints::CandleSeries m_series;
    QDateTime m_now = utcTime(2024, 5, 15, 19, 12); // a Wednesday, 15:12 in Toronto

    Answer ask(qint64 id, const QString &query)
    {
        const endpoints::RouteMatch match =
            endpoints::matchRoute(QStringLiteral("/v1/markets/candles/%1").arg(id));
        const http::Response response =
            endpoints::candles(m_market, m_series, match, endpoints::parseForm(query.toUtf8()), m_now);
        return Answer{response.status, QJsonDocument::fromJson(response.body).object()};
    }

private Q_SLOTS:
    void init()
    {
        m_market.clear();
        m_series.clear();
        FakeQuestradeServer::Symbol symbol{QStringLiteral("RY.TO"), kListed, QStringLiteral("CAD"),
                                           QStringLiteral("TSX"), QStringLiteral("ROYAL BANK")};
        m_market[kListed].symbol = symbol;
        FakeQuestradeServer::Quote quote;
        quote.lastTradePrice = 131.44;
        quote.lastTradeTime = m_now;
        QuestradeJson::applyQuote(m_market[kListed], quote);
        m_series[{kOnlyCandles, CandleInterval::OneMinute}] = minutes(utcTime(2024, 5, 14, 14), 2500);
    }

    void routeMatchesCandles()
    {
        const auto match = endpoints::matchRoute(QStringLiteral("/v1/markets/candles/123"));
        QCOMPARE(match.route, endpoints::Route::Candles);
        QCOMPARE(match.pathId, QStringLiteral("123"));
        QCOMPARE(endpoints::matchRoute(QStringLiteral("/v1/markets/candles/")).route,
                 endpoints::Route::Unknown);
    }

    void answersOnlyTheRequestedRangeClipped()
    {
        // 14:02:30Z to 14:05:00Z: minutes 2 (clipped), 3, 4.
        const Answer answer = ask(kOnlyCandles, QStringLiteral("startTime=2024-05-14T10:02:30-04:00&endTime="
                                                               "2024-05-14T14:05:00Z&interval=OneMinute"));
        QCOMPARE(answer.status, 200);
        const QJsonArray candles = answer.candles();
        QCOMPARE(candles.size(), 3);
        QCOMPARE(candles.at(0)[QStringLiteral("start")].toString(),
                 QStringLiteral("2024-05-14T10:02:30.000000-04:00"));
        QCOMPARE(candles.at(0)[QStringLiteral("end")].toString(),
                 QStringLiteral("2024-05-14T10:03:00.000000-04:00"));
        QCOMPARE(candles.at(0)[QStringLiteral("close")].toDouble(), 12.0);
        QCOMPARE(candles.at(2)[QStringLiteral("start")].toString(),
                 QStringLiteral("2024-05-14T10:04:00.000000-04:00"));
        QVERIFY(candles.at(0).toObject().contains(QStringLiteral("VWAP")));
        QVERIFY(candles.at(0).toObject().contains(QStringLiteral("volume")));
    }

    void otherIntervalsOfTheSameSymbolAreEmpty()
    {
        const Answer answer =
            ask(kOnlyCandles, QStringLiteral("startTime=2024-05-14T10:00:00-04:00&endTime="
                                             "2024-05-14T11:00:00-04:00&interval=FiveMinutes"));
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.candles().isEmpty());
    }

    void atMost2000CandlesPerAnswer()
    {
        const Answer full = ask(kOnlyCandles, QStringLiteral("startTime=2024-05-14T14:00:00Z&endTime="
                                                             "2024-05-15T23:20:00Z&interval=OneMinute"));
        QCOMPARE(full.status, 200);
        QCOMPARE(full.candles().size(), 2000);
        const Answer tooMany = ask(kOnlyCandles, QStringLiteral("startTime=2024-05-14T14:00:00Z&endTime="
                                                                "2024-05-15T23:21:00Z&interval=OneMinute"));
        QCOMPARE(tooMany.status, 400);
        QCOMPARE(tooMany.code(), 1003);
        QVERIFY(!tooMany.json.value(QStringLiteral("message")).toString().isEmpty());
    }

    void argumentErrors_data()
    {
        QTest::addColumn<qint64>("id");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::newRow("no interval") << kListed
                                     << QStringLiteral(
                                            "startTime=2024-05-14T00:00:00Z&endTime=2024-05-15T00:00:00Z")
                                     << 400 << 1004;
        QTest::newRow("no start") << kListed << QStringLiteral("endTime=2024-05-15T00:00:00Z&interval=OneDay")
                                  << 400 << 1004;
        QTest::newRow("unknown interval")
            << kListed
            << QStringLiteral("startTime=2024-05-14T00:00:00Z&endTime=2024-05-15T00:00:00Z&interval=Daily")
            << 400 << 1002;
        QTest::newRow("no offset")
            << kListed
            << QStringLiteral("startTime=2024-05-14T00:00:00&endTime=2024-05-15T00:00:00Z&interval=OneDay")
            << 400 << 1002;
        // An unencoded '+' arrives as a space.
        QTest::newRow("raw plus")
            << kListed
            << QStringLiteral(
                   "startTime=2024-05-14T00:00:00+01:00&endTime=2024-05-15T00:00:00Z&interval=OneDay")
            << 400 << 1002;
        QTest::newRow("end before start")
            << kListed
            << QStringLiteral("startTime=2024-05-15T00:00:00Z&endTime=2024-05-14T00:00:00Z&interval=OneDay")
            << 400 << 1002;
        QTest::newRow("unknown symbol")
            << qint64(999999)
            << QStringLiteral("startTime=2024-05-14T00:00:00Z&endTime=2024-05-15T00:00:00Z&interval=OneDay")
            << 404 << 1019;
    }

    void argumentErrors()
    {
        QFETCH(qint64, id);
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(int, code);
        const Answer answer = ask(id, query);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.code(), code);
    }

    void encodedPlusOffsetIsAccepted()
    {
        const Answer answer =
            ask(kOnlyCandles, QStringLiteral("startTime=2024-05-14T15:00:00%2B01:00&endTime="
                                             "2024-05-14T15:03:00%2B01:00&interval=OneMinute"));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.candles().size(), 3);
    }

    void generatedDailySeriesForListedSymbols()
    {
        const Answer answer = ask(kListed, QStringLiteral("startTime=2024-05-06T00:00:00-04:00&endTime="
                                                          "2024-05-20T00:00:00-04:00&interval=OneDay"));
        QCOMPARE(answer.status, 200);
        const QJsonArray candles = answer.candles();
        // Weekdays of May 6-15 (the 15th in progress): 6,7,8,9,10,13,14,15. Nothing after "now".
        QCOMPARE(candles.size(), 8);
        QCOMPARE(candles.at(0)[QStringLiteral("start")].toString(),
                 QStringLiteral("2024-05-06T00:00:00.000000-04:00"));
        QCOMPARE(candles.at(4)[QStringLiteral("end")].toString(),
                 QStringLiteral("2024-05-11T00:00:00.000000-04:00"));
        QCOMPARE(candles.at(5)[QStringLiteral("start")].toString(),
                 QStringLiteral("2024-05-13T00:00:00.000000-04:00"));
        QCOMPARE(candles.at(7)[QStringLiteral("end")].toString(),
                 QStringLiteral("2024-05-15T15:12:00.000000-04:00"));
        // Anchored on the symbol's price: today's close is the first price seen.
        QCOMPARE(candles.at(7)[QStringLiteral("close")].toDouble(), 131.44);
        for (const QJsonValue &value : candles) {
            const QJsonObject candle = value.toObject();
            const double low = candle[QStringLiteral("low")].toDouble();
            const double high = candle[QStringLiteral("high")].toDouble();
            QVERIFY(low > 0 && low <= high);
            QVERIFY(low <= candle[QStringLiteral("open")].toDouble() &&
                    candle[QStringLiteral("open")].toDouble() <= high);
            QVERIFY(low <= candle[QStringLiteral("close")].toDouble() &&
                    candle[QStringLiteral("close")].toDouble() <= high);
        }
        // The same request answers the same series.
        QCOMPARE(ask(kListed, QStringLiteral("startTime=2024-05-06T00:00:00-04:00&endTime="
                                             "2024-05-20T00:00:00-04:00&interval=OneDay"))
                     .candles(),
                 candles);
        // A sub-range answers the same candles for its days.
        const QJsonArray part = ask(kListed, QStringLiteral("startTime=2024-05-07T00:00:00-04:00&endTime="
                                                            "2024-05-09T00:00:00-04:00&interval=OneDay"))
                                    .candles();
        QCOMPARE(part.size(), 2);
        QCOMPARE(part.at(0), candles.at(1));
        QCOMPARE(part.at(1), candles.at(2));
    }

    void generatedSeriesIsDailyOnly()
    {
        const Answer answer = ask(kListed, QStringLiteral("startTime=2024-05-14T10:00:00-04:00&endTime="
                                                          "2024-05-14T11:00:00-04:00&interval=OneMinute"));
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.candles().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFakeCandles)
#include "tst_fakecandles.moc"
