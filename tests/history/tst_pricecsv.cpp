#include "history/PriceCsv.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;

class PriceCsvTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsDateClose_data();
    void readsDateClose();
    void readsCandles();
    void readsYahooExport();
    void readsSymbolDatePrice_data();
    void readsSymbolDatePrice();
    void headerInAnyOrderAndCase();
    void toleratesQuotesCrlfBomAndBlankLines();
    void dates_data();
    void dates();
    void refusesMalformedFiles_data();
    void refusesMalformedFiles();
    void readFileNamesThePath();
    void readsTimesAndZones_data();
    void readsTimesAndZones();
    void readsABigFileRowByRow_data();
    void readsABigFileRowByRow();
    void plainAndQuotedLinesReadAlike();
};

void PriceCsvTest::readsDateClose_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("no header") << QByteArray("2024-05-13,10.5\n2024-05-14,11\n");
    QTest::newRow("header") << QByteArray("date,close\n2024-05-13,10.5\n2024-05-14,11\n");
    QTest::newRow("price header") << QByteArray("Date,Price\n2024-05-13,10.5\n2024-05-14,11");
}

void PriceCsvTest::readsDateClose()
{
    QFETCH(QByteArray, content);
    const auto rows = PriceCsv::parse(content);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().message));
    QCOMPARE(rows.value().size(), 2);
    const PriceRow &first = rows.value().at(0);
    QCOMPARE(first.date, QDate(2024, 5, 13));
    QCOMPARE(first.close, 10.5);
    QVERIFY(first.symbol.isEmpty());
    QVERIFY(!first.high && !first.low && !first.open && !first.volume);
    QCOMPARE(rows.value().at(1).close, 11.0);
    QVERIFY(!PriceCsv::hasHighLow(rows.value()));
}

void PriceCsvTest::readsCandles()
{
    for (const QByteArray &content :
         {QByteArray("2024-05-14,10,12,9,11\n"), QByteArray("2024-05-14,10,12,9,11,10.8\n"),
          QByteArray("2024-05-14,10,12,9,11,10.8,12345\n"),
          QByteArray("date,open,high,low,close\n2024-05-14,10,12,9,11\n")}) {
        const auto rows = PriceCsv::parse(content);
        QVERIFY2(rows.ok(), content.constData());
        const PriceRow &row = rows.value().at(0);
        QCOMPARE(row.open, std::optional<double>(10));
        QCOMPARE(row.high, std::optional<double>(12));
        QCOMPARE(row.low, std::optional<double>(9));
        QCOMPARE(row.close, 11.0); // never the adjusted close
        QCOMPARE(row.volume.has_value(), content.contains("12345"));
        QVERIFY(PriceCsv::hasHighLow(rows.value()));
    }
}

void PriceCsvTest::readsYahooExport()
{
    const QByteArray yahoo = "Date,Open,High,Low,Close,Adj Close,Volume\r\n"
                             "2024-05-13,187.04,187.10,184.62,186.28,185.50,72044800\r\n"
                             "2024-05-14,187.51,188.30,186.29,187.43,186.64,52393600\r\n";
    const auto rows = PriceCsv::parse(yahoo);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().message));
    QCOMPARE(rows.value().size(), 2);
    QCOMPARE(rows.value().at(1).close, 187.43);
    QCOMPARE(rows.value().at(1).high, std::optional<double>(188.30));
    QCOMPARE(rows.value().at(1).volume, std::optional<qint64>(52393600));
    QCOMPARE(rows.value().at(1).line, 3);
}

void PriceCsvTest::readsSymbolDatePrice_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("no header") << QByteArray(
        "aapl,2024-05-13,186.28\nMSFT,2024-05-13,410.5\nAAPL,2024-05-14,187.43\n");
    QTest::newRow("header") << QByteArray(
        "symbol,date,price\naapl,2024-05-13,186.28\nMSFT,2024-05-13,410.5\nAAPL,2024-05-14,187.43\n");
    QTest::newRow("datetimes") << QByteArray(
        "Symbol,Date,Price\naapl,2024-05-13T15:59:00Z,186.28\n"
        "MSFT,2024-05-13 16:00:00,410.5\nAAPL,2024-05-14T10:00:00-04:00,187.43\n");
}

