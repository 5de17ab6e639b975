#include "broker/SymbolResolver.h"

#include "BrokerTestSupport.h"
#include "broker/QuestradeAuth.h"
#include "broker/QuestradeClient.h"
#include "broker/RateLimiter.h"
#include "fakes/QuestradeClientFixture.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace trailguard;
using namespace trailguard::test;
using Server = test::TestQuestradeServer;

// Symbol look-up against the fake Questrade server, which answers as the real one does
// (questrade-api.md §2 and its Corrections): the search pages 20 results at a time and matches
// description words, so an issuer's preferred series bury its common shares.
class TestSymbolResolver : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QuestradeClientFixture> m_fixture;
    Server *m_server = nullptr;
    QuestradeClient *m_client = nullptr;

    std::optional<Result<QuestradeClient::SymbolMap>> resolve(const QStringList &tickers)
    {
        QObject context;
        std::optional<Result<QuestradeClient::SymbolMap>> out;
        m_client->resolveSymbols(tickers, &context, [&out](Result<QuestradeClient::SymbolMap> result) {
            out = std::move(result);
        });
        (void)QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs);
        return out;
    }

    void addListing(const QString &symbol, qint64 id, const char *exchange, const char *currency,
                    const QString &description)
    {
        m_server->addSymbol(Server::Symbol{symbol, id, QString::fromLatin1(currency),
                                           QString::fromLatin1(exchange), description});
    }

    // Enbridge as Questrade lists it: the NYSE and TSX common shares, and 25 preferred series on the TSX
    // whose symbols sort before "ENB.TO", so a search for "ENB.TO" shows it only on the second page.
    void addEnbridge()
    {
        addListing(QStringLiteral("ENB"), 100, "NYSE", "USD", QStringLiteral("ENBRIDGE INC"));
        addListing(QStringLiteral("ENB.TO"), 101, "TSX", "CAD", QStringLiteral("ENBRIDGE INC"));
        for (int i = 0; i < 25; ++i) {
            const QString series = i < 13 ? QStringLiteral("ENB.PF.%1").arg(QChar(u'A' + i))
                                          : QStringLiteral("ENB.PR.%1").arg(QChar(u'A' + i - 13));
            addListing(series, 200 + i, "TSX", "CAD",
                       QStringLiteral("ENBRIDGE INC CUM RED PREF SER %1").arg(i + 1));
        }
    }

    QList<Server::Request> symbolRequests() const
    {
        QList<Server::Request> matching;
        for (const Server::Request &request : m_server->requests()) {
            if (request.path.startsWith(QLatin1String("/v1/symbols")))
                matching.append(request);
        }
        return matching;
    }

