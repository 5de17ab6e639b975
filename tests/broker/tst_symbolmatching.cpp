#include "broker/SymbolMatching.h"

#include <QTest>

using namespace trailguard;
using Candidate = QuestradeParsing::SymbolCandidate;

namespace {
Candidate listing(const char *symbol, qint64 id, const char *exchange, const char *currency = "USD",
                  const char *type = "Stock")
{
    Candidate candidate;
    candidate.symbol = QString::fromLatin1(symbol);
    candidate.symbolId = id;
    candidate.listingExchange = QString::fromLatin1(exchange);
    candidate.currency = QString::fromLatin1(currency);
    candidate.securityType = QString::fromLatin1(type);
    candidate.description = candidate.symbol + QStringLiteral(" INC");
    return candidate;
}

// What a search for a common prefix might return: the same company on several exchanges, lookalikes
// that share the prefix, and an option.
QList<Candidate> crowdedSearch()
{
    return {
        listing("SHOPX", 1, "NASDAQ"),         listing("SHOP", 2, "NYSE"),
        listing("SHOP.TO", 3, "TSX", "CAD"),   listing("SHOP.VN", 4, "TSXV", "CAD"),
        listing("SHOP.CN", 5, "CNSX", "CAD"),  listing("SHOP17Jan25C60.00", 6, "OPRA", "USD", "Option"),
        listing("SHOP.TO.W", 7, "TSX", "CAD"), listing("SHOP.NE", 8, "NEO", "CAD"),
    };
}
} // namespace

