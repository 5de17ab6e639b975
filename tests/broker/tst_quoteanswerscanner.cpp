// QuoteAnswerScanner against the QJsonDocument path it stands in for: on every answer it accepts it must
// give exactly what parseObject() + parseQuotes() give, and anything it is unsure of it must leave alone.
#include "broker/QuestradeParsing.h"
#include "broker/QuoteAnswerScanner.h"
#include "demo/QuestradeJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace trailguard;

namespace {
// The QJsonDocument path's quotes (empty on an error).
QList<BrokerQuote> documentQuotes(const QByteArray &body)
{
    const auto object = QuestradeParsing::parseObject(body);
    if (!object)
        return {};
    const auto quotes = QuestradeParsing::parseQuotes(object.value());
    return quotes ? quotes.value() : QList<BrokerQuote>();
}

QByteArray fakeServerAnswer(QJsonDocument::JsonFormat format)
{
    QJsonArray records;
    const QDateTime traded(QDate(2026, 12, 3), QTime(15, 59, 58, 812), QTimeZone::utc());
    for (int i = 0; i < 6; ++i) {
        QuestradeJson::Listing listing;
        listing.symbol = FakeQuestradeServer::Symbol{QStringLiteral("S%1.TO").arg(i), 9000 + i,
                                                     QStringLiteral("CAD"), QStringLiteral("TSX"),
                                                     QStringLiteral("Company \"%1\" / Ltd\n").arg(i)};
        FakeQuestradeServer::Quote quote;
        if (i != 1)
            quote.lastTradePrice = 10.0 + i * 1.125;
        quote.lastTradeTime = i == 2 ? QDateTime() : traded.addSecs(i);
        quote.halted = i == 3;
        quote.delay = i == 4 ? 1 : 0;
        quote.separateRegularPrice = i >= 4;
        if (i == 5)
            quote.regularTradePrice = 9.75;
        QuestradeJson::applyQuote(listing, quote);
        records.append(QuestradeJson::quote(listing));
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("quotes"), records}}).toJson(format);
}
} // namespace

class QuoteAnswerScannerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fakeServerAnswersReadAlike_data();
    void fakeServerAnswersReadAlike();
    void craftedAnswersReadAlike_data();
    void craftedAnswersReadAlike();
    void unsureAnswersAreLeftToQt_data();
    void unsureAnswersAreLeftToQt();
    void theAnswerParserFallsBack();
    void variedAnswersReadAlike();
};

void QuoteAnswerScannerTest::fakeServerAnswersReadAlike_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("compact") << fakeServerAnswer(QJsonDocument::Compact);
    QTest::newRow("indented") << fakeServerAnswer(QJsonDocument::Indented);
}

void QuoteAnswerScannerTest::fakeServerAnswersReadAlike()
{
    QFETCH(QByteArray, body);
    const auto scanned = QuestradeParsing::scanQuotesAnswer(body);
    QVERIFY(scanned);
    QCOMPARE(scanned->size(), 6);
    QCOMPARE(*scanned, documentQuotes(body));
    QVERIFY(scanned->at(0).lastTradeTime.isValid());
    QCOMPARE(scanned->at(5).regularTradePrice, std::optional<double>(9.75));
}