private Q_SLOTS:
    void init()
    {
        QuestradeClient::Options options;
        options.retryBaseDelay = std::chrono::milliseconds(100);
        m_fixture = std::make_unique<QuestradeClientFixture>(options);
        m_server = &m_fixture->server();
        addEnbridge();
        addListing(QStringLiteral("RY.TO"), 34658, "TSX", "CAD", QStringLiteral("ROYAL BANK OF CANADA"));
        addListing(QStringLiteral("CYBR.NE"), 77001, "NEO", "CAD",
                   QStringLiteral("EVOLVE CYBER SECURITY ETF"));
        addListing(QStringLiteral("ABC.VN"), 4, "TSXV", "CAD", QStringLiteral("ABC MINING CORP"));
        QVERIFY(m_fixture->connect());
        m_client = &m_fixture->client();
    }

    void cleanup()
    {
        m_client = nullptr;
        m_server = nullptr;
        m_fixture.reset();
    }

    void theFakeSearchBuriesTheCommonSharesLikeTheRealOne()
    {
        // The trap itself: the first page of a search for ENB.TO is all ENB and preferred series.
        m_client->forgetSymbols();
        const QList<Server::Request> before = m_server->requests();
        QVERIFY(before.isEmpty());
        m_server->setMissedByNameLookup({QStringLiteral("ENB.TO")});
        const auto result = resolve({QStringLiteral("ENB.TO")});
        QVERIFY2(succeeded(result), describe(result).constData());
        const QList<Server::Request> requests = symbolRequests();
        QCOMPARE(requests.size(), 3); // names= (nothing), search page 1 (no ENB.TO), page 2
        QCOMPARE(requests.at(1).query, QStringLiteral("prefix=ENB.TO"));
        QCOMPARE(requests.at(2).query, QStringLiteral("prefix=ENB.TO&offset=20"));
    }

    void enbridgeBehindTwentyFivePreferredSeriesResolvesInOneRequest()
    {
        const auto result = resolve({QStringLiteral("ENB.TO")});
        QVERIFY2(succeeded(result), describe(result).constData());
        const SymbolLookup lookup = result->value().value(QStringLiteral("ENB.TO"));
        QVERIFY(lookup.listing.has_value());
        QCOMPARE(lookup.listing->symbolId, 101);
        QCOMPARE(lookup.listing->symbol, QStringLiteral("ENB.TO"));
        QCOMPARE(lookup.listing->listingExchange, QStringLiteral("TSX"));
        QCOMPARE(lookup.listing->currency, QStringLiteral("CAD"));
        QCOMPARE(lookup.listing->ticker, QStringLiteral("ENB.TO"));

        const QList<Server::Request> requests = symbolRequests();
        QVERIFY2(requests.size() <= 2, qPrintable(QString::number(requests.size())));
        QCOMPARE(requests.constFirst().path, QStringLiteral("/v1/symbols"));
        QCOMPARE(requests.constFirst().query, QStringLiteral("names=ENB.TO"));
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/symbols/search")), 0);

        // Remembered: no request the second time.
        QVERIFY(succeeded(resolve({QStringLiteral("ENB.TO")})));
        QCOMPARE(symbolRequests().size(), requests.size());
    }

    void searchPagesOnWhenTheExactLookUpFindsNothing()
    {
        m_server->setMissedByNameLookup({QStringLiteral("ENB.TO")});
        const auto result = resolve({QStringLiteral("ENB.TO")});
        QVERIFY2(succeeded(result), describe(result).constData());
        const SymbolLookup lookup = result->value().value(QStringLiteral("ENB.TO"));
        QVERIFY(lookup.listing.has_value());
        QCOMPARE(lookup.listing->symbolId, 101);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/symbols/search")), 2);
        QCOMPARE(symbolRequests().constLast().query, QStringLiteral("prefix=ENB.TO&offset=20"));
    }

    void searchStopsAfterTenPages()
    {
        // 300 listings on the base "BIG" that sort before "BIG.ZZ": it would be on page 16.
        for (int i = 0; i < 300; ++i) {
            addListing(QStringLiteral("BIG.A%1").arg(i, 3, 10, QLatin1Char('0')), 5000 + i, "NYSE", "USD",
                       QStringLiteral("BIG FUND %1").arg(i));
        }
        addListing(QStringLiteral("BIG.ZZ"), 4999, "NYSE", "USD", QStringLiteral("BIG ZZ"));
        m_server->setMissedByNameLookup({QStringLiteral("BIG.ZZ")});
        const auto result = resolve({QStringLiteral("BIG.ZZ")});
        QVERIFY2(succeeded(result), describe(result).constData());
        const SymbolLookup lookup = result->value().value(QStringLiteral("BIG.ZZ"));
        QVERIFY(!lookup.listing.has_value());
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/symbols/search")), 10);
        QCOMPARE(symbolRequests().constLast().query, QStringLiteral("prefix=BIG.ZZ&offset=180"));
        QCOMPARE(lookup.closest.size(), 5);
    }

    void neoTickerResolves()
    {
        const auto result = resolve({QStringLiteral("CYBR.NE"), QStringLiteral("ABC.V")});
        QVERIFY2(succeeded(result), describe(result).constData());
        const SymbolLookup neo = result->value().value(QStringLiteral("CYBR.NE"));
        QVERIFY(neo.listing.has_value());
        QCOMPARE(neo.listing->symbolId, 77001);
        QCOMPARE(neo.listing->listingExchange, QStringLiteral("NEO"));
        QCOMPARE(neo.listing->currency, QStringLiteral("CAD"));
        const SymbolLookup venture = result->value().value(QStringLiteral("ABC.V"));
        QVERIFY(venture.listing.has_value());
        QCOMPARE(venture.listing->symbol, QStringLiteral("ABC.VN"));
        QCOMPARE(symbolRequests().size(), 1); // both in one names= call
        QCOMPARE(symbolRequests().constFirst().query, QStringLiteral("names=CYBR.NE,ABC.VN"));
    }

    void neoTickerResolvesThroughTheSearchToo()
    {
        m_server->setMissedByNameLookup({QStringLiteral("CYBR.NE")});
        const auto result = resolve({QStringLiteral("CYBR.NE")});
        QVERIFY2(succeeded(result), describe(result).constData());
        QCOMPARE(result->value().value(QStringLiteral("CYBR.NE")).listing->symbolId, 77001);
    }

    void manyTickersResolveInBatchedLookUpsWithinTheAccountBucket()
    {
        QStringList tickers;
        for (int i = 0; i < 1000; ++i) {
            const QString ticker = QStringLiteral("TK%1.TO").arg(i, 4, 10, QLatin1Char('0'));
            addListing(ticker, 10000 + i, "TSX", "CAD", QStringLiteral("TEST %1").arg(i));
            tickers.append(ticker);
        }
        const auto result = resolve(tickers);
        QVERIFY2(succeeded(result), describe(result).constData());
        QCOMPARE(result->value().size(), 1000);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(result->value().value(tickers.at(i)).listing->symbolId, 10000 + i);

        // 1000 × "TK0000.TO," = 10,000 characters: six names= calls under 2,000 characters each, no
        // search, all counted against the account bucket on both sides, none refused.
        const QList<Server::Request> requests = symbolRequests();
        QCOMPARE(requests.size(), 6);
        int named = 0;
        for (const Server::Request &request : requests) {
            QCOMPARE(request.path, QStringLiteral("/v1/symbols"));
            QVERIFY2(request.query.size() < 2000, qPrintable(QString::number(request.query.size())));
            QCOMPARE(request.category, Server::Category::Account);
            QCOMPARE(request.status, 200);
            named += int(request.query.count(QLatin1Char(','))) + 1;
        }
        QCOMPARE(named, 1000);
        QCOMPARE(RateLimiter::categoryForPath(QStringLiteral("v1/symbols")), RateLimiter::Category::Account);
        QCOMPARE(RateLimiter::categoryForPath(QStringLiteral("v1/symbols/search")),
                 RateLimiter::Category::Account);
        QVERIFY(m_server->maxRequestsPerSecond(Server::Category::Account) <= 30);
    }

    void lookupQueriesStayUnderTheLimit()
    {
        QStringList symbols;
        for (int i = 0; i < 500; ++i)
            symbols.append(QStringLiteral("SYM%1.TO").arg(i));
        const QStringList queries = SymbolResolver::lookupQueries(symbols, 100);
        QStringList again;
        for (const QString &query : queries) {
            QVERIFY(query.size() <= 100);
            QVERIFY(query.startsWith(QLatin1String("names=")));
            again += query.mid(6).split(QLatin1Char(','));
        }
        QCOMPARE(again, symbols); // every symbol once, in order
        QCOMPARE(SymbolResolver::lookupQueries({QStringLiteral("A"), QStringLiteral("B")}),
                 QStringList{QStringLiteral("names=A,B")});
    }

    void notFoundNamesTheTickerAndOffersTheClosestListings()
    {
        const auto result =
            resolve({QStringLiteral("ENB.XX"), QStringLiteral("RY.TO"), QStringLiteral("QQQQZ")});
        QVERIFY2(succeeded(result), describe(result).constData());
        QCOMPARE(result->value().value(QStringLiteral("RY.TO")).listing->symbolId, 34658);

        const SymbolLookup missing = result->value().value(QStringLiteral("ENB.XX"));
        QVERIFY(result->value().contains(QStringLiteral("ENB.XX")));
        QVERIFY(!missing.listing.has_value());
        QVERIFY(missing.closest.size() >= 2);
        QVERIFY(missing.closest.size() <= 5);
        // The common shares first, before the preferred series that fill the search's first page.
        QStringList offered;
        for (const SymbolInfo &info : missing.closest)
            offered.append(info.ticker);
        QCOMPARE(offered.mid(0, 2), (QStringList{QStringLiteral("ENB"), QStringLiteral("ENB.TO")}));
        const QString message = SymbolResolver::notFoundMessage(QStringLiteral("ENB.XX"), missing.closest);
        QVERIFY2(message.startsWith(QStringLiteral("ENB.XX was not found on Questrade. Closest listings: "
                                                   "ENB (ENBRIDGE INC), ENB.TO (ENBRIDGE INC), ")),
                 qPrintable(message));

        const SymbolLookup nothingLikeIt = result->value().value(QStringLiteral("QQQQZ"));
        QVERIFY(!nothingLikeIt.listing.has_value());
        QVERIFY(nothingLikeIt.closest.isEmpty());
        QVERIFY(
            SymbolResolver::notFoundMessage(QStringLiteral("QQQQZ"), {}).contains(QStringLiteral("QQQQZ")));

        // One names= call for all three; the search only for the two it missed, stopping at a short page.
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/symbols?")), 0); // the query is not in the path
        int lookUps = 0;
        for (const Server::Request &request : symbolRequests())
            lookUps += request.path == QLatin1String("/v1/symbols") ? 1 : 0;
        QCOMPARE(lookUps, 1);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/symbols/search")),
                 3); // ENB.XX: 2 pages, QQQQZ: 1
    }

    void aFailedLookUpFailsTheWholeResolution()
    {
        m_server->failNextRequests(5, 400, 1002);
        const auto result = resolve({QStringLiteral("RY.TO")});
        QVERIFY(result.has_value());
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, ErrorCode::RequestRejected);
    }
};

QTEST_GUILESS_MAIN(TestSymbolResolver)
#include "tst_symbolresolver.moc"