class TestSymbolMatching : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void queryFor_data()
    {
        QTest::addColumn<QString>("ticker");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<QString>("firstExchange");
        QTest::addColumn<bool>("canadian");
        QTest::newRow("TSX") << QStringLiteral("SHOP.TO") << QStringLiteral("SHOP")
                             << QStringLiteral("SHOP.TO") << QStringLiteral("TSX") << true;
        QTest::newRow("Venture, user style") << QStringLiteral("ABC.V") << QStringLiteral("ABC")
                                             << QStringLiteral("ABC.VN") << QStringLiteral("TSXV") << true;
        QTest::newRow("Venture, Questrade style")
            << QStringLiteral("ABC.VN") << QStringLiteral("ABC") << QStringLiteral("ABC.VN")
            << QStringLiteral("TSXV") << true;
        QTest::newRow("CSE") << QStringLiteral("XYZ.CN") << QStringLiteral("XYZ") << QStringLiteral("XYZ.CN")
                             << QStringLiteral("CNSX") << true;
        QTest::newRow("NEO (Cboe Canada)") << QStringLiteral("CYBR.NE") << QStringLiteral("CYBR")
                                           << QStringLiteral("CYBR.NE") << QStringLiteral("NEO") << true;
        QTest::newRow("US") << QStringLiteral("AAPL") << QStringLiteral("AAPL") << QStringLiteral("AAPL")
                            << QStringLiteral("NYSE") << false;
        QTest::newRow("US class share") << QStringLiteral("BRK.B") << QStringLiteral("BRK.B")
                                        << QStringLiteral("BRK.B") << QStringLiteral("NYSE") << false;
        QTest::newRow("TSX class share, Yahoo style")
            << QStringLiteral("BBD-B.TO") << QStringLiteral("BBD.B") << QStringLiteral("BBD.B.TO")
            << QStringLiteral("TSX") << true;
        QTest::newRow("lower case") << QStringLiteral("ry.to") << QStringLiteral("RY")
                                    << QStringLiteral("RY.TO") << QStringLiteral("TSX") << true;
    }
    void queryFor()
    {
        QFETCH(QString, ticker);
        QFETCH(QString, base);
        QFETCH(QString, symbol);
        QFETCH(QString, firstExchange);
        QFETCH(bool, canadian);
        const SymbolMatching::Query query = SymbolMatching::queryFor(ticker);
        QCOMPARE(query.ticker, ticker.toUpper());
        QCOMPARE(query.base, base);
        QCOMPARE(query.symbol, symbol);
        QCOMPARE(query.exchanges.value(0), firstExchange);
        QCOMPARE(query.canadian, canadian);
    }

    void pick_data()
    {
        QTest::addColumn<QString>("ticker");
        QTest::addColumn<qint64>("expectedId"); // 0: not found
        QTest::newRow("plain ticker picks the US listing") << QStringLiteral("SHOP") << qint64(2);
        QTest::newRow(".TO picks the TSX listing") << QStringLiteral("SHOP.TO") << qint64(3);
        QTest::newRow(".V picks the Venture listing") << QStringLiteral("SHOP.V") << qint64(4);
        QTest::newRow(".VN picks the Venture listing") << QStringLiteral("SHOP.VN") << qint64(4);
        QTest::newRow(".CN picks the CSE listing") << QStringLiteral("SHOP.CN") << qint64(5);
        QTest::newRow(".NE picks the NEO listing") << QStringLiteral("SHOP.NE") << qint64(8);
        QTest::newRow("prefix match alone is not enough") << QStringLiteral("SHO") << qint64(0);
        QTest::newRow("lookalike with the prefix") << QStringLiteral("SHOPX") << qint64(1);
        QTest::newRow("unknown") << QStringLiteral("NOPE") << qint64(0);
    }
    void pick()
    {
        QFETCH(QString, ticker);
        QFETCH(qint64, expectedId);
        const std::optional<SymbolInfo> info =
            SymbolMatching::pick(SymbolMatching::queryFor(ticker), crowdedSearch());
        QCOMPARE(info.has_value(), expectedId != 0);
        if (info) {
            QCOMPARE(info->symbolId, expectedId);
            QCOMPARE(info->ticker, ticker);
        }
    }

    void pickCarriesTheListing()
    {
        const std::optional<SymbolInfo> info =
            SymbolMatching::pick(SymbolMatching::queryFor(QStringLiteral("SHOP.TO")), crowdedSearch());
        QVERIFY(info.has_value());
        QCOMPARE(info->symbol, QStringLiteral("SHOP.TO"));
        QCOMPARE(info->currency, QStringLiteral("CAD"));
        QCOMPARE(info->listingExchange, QStringLiteral("TSX"));
        QCOMPARE(info->description, QStringLiteral("SHOP.TO INC"));
    }

    void plainTickerNeverPicksACanadianListing()
    {
        // A Canadian listing without a suffix would be odd, but must not be taken for a US one.
        const QList<Candidate> candidates{listing("ODD", 9, "TSX", "CAD")};
        QVERIFY(
            !SymbolMatching::pick(SymbolMatching::queryFor(QStringLiteral("ODD")), candidates).has_value());
    }

    void plainTickerFallsBackToOtherUsListings()
    {
        const QList<Candidate> candidates{listing("GRLT", 11, "PinkSheets"), listing("GRLT", 12, "NASDAQ")};
        QCOMPARE(SymbolMatching::pick(SymbolMatching::queryFor(QStringLiteral("GRLT")), candidates)->symbolId,
                 12);
        const QList<Candidate> pinkOnly{listing("GRLT", 11, "PinkSheets")};
        QCOMPARE(SymbolMatching::pick(SymbolMatching::queryFor(QStringLiteral("GRLT")), pinkOnly)->symbolId,
                 11);
    }

    void suffixDemandsItsExchange()
    {
        // "ABC.TO" listed with another exchange is not the TSX listing.
        const QList<Candidate> candidates{listing("ABC.TO", 21, "NYSE")};
        QVERIFY(!SymbolMatching::pick(SymbolMatching::queryFor(QStringLiteral("ABC.TO")), candidates)
                     .has_value());
    }

    void emptyExchangeIsAccepted()
    {
        const QList<Candidate> candidates{listing("RY.TO", 34658, "", "CAD")};
        QCOMPARE(
            SymbolMatching::pick(SymbolMatching::queryFor(QStringLiteral("RY.TO")), candidates)->symbolId,
            34658);
    }

    void classSharesMatchAcrossSeparators()
    {
        const QList<Candidate> candidates{listing("BBD.A.TO", 31, "TSX", "CAD"),
                                          listing("BBD.B.TO", 32, "TSX", "CAD")};
        QCOMPARE(
            SymbolMatching::pick(SymbolMatching::queryFor(QStringLiteral("BBD-B.TO")), candidates)->symbolId,
            32);
        QCOMPARE(
            SymbolMatching::pick(SymbolMatching::queryFor(QStringLiteral("BBD.B.TO")), candidates)->symbolId,
            32);
    }

    void closestPutsTheSameBaseFirst()
    {
        // What a search for "SHOP.XX" could answer: lookalikes first, an option, the listings of SHOP.
        const QList<SymbolInfo> closest =
            SymbolMatching::closest(SymbolMatching::queryFor(QStringLiteral("SHOP.XX")), crowdedSearch(), 4);
        QStringList tickers;
        for (const SymbolInfo &info : closest)
            tickers.append(info.ticker);
        // The listings of SHOP first (Venture written as users write it), lookalikes and series after.
        QCOMPARE(tickers, (QStringList{QStringLiteral("SHOP"), QStringLiteral("SHOP.TO"),
                                       QStringLiteral("SHOP.V"), QStringLiteral("SHOP.CN")}));

        const QList<SymbolInfo> forVenture = SymbolMatching::closest(
            SymbolMatching::queryFor(QStringLiteral("SHOP.ZZ.TO")), crowdedSearch(), 3);
        QCOMPARE(forVenture.size(), 3);
    }

    void skipsOptionsAndUnquotableListings()
    {
        Candidate unquotable = listing("ZZZ", 41, "NYSE");
        unquotable.isQuotable = false;
        const QList<Candidate> candidates{listing("ZZZ", 40, "NYSE", "USD", "Option"), unquotable};
        QVERIFY(
            !SymbolMatching::pick(SymbolMatching::queryFor(QStringLiteral("ZZZ")), candidates).has_value());
    }
};

QTEST_GUILESS_MAIN(TestSymbolMatching)
#include "tst_symbolmatching.moc"
