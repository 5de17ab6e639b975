#include "domain/Ticker.h"

#include <QTest>

#include <limits>

using namespace trailguard;

class TickerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalizesValidTickers_data();
    void normalizesValidTickers();
    void refusesInvalidTickers_data();
    void refusesInvalidTickers();
    void ratio_data();
    void ratio();
    void price_data();
    void price();
};

void TickerTest::normalizesValidTickers_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "AAPL"
                           << "AAPL";
    QTest::newRow("lower case with suffix") << "shop.to"
                                            << "SHOP.TO";
    QTest::newRow("surrounding spaces") << "  ry.to \t"
                                        << "RY.TO";
    QTest::newRow("class share") << "BRK.B"
                                 << "BRK.B";
    QTest::newRow("dash class on TSX") << "bbd-b.to"
                                       << "BBD-B.TO";
    QTest::newRow("ETF") << "XEQT.TO"
                         << "XEQT.TO";
    QTest::newRow("venture") << "abc.v"
                             << "ABC.V";
    QTest::newRow("starts with digit") << "9988"
                                       << "9988";
    QTest::newRow("one letter") << "f"
                                << "F";
    QTest::newRow("fifteen characters") << "ABCDEFGHIJ.TO-X"
                                        << "ABCDEFGHIJ.TO-X";
}

void TickerTest::normalizesValidTickers()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = Ticker::normalize(input);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value(), expected);
}

void TickerTest::refusesInvalidTickers_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << "";
    QTest::newRow("blank") << "   ";
    QTest::newRow("symbols") << "$$$";
    QTest::newRow("inner space") << "A B";
    QTest::newRow("sixteen characters") << "ABCDEFGHIJ.TO-XY";
    QTest::newRow("leading dash") << "-AB";
    QTest::newRow("leading dot") << ".AB";
    QTest::newRow("slash") << "BRK/B";
    QTest::newRow("non-ASCII letter") << QStringLiteral("ÉCO.TO");
    QTest::newRow("sql") << "A'; DROP TABLE stocks;--";
}

void TickerTest::refusesInvalidTickers()
{
    QFETCH(QString, input);
    const auto result = Ticker::normalize(input);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidTicker);
    QVERIFY(!result.error().message.isEmpty());
    if (!input.trimmed().isEmpty()) {
        QVERIFY2(result.error().message.contains(QStringLiteral("letters")),
                 qPrintable(result.error().message));
    }
}

void TickerTest::ratio_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("expected");
    QTest::newRow("default") << "0.9" << true << 0.9;
    QTest::newRow("spaces") << " 0.85 " << true << 0.85;
    QTest::newRow("smallest") << "0.01" << true << 0.01;
    QTest::newRow("too small to mean anything") << "0.0099" << false << 0.0;
    QTest::newRow("denormal") << "1e-320" << false << 0.0;
    QTest::newRow("almost one") << "0.9999" << true << 0.9999;
    QTest::newRow("zero") << "0" << false << 0.0;
    QTest::newRow("one") << "1" << false << 0.0;
    QTest::newRow("above one") << "1.5" << false << 0.0;
    QTest::newRow("negative") << "-0.1" << false << 0.0;
    QTest::newRow("nan") << "nan" << false << 0.0;
    QTest::newRow("infinity") << "inf" << false << 0.0;
    QTest::newRow("text") << "abc" << false << 0.0;
    QTest::newRow("percent") << "90%" << false << 0.0;
    QTest::newRow("empty") << "" << false << 0.0;
}

void TickerTest::ratio()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, expected);
    const auto result = StopRatio::parse(text);
    QCOMPARE(result.ok(), valid);
    if (valid) {
        QCOMPARE(result.value(), expected);
    } else {
        QCOMPARE(result.error().code, ErrorCode::InvalidRatio);
        QVERIFY(result.error().message.contains(QStringLiteral("less than 1")));
    }
}

void TickerTest::price_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("price") << "101.25" << true;
    QTest::newRow("penny") << "0.01" << true;
    QTest::newRow("zero") << "0" << false;
    QTest::newRow("negative") << "-3" << false;
    QTest::newRow("nan") << "nan" << false;
    QTest::newRow("text") << "ten" << false;
}

void TickerTest::price()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(Price::parse(text).ok(), valid);
    QVERIFY(!Price::isUsable(std::numeric_limits<double>::quiet_NaN()));
    QVERIFY(!Price::isUsable(std::numeric_limits<double>::infinity()));
}

QTEST_GUILESS_MAIN(TickerTest)
#include "tst_ticker.moc"
