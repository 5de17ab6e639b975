#include "broker/QuestradeParsing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace trailguard;
namespace QP = trailguard::QuestradeParsing;

namespace {
QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc());
}
} // namespace

class TestQuestradeParsing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Found by fuzz_stream_message: a symbolId beyond qint64 was cast to it (undefined behaviour).
    void idsBeyondTheRangeAreNoIds()
    {
        QCOMPARE(QuestradeParsing::readId(QJsonValue(1e300)), std::nullopt);
        QCOMPARE(QuestradeParsing::readId(QJsonValue(9.3e18)), std::nullopt);
        QCOMPARE(QuestradeParsing::readId(QJsonValue(-5.0)), std::nullopt);
        QCOMPARE(QuestradeParsing::readId(QJsonValue(12.5)), std::nullopt);
        QCOMPARE(QuestradeParsing::readId(QJsonValue(8049.0)), std::optional<qint64>(8049));
        QCOMPARE(QuestradeParsing::readId(QJsonValue(QStringLiteral("8049"))), std::optional<qint64>(8049));
    }

    void qtReadsSixFractionalDigits()
    {
        // questrade-api.md §0 asks to check this on the Qt we build with (6.4 here).
        const QDateTime time =
            QDateTime::fromString(QStringLiteral("2024-05-14T15:59:58.812000-04:00"), Qt::ISODateWithMs);
        QVERIFY(time.isValid());
        QCOMPARE(time.toUTC(), utc(2024, 5, 14, 19, 59, 58, 812));
    }

    void parseTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("six digits, summer")
            << QStringLiteral("2024-05-14T15:59:58.812000-04:00") << utc(2024, 5, 14, 19, 59, 58, 812);
        QTest::newRow("six digits, winter")
            << QStringLiteral("2024-01-15T09:30:00.000000-05:00") << utc(2024, 1, 15, 14, 30, 0);
        QTest::newRow("six digits, rounding")
            << QStringLiteral("2024-05-14T15:59:58.812400-04:00") << utc(2024, 5, 14, 19, 59, 58, 812);
        QTest::newRow("three digits")
            << QStringLiteral("2019-10-11T19:21:10.042-04:00") << utc(2019, 10, 11, 23, 21, 10, 42);
        QTest::newRow("whole seconds, Z")
            << QStringLiteral("2024-05-14T19:59:58Z") << utc(2024, 5, 14, 19, 59, 58);
        QTest::newRow("no offset is not Questrade's")
            << QStringLiteral("2024-05-14T15:59:58.812000") << QDateTime();
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
        QTest::newRow("empty") << QString() << QDateTime();
    }
    void parseTime()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime time = QP::parseTime(QJsonValue(text));
        QCOMPARE(time.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(time, expected);
            QCOMPARE(time.timeSpec(), Qt::UTC);
        }
    }

    // The usual form is read by hand; every form must read exactly as QDateTime reads it.
    void parseTimeAgreesWithQDateTime_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *text : {"2024-05-14T15:59:58.812000-04:00", "2024-05-14T15:59:58.812500-04:00",
                                 "2024-05-14T15:59:58.812501-04:00", "2024-05-14T15:59:58.812499-04:00",
                                 "2024-05-14T15:59:58.999600-04:00", "2024-12-31T23:59:59.9996+00:00",
                                 "2024-05-14T15:59:58.8-04:00",      "2024-05-14T15:59:58.81Z",
                                 "2024-05-14T15:59:58+05:30",        "2024-02-29T00:00:00.000000-05:00",
                                 "2023-02-29T00:00:00.000000-05:00", "2024-05-14T24:00:00-04:00",
                                 "2024-05-14T15:60:00-04:00",        "2024-05-14T15:59:58.-04:00",

                                 "2024-05-14T15:59:58-0400",         "2024-05-14T15:59:58.812000-04",
                                 "2024-05-14 15:59:58.812000-04:00", "0999-05-14T15:59:58Z",
                                 "1970-01-01T00:00:00.000Z",         "1969-12-31T23:59:59.999Z",
                                 "2024-05-14T15:59:58.812000+14:00"}) {
            QTest::newRow(text) << QString::fromLatin1(text);
        }
    }
    void parseTimeAgreesWithQDateTime()
    {
        QFETCH(QString, text);
        QDateTime expected = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (expected.isValid() && expected.timeSpec() == Qt::LocalTime)
            expected = QDateTime(); // not Questrade's format
        const QDateTime time = QP::parseTime(QJsonValue(text));
        QCOMPARE(time.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(time.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
            QCOMPARE(time.timeSpec(), Qt::UTC);
        }
    }

    void parseTimeOfNonStrings()
    {
        QVERIFY(!QP::parseTime(QJsonValue()).isValid());
        QVERIFY(!QP::parseTime(QJsonValue(QJsonValue::Undefined)).isValid());
        QVERIFY(!QP::parseTime(QJsonValue(1715716798)).isValid());
    }

    void parseQuotesReadsTheContractExample()
    {
        const Result<QList<BrokerQuote>> quotes =
            QP::parseQuotes(object("{\"quotes\": [ "
                                   "            {\"symbol\": \"RY.TO\", \"symbolId\": 34658, \"tier\": \"\", "
                                   "\"bidPrice\": 131.42, \"bidSize\": 3, "
                                   "             \"askPrice\": 131.45, \"askSize\": 6, "
                                   "\"lastTradePriceTrHrs\": 131.44, \"lastTradePrice\": 131.44, "
                                   "             \"lastTradeSize\": 200, \"lastTradeTick\": \"Down\", "
                                   "\"lastTradeTime\": \"2024-05-14T15:59:58.812000-04:00\", "
                                   "             \"volume\": 3120455, \"openPrice\": 130.90, \"highPrice\": "
                                   "131.88, \"lowPrice\": 130.51, "
                                   "             \"delay\": 0, \"isHalted\": false, \"high52w\": 134.12, "
                                   "\"low52w\": 107.92, \"VWAP\": 131.27}]}"));
        QVERIFY2(quotes.ok(), qPrintable(quotes.ok() ? QString() : quotes.error().message));
        QCOMPARE(quotes.value().size(), 1);
        const BrokerQuote &quote = quotes.value().constFirst();
        QCOMPARE(quote.symbolId, 34658);
        QCOMPARE(quote.symbol, QStringLiteral("RY.TO"));
        QCOMPARE(quote.lastTradePrice, std::optional<double>(131.44));
        QCOMPARE(quote.usablePrice(), std::optional<double>(131.44));
        QCOMPARE(quote.lastTradeTime, utc(2024, 5, 14, 19, 59, 58, 812));
        QVERIFY(!quote.halted);
        QVERIFY(!quote.delayed);
    }

    void parseQuotesFields_data()
    {
        QTest::addColumn<QByteArray>("fields"); // spliced into {"symbolId": 7, ...}
        QTest::addColumn<std::optional<double>>("price");
        QTest::addColumn<bool>("halted");
        QTest::addColumn<bool>("delayed");
        const std::optional<double> none;
        QTest::newRow("null price stays empty")
            << QByteArray("\"lastTradePrice\": null") << none << false << false;
        QTest::newRow("missing price stays empty")
            << QByteArray("\"bidPrice\": 3.5") << none << false << false;
        QTest::newRow("zero price is no trade")
            << QByteArray("\"lastTradePrice\": 0") << none << false << false;
        QTest::newRow("halted") << QByteArray("\"lastTradePrice\": 12.5, \"isHalted\": true")
                                << std::optional<double>(12.5) << true << false;
        QTest::newRow("delay as number 1") << QByteArray("\"lastTradePrice\": 1.25, \"delay\": 1")
                                           << std::optional<double>(1.25) << false << true;
        QTest::newRow("delay as number 15") << QByteArray("\"lastTradePrice\": 1.25, \"delay\": 15")
                                            << std::optional<double>(1.25) << false << true;
        QTest::newRow("delay as true") << QByteArray("\"lastTradePrice\": 1.25, \"delay\": true")
                                       << std::optional<double>(1.25) << false << true;
        QTest::newRow("delay as false") << QByteArray("\"lastTradePrice\": 1.25, \"delay\": false")
                                        << std::optional<double>(1.25) << false << false;
        QTest::newRow("delay null") << QByteArray("\"lastTradePrice\": 1.25, \"delay\": null")
                                    << std::optional<double>(1.25) << false << false;
    }
    void parseQuotesFields()
    {
        QFETCH(QByteArray, fields);
        QFETCH(std::optional<double>, price);
        QFETCH(bool, halted);
        QFETCH(bool, delayed);
        const QByteArray json = "{\"quotes\": [{\"symbol\": \"X\", \"symbolId\": 7, " + fields + "}]}";
        const Result<QList<BrokerQuote>> quotes = QP::parseQuotes(object(json.constData()));
        QVERIFY2(quotes.ok(), qPrintable(quotes.ok() ? QString() : quotes.error().message));
        QCOMPARE(quotes.value().size(), 1);
        const BrokerQuote &quote = quotes.value().constFirst();
        QCOMPARE(quote.lastTradePrice, price);
        QCOMPARE(quote.halted, halted);
        QCOMPARE(quote.delayed, delayed);
        QCOMPARE(quote.usablePrice(), halted ? std::nullopt : price);
    }

    void parseQuotesRefusesAnAnswerWithoutAList_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("no quotes key") << QByteArray("{\"quote\": []}");
        QTest::newRow("quotes not a list") << QByteArray("{\"quotes\": {\"symbolId\": 1}}");
    }
    void parseQuotesRefusesAnAnswerWithoutAList()
    {
        QFETCH(QByteArray, json);
        const Result<QList<BrokerQuote>> quotes = QP::parseQuotes(object(json.constData()));
        QVERIFY(!quotes.ok());
        QCOMPARE(quotes.error().code, ErrorCode::MalformedResponse);
        QVERIFY(!quotes.error().message.isEmpty());
    }

    void parseQuoteRefusesWhatItCannotTrust_data()
    {
        QTest::addColumn<QByteArray>("record"); // one entry of "quotes"
        QTest::newRow("entry not an object") << QByteArray("5");
        QTest::newRow("no symbolId") << QByteArray("{\"symbol\": \"A\", \"lastTradePrice\": 1.0}");
        QTest::newRow("symbolId negative") << QByteArray("{\"symbolId\": -4, \"lastTradePrice\": 1.0}");
        QTest::newRow("symbolId fraction") << QByteArray("{\"symbolId\": 4.5, \"lastTradePrice\": 1.0}");
        QTest::newRow("price as text") << QByteArray("{\"symbolId\": 4, \"lastTradePrice\": \"12.5\"}");
        QTest::newRow("negative price") << QByteArray("{\"symbolId\": 4, \"lastTradePrice\": -1}");
        QTest::newRow("price object") << QByteArray("{\"symbolId\": 4, \"lastTradePrice\": {}}");
        QTest::newRow("regular-session price as text")
            << QByteArray("{\"symbolId\": 4, \"lastTradePrice\": 2, \"lastTradePriceTrHrs\": \"x\"}");
        QTest::newRow("delay as text") << QByteArray("{\"symbolId\": 4, \"delay\": \"no\"}");
        QTest::newRow("halted as text") << QByteArray("{\"symbolId\": 4, \"isHalted\": \"false\"}");
        QTest::newRow("symbol as number") << QByteArray("{\"symbolId\": 4, \"symbol\": 4}");
    }
    void parseQuoteRefusesWhatItCannotTrust()
    {
        QFETCH(QByteArray, record);
        const QJsonValue value = QJsonDocument::fromJson("[" + record + "]").array().at(0);
        const Result<BrokerQuote> quote = QP::parseQuote(value);
        QVERIFY(!quote.ok());
        QCOMPARE(quote.error().code, ErrorCode::MalformedResponse);
        QVERIFY(!quote.error().message.isEmpty());

        // Among good records it costs itself only: the batch is still read.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Dropped the quote of ")));
        const QByteArray batch =
            "{\"quotes\": [{\"symbol\": \"B\", \"symbolId\": 8, \"lastTradePrice\": 2}, " + record +
            ", {\"symbol\": \"C\", \"symbolId\": 9, \"lastTradePrice\": 3}]}";
        const Result<QList<BrokerQuote>> quotes = QP::parseQuotes(object(batch.constData()));
        QVERIFY2(quotes.ok(), qPrintable(quotes.ok() ? QString() : quotes.error().message));
        QCOMPARE(quotes.value().size(), 2);
        QCOMPARE(quotes.value().at(0).symbolId, 8);
        QCOMPARE(quotes.value().at(1).symbolId, 9);
    }

    void droppedRecordsAreLoggedWithTheirSymbol()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "^Dropped the quote of ENB\\.TO: .*lastTradePrice")));
        const Result<QList<BrokerQuote>> quotes = QP::parseQuotes(
            object("{\"quotes\": [{\"symbol\": \"ENB.TO\", \"symbolId\": 4, \"lastTradePrice\": \"52\"}]}"));
        QVERIFY(quotes.ok());
        QVERIFY(quotes.value().isEmpty());
    }

    void regularSessionPriceIsReadBesideTheLastTrade_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<std::optional<double>>("regular");
        QTest::addColumn<std::optional<double>>("stopPrice"); // regularPrice()
        QTest::addColumn<bool>("extended");
        const std::optional<double> none;
        QTest::newRow("same") << QByteArray("\"lastTradePriceTrHrs\": 10.5, \"lastTradePrice\": 10.5")
                              << std::optional<double>(10.5) << std::optional<double>(10.5) << false;
        QTest::newRow("after hours") << QByteArray("\"lastTradePriceTrHrs\": 10.5, \"lastTradePrice\": 9.75")
                                     << std::optional<double>(10.5) << std::optional<double>(10.5) << true;
        QTest::newRow("regular null") << QByteArray("\"lastTradePriceTrHrs\": null, \"lastTradePrice\": 9.75")
                                      << none << std::optional<double>(9.75) << false;
        QTest::newRow("regular absent")
            << QByteArray("\"lastTradePrice\": 9.75") << none << std::optional<double>(9.75) << false;
        QTest::newRow("halted") << QByteArray("\"lastTradePriceTrHrs\": 10.5, \"isHalted\": true")
                                << std::optional<double>(10.5) << none << false;
    }
    void regularSessionPriceIsReadBesideTheLastTrade()
    {
        QFETCH(QByteArray, fields);
        QFETCH(std::optional<double>, regular);
        QFETCH(std::optional<double>, stopPrice);
        QFETCH(bool, extended);
        const QByteArray json = "{\"quotes\": [{\"symbol\": \"X\", \"symbolId\": 7, " + fields + "}]}";
        const Result<QList<BrokerQuote>> quotes = QP::parseQuotes(object(json.constData()));
        QVERIFY(quotes.ok());
        QCOMPARE(quotes.value().size(), 1);
        const BrokerQuote &quote = quotes.value().constFirst();
        QCOMPARE(quote.regularTradePrice, regular);
        QCOMPARE(quote.regularPrice(), stopPrice);
        QCOMPARE(quote.lastTradeIsExtendedHours(), extended);
    }

    void symbolIdMayComeAsText()
    {
        const Result<QList<BrokerQuote>> quotes =
            QP::parseQuotes(object("{\"quotes\": [{\"symbolId\": \"8049\", \"lastTradePrice\": 3.5}]}"));
        QVERIFY(quotes.ok());
        QCOMPARE(quotes.value().constFirst().symbolId, 8049);
    }

    void parseObject_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::newRow("object") << QByteArray("{\"a\": 1}") << true;
        QTest::newRow("cut in half") << QByteArray("{\"quotes\": [{\"symbolId\": 1, \"lastTr") << false;
        QTest::newRow("array") << QByteArray("[1, 2]") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("html") << QByteArray("<html>Bad Gateway</html>") << false;
    }
    void parseObject()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        const Result<QJsonObject> result = QP::parseObject(body);
        QCOMPARE(result.ok(), ok);
        if (!ok)
            QCOMPARE(result.error().code, ErrorCode::MalformedResponse);
    }

    void parseTokenAnswer()
    {
        const Result<QP::TokenAnswer> answer =
            QP::parseTokenAnswer("{ "
                                 "            \"access_token\": \"Zx81kQ-EXAMPLE-ACCESS-mP0q\", "
                                 "\"token_type\": \"Bearer\", \"expires_in\": 1800, "
                                 "            \"refresh_token\": \"r7Tt2w-EXAMPLE-REFRESH-Lk9d\", "
                                 "\"api_server\": \"https://api03.iq.questrade.com/\"}");
        QVERIFY(answer.ok());
        QCOMPARE(answer.value().accessToken, QByteArray("Zx81kQ-EXAMPLE-ACCESS-mP0q"));
        QCOMPARE(answer.value().refreshToken, QByteArray("r7Tt2w-EXAMPLE-REFRESH-Lk9d"));
        QCOMPARE(answer.value().apiServer, QUrl(QStringLiteral("https://api03.iq.questrade.com/")));
        QCOMPARE(answer.value().expiresInSeconds, 1800);
    }

    void parseTokenAnswerDropsStrayBackslashes()
    {
        const Result<QP::TokenAnswer> answer =
            QP::parseTokenAnswer("{\"access_token\": \"a\", \"expires_in\": 1800, \"refresh_token\": \"r\", "
                                 "\"api_server\": \"https:\\/\\/api01.iq.questrade.com\\\\/\"}");
        QVERIFY(answer.ok());
        QCOMPARE(answer.value().apiServer, QUrl(QStringLiteral("https://api01.iq.questrade.com/")));
    }

    void parseTokenAnswerRefusesIncompleteAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no access token")
            << QByteArray("{\"expires_in\": 1800, \"refresh_token\": \"r\", \"api_server\": \"https://a/\"}");
        QTest::newRow("no refresh token")
            << QByteArray("{\"access_token\": \"a\", \"expires_in\": 1800, \"api_server\": \"https://a/\"}");
        QTest::newRow("no api server")
            << QByteArray("{\"access_token\": \"a\", \"expires_in\": 1800, \"refresh_token\": \"r\"}");
        QTest::newRow("zero lifetime")
            << QByteArray("{\"access_token\": \"a\", \"expires_in\": 0, \"refresh_token\": \"r\", "
                          "\"api_server\": \"https://a/\"}");
        QTest::newRow("lifetime as text")
            << QByteArray("{\"access_token\": \"a\", \"expires_in\": \"soon\", \"refresh_token\": \"r\", "
                          "\"api_server\": \"https://a/\"}");
        QTest::newRow("truncated") << QByteArray("{\"access_token\": \"a\", \"expires_in\": 18");
    }
    void parseTokenAnswerRefusesIncompleteAnswers()
    {
        QFETCH(QByteArray, body);
        const Result<QP::TokenAnswer> answer = QP::parseTokenAnswer(body);
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::MalformedResponse);
    }

    void salvageRefreshToken()
    {
        QCOMPARE(QP::salvageRefreshToken("{\"refresh_token\": \"r7\", \"api_server\": 5}"), QByteArray("r7"));
        QVERIFY(QP::salvageRefreshToken("{\"refresh_to").isEmpty());
    }

    void parseApiError_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code"); // -1: none
        QTest::addColumn<QString>("message");
        QTest::newRow("number") << QByteArray("{\"code\": 1017, \"message\": \"Access token is invalid\"}")
                                << 1017 << QStringLiteral("Access token is invalid");
        QTest::newRow("string") << QByteArray("{\"code\": \"1006\", \"message\": \"Rate limit exceeded.\"}")
                                << 1006 << QStringLiteral("Rate limit exceeded.");
        QTest::newRow("message only")
            << QByteArray("{\"message\": \"nope\"}") << -1 << QStringLiteral("nope");
    }
    void parseApiError()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, message);
        const std::optional<QP::ApiError> error = QP::parseApiError(body);
        QVERIFY(error.has_value());
        QCOMPARE(error->code.value_or(-1), code);
        QCOMPARE(error->message, message);
    }

    void parseApiErrorOfOtherBodies()
    {
        QVERIFY(!QP::parseApiError("Bad Request").has_value());
        QVERIFY(!QP::parseApiError("{\"quotes\": []}").has_value());
    }

    void parseSymbolSearch()
    {
        const Result<QList<QP::SymbolCandidate>> symbols =
            QP::parseSymbolSearch(object("{\"symbols\": [ "
                                         "            {\"symbol\": \"SHOP.TO\", \"symbolId\": 4242001, "
                                         "\"description\": \"SHOPIFY INC CL A SUB VTG\", "
                                         "             \"securityType\": \"Stock\", \"listingExchange\": "
                                         "\"TSX\", \"isTradable\": true, \"isQuotable\": true, "
                                         "             \"currency\": \"CAD\"}, "
                                         "            {\"symbol\": \"SHOP\", \"symbolId\": 4242002, "
                                         "\"description\": \"SHOPIFY INC\", \"securityType\": \"Stock\"}]}"));
        QVERIFY(symbols.ok());
        QCOMPARE(symbols.value().size(), 2);
        QCOMPARE(symbols.value().at(0).symbolId, 4242001);
        QCOMPARE(symbols.value().at(0).listingExchange, QStringLiteral("TSX"));
        QCOMPARE(symbols.value().at(0).currency, QStringLiteral("CAD"));
        QCOMPARE(symbols.value().at(0).isQuotable, std::optional<bool>(true));
        QCOMPARE(symbols.value().at(1).listingExchange, QString());
        QVERIFY(!symbols.value().at(1).isQuotable.has_value());
    }

    void parseSymbolSearchRefusesBadEntries_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("no list") << QByteArray("{\"symbol\": []}");
        QTest::newRow("no id") << QByteArray("{\"symbols\": [{\"symbol\": \"A\"}]}");
        QTest::newRow("no symbol") << QByteArray("{\"symbols\": [{\"symbolId\": 3}]}");
        QTest::newRow("currency a number")
            << QByteArray("{\"symbols\": [{\"symbol\": \"A\", \"symbolId\": 3, \"currency\": 1}]}");
    }
    void parseSymbolSearchRefusesBadEntries()
    {
        QFETCH(QByteArray, json);
        const auto symbols = QP::parseSymbolSearch(object(json.constData()));
        QVERIFY(!symbols.ok());
        QCOMPARE(symbols.error().code, ErrorCode::MalformedResponse);
    }

    void parseMarkets()
    {
        const Result<QList<MarketSession>> markets = QP::parseMarkets(object(
            "{\"markets\": [{\"name\": \"TSX\", "
            "            \"tradingVenues\": [\"TSX\", \"ALPH\", \"CXC\"], \"defaultTradingVenue\": \"AUTO\", "
            "            \"extendedStartTime\": \"2024-05-14T07:00:00.000000-04:00\", \"startTime\": "
            "\"2024-05-14T09:30:00.000000-04:00\", "
            "            \"endTime\": \"2024-05-14T16:00:00.000000-04:00\", \"extendedEndTime\": "
            "\"2024-05-14T20:00:00.000000-04:00\", "
            "            \"snapQuotesLimit\": 2147483647}, {\"name\": \"NYSE\"}]}"));
        QVERIFY(markets.ok());
        QCOMPARE(markets.value().size(), 2);
        const MarketSession &tsx = markets.value().at(0);
        QCOMPARE(tsx.name, QStringLiteral("TSX"));
        QCOMPARE(tsx.extendedStart, utc(2024, 5, 14, 11, 0, 0));
        QCOMPARE(tsx.start, utc(2024, 5, 14, 13, 30, 0));
        QCOMPARE(tsx.end, utc(2024, 5, 14, 20, 0, 0));
        QCOMPARE(tsx.extendedEnd, utc(2024, 5, 15, 0, 0, 0));
        QVERIFY(!markets.value().at(1).start.isValid());

        QVERIFY(!QP::parseMarkets(object("{\"markets\": [{\"startTime\": \"x\"}]}")).ok());
        QVERIFY(!QP::parseMarkets(object("{\"markets\": 3}")).ok());
    }

    void parseServerTime()
    {
        const Result<QDateTime> time =
            QP::parseServerTime(object("{\"time\": \"2024-05-14T15:12:03.118000-04:00\"}"));
        QVERIFY(time.ok());
        QCOMPARE(time.value(), utc(2024, 5, 14, 19, 12, 3, 118));
        QVERIFY(!QP::parseServerTime(object("{\"time\": 5}")).ok());
        QVERIFY(!QP::parseServerTime(object("{}")).ok());
    }
};

QTEST_GUILESS_MAIN(TestQuestradeParsing)
#include "tst_questradeparsing.moc"