void QuoteAnswerScannerTest::craftedAnswersReadAlike_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("count");
    QTest::newRow("escapes")
        << QByteArray(R"({"quotes":[{"symbol":"A\"B\\C\/D\u00e9\n\t","symbolId":7,)"
                      R"("lastTradePrice":1.5,"lastTradeTime":" 2024-05-14T15:59:58.8125-04:00\r"}]})")
        << 1;
    QTest::newRow("nulls") << QByteArray(R"({"quotes":[{"symbol":null,"symbolId":7,"lastTradePrice":null,)"
                                         R"("lastTradePriceTrHrs":null,"isHalted":null,"delay":null,)"
                                         R"("lastTradeTime":null,"highPrice":null,"lowPrice":null}]})")
                           << 1;
    QTest::newRow("missing fields") << QByteArray(R"({"quotes":[{"symbolId":8},{"symbolId":"9"}]})") << 2;
    QTest::newRow("reordered, unknown fields")
        << QByteArray(
               R"({"x":{"a":[1,{"b":"c\u0041"}],"\u0041":true},"quotes":[{"lowPrice":-1,"tier":"",)"
               R"("VWAP":1e2,"highPrice":"high","isHalted":false,"delay":0,"lastTradeTime":12,)"
               R"("lastTradePriceTrHrs":0,"symbolId":1.0,"lastTradePrice":0,"symbol":"Z"}],"more":null})")
        << 1;
    QTest::newRow("numbers")
        << QByteArray(R"({"quotes":[{"symbolId":8999999999999999,"lastTradePrice":1.25E+1,)"
                      R"("lastTradePriceTrHrs":-0.0,"highPrice":9007199254740993,)"
                      R"("lowPrice":0.1e-2,"isHalted":1,"delay":2.5,"v":12345678901234567890}]})")
        << 1;
    QTest::newRow("large integers") << QByteArray(
                                           R"({"quotes":[{"symbolId":7,"highPrice":12345678901234567890,)"
                                           R"("lowPrice":123456789012345678901234567890}]})")
                                    << 1;
    QTest::newRow("whitespace") << QByteArray(" \r\n\t{ \"quotes\" :\n[ { \"symbolId\" : 3 , \"symbol\" : "
                                              "\"W\" } ,\t{\"symbolId\":4}\n] } \n")
                                << 2;
    QTest::newRow("empty list") << QByteArray(R"({"quotes":[]})") << 0;
    QTest::newRow("usual time")
        << QByteArray(R"({"quotes":[{"symbolId":5,"lastTradeTime":"2026-12-03T10:15:42.123000-05:00"}]})")
        << 1;
    QTest::newRow("odd numbers")
        << QByteArray(R"({"quotes":[{"symbolId":5,"lastTradePrice":1e2,"lastTradePriceTrHrs":-0,)"
                      R"("highPrice":123456789012345,"lowPrice":0.000000000000001,"delay":-0.0},)"
                      R"({"symbolId":6,"lastTradePrice":1234567890123456,"lastTradePriceTrHrs":0.1,)"
                      R"("highPrice":99.99999999999999,"lowPrice":12.3400,"isHalted":0.0}]})")
        << 2;
    QTest::newRow("long strings")
        << QByteArray(R"({"quotes":[{"symbolId":5,"symbol":"ABCDEFGHIJKLMNOPQRSTUVWXYZ.0123456789\"x\\y",)"
                      R"("tier":"0123456789abcdef0123456789abcdef","lastTradeTime":)"
                      R"("2026-12-03T10:15:42.123456-05:00"}]})")
        << 1;
    QTest::newRow("text where numbers belong")
        << QByteArray(R"({"quotes":[{"symbolId":"12","highPrice":"1","lowPrice":true,"isHalted":false}]})")
        << 1;
    QTest::newRow("time offsets")
        << QByteArray(R"({"quotes":[{"symbolId":5,"lastTradeTime":"2026-12-03T00:15:42.5-09:30"},)"
                      R"({"symbolId":6,"lastTradeTime":"2026-12-03T23:15:42.123+05:30"},)"
                      R"({"symbolId":7,"lastTradeTime":"2026-12-03T10:15:42.0005Z"},)"
                      R"({"symbolId":8,"lastTradeTime":"2026-12-03T10:15:42\u002e5Z"}]})")
        << 4;
    QTest::newRow("other time forms")
        << QByteArray(
               R"({"quotes":[{"symbolId":5,"lastTradeTime":"2026-12-03T10:15:42Z"},)"
               R"({"symbolId":6,"lastTradeTime":"2026-12-03T10:15:42"},{"symbolId":7,"lastTradeTime":"x"}]})")
        << 3;
}

void QuoteAnswerScannerTest::craftedAnswersReadAlike()
{
    QFETCH(QByteArray, body);
    QFETCH(int, count);
    const auto scanned = QuestradeParsing::scanQuotesAnswer(body);
    QVERIFY(scanned);
    QCOMPARE(scanned->size(), count);
    QCOMPARE(*scanned, documentQuotes(body));
}

void QuoteAnswerScannerTest::unsureAnswersAreLeftToQt_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("<html>");
    QTest::newRow("no list") << QByteArray(R"({"quote":[]})");
    QTest::newRow("list twice") << QByteArray(R"({"quotes":[],"quotes":[{"symbolId":1}]})");
    QTest::newRow("field twice") << QByteArray(R"({"quotes":[{"symbolId":1,"symbolId":2}]})");
    QTest::newRow("malformed record") << QByteArray(R"({"quotes":[{"symbolId":1},{"symbol":"NOID"}]})");
    QTest::newRow("record not an object") << QByteArray(R"({"quotes":[3]})");
    QTest::newRow("negative price") << QByteArray(R"({"quotes":[{"symbolId":1,"lastTradePrice":-2}]})");
    QTest::newRow("price as text") << QByteArray(R"({"quotes":[{"symbolId":1,"lastTradePrice":"2"}]})");
    QTest::newRow("non-ASCII") << QByteArray("{\"quotes\":[{\"symbolId\":1,\"symbol\":\"\xc3\xa9\"}]}");
    QTest::newRow("non-ASCII after 16 bytes")
        << QByteArray("{\"quotes\":[{\"symbolId\":1,\"symbol\":\"ABCDEFGHIJKLMNOPQRS\xc3\xa9\"}]}");
    QTest::newRow("control byte after 16 bytes")
        << QByteArray("{\"quotes\":[{\"symbolId\":1,\"symbol\":\"ABCDEFGHIJKLMNOPQRS\x01T\"}]}");
    QTest::newRow("escaped key") << QByteArray(R"({"quotes":[{"symbol\u0049d":1}]})");
    QTest::newRow("surrogate") << QByteArray(R"({"quotes":[{"symbolId":1,"symbol":"\ud83d\ude00"}]})");
    QTest::newRow("lenient number") << QByteArray(R"({"quotes":[{"symbolId":1,"lastTradePrice":1.}]})");
    QTest::newRow("overflow") << QByteArray(R"({"quotes":[{"symbolId":1,"lastTradePrice":1e400}]})");
    QTest::newRow("underflow") << QByteArray(R"({"quotes":[{"symbolId":1,"lowPrice":1e-400}]})");
    QTest::newRow("garbage after") << QByteArray(R"({"quotes":[]} x)");
    QTest::newRow("cut off") << QByteArray(R"({"quotes":[{"symbolId":1)");
}