void PriceCsvTest::readsSymbolDatePrice()
{
    QFETCH(QByteArray, content);
    const auto rows = PriceCsv::parse(content);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().message));
    QCOMPARE(rows.value().size(), 3);
    QCOMPARE(rows.value().at(0).symbol, QStringLiteral("AAPL"));
    QCOMPARE(rows.value().at(1).symbol, QStringLiteral("MSFT"));
    QCOMPARE(rows.value().at(2).date, QDate(2024, 5, 14));
    QCOMPARE(rows.value().at(2).close, 187.43);
}

void PriceCsvTest::headerInAnyOrderAndCase()
{
    const auto rows = PriceCsv::parse("CLOSE,Volume,DATE,extra\n11,100,2024-05-14,x\n");
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().message));
    QCOMPARE(rows.value().at(0).close, 11.0);
    QCOMPARE(rows.value().at(0).date, QDate(2024, 5, 14));
    QCOMPARE(rows.value().at(0).volume, std::optional<qint64>(100));
}

void PriceCsvTest::toleratesQuotesCrlfBomAndBlankLines()
{
    const QByteArray content = "\xEF\xBB\xBF\r\n"
                               "\"Date\",\"Close\"\r\n"
                               "\r\n"
                               "\"Jan 02, 2024\",\"1,234.50\"\r\n"
                               "  2024-01-03 , 1235 \r\n"
                               "\r\n\r\n";
    const auto rows = PriceCsv::parse(content);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().message));
    QCOMPARE(rows.value().size(), 2);
    QCOMPARE(rows.value().at(0).date, QDate(2024, 1, 2));
    QCOMPARE(rows.value().at(0).close, 1234.5);
    QCOMPARE(rows.value().at(0).line, 4);
    QCOMPARE(rows.value().at(1).close, 1235.0);
}

void PriceCsvTest::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("iso") << "2024-05-14" << QDate(2024, 5, 14);
    QTest::newRow("iso datetime T") << "2024-05-14T09:30:00" << QDate(2024, 5, 14);
    QTest::newRow("iso datetime Z ms") << "2024-05-14T23:30:00.123Z" << QDate(2024, 5, 14);
    QTest::newRow("iso datetime offset") << "2024-05-14 09:30-04:00" << QDate(2024, 5, 14);
    QTest::newRow("Jan 1 2000") << "Jan 1 2000" << QDate(2000, 1, 1);
    QTest::newRow("Jan 01 2000") << "Jan 01 2000" << QDate(2000, 1, 1);
    QTest::newRow("January 1, 2000") << "January 1, 2000" << QDate(2000, 1, 1);
    QTest::newRow("lower case") << "dec 31 1999" << QDate(1999, 12, 31);
    QTest::newRow("Sept") << "Sept 5 2023" << QDate(2023, 9, 5);
    QTest::newRow("day first") << "01-Feb-2021" << QDate(2021, 2, 1);
    QTest::newRow("leap day") << "2024-02-29" << QDate(2024, 2, 29);
    QTest::newRow("bad day") << "2024-05-32" << QDate();
    QTest::newRow("not leap") << "2023-02-29" << QDate();
    QTest::newRow("month 13") << "2024-13-01" << QDate();
    QTest::newRow("bad time") << "2024-05-14T25:00" << QDate();
    QTest::newRow("slashes") << "05/14/2024" << QDate();
    QTest::newRow("unknown month") << "Foo 1 2000" << QDate();
    QTest::newRow("Feb 30") << "Feb 30 2000" << QDate();
    QTest::newRow("short year") << "2024-5-14" << QDate();
    QTest::newRow("empty") << "" << QDate();
}

void PriceCsvTest::dates()
{
    QFETCH(QString, text);
    QFETCH(QDate, expected);
    const auto date = PriceCsv::parseDate(text);
    QCOMPARE(date.value_or(QDate()), expected);
}

