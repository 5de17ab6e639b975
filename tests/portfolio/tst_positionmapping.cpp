#include "portfolio/PositionMapping.h"

#include <QTest>

using namespace trailguard;
using Kind = PositionMapping::Kind;

class TestPositionMapping : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultTicker_data()
    {
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<QString>("ticker");
        QTest::newRow("TSX stays") << QStringLiteral("RY.TO") << QStringLiteral("RY.TO");
        QTest::newRow("US plain") << QStringLiteral("AAPL") << QStringLiteral("AAPL");
        QTest::newRow("US class") << QStringLiteral("BRK.B") << QStringLiteral("BRK.B");
        QTest::newRow("TSX class") << QStringLiteral("BBD.B.TO") << QStringLiteral("BBD.B.TO");
        QTest::newRow("Venture .VN to .V") << QStringLiteral("ABC.VN") << QStringLiteral("ABC.V");
        QTest::newRow("CSE stays") << QStringLiteral("XYZ.CN") << QStringLiteral("XYZ.CN");
        QTest::newRow("trimmed, upper") << QStringLiteral(" shop.to ") << QStringLiteral("SHOP.TO");
    }
    void defaultTicker()
    {
        QFETCH(QString, symbol);
        QFETCH(QString, ticker);
        QCOMPARE(PositionMapping::defaultTicker(symbol), ticker);
    }

    void tickerForPrefersTheWatchedSpelling_data()
    {
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<QStringList>("watched");
        QTest::addColumn<QString>("ticker");
        QTest::newRow("watched as .VN")
            << QStringLiteral("ABC.VN") << QStringList{QStringLiteral("ABC.VN")} << QStringLiteral("ABC.VN");
        QTest::newRow("watched Yahoo style")
            << QStringLiteral("BBD.B.TO") << QStringList{QStringLiteral("BBD-B.TO")}
            << QStringLiteral("BBD-B.TO");
        QTest::newRow("US not the TSX one")
            << QStringLiteral("SHOP") << QStringList{QStringLiteral("SHOP.TO")} << QStringLiteral("SHOP");
        QTest::newRow("TSX not the US one")
            << QStringLiteral("SHOP.TO") << QStringList{QStringLiteral("SHOP")} << QStringLiteral("SHOP.TO");
        QTest::newRow("not watched") << QStringLiteral("ABC.VN") << QStringList{} << QStringLiteral("ABC.V");
    }
    void tickerForPrefersTheWatchedSpelling()
    {
        QFETCH(QString, symbol);
        QFETCH(QStringList, watched);
        QFETCH(QString, ticker);
        QCOMPARE(PositionMapping::tickerFor(symbol, watched), ticker);
    }

    void currency_data()
    {
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<QString>("currency");
        QTest::newRow("TSX") << QStringLiteral("RY.TO") << QStringLiteral("CAD");
        QTest::newRow("Venture") << QStringLiteral("ABC.VN") << QStringLiteral("CAD");
        QTest::newRow("CSE") << QStringLiteral("XYZ.CN") << QStringLiteral("CAD");
        QTest::newRow("US") << QStringLiteral("AAPL") << QStringLiteral("USD");
        QTest::newRow("US class") << QStringLiteral("BRK.B") << QStringLiteral("USD");
        QTest::newRow("US-dollar unit on TSX") << QStringLiteral("DLR.U.TO") << QStringLiteral("USD");
    }
    void currency()
    {
        QFETCH(QString, symbol);
        QFETCH(QString, currency);
        QCOMPARE(PositionMapping::currencyFor(symbol), currency);
    }

    void kind_data()
    {
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<double>("quantity");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("long stock") << QStringLiteral("RY.TO") << 50.0 << Kind::Stock;
        QTest::newRow("fractional") << QStringLiteral("XEQT.TO") << 0.5 << Kind::Stock;
        QTest::newRow("short") << QStringLiteral("TSLA") << -5.0 << Kind::Short;
        QTest::newRow("closed today") << QStringLiteral("AAPL") << 0.0 << Kind::Closed;
        QTest::newRow("call option") << QStringLiteral("BAC18Oct19C29.00") << 2.0 << Kind::Option;
        QTest::newRow("put option") << QStringLiteral("F17Jan25P10.50") << 1.0 << Kind::Option;
        QTest::newRow("short option") << QStringLiteral("AAPL17Dec27C200.00") << -1.0 << Kind::Option;
        QTest::newRow("not a ticker") << QStringLiteral("SOME VERY LONG NAME") << 1.0 << Kind::Unsupported;
    }
    void kind()
    {
        QFETCH(QString, symbol);
        QFETCH(double, quantity);
        QFETCH(Kind, kind);
        BrokerPosition position;
        position.symbol = symbol;
        position.symbolId = 1;
        position.openQuantity = quantity;
        QCOMPARE(PositionMapping::kindOf(position), kind);
    }
};

QTEST_GUILESS_MAIN(TestPositionMapping)
#include "tst_positionmapping.moc"
