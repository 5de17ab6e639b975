// QuestradeClient::fetchCandles against the fake Questrade server: paging in chunks of at most 2,000
// candles, oldest first, de-duplicated, clipped boundary candles, and errors.
#include "BrokerTestSupport.h"
#include "broker/QuestradeAuth.h"
#include "broker/QuestradeClient.h"
#include "broker/QuestradeParsing.h"
#include "broker/RateLimiter.h"
#include "domain/MarketCalendar.h"
#include "fakes/QuestradeClientFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace trailguard;
using namespace trailguard::test;
using Server = test::TestQuestradeServer;

namespace {

constexpr qint64 kListed = 501;
constexpr qint64 kUnlisted = 999999;

QDateTime utcTime(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), QTimeZone::utc());
}

// `count` consecutive one-minute candles from `first`, with distinct closes.
QList<Candle> minuteCandles(const QDateTime &first, int count)
{
    QList<Candle> candles;
    for (int i = 0; i < count; ++i) {
        Candle candle;
        candle.start = first.addSecs(60LL * i);
        candle.end = candle.start.addSecs(60);
        candle.open = 100.0 + i * 0.01;
        candle.close = candle.open + 0.005;
        candle.high = candle.close + 0.01;
        candle.low = candle.open - 0.01;
        candle.volume = 1000 + i;
        candles.append(candle);
    }
    return candles;
}

QDateTime queryTimeOf(const Server::Request &request, const QString &name)
{
    const QUrlQuery query(request.query);
    return QuestradeParsing::parseTime(QJsonValue(query.queryItemValue(name, QUrl::FullyDecoded)));
}

} // namespace

class TestCandleFetch : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QuestradeClientFixture> m_fixture;
    Server *m_server = nullptr;
    QuestradeClient *m_client = nullptr;

    std::optional<Result<QList<Candle>>> fetch(qint64 id, const QDateTime &start, const QDateTime &end,
                                               CandleInterval interval)
    {
        QObject context;
        std::optional<Result<QList<Candle>>> out;
        m_client->fetchCandles(id, start, end, interval, &context,
                               [&out](Result<QList<Candle>> result) { out = std::move(result); });
        (void)QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs);
        return out;
    }

    QList<Server::Request> candleRequests() const
    {
        QList<Server::Request> matching;
        for (const Server::Request &request : m_server->requests()) {
            if (request.path.startsWith(QLatin1String("/v1/markets/candles/")))
                matching.append(request);
        }
        return matching;
    }

