#include "broker/SymbolMatching.h"
#include "domain/ListingExchange.h"
#include "monitor/MarketHours.h"
#include "portfolio/PositionMapping.h"

#include <QTest>

using namespace trailguard;

// The one suffix → exchange map, and the places that use it agreeing with it.
class TestListingExchange : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void forTicker_data()
    {
        QTest::addColumn<QString>("ticker");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<QString>("exchange");
        QTest::addColumn<bool>("canadian");
        QTest::addColumn<QString>("currency"); // PositionMapping::currencyFor of the Questrade symbol

        const auto row = [](const char *name, const char *ticker, const char *base, const char *symbol,
                            const char *exchange, bool canadian, const char *currency) {
            QTest::newRow(name) << QString::fromLatin1(ticker) << QString::fromLatin1(base)
                                << QString::fromLatin1(symbol) << QString::fromLatin1(exchange) << canadian
                                << QString::fromLatin1(currency);
        };
        row(".TO", "RY.TO", "RY", "RY.TO", "TSX", true, "CAD");
        row(".V, as users write it", "ABC.V", "ABC", "ABC.VN", "TSXV", true, "CAD");
        row(".VN, as Questrade writes it", "ABC.VN", "ABC", "ABC.VN", "TSXV", true, "CAD");
        row(".CN", "XYZ.CN", "XYZ", "XYZ.CN", "CNSX", true, "CAD");
        row(".NE (Cboe Canada)", "CYBR.NE", "CYBR", "CYBR.NE", "NEO", true, "CAD");
        row("US", "AAPL", "AAPL", "AAPL", "NYSE", false, "USD");
        row("US share class", "BRK.B", "BRK.B", "BRK.B", "NYSE", false, "USD");
        row("TSX share class, Yahoo style", "BBD-B.TO", "BBD.B", "BBD.B.TO", "TSX", true, "CAD");
        row("US-dollar units on the TSX", "DLR.U.TO", "DLR.U", "DLR.U.TO", "TSX", true, "USD");
        row("lower case", "enb.to", "ENB", "ENB.TO", "TSX", true, "CAD");
        row("unknown suffix is a US symbol", "ENB.XX", "ENB.XX", "ENB.XX", "NYSE", false, "USD");
    }
    void forTicker()
    {
        QFETCH(QString, ticker);
        QFETCH(QString, base);
        QFETCH(QString, symbol);
        QFETCH(QString, exchange);
        QFETCH(bool, canadian);
        QFETCH(QString, currency);

        const ListingExchange::TickerListing listing = ListingExchange::forTicker(ticker);
        QCOMPARE(listing.base, base);
        QCOMPARE(listing.symbol, symbol);
        QCOMPARE(listing.exchange, exchange);
        QCOMPARE(listing.canadian, canadian);
        QVERIFY(listing.exchanges.contains(exchange));
        QCOMPARE(ListingExchange::isCanadianExchange(exchange), canadian);

        // The symbol look-up and the positions import read the same map.
        const SymbolMatching::Query query = SymbolMatching::queryFor(ticker);
        QCOMPARE(query.symbol, symbol);
        QCOMPARE(query.base, base);
        QCOMPARE(query.exchanges.value(0), exchange);
        QCOMPARE(query.canadian, canadian);
        QCOMPARE(PositionMapping::currencyFor(symbol), currency);
    }

    void marketHoursFollowTheSameMap()
    {
        // v1/markets lists TSX, TSXV, CNSX and NEO separately; a ticker not yet resolved (no listing
        // exchange) gets the market its suffix names.
        QList<MarketSession> sessions;
        for (const char *name : {"TSX", "TSXV", "CNSX", "NEO", "NYSE", "NASDAQ"})
            sessions.append(MarketSession{QString::fromLatin1(name), {}, {}, {}, {}});
        const MarketCalendarDay day(QDate(2026, 12, 2), sessions);
        QCOMPARE(day.marketFor(QString(), QStringLiteral("RY.TO")), QStringLiteral("TSX"));
        QCOMPARE(day.marketFor(QString(), QStringLiteral("ABC.V")), QStringLiteral("TSXV"));
        QCOMPARE(day.marketFor(QString(), QStringLiteral("XYZ.CN")), QStringLiteral("CNSX"));
        QCOMPARE(day.marketFor(QString(), QStringLiteral("CYBR.NE")), QStringLiteral("NEO"));
        QCOMPARE(day.marketFor(QString(), QStringLiteral("AAPL")), QStringLiteral("NYSE"));
    }

    void userTickerWritesTheVentureAsUsersDo()
    {
        QCOMPARE(ListingExchange::userTicker(QStringLiteral("ABC.VN")), QStringLiteral("ABC.V"));
        QCOMPARE(ListingExchange::userTicker(QStringLiteral("enb.to")), QStringLiteral("ENB.TO"));
        QCOMPARE(ListingExchange::userTicker(QStringLiteral("XYZ.NE")), QStringLiteral("XYZ.NE"));
        QCOMPARE(PositionMapping::defaultTicker(QStringLiteral("ABC.VN")), QStringLiteral("ABC.V"));
    }

    void canadianExchangeNames()
    {
        for (const char *name : {"TSX", "TSXV", "CNSX", "CSE", "NEO", "tsx"})
            QVERIFY2(ListingExchange::isCanadianExchange(QString::fromLatin1(name)), name);
        for (const char *name : {"NYSE", "NASDAQ", "ARCA", "PinkSheets", ""})
            QVERIFY2(!ListingExchange::isCanadianExchange(QString::fromLatin1(name)), name);
    }
};

QTEST_GUILESS_MAIN(TestListingExchange)
#include "tst_listingexchange.moc"
