#include "broker/QuestradeClient.h"

#include "BrokerTestSupport.h"
#include "broker/QuestradeAuth.h"
#include "broker/QuestradeHttp.h"
#include "broker/RateLimiter.h"
#include "fakes/TestQuestradeServer.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <memory>

using namespace trailguard;
using namespace trailguard::test;
using Server = test::TestQuestradeServer;

Q_DECLARE_METATYPE(trailguard::test::TestQuestradeServer::QuoteCorruption)

namespace {
// Every message of every category, captured while a test runs (see logsNeverShowATokenInPlainText).
QMutex gLogMutex;
QStringList gLog;
void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&gLogMutex);
    gLog.append(QString::fromLatin1(context.category ? context.category : "default") + QStringLiteral(": ") +
                message);
}

template <typename T>
std::optional<Result<T>> waitFor(const std::function<void(QObject *, std::function<void(Result<T>)>)> &call)
{
    QObject context;
    std::optional<Result<T>> out;
    call(&context, [&out](Result<T> result) { out = std::move(result); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs);
    return out;
}

QString tickerName(int i)
{
    return QStringLiteral("T%1").arg(i, 3, 10, QLatin1Char('0'));
}
} // namespace

class TestQuestradeClient : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Server> m_server;
    std::unique_ptr<TestSecretStore> m_store;
    std::unique_ptr<ManualClock> m_authClock; // moved by tests to expire tokens on our side
    SystemClock m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QuestradeAuth> m_auth;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<QuestradeClient> m_client;

    static QuestradeClient::Options fastOptions()
    {
        QuestradeClient::Options options;
        options.retryBaseDelay = std::chrono::milliseconds(100);
        options.requestTimeout = std::chrono::milliseconds(3000);
        options.maxRetries = 4;
        return options;
    }

    std::unique_ptr<QuestradeClient> makeClient(QuestradeClient::Options options)
    {
        return std::make_unique<QuestradeClient>(m_network.get(), *m_auth, *m_limiter, options);
    }

    std::optional<Result<QuestradeClient::SymbolMap>> resolve(QuestradeClient &client,
                                                              const QStringList &tickers)
    {
        return waitFor<QuestradeClient::SymbolMap>(
            [&](QObject *context, auto done) { client.resolveSymbols(tickers, context, std::move(done)); });
    }
    std::optional<Result<QuoteBatch>> quoteBatch(QuestradeClient &client, const QList<qint64> &ids)
    {
        return waitFor<QuoteBatch>(
            [&](QObject *context, auto done) { client.fetchQuotes(ids, context, std::move(done)); });
    }
    // Just the quotes of quoteBatch.
    std::optional<Result<QList<BrokerQuote>>> quotes(QuestradeClient &client, const QList<qint64> &ids)
    {
        const std::optional<Result<QuoteBatch>> batch = quoteBatch(client, ids);
        if (!batch)
            return std::nullopt;
        if (!batch->ok())
            return Result<QList<BrokerQuote>>(batch->error());
        return Result<QList<BrokerQuote>>(batch->value().quotes);
    }
    std::optional<Result<QDateTime>> serverTime(QuestradeClient &client)
    {
        return waitFor<QDateTime>(
            [&](QObject *context, auto done) { client.fetchServerTime(context, std::move(done)); });
    }

    void addListing(const char *symbol, qint64 id, const char *exchange, const char *currency)
    {
        m_server->addSymbol(Server::Symbol{QString::fromLatin1(symbol), id, QString::fromLatin1(currency),
                                           QString::fromLatin1(exchange),
                                           QString::fromLatin1(symbol) + QStringLiteral(" CORP")});
    }

    // T001..T<count> on the NYSE, ids 1001.., each with a price.
    QList<qint64> addManyListings(int count)
    {
        QList<qint64> ids;
        for (int i = 1; i <= count; ++i) {
            const qint64 id = 1000 + i;
            m_server->addSymbol(Server::Symbol{tickerName(i), id, QStringLiteral("USD"),
                                               QStringLiteral("NYSE"), QStringLiteral("TEST %1").arg(i)});
            m_server->setPrice(id, 10.0 + i);
            ids.append(id);
        }
        return ids;
    }

    QList<Server::Request> requestsTo(const QString &path) const
    {
        QList<Server::Request> matching;
        for (const Server::Request &request : m_server->requests()) {
            if (request.path == path)
                matching.append(request);
        }
        return matching;
    }

    int countStatus(const QString &path, int status) const
    {
        int count = 0;
        for (const Server::Request &request : requestsTo(path))
            count += request.status == status ? 1 : 0;
        return count;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<Server>();
        QVERIFY(m_server->listen());
        m_store = std::make_unique<TestSecretStore>();
        m_authClock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
        m_network = std::make_unique<QNetworkAccessManager>();
        QuestradeAuth::Options authOptions;
        authOptions.loginUrlOverride = m_server->loginUrl().toString();
        m_auth = std::make_unique<QuestradeAuth>(m_network.get(), *m_store, *m_authClock, authOptions);
        m_limiter = std::make_unique<RateLimiter>(m_clock);
        m_client = makeClient(fastOptions());

        addListing("SHOP", 2, "NYSE", "USD");
        addListing("SHOP.TO", 3, "TSX", "CAD");
        addListing("ABC.VN", 4, "TSXV", "CAD");
        addListing("XYZ.CN", 5, "CNSX", "CAD");
        addListing("AAPL", 6, "NASDAQ", "USD");
        addListing("BRK.B", 7, "NYSE", "USD");
        addListing("SHOPX", 8, "NASDAQ", "USD");
        for (qint64 id = 2; id <= 8; ++id)
            m_server->setPrice(id, 100.0 + static_cast<double>(id));

        m_auth->connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Live);
        QVERIFY(waitForState(*m_auth, ConnectionState::Connected));
        m_server->clearRequests();
    }

    void cleanup()
    {
        m_client.reset();
        m_limiter.reset();
        m_auth.reset();
        m_network.reset();
        m_store.reset();
        m_server.reset();
    }

    void resolvesEachTickerToItsListing()
    {
        const QStringList tickers{QStringLiteral("SHOP"),  QStringLiteral("SHOP.TO"),
                                  QStringLiteral("ABC.V"), QStringLiteral("XYZ.CN"),
                                  QStringLiteral("AAPL"),  QStringLiteral("BRK.B"),
                                  QStringLiteral("NOPE")};
        const auto result = resolve(*m_client, tickers);
        QVERIFY2(result && result->ok(), describe(result).constData());
        const QuestradeClient::SymbolMap &map = result->value();
        QCOMPARE(map.size(), tickers.size());
        const QList<std::pair<QString, qint64>> expected{
            {QStringLiteral("SHOP"), 2},   {QStringLiteral("SHOP.TO"), 3}, {QStringLiteral("ABC.V"), 4},
            {QStringLiteral("XYZ.CN"), 5}, {QStringLiteral("AAPL"), 6},    {QStringLiteral("BRK.B"), 7}};
        for (const auto &[ticker, id] : expected) {
            QVERIFY2(map.value(ticker).listing.has_value(), qPrintable(ticker));
            QCOMPARE(map.value(ticker).listing->symbolId, id);
            QCOMPARE(map.value(ticker).listing->ticker, ticker);
        }
        QCOMPARE(map.value(QStringLiteral("SHOP.TO")).listing->currency, QStringLiteral("CAD"));
        QCOMPARE(map.value(QStringLiteral("SHOP")).listing->currency, QStringLiteral("USD"));
        QCOMPARE(map.value(QStringLiteral("ABC.V")).listing->symbol, QStringLiteral("ABC.VN"));
        QCOMPARE(map.value(QStringLiteral("ABC.V")).listing->listingExchange, QStringLiteral("TSXV"));
        QVERIFY(map.contains(QStringLiteral("NOPE")));
        QVERIFY(!map.value(QStringLiteral("NOPE")).listing.has_value()); // not found

        // One exact names= look-up for all seven, one search for the ticker it missed.
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/symbols")), 2);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/symbols/search")), 1);

        // Found listings are remembered; only the unknown ticker is looked up again.
        const auto again = resolve(*m_client, tickers);
        QVERIFY(again && again->ok());
        QCOMPARE(again->value(), map);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/symbols")), 4);
    }

    void oneCycleCostsOneQuoteCallPerFiftySymbols()
    {
        const QList<qint64> ids = addManyListings(120);
        QStringList tickers;
        for (int i = 1; i <= 120; ++i)
            tickers.append(tickerName(i));
        const auto symbols = resolve(*m_client, tickers);
        QVERIFY2(symbols && symbols->ok(), describe(symbols).constData());
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/symbols")), 1); // one names= look-up for all
        for (int i = 1; i <= 120; ++i)
            QCOMPARE(symbols->value().value(tickerName(i)).listing->symbolId, ids.at(i - 1));

        const auto result = quotes(*m_client, ids);
        QVERIFY2(result && result->ok(), describe(result).constData());
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 3); // ceil(120 / 50)
        QCOMPARE(result->value().size(), 120);
        for (int i = 0; i < 120; ++i) {
            QCOMPARE(result->value().at(i).symbolId, ids.at(i)); // in the order asked for
            QCOMPARE(result->value().at(i).lastTradePrice, std::optional<double>(11.0 + i));
        }
        for (const Server::Request &request : requestsTo(QStringLiteral("/v1/markets/quotes")))
            QVERIFY(request.query.count(QLatin1Char(',')) <= 49);

        // The second cycle needs no symbol look-ups at all.
        QVERIFY(resolve(*m_client, tickers)->ok());
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/symbols")), 1);
    }

    void splitsBatchesTheServerFindsTooLong()
    {
        const QList<qint64> ids = addManyListings(120);
        m_server->setMaxIdsPerQuoteCall(20);
        const auto result = quotes(*m_client, ids);
        QVERIFY2(result && result->ok(), describe(result).constData());
        QCOMPARE(result->value().size(), 120);
        for (int i = 0; i < 120; ++i)
            QCOMPARE(result->value().at(i).symbolId, ids.at(i));
        QVERIFY(countStatus(QStringLiteral("/v1/markets/quotes"), 400) > 0);
        QVERIFY(m_client->idsPerQuoteCall() <= 20);

        // The client remembers: the next cycle is not refused.
        m_server->clearRequests();
        const auto next = quotes(*m_client, ids);
        QVERIFY(next && next->ok());
        QCOMPARE(next->value().size(), 120);
        QCOMPARE(countStatus(QStringLiteral("/v1/markets/quotes"), 400), 0);
        const int batch = m_client->idsPerQuoteCall();
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), (120 + batch - 1) / batch);
    }

    void priceRules()
    {
        Server::Quote noTrade; // listed, no last trade: null
        m_server->setQuote(2, noTrade);
        Server::Quote halted;
        halted.lastTradePrice = 55.5;
        halted.lastTradeTime = QDateTime::currentDateTimeUtc();
        halted.halted = true;
        m_server->setQuote(3, halted);
        Server::Quote delayed;
        delayed.lastTradePrice = 12.25;
        delayed.lastTradeTime = QDateTime(QDate(2024, 5, 14), QTime(19, 59, 58, 812), QTimeZone::utc());
        delayed.delay = 1;
        m_server->setQuote(4, delayed);

        const auto result = quotes(*m_client, {2, 3, 4, 999});
        QVERIFY2(result && result->ok(), describe(result).constData());
        QCOMPARE(result->value().size(), 3); // 999 is unknown: left out
        const BrokerQuote &none = result->value().at(0);
        QCOMPARE(none.symbolId, 2);
        QVERIFY(!none.lastTradePrice.has_value()); // null stays empty, never 0
        QVERIFY(!none.usablePrice().has_value());
        const BrokerQuote &stopped = result->value().at(1);
        QVERIFY(stopped.halted);
        QCOMPARE(stopped.lastTradePrice, std::optional<double>(55.5));
        QVERIFY(!stopped.usablePrice().has_value());
        const BrokerQuote &late = result->value().at(2);
        QVERIFY(late.delayed);
        QCOMPARE(late.usablePrice(), std::optional<double>(12.25));
        QCOMPARE(late.lastTradeTime, delayed.lastTradeTime);
        QCOMPARE(late.symbol, QStringLiteral("ABC.VN"));
    }

    void readsBothLastTrades()
    {
        Server::Quote afterHours;
        afterHours.lastTradePrice = 97.5; // an after-hours trade
        afterHours.lastTradeTime = QDateTime::currentDateTimeUtc();
        afterHours.separateRegularPrice = true;
        afterHours.regularTradePrice = 101.0; // the regular session's close
        m_server->setQuote(2, afterHours);
        Server::Quote noRegular = afterHours;
        noRegular.regularTradePrice.reset(); // lastTradePriceTrHrs: null
        m_server->setQuote(3, noRegular);

        const auto result = quotes(*m_client, {2, 3, 4});
        QVERIFY2(result && result->ok(), describe(result).constData());
        QCOMPARE(result->value().size(), 3);
        const BrokerQuote &extended = result->value().at(0);
        QCOMPARE(extended.lastTradePrice, std::optional<double>(97.5));
        QCOMPARE(extended.regularTradePrice, std::optional<double>(101.0));
        QCOMPARE(extended.regularPrice(), std::optional<double>(101.0));
        QCOMPARE(extended.usablePrice(), std::optional<double>(97.5));
        QVERIFY(extended.lastTradeIsExtendedHours());
        const BrokerQuote &fallback = result->value().at(1);
        QVERIFY(!fallback.regularTradePrice);
        QCOMPARE(fallback.regularPrice(), std::optional<double>(97.5)); // else lastTradePrice
        QVERIFY(!fallback.lastTradeIsExtendedHours());
        const BrokerQuote &regular = result->value().at(2);
        QCOMPARE(regular.regularTradePrice, regular.lastTradePrice);
        QVERIFY(!regular.lastTradeIsExtendedHours());
    }

    void oneCorruptRecordCostsOnlyThatQuote_data()
    {
        QTest::addColumn<Server::QuoteCorruption>("corruption");
        QTest::newRow("missing symbolId") << Server::QuoteCorruption::MissingSymbolId;
        QTest::newRow("price as text") << Server::QuoteCorruption::PriceAsText;
    }

    void oneCorruptRecordCostsOnlyThatQuote()
    {
        QFETCH(Server::QuoteCorruption, corruption);
        m_server->setQuoteCorruption(3, corruption);
        // Logged with its symbol, in the broker category.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^Dropped the quote of SHOP\\.TO: ")));
        const auto result = quotes(*m_client, {2, 3, 4, 5});
        QVERIFY2(result && result->ok(), describe(result).constData());
        QList<qint64> quoted;
        for (const BrokerQuote &quote : result->value())
            quoted.append(quote.symbolId);
        QCOMPARE(quoted, (QList<qint64>{2, 4, 5}));
        QCOMPARE(result->value().at(1).lastTradePrice, std::optional<double>(104.0));
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1); // not asked again

        m_server->setQuoteCorruption(3, Server::QuoteCorruption::None);
        QCOMPARE(quotes(*m_client, {2, 3, 4, 5})->value().size(), 4);
    }

    void unknownIdIsIsolatedAndTheRestQuoted()
    {
        m_server->setUnknownQuoteIdsAnswer404(true);
        const QList<qint64> listed = addManyListings(40);
        QList<qint64> ids = listed;
        ids.insert(17, 999); // not listed: Questrade answers the whole batch 404 / 1019
        const auto result = quoteBatch(*m_client, ids);
        QVERIFY2(result && result->ok(), describe(result).constData());
        QCOMPARE(result->value().unknownIds, QList<qint64>{999});
        QCOMPARE(result->value().quotes.size(), 40);
        for (int i = 0; i < 40; ++i)
            QCOMPARE(result->value().quotes.at(i).symbolId, listed.at(i));
        const int refused = countStatus(QStringLiteral("/v1/markets/quotes"), 404);
        QVERIFY(refused >= 1);
        // Bisection: about two calls per halving (41 ids: 6 levels), not one call per id.
        QVERIFY2(m_server->requestCount(QStringLiteral("/v1/markets/quotes")) <= 14,
                 qPrintable(QString::number(m_server->requestCount(QStringLiteral("/v1/markets/quotes")))));
        QCOMPARE(m_client->idsPerQuoteCall(), 50); // a 404 is no reason for smaller batches

        // A batch of known ids is one call.
        m_server->clearRequests();
        const auto known = quoteBatch(*m_client, listed);
        QVERIFY(known && known->ok());
        QVERIFY(known->value().unknownIds.isEmpty());
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1);
    }

    void longIdListsStayUnderTheQueryLimit_data()
    {
        QTest::addColumn<int>("idsPerCall");
        QTest::newRow("default count") << QuestradeClient::Options{}.idsPerQuoteCall;
        QTest::newRow("count alone would exceed it") << 1000;
    }

    void longIdListsStayUnderTheQueryLimit()
    {
        QFETCH(int, idsPerCall);
        // 1,000 ids of nine digits: 10,000 characters as one list.
        QList<qint64> ids;
        for (int i = 0; i < 1000; ++i) {
            const qint64 id = 100000000 + 7919LL * i;
            m_server->addSymbol(Server::Symbol{QStringLiteral("L%1").arg(i), id, QStringLiteral("USD"),
                                               QStringLiteral("NYSE"), QStringLiteral("LONG %1").arg(i)});
            m_server->setPrice(id, 10.0 + i);
            ids.append(id);
        }
        m_server->setMaxQueryLength(int(QuestradeHttp::kMaxQueryLength)); // refuses anything longer
        QuestradeClient::Options options = fastOptions();
        options.idsPerQuoteCall = idsPerCall;
        auto client = makeClient(options);
        const auto result = quotes(*client, ids);
        QVERIFY2(result && result->ok(), describe(result).constData());
        QCOMPARE(result->value().size(), 1000);
        const QList<Server::Request> sent = requestsTo(QStringLiteral("/v1/markets/quotes"));
        qsizetype longest = 0;
        for (const Server::Request &request : sent)
            longest = std::max(longest, request.query.size());
        QVERIFY2(longest <= 2000, qPrintable(QString::number(longest)));
        QCOMPARE(countStatus(QStringLiteral("/v1/markets/quotes"), 414), 0);
        if (idsPerCall >= 1000) // cut by length only: as few calls as the limit allows
            QVERIFY2(sent.size() <= 6, qPrintable(QString::number(sent.size())));
    }

    void splitsBatchesTheServerFindsTooLongToRead()
    {
        const QList<qint64> ids = addManyListings(120); // 4-digit ids: 5 characters each
        m_server->setMaxQueryLength(200);               // a stricter server than we plan for: 414
        const auto result = quotes(*m_client, ids);
        QVERIFY2(result && result->ok(), describe(result).constData());
        QCOMPARE(result->value().size(), 120);
        for (int i = 0; i < 120; ++i)
            QCOMPARE(result->value().at(i).symbolId, ids.at(i));
        QVERIFY(countStatus(QStringLiteral("/v1/markets/quotes"), 414) > 0);
        QVERIFY(m_client->idsPerQuoteCall() < 50);

        // Remembered: the next poll is not refused.
        m_server->clearRequests();
        QCOMPARE(quotes(*m_client, ids)->value().size(), 120);
        QCOMPARE(countStatus(QStringLiteral("/v1/markets/quotes"), 414), 0);
    }

    void missingMarketDataPermissionSaysWhatToDo()
    {
        m_server->failNextRequests(1, 403, 1016);
        const auto result = quotes(*m_client, {2, 3});
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, ErrorCode::MissingPermission);
        QCOMPARE(
            result->error().message,
            QStringLiteral("This Questrade app lacks market-data permission: enable it in the App Hub and "
                           "reconnect"));
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1); // not retried
    }

    void oversizedAnswersAreRefused()
    {
        const QList<qint64> ids = addManyListings(40); // about 20 KB of quotes
        QuestradeClient::Options options = fastOptions();
        options.maxResponseBytes = 4096;
        auto client = makeClient(options);
        const auto flood = quotes(*client, ids);
        QVERIFY(flood && !flood->ok());
        QCOMPARE(flood->error().code, ErrorCode::MalformedResponse);
        QVERIFY2(flood->error().message.contains(QStringLiteral("larger than")),
                 qPrintable(flood->error().message));
        // The client retries before it reports, so the error is final: one request, and none later.
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1);

        // An answer within the cap is read as usual.
        const auto small = quotes(*client, {2});
        QVERIFY2(small && small->ok(), describe(small).constData());
        QCOMPARE(small->value().size(), 1);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")),
                 2); // the flood was not retried
    }

    void concurrentCallsShareOneRefresh()
    {
        m_authClock->advance(1800); // our side sees the token as expired
        const int exchangesBefore = m_server->tokenExchanges();
        QObject context;
        int done = 0;
        int failed = 0;
        for (int i = 0; i < 20; ++i) {
            m_client->fetchQuotes({2, 3}, &context, [&](Result<QuoteBatch> result) {
                ++done;
                failed += result.ok() && result.value().quotes.size() == 2 ? 0 : 1;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 20, kWaitMs);
        QCOMPARE(failed, 0);
        QCOMPARE(m_server->tokenExchanges(), exchangesBefore + 1);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 20);
    }

    void concurrent401sShareOneRefresh()
    {
        m_server->expireAccessTokens(); // the server refuses the token our side still trusts
        const int exchangesBefore = m_server->tokenExchanges();
        QObject context;
        int ok = 0;
        for (int i = 0; i < 20; ++i) {
            m_client->fetchQuotes({2}, &context, [&ok](Result<QuoteBatch> result) { ok += result.ok(); });
        }
        QTRY_COMPARE_WITH_TIMEOUT(ok, 20, kWaitMs);
        QCOMPARE(m_server->tokenExchanges(), exchangesBefore + 1);
        // Calls sent before the refresh got a 401 and were retried once; later ones used the new token.
        const int refused = countStatus(QStringLiteral("/v1/markets/quotes"), 401);
        QVERIFY(refused >= 1 && refused <= 20);
        QCOMPARE(countStatus(QStringLiteral("/v1/markets/quotes"), 200), 20);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 20 + refused);
    }

    void invalidTokenRefreshesAndRetriesOnce()
    {
        m_server->expireAccessTokens();
        const auto result = quotes(*m_client, {6});
        QVERIFY2(result && result->ok(), describe(result).constData());
        QCOMPARE(result->value().constFirst().lastTradePrice, std::optional<double>(106.0));
        QCOMPARE(m_server->tokenExchanges(), 2);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 2);
        QCOMPARE(m_auth->state(), ConnectionState::Connected);
    }

    void revokedAccountFailsWithoutLooping()
    {
        m_server->revokeAll();
        const auto result = quotes(*m_client, {6});
        QVERIFY(result.has_value());
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, ErrorCode::AuthRejected);
        QCOMPARE(m_auth->state(), ConnectionState::Disconnected);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1);
        QCOMPARE(m_server->requestCount(QStringLiteral("/oauth2/token")), 1);

        // Later calls fail at once: no request at all.
        QCOMPARE(quotes(*m_client, {6})->error().code, ErrorCode::AuthRejected);
        QCOMPARE(serverTime(*m_client)->error().code, ErrorCode::AuthRejected);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void staysUnderTheRateLimit()
    {
        const QList<qint64> ids = addManyListings(60);
        QuestradeClient::Options oneEach = fastOptions();
        oneEach.idsPerQuoteCall = 1;
        auto client = makeClient(oneEach);
        QElapsedTimer elapsed;
        elapsed.start();
        const auto result = quotes(*client, ids);
        QVERIFY2(result && result->ok(), describe(result).constData());
        QCOMPARE(result->value().size(), 60);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 60);
        QVERIFY2(m_server->maxRequestsPerSecond(Server::Category::MarketData) <= 20,
                 qPrintable(QString::number(m_server->maxRequestsPerSecond(Server::Category::MarketData))));
        QCOMPARE(countStatus(QStringLiteral("/v1/markets/quotes"), 429), 0);
        QVERIFY(elapsed.elapsed() >= 2000); // 60 calls at 20 per second
        qInfo("60 quote calls took %lld ms", static_cast<long long>(elapsed.elapsed()));
    }

    void staysUnderTheRateLimitAfterAStall()
    {
        // The server holds every answer for 2 s, then answers at once: calls that piled up meanwhile
        // must still go out at the limiter's pace, not in one burst.
        const QList<qint64> ids = addManyListings(60);
        QuestradeClient::Options oneEach = fastOptions();
        oneEach.idsPerQuoteCall = 1;
        auto client = makeClient(oneEach);
        m_server->setResponseDelay(2000);
        QTimer::singleShot(1500, m_server.get(), [this] { m_server->setResponseDelay(0); });
        const auto result = quotes(*client, ids);
        QVERIFY2(result && result->ok(), describe(result).constData());
        QCOMPARE(result->value().size(), 60);
        QVERIFY2(m_server->maxRequestsPerSecond(Server::Category::MarketData) <= 20,
                 qPrintable(QString::number(m_server->maxRequestsPerSecond(Server::Category::MarketData))));
    }

    void waitsForTheResetAfterA429()
    {
        // The server allows fewer calls per second than our limiter: some are refused with 429.
        m_server->setRateLimits(Server::Category::MarketData, 5, 15000);
        const QList<qint64> ids = addManyListings(12);
        QuestradeClient::Options oneEach = fastOptions();
        oneEach.idsPerQuoteCall = 1;
        auto client = makeClient(oneEach);
        const auto result = quotes(*client, ids);
        QVERIFY2(result && result->ok(), describe(result).constData());
        QCOMPARE(result->value().size(), 12);

        const QList<Server::Request> calls = requestsTo(QStringLiteral("/v1/markets/quotes"));
        const int refused = countStatus(QStringLiteral("/v1/markets/quotes"), 429);
        QVERIFY(refused > 0);
        QVERIFY2(refused <= 12, qPrintable(QString::number(refused))); // waited instead of hammering
        QCOMPARE(countStatus(QStringLiteral("/v1/markets/quotes"), 200), 12);
        // The fake's reset after a per-second refusal: the whole second by which the first accepted
        // call has left the window. No retry may come before it.
        qint64 firstAccepted = -1;
        qint64 firstRefused = -1;
        for (const Server::Request &call : calls) {
            if (call.status == 200 && firstAccepted < 0)
                firstAccepted = call.receivedAt.toMSecsSinceEpoch();
            if (call.status == 429 && firstRefused < 0)
                firstRefused = call.receivedAt.toMSecsSinceEpoch();
        }
        const qint64 resetMs = (firstAccepted + 1000 + 999) / 1000 * 1000;
        const qsizetype firstRetry = 12; // the first 12 calls are the initial burst
        QVERIFY(calls.size() > firstRetry);
        QVERIFY2(calls.at(firstRetry).receivedAt.toMSecsSinceEpoch() >= resetMs - 50,
                 qPrintable(QStringLiteral("retry at %1, reset at %2")
                                .arg(calls.at(firstRetry).receivedAt.toMSecsSinceEpoch() - firstRefused)
                                .arg(resetMs - firstRefused)));
    }

    void backsOffExponentiallyOnServerErrors()
    {
        QuestradeClient::Options slower = fastOptions();
        slower.retryBaseDelay = std::chrono::milliseconds(200);
        auto client = makeClient(slower);
        m_server->failNextRequests(2, 500, 1008);
        const auto result = serverTime(*client);
        QVERIFY2(result && result->ok(), describe(result).constData());
        const QList<Server::Request> calls = requestsTo(QStringLiteral("/v1/time"));
        QCOMPARE(calls.size(), 3);
        QCOMPARE(calls.at(0).status, 500);
        QCOMPARE(calls.at(1).status, 500);
        QCOMPARE(calls.at(2).status, 200);
        const qint64 firstGap = calls.at(0).receivedAt.msecsTo(calls.at(1).receivedAt);
        const qint64 secondGap = calls.at(1).receivedAt.msecsTo(calls.at(2).receivedAt);
        // 200-300 ms, then 400-600 ms (base 200 ms, doubling, up to 50% jitter), plus scheduling latency.
        QVERIFY2(firstGap >= 195 && firstGap < 1000, qPrintable(QString::number(firstGap)));
        QVERIFY2(secondGap >= 395 && secondGap < 2000, qPrintable(QString::number(secondGap)));
        QVERIFY2(secondGap > firstGap, qPrintable(QStringLiteral("%1 then %2").arg(firstGap).arg(secondGap)));
    }

    void givesUpAfterTheLastRetry()
    {
        QuestradeClient::Options fewRetries = fastOptions();
        fewRetries.maxRetries = 2;
        auto client = makeClient(fewRetries);
        m_server->failNextRequests(10, 503, 1011);
        const auto result = serverTime(*client);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, ErrorCode::ServerError);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/time")), 3);
    }

    void survivesDroppedConnections()
    {
        m_server->dropNextConnections(3);
        const auto result = serverTime(*m_client);
        QVERIFY2(result && result->ok(), describe(result).constData());
        QCOMPARE(countStatus(QStringLiteral("/v1/time"), 0), 3);
        QCOMPARE(countStatus(QStringLiteral("/v1/time"), 200), 1);

        QuestradeClient::Options fewRetries = fastOptions();
        fewRetries.maxRetries = 1;
        auto client = makeClient(fewRetries);
        m_server->dropNextConnections(100);
        const auto failed = serverTime(*client);
        QVERIFY(failed && !failed->ok());
        QCOMPARE(failed->error().code, ErrorCode::NetworkError);
    }

    void timesOut()
    {
        QuestradeClient::Options impatient = fastOptions();
        impatient.requestTimeout = std::chrono::milliseconds(300);
        impatient.maxRetries = 1;
        auto client = makeClient(impatient);
        m_server->setResponseDelay(2000);
        int arrived = 0;
        connect(m_server.get(), &test::TestQuestradeServer::requestReceived, this,
                [&arrived](const Server::Request &request) {
                    if (request.path.startsWith(QLatin1String("/v1/markets/quotes")))
                        ++arrived;
                });
        QElapsedTimer elapsed;
        elapsed.start();
        const auto result = quotes(*client, {2});
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, ErrorCode::Timeout);
        QVERIFY2(elapsed.elapsed() < 1500, qPrintable(QString::number(elapsed.elapsed())));
        // The first try and its one retry reached the server; the client has given up, so no third comes.
        QCOMPARE(arrived, 2);
        m_server->setResponseDelay(0);
        QVERIFY(succeeded(quotes(*client, {2})));
        QCOMPARE(arrived, 3);
    }

    void malformedJsonIsAnErrorNotAPrice()
    {
        m_server->sendMalformedJson(1);
        const auto result = quotes(*m_client, {2, 3});
        QVERIFY(result.has_value());
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, ErrorCode::MalformedResponse);
        QVERIFY(!result->error().message.isEmpty());

        m_server->sendMalformedJson(1);
        const auto symbols = resolve(*m_client, {QStringLiteral("AAPL")});
        QVERIFY(symbols && !symbols->ok());
        QCOMPARE(symbols->error().code, ErrorCode::MalformedResponse);

        // The next answer is fine again.
        QCOMPARE(quotes(*m_client, {2, 3})->value().size(), 2);
    }

    void marketsAndServerTime()
    {
        const QDateTime start = QDateTime(QDate(2026, 3, 9), QTime(13, 30), QTimeZone::utc());
        const QDateTime end = QDateTime(QDate(2026, 3, 9), QTime(20, 0), QTimeZone::utc());
        m_server->setMarketHours(start, end);
        const auto markets = waitFor<QList<MarketSession>>(
            [this](QObject *context, auto done) { m_client->fetchMarkets(context, std::move(done)); });
        QVERIFY2(markets && markets->ok(), describe(markets).constData());
        QStringList names;
        for (const MarketSession &market : markets->value()) {
            names.append(market.name);
            QCOMPARE(market.start, start);
            QCOMPARE(market.end, end);
            QVERIFY(market.extendedStart < market.start);
            QVERIFY(market.extendedEnd > market.end);
        }
        QVERIFY(names.contains(QStringLiteral("TSX")));
        QVERIFY(names.contains(QStringLiteral("NYSE")));

        const auto time = serverTime(*m_client);
        QVERIFY(time && time->ok());
        QVERIFY(qAbs(time->value().secsTo(QDateTime::currentDateTimeUtc())) < 10);
        QCOMPARE(time->value().timeSpec(), Qt::UTC);
    }

    void everyRequestNamesTrailguard()
    {
        QVERIFY(resolve(*m_client, {QStringLiteral("SHOP.TO"), QStringLiteral("AAPL")})->ok()); // one names=
        QVERIFY(quotes(*m_client, {3, 6})->ok());
        QVERIFY(serverTime(*m_client)->ok());
        m_server->expireAccessTokens();
        QVERIFY(quotes(*m_client, {3})->ok()); // with a refresh in between
        const QList<Server::Request> requests = m_server->requests();
        QVERIFY(requests.size() >= 6);
        for (const Server::Request &request : requests)
            QCOMPARE(request.userAgent, QuestradeHttp::userAgent());
    }

    void dropsCallbacksOfDeadContexts()
    {
        bool called = false;
        auto context = std::make_unique<QObject>();
        m_client->fetchQuotes({2}, context.get(), [&called](Result<QuoteBatch>) { called = true; });
        context.reset();
        QTRY_COMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1);
        QTest::qWait(100);
        QVERIFY(!called);
    }

    void emptyRequestsCostNothing()
    {
        const auto none = quotes(*m_client, {});
        QVERIFY(none && none->ok());
        QVERIFY(none->value().isEmpty());
        const auto noSymbols = resolve(*m_client, {});
        QVERIFY(noSymbols && noSymbols->ok());
        QCOMPARE(m_server->requests().size(), 0);
    }

    void logsNeverShowATokenInPlainText()
    {
        // A fresh account, bootstrapped from the environment, through refreshes, 401s and faults, with
        // every logging category switched on and every message captured.
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        {
            QMutexLocker lock(&gLogMutex);
            gLog.clear();
        }
        const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

        QSet<QByteArray> tokens;
        TestSecretStore store;
        QuestradeAuth::Options authOptions;
        authOptions.loginUrlOverride = m_server->loginUrl().toString();
        QuestradeAuth auth(m_network.get(), store, *m_authClock, authOptions);
        connect(&auth, &QuestradeAuth::tokensStored, this, [&tokens, &store] {
            if (const std::optional<TokenSet> stored = store.tokens()) {
                tokens.insert(stored->refreshToken);
                tokens.insert(stored->accessToken);
            }
        });
        const QByteArray seed = m_server->issueRefreshToken();
        tokens.insert(seed);
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("QUESTRADE_REFRESH_TOKEN"), QString::fromLatin1(seed));
        auth.bootstrapFromEnvironment(environment);
        QuestradeClient client(m_network.get(), auth, *m_limiter, fastOptions());

        const bool resolved = succeeded(resolve(client, {QStringLiteral("SHOP.TO"), QStringLiteral("NOPE")}));
        m_authClock->advance(1800);
        const bool quoted = succeeded(quotes(client, {3}));
        m_server->expireAccessTokens();
        const bool retried = succeeded(quotes(client, {3}));
        m_server->failNextRequests(1, 500, 1008);
        const bool recovered = succeeded(serverTime(client));
        m_server->dropNextConnections(1);
        m_authClock->advance(1800);
        const bool refreshed = succeeded(quotes(client, {3}));
        m_server->revokeAll();
        m_server->expireAccessTokens();
        const auto last = quotes(client, {3});
        const bool refused = last && !last->ok();

        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        QVERIFY(resolved && quoted && retried && recovered && refreshed && refused);
        QVERIFY(tokens.size() >= 7);
        QMutexLocker lock(&gLogMutex);
        QVERIFY(gLog.size() > 10); // the handler did see the broker's messages
        QVERIFY(gLog.join(QLatin1Char('\n')).contains(QStringLiteral("trailguard.broker")));
        for (const QString &line : std::as_const(gLog)) {
            for (const QByteArray &token : std::as_const(tokens))
                QVERIFY2(!line.contains(QString::fromLatin1(token)), qPrintable(line));
        }
    }
};

QTEST_GUILESS_MAIN(TestQuestradeClient)
#include "tst_questradeclient.moc"