private Q_SLOTS:
    void init()
    {
        QuestradeClient::Options options;
        options.retryBaseDelay = std::chrono::milliseconds(50);
        options.requestTimeout = std::chrono::milliseconds(5000);
        m_fixture = std::make_unique<QuestradeClientFixture>(options);
        m_server = &m_fixture->server();
        m_server->addSymbol(Server::Symbol{QStringLiteral("RY.TO"), kListed, QStringLiteral("CAD"),
                                           QStringLiteral("TSX"), QStringLiteral("ROYAL BANK")});
        m_server->setPrice(kListed, 131.44);
        QVERIFY(m_fixture->connect());
        m_client = &m_fixture->client();
    }

    void cleanup()
    {
        m_client = nullptr;
        m_server = nullptr;
        m_fixture.reset();
    }

    void intervalNamesFollowTheContract()
    {
        QCOMPARE(QuestradeParsing::candleIntervalName(CandleInterval::OneMinute),
                 QStringLiteral("OneMinute"));
        QCOMPARE(QuestradeParsing::candleIntervalName(CandleInterval::FiveMinutes),
                 QStringLiteral("FiveMinutes"));
        QCOMPARE(QuestradeParsing::candleIntervalName(CandleInterval::FifteenMinutes),
                 QStringLiteral("FifteenMinutes"));
        QCOMPARE(QuestradeParsing::candleIntervalName(CandleInterval::HalfHour), QStringLiteral("HalfHour"));
        QCOMPARE(QuestradeParsing::candleIntervalName(CandleInterval::OneHour), QStringLiteral("OneHour"));
        QCOMPARE(QuestradeParsing::candleIntervalName(CandleInterval::OneDay), QStringLiteral("OneDay"));
        QCOMPARE(QuestradeParsing::candleIntervalName(CandleInterval::OneWeek), QStringLiteral("OneWeek"));
        QCOMPARE(QuestradeParsing::candleIntervalFromName(QStringLiteral("HalfHour")),
                 CandleInterval::HalfHour);
        QVERIFY(!QuestradeParsing::candleIntervalFromName(QStringLiteral("halfhour")));
    }

    void queryTimesCarryAnEasternOffsetAndWholeSeconds()
    {
        // Summer: -04:00; winter: -05:00; milliseconds are dropped.
        QCOMPARE(QuestradeParsing::queryTime(utcTime(2024, 5, 14, 13, 30, 5).addMSecs(250)),
                 QStringLiteral("2024-05-14T09:30:05-04:00"));
        QCOMPARE(QuestradeParsing::queryTime(utcTime(2024, 1, 2, 5)),
                 QStringLiteral("2024-01-02T00:00:00-05:00"));
    }

    void parsesCandlesDefensively()
    {
        const QByteArray body = R"({"candles": [
            {"start": "2024-05-13T00:00:00.000000-04:00", "end": "2024-05-14T00:00:00.000000-04:00",
             "open": 130.10, "high": 131.20, "low": 129.85, "close": 130.95, "volume": 4410022, "VWAP": 130.61},
            {"start": "2024-05-14T00:00:00.000000-04:00", "end": "2024-05-14T15:12:03.118000-04:00",
             "open": null, "high": null, "low": null, "close": null, "volume": 0}]})";
        const auto object = QuestradeParsing::parseObject(body);
        QVERIFY(object);
        const auto candles = QuestradeParsing::parseCandles(object.value());
        QVERIFY(candles);
        QCOMPARE(candles.value().size(), 1); // the candle without trades is left out, not zeroed
        const Candle &candle = candles.value().constFirst();
        QCOMPARE(candle.start, utcTime(2024, 5, 13, 4));
        QCOMPARE(candle.end, utcTime(2024, 5, 14, 4));
        QCOMPARE(candle.open, 130.10);
        QCOMPARE(candle.high, 131.20);
        QCOMPARE(candle.low, 129.85);
        QCOMPARE(candle.close, 130.95);
        QCOMPARE(candle.volume, qint64(4410022));

        for (const QByteArray &bad :
             {QByteArrayLiteral(R"({"candles": [{"start": "yesterday", "end": "2024-05-14T00:00:00-04:00",
                                   "open": 1, "high": 1, "low": 1, "close": 1}]})"),
              QByteArrayLiteral(R"({"candles": [{"start": "2024-05-13T00:00:00-04:00",
                                   "end": "2024-05-14T00:00:00-04:00", "open": "1", "high": 1, "low": 1,
                                   "close": 1}]})"),
              QByteArrayLiteral(R"({"candle": []})")}) {
            const auto badObject = QuestradeParsing::parseObject(bad);
            QVERIFY(badObject);
            const auto result = QuestradeParsing::parseCandles(badObject.value());
            QVERIFY(!result);
            QCOMPARE(result.error().code, ErrorCode::MalformedResponse);
        }
    }

    void chunksHoldAtMost2000CandlesOnCandleBoundaries_data()
    {
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<QDateTime>("end");
        QTest::addColumn<CandleInterval>("interval");
        QTest::addColumn<int>("chunks");
        QTest::newRow("a year of days")
            << utcTime(2024, 1, 2, 5) << utcTime(2025, 1, 2, 5) << CandleInterval::OneDay << 1;
        QTest::newRow("10 years of days")
            << utcTime(2015, 1, 2, 5) << utcTime(2025, 1, 2, 5) << CandleInterval::OneDay << 2;
        QTest::newRow("5000 aligned minutes")
            << utcTime(2024, 5, 14, 13, 20) << utcTime(2024, 5, 14, 13, 20).addSecs(5000 * 60)
            << CandleInterval::OneMinute << 3;
        QTest::newRow("4000 minutes, unaligned start")
            << utcTime(2024, 5, 14, 13, 20, 30) << utcTime(2024, 5, 14, 13, 20, 30).addSecs(4000 * 60)
            << CandleInterval::OneMinute << 3;
        QTest::newRow("a year of 5 minutes")
            << utcTime(2024, 1, 1) << utcTime(2025, 1, 1) << CandleInterval::FiveMinutes << 53;
    }

    void chunksHoldAtMost2000CandlesOnCandleBoundaries()
    {
        QFETCH(QDateTime, start);
        QFETCH(QDateTime, end);
        QFETCH(CandleInterval, interval);
        QFETCH(int, chunks);
        const auto ranges = QuestradeClient::candleChunks(start, end, interval);
        QCOMPARE(ranges.size(), chunks);
        QCOMPARE(ranges.constFirst().first, start);
        QCOMPARE(ranges.constLast().second, end);
        const qint64 seconds = candleIntervalSeconds(interval);
        for (qsizetype i = 0; i < ranges.size(); ++i) {
            const auto &[from, to] = ranges.at(i);
            QVERIFY(from < to);
            if (i > 0) {
                QCOMPARE(from, ranges.at(i - 1).second); // contiguous
                if (seconds < 86400)
                    QCOMPARE(from.toSecsSinceEpoch() % seconds, 0); // on a candle boundary
                else
                    QCOMPARE(from.toTimeZone(MarketCalendar::easternZone()).time(), QTime(0, 0));
            }
            // Candles touched, counting a clipped first one: at most 2,000.
            if (seconds < 86400) {
                const qint64 firstBucket = from.toSecsSinceEpoch() - from.toSecsSinceEpoch() % seconds;
                QVERIFY((to.toSecsSinceEpoch() - firstBucket + seconds - 1) / seconds <= 2000);
            } else {
                const QTimeZone zone = MarketCalendar::easternZone();
                QVERIFY(from.toTimeZone(zone).date().daysTo(to.addMSecs(-1).toTimeZone(zone).date()) + 1 <=
                        2000);
            }
        }
        QVERIFY(QuestradeClient::candleChunks(end, start, interval).isEmpty());
    }

    void pagesThroughALongRangeOldestFirst()
    {
        const QDateTime first = utcTime(2024, 5, 13, 13, 20);
        const QList<Candle> series = minuteCandles(first, 5000);
        m_server->setCandles(kListed, CandleInterval::OneMinute, series);

        const auto result = fetch(kListed, first, first.addSecs(5000 * 60), CandleInterval::OneMinute);
        QVERIFY2(succeeded(result), describe(result).constData());
        QCOMPARE(result->value().size(), 5000);
        QCOMPARE(result->value(), series);

        const QList<Server::Request> requests = candleRequests();
        QCOMPARE(requests.size(), 3);
        for (qsizetype i = 0; i < requests.size(); ++i) {
            const Server::Request &request = requests.at(i);
            QCOMPARE(request.status, 200);
            QCOMPARE(request.path, QStringLiteral("/v1/markets/candles/%1").arg(kListed));
            QCOMPARE(request.category, Server::Category::MarketData);
            QVERIFY2(request.query.contains(QLatin1String("interval=OneMinute")), qPrintable(request.query));
            // ISO with an offset, whole seconds: "2024-05-13T09:20:00-04:00" ('+' would be %2B).
            static const QRegularExpression iso(QStringLiteral(
                R"(startTime=\d{4}-\d\d-\d\dT\d\d(:|%3A)\d\d(:|%3A)\d\d-0[45](:|%3A)00&endTime=)"));
            QVERIFY2(iso.match(request.query).hasMatch(), qPrintable(request.query));
            if (i > 0) // in order, each chunk starting where the last ended
                QCOMPARE(queryTimeOf(request, QStringLiteral("startTime")),
                         queryTimeOf(requests.at(i - 1), QStringLiteral("endTime")));
        }
        QCOMPARE(queryTimeOf(requests.constFirst(), QStringLiteral("startTime")), first);
        QCOMPARE(queryTimeOf(requests.constLast(), QStringLiteral("endTime")), first.addSecs(5000 * 60));
    }

    void clippedBoundaryCandlesAreKept()
    {
        const QDateTime first = utcTime(2024, 5, 13, 13, 20);
        m_server->setCandles(kListed, CandleInterval::OneMinute, minuteCandles(first, 10));
        // From the middle of the 3rd minute to the middle of the 7th.
        const QDateTime start = first.addSecs(2 * 60 + 30);
        const QDateTime end = first.addSecs(6 * 60 + 15);
        const auto result = fetch(kListed, start, end, CandleInterval::OneMinute);
        QVERIFY2(succeeded(result), describe(result).constData());
        const QList<Candle> candles = result->value();
        QCOMPARE(candles.size(), 5); // minutes 2 (clipped), 3, 4, 5, 6 (clipped)
        QCOMPARE(candles.constFirst().start, start);
        QCOMPARE(candles.constFirst().end, first.addSecs(3 * 60));
        QCOMPARE(candles.constFirst().close, 100.02 + 0.005);
        QCOMPARE(candles.constLast().start, first.addSecs(6 * 60));
        QCOMPARE(candles.constLast().end, end);
    }

    void piecesOfOneCandleAcrossChunksAreJoined()
    {
        // A series whose candles do not sit on minute boundaries, so one straddles the chunk boundary
        // and comes back clipped from both calls; the two pieces make one candle again.
        const QDateTime first = utcTime(2024, 5, 13, 13, 0, 30);
        QList<Candle> series = minuteCandles(first, 2100);
        m_server->setCandles(kListed, CandleInterval::OneMinute, series);
        const auto result = fetch(kListed, first, first.addSecs(2100 * 60), CandleInterval::OneMinute);
        QVERIFY2(succeeded(result), describe(result).constData());
        QCOMPARE(candleRequests().size(), 2);
        QCOMPARE(result->value().size(), 2100);
        for (qsizetype i = 0; i < series.size(); ++i) {
            QCOMPARE(result->value().at(i).start, series.at(i).start);
            QCOMPARE(result->value().at(i).end, series.at(i).end);
            QCOMPARE(result->value().at(i).close, series.at(i).close);
        }
    }

    void repeatedCandlesAreDropped()
    {
        // The server repeats a candle (same start) within an answer: it is kept once.
        QList<Candle> series = minuteCandles(utcTime(2024, 5, 13, 14), 5);
        series.insert(2, series.at(2));
        m_server->setCandles(kListed, CandleInterval::OneMinute, series);
        const auto result =
            fetch(kListed, utcTime(2024, 5, 13, 14), utcTime(2024, 5, 13, 14, 5), CandleInterval::OneMinute);
        QVERIFY2(succeeded(result), describe(result).constData());
        QCOMPARE(result->value(), minuteCandles(utcTime(2024, 5, 13, 14), 5));
    }

    void aYearOfGeneratedDailyCandles()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime start = QDateTime(now.toTimeZone(MarketCalendar::easternZone()).date().addYears(-1),
                                          QTime(0, 0), MarketCalendar::easternZone())
                                    .toUTC();
        const auto result = fetch(kListed, start, now, CandleInterval::OneDay);
        QVERIFY2(succeeded(result), describe(result).constData());
        const QList<Candle> candles = result->value();
        QCOMPARE(candleRequests().size(), 1);
        QVERIFY2(candles.size() >= 250 && candles.size() <= 262, qPrintable(QString::number(candles.size())));
        for (qsizetype i = 0; i < candles.size(); ++i) {
            const Candle &candle = candles.at(i);
            QVERIFY(candle.low <= std::min(candle.open, candle.close));
            QVERIFY(candle.high >= std::max(candle.open, candle.close));
            QVERIFY(candle.start.toTimeZone(MarketCalendar::easternZone()).date().dayOfWeek() <= 5);
            if (i > 0)
                QVERIFY(candle.start > candles.at(i - 1).start);
        }
        QVERIFY(candles.constLast().end <= QDateTime::currentDateTimeUtc());
        // Deterministic: the same range gives the same candles (the in-progress one aside).
        const auto again = fetch(kListed, start, now, CandleInterval::OneDay);
        QVERIFY(succeeded(again));
        QCOMPARE(again->value().mid(0, candles.size() - 1), candles.mid(0, candles.size() - 1));
    }

    void tooWideAChunkIsHalved()
    {
        m_server->setCandles(kListed, CandleInterval::OneMinute,
                             minuteCandles(utcTime(2024, 5, 13, 14), 100));
        m_server->failNextRequests(1, 400, 1003);
        const auto result =
            fetch(kListed, utcTime(2024, 5, 13, 14), utcTime(2024, 5, 13, 15, 40), CandleInterval::OneMinute);
        QVERIFY2(succeeded(result), describe(result).constData());
        QCOMPARE(result->value().size(), 100);
        const QList<Server::Request> requests = candleRequests();
        QCOMPARE(requests.size(), 3); // refused, then two halves
        QCOMPARE(requests.at(0).status, 400);
        QCOMPARE(queryTimeOf(requests.at(1), QStringLiteral("endTime")), utcTime(2024, 5, 13, 14, 50));
        QCOMPARE(queryTimeOf(requests.at(2), QStringLiteral("startTime")), utcTime(2024, 5, 13, 14, 50));
    }

    void serverErrorsAreRetried()
    {
        m_server->setCandles(kListed, CandleInterval::OneMinute, minuteCandles(utcTime(2024, 5, 13, 14), 3));
        m_server->failNextRequests(2, 500, 1008);
        const auto result =
            fetch(kListed, utcTime(2024, 5, 13, 14), utcTime(2024, 5, 13, 14, 3), CandleInterval::OneMinute);
        QVERIFY2(succeeded(result), describe(result).constData());
        QCOMPARE(result->value().size(), 3);
        QCOMPARE(candleRequests().size(), 3);
    }

    void unknownSymbolFails()
    {
        const auto result =
            fetch(kUnlisted, utcTime(2024, 5, 13, 14), utcTime(2024, 5, 14, 14), CandleInterval::OneDay);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, ErrorCode::SymbolNotFound);
    }

    void aFailedChunkFailsTheWholeFetch()
    {
        const QDateTime first = utcTime(2024, 5, 13, 13, 20);
        m_server->setCandles(kListed, CandleInterval::OneMinute, minuteCandles(first, 3000));
        m_server->failNextRequests(1, 400, 1002);
        const auto result = fetch(kListed, first, first.addSecs(3000 * 60), CandleInterval::OneMinute);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, ErrorCode::RequestRejected);
        QCOMPARE(candleRequests().size(), 1); // the rest is not asked for
    }

    void malformedAnswerFails()
    {
        m_server->sendMalformedJson(1);
        const auto result =
            fetch(kListed, utcTime(2024, 5, 13, 4), utcTime(2024, 5, 14, 4), CandleInterval::OneDay);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, ErrorCode::MalformedResponse);
    }

    void emptyRangeAsksNothing()
    {
        const auto result =
            fetch(kListed, utcTime(2024, 5, 14, 4), utcTime(2024, 5, 14, 4), CandleInterval::OneDay);
        QVERIFY2(succeeded(result), describe(result).constData());
        QVERIFY(result->value().isEmpty());
        QCOMPARE(candleRequests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCandleFetch)
#include "tst_candlefetch.moc"