void QuoteAnswerScannerTest::unsureAnswersAreLeftToQt()
{
    QFETCH(QByteArray, body);
    QVERIFY(!QuestradeParsing::scanQuotesAnswer(body));
}

// parseQuotesAnswer takes the QJsonDocument path when the scanner gives up: the same quotes, the same errors.
void QuoteAnswerScannerTest::theAnswerParserFallsBack()
{
    const QByteArray mixed(R"({"quotes":[{"symbolId":1,"lastTradePrice":2.5},{"symbol":"NOID"}]})");
    const auto quotes = QuestradeParsing::parseQuotesAnswer(mixed);
    QVERIFY(quotes.ok());
    QCOMPARE(quotes.value().size(), 1);
    QCOMPARE(quotes.value(), documentQuotes(mixed));
    const auto broken = QuestradeParsing::parseQuotesAnswer("{\"quotes\":");
    QVERIFY(!broken.ok());
    QCOMPARE(broken.error().code, ErrorCode::MalformedResponse);
    const auto noList = QuestradeParsing::parseQuotesAnswer(R"({"time":1})");
    QVERIFY(!noList.ok());
    QCOMPARE(noList.error().code, ErrorCode::MalformedResponse);
}

// Many answers of one record, each field drawn from values the readers treat differently (a fixed seed, so
// a failure repeats): whatever the scanner accepts it reads as the QJsonDocument path does, and the answer
// parser always agrees with that path.
void QuoteAnswerScannerTest::variedAnswersReadAlike()
{
    const QList<QByteArray> prices{"100.5",
                                   "0",
                                   "-0",
                                   "null",
                                   "1e2",
                                   "1E-3",
                                   "-2",
                                   "\"2\"",
                                   "true",
                                   "123456789012345",
                                   "1234567890123456",
                                   "0.000000000000001",
                                   "99.99999999999999",
                                   "0.1",
                                   "3.141592653589793",
                                   "12.3400",
                                   "-0.0"};
    const QList<QByteArray> flags{"true", "false", "0", "1", "2.5", "null", "\"x\"", "-0"};
    const QList<QByteArray> ids{"7", "1.0", "\"9\"", "8999999999999999", "0", "-3", "1.5", "\" 12\"", "1e3"};
    const QList<QByteArray> times{"\"2026-12-03T10:15:42.123000-05:00\"",
                                  "\"2026-12-03T10:15:42Z\"",
                                  "\"2026-12-03T10:15:42.123-05:00\"",
                                  "\"2026-12-03T10:15:42+05:30\"",
                                  "\" 2026-12-03T10:15:42Z\"",
                                  "\"2026-12-03T10:15:42\"",
                                  "null",
                                  "12",
                                  "\"2026-12-03T10:15:42.0005Z\"",
                                  "\"2026-12-03T10:15:42\\u002e5Z\""};
    const QList<QByteArray> symbols{"\"ABC.TO\"", "null", "\"A\\\"B\"", "3", "\"\""};
    const QList<std::pair<QByteArray, const QList<QByteArray> *>> fields{
        {"symbol", &symbols},        {"symbolId", &ids},
        {"lastTradePrice", &prices}, {"lastTradePriceTrHrs", &prices},
        {"isHalted", &flags},        {"delay", &flags},
        {"lastTradeTime", &times},   {"highPrice", &prices},
        {"lowPrice", &prices},       {"bidPrice", &prices}};
    QRandomGenerator random(20261204);
    int scannedCount = 0;
    for (int answer = 0; answer < 3000; ++answer) {
        QByteArray record;
        for (const auto &[name, values] : fields) {
            const int pick = int(random.bounded(values->size() + 1));
            if (pick == values->size())
                continue; // absent
            record += (record.isEmpty() ? "\"" : ",\"") + name + "\":" + values->at(pick);
        }
        const QByteArray body = "{\"quotes\":[{" + record + "}]}";
        const QList<BrokerQuote> expected = documentQuotes(body);
        if (const auto scanned = QuestradeParsing::scanQuotesAnswer(body)) {
            ++scannedCount;
            QVERIFY2(*scanned == expected, body.constData());
        }
        const auto parsed = QuestradeParsing::parseQuotesAnswer(body);
        QVERIFY2(parsed.ok() && parsed.value() == expected, body.constData());
    }
    QVERIFY2(scannedCount > 300, QByteArray::number(scannedCount).constData()); // the scanner was exercised
}

QTEST_GUILESS_MAIN(QuoteAnswerScannerTest)
#include "tst_quoteanswerscanner.moc"