void PriceCsvTest::refusesMalformedFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // the start of the message

    QTest::newRow("bad date") << QByteArray("2024-05-14,10\n\n2024-05-15,11\n2024-05-32,10\n")
                              << "line 4: \"2024-05-32,10\": the date is not valid; use YYYY-MM-DD or like "
                                 "Jan 1 2000";
    QTest::newRow("bad close") << QByteArray("date,close\n2024-05-14,abc\n")
                               << "line 2: \"2024-05-14,abc\": the close \"abc\" is not a number";
    QTest::newRow("zero close") << QByteArray("2024-05-14,0\n") << "line 1: \"2024-05-14,0\": the close 0";
    QTest::newRow("negative price") << QByteArray("AAPL,2024-05-14,-3\n")
                                    << "line 1: \"AAPL,2024-05-14,-3\": the price -3";
    QTest::newRow("missing close") << QByteArray("2024-05-14,10\n2024-05-15,\n")
                                   << "line 2: \"2024-05-15,\": the close is missing";
    QTest::newRow("field count changes") << QByteArray("2024-05-14,10\n2024-05-15,10,11\n")
                                         << "line 2: \"2024-05-15,10,11\": 3 fields where the file has 2";
    QTest::newRow("row shorter than header") << QByteArray("Date,Open,High,Low,Close\n2024-05-14,1,2,1\n")
                                             << "line 2: \"2024-05-14,1,2,1\": 4 fields where the file has 5";
    QTest::newRow("four columns, no header")
        << QByteArray("2024-05-14,1,2,3\n") << "line 1: \"2024-05-14,1,2,3\": 4 fields without a header row";
    QTest::newRow("one column") << QByteArray("2024-05-14\n")
                                << "line 1: \"2024-05-14\": 1 field without a header row";
    QTest::newRow("high below low") << QByteArray("2024-05-14,10,9,11,10\n")
                                    << "line 1: \"2024-05-14,10,9,11,10\": the high is below the low";
    QTest::newRow("missing high") << QByteArray("2024-05-14,10,,9,10\n")
                                  << "line 1: \"2024-05-14,10,,9,10\": the high is missing";
    QTest::newRow("null candle")
        << QByteArray("Date,Open,High,Low,Close,Adj Close,Volume\n"
                      "2024-05-14,null,null,null,null,null,null\n")
        << "line 2: \"2024-05-14,null,null,null,null,null,null\": the close \"null\"";
    QTest::newRow("bad volume") << QByteArray("2024-05-14,10,12,9,11,11,lots\n")
                                << "line 1: \"2024-05-14,10,12,9,11,11,lots\": the volume \"lots\"";
    QTest::newRow("bad symbol") << QByteArray("symbol,date,price\nA B,2024-05-14,3\n")
                                << "line 2: \"A B,2024-05-14,3\": \"A B\" is not a valid symbol";
    QTest::newRow("missing date") << QByteArray("date,close\n,3\n") << "line 2: \",3\": the date is missing";
    QTest::newRow("unclosed quote") << QByteArray("date,close\n\"2024-05-14,3\n")
                                    << "line 2: \"\"2024-05-14,3\": a quoted field is not closed";
    QTest::newRow("header without close")
        << QByteArray("date,open\n2024-05-14,3\n")
        << "line 1: \"date,open\": the header has no close (or price) column";
    QTest::newRow("header without date")
        << QByteArray("symbol,close\nAAPL,3\n") << "line 1: \"symbol,close\": the header has no date column";
    QTest::newRow("header only") << QByteArray("date,close\n") << "the file has no price rows";
    QTest::newRow("empty") << QByteArray("\n\n") << "the file has no price rows";
    QTest::newRow("thousands without quotes")
        << QByteArray("2024-05-14,1,234\n") << "line 1: \"2024-05-14,1,234\": 3 fields starting with a date";
}

void PriceCsvTest::refusesMalformedFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const auto rows = PriceCsv::parse(content);
    QVERIFY(!rows.ok());
    QCOMPARE(rows.error().code, ErrorCode::InvalidCsv);
    QVERIFY2(rows.error().message.startsWith(expected), qPrintable(rows.error().message));
}

void PriceCsvTest::readFileNamesThePath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("aapl.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("date,close\n2024-05-14,1\n2024-05-15,x\n");
    file.close();
    const auto rows = PriceCsv::readFile(path);
    QVERIFY(!rows.ok());
    QVERIFY(rows.error().message.contains(QStringLiteral("aapl.csv")));
    QVERIFY(rows.error().message.contains(QStringLiteral("line 3: \"2024-05-15,x\"")));
    QVERIFY(!PriceCsv::readFile(dir.filePath(QStringLiteral("missing.csv"))).ok());
}

void PriceCsvTest::readsTimesAndZones_data()
{
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<int>("offset"); // -1: none
    QTest::newRow("date") << QByteArray("2024-05-13") << QTime() << -1;
    QTest::newRow("minutes") << QByteArray("2024-05-13 09:30") << QTime(9, 30) << -1;
    QTest::newRow("seconds") << QByteArray("2024-05-13T15:59:07") << QTime(15, 59, 7) << -1;
    QTest::newRow("fraction") << QByteArray("2024-05-13 15:59:07.25") << QTime(15, 59, 7, 250) << -1;
    QTest::newRow("utc") << QByteArray("2024-05-13T15:59:00Z") << QTime(15, 59) << 0;
    QTest::newRow("offset") << QByteArray("2024-05-13T10:00:00-04:00") << QTime(10, 0) << -4 * 3600;
    QTest::newRow("short offset") << QByteArray("2024-05-13T10:00:00 +0530") << QTime(10, 0) << 19800;
    QTest::newRow("quoted") << QByteArray("\"2024-05-13 09:31\"") << QTime(9, 31) << -1;
}

void PriceCsvTest::readsTimesAndZones()
{
    QFETCH(QByteArray, date);
    QFETCH(QTime, time);
    QFETCH(int, offset);
    const auto rows = PriceCsv::parse("date,close\n" + date + ",10\n");
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().message));
    QCOMPARE(rows.value().at(0).date, QDate(2024, 5, 13));
    QCOMPARE(rows.value().at(0).time, time);
    QCOMPARE(rows.value().at(0).utcOffset, offset == -1 ? std::optional<int>() : std::optional<int>(offset));
    for (const char *bad :
         {"2024-05-13 24:00", "2024-05-13 09:3", "2024-05-13T09:30:00+5", "2024-05-13 09:30x"})
        QVERIFY2(!PriceCsv::parse(QByteArray("date,close\n") + bad + ",10\n").ok(), bad);
}

void PriceCsvTest::readsABigFileRowByRow_data()
{
    QTest::addColumn<QByteArray>("lineEnd");
    QTest::newRow("LF") << QByteArray("\n");
    QTest::newRow("CRLF") << QByteArray("\r\n");
    QTest::newRow("CR") << QByteArray("\r");
}

// Many chunks of the file, so line ends fall on chunk boundaries; every row and line number survives.
void PriceCsvTest::readsABigFileRowByRow()
{
    QFETCH(QByteArray, lineEnd);
    QByteArray content = "\xEF\xBB\xBF"
                         "date,close" +
                         lineEnd;
    constexpr int kRows = 20'000;
    for (int i = 0; i < kRows; ++i) {
        content +=
            QDateTime(QDate(2024, 1, 2), QTime(9, 30)).addSecs(60 * i).toString(Qt::ISODate).toLatin1() +
            ',' + QByteArray::number(10 + i % 100) + lineEnd;
        if (i % 1000 == 0)
            content += lineEnd; // a blank line now and then
    }
    const auto rows = PriceCsv::parse(content);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().message));
    QCOMPARE(rows.value().size(), kRows);
    QCOMPARE(rows.value().constLast().close, 10.0 + (kRows - 1) % 100);
    QCOMPARE(rows.value().constLast().line, 1 + kRows + kRows / 1000);
    QCOMPARE(rows.value().at(1).time, QTime(9, 31));
}

// The fast path (plain bytes) and the full rules (quoted fields) give the same rows.
void PriceCsvTest::plainAndQuotedLinesReadAlike()
{
    const auto plain = PriceCsv::parse("symbol,date,open,high,low,close,volume\n"
                                       "ry.to,2024-05-13 09:30,1.5,2,1,1.75,100\n");
    const auto quoted =
        PriceCsv::parse("symbol,date,open,high,low,close,volume\n"
                        "\"ry.to\",\"2024-05-13 09:30\",\"1.5\",\"2\",\"1\",\"1.75\",\"100\"\n");
    QVERIFY(plain.ok() && quoted.ok());
    QCOMPARE(plain.value(), quoted.value());
    QCOMPARE(plain.value().at(0).symbol, QStringLiteral("RY.TO"));
}

QTEST_GUILESS_MAIN(PriceCsvTest)
#include "tst_pricecsv.moc"
