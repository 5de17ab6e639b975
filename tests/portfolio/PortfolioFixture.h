#pragma once

// A connected QuestradeClient against the fake Questrade server, a watchlist and the portfolio on a
// SQLite file in a temporary folder: what the import and sync tests share.

#include "../broker/BrokerTestSupport.h"
#include "broker/QuestradeAuth.h"
#include "broker/QuestradeClient.h"
#include "broker/RateLimiter.h"
#include "fakes/TestQuestradeServer.h"
#include "portfolio/Portfolio.h"
#include "portfolio/PortfolioImport.h"
#include "portfolio/PortfolioSync.h"
#include "storage/Database.h"
#include "storage/HoldingRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

namespace trailguard::test {

inline FakeQuestradeServer::Position position(const char *symbol, qint64 id, double quantity,
                                              std::optional<double> averageEntry = std::nullopt,
                                              std::optional<double> marketValue = std::nullopt,
                                              std::optional<double> openPnl = std::nullopt)
{
    FakeQuestradeServer::Position p;
    p.symbol = QString::fromLatin1(symbol);
    p.symbolId = id;
    p.openQuantity = quantity;
    p.averageEntryPrice = averageEntry;
    p.currentMarketValue = marketValue;
    p.openPnl = openPnl;
    return p;
}

struct PortfolioFixture {
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<test::TestQuestradeServer> server;
    std::unique_ptr<TestSecretStore> store;
    SystemClock networkClock;
    std::unique_ptr<ManualClock> clock;
    std::unique_ptr<QNetworkAccessManager> network;
    std::unique_ptr<QuestradeAuth> auth;
    std::unique_ptr<RateLimiter> limiter;
    std::unique_ptr<QuestradeClient> client;
    std::unique_ptr<Database> db;
    std::unique_ptr<StockRepository> stocks;
    std::unique_ptr<WatchlistService> watchlist;
    std::unique_ptr<HoldingRepository> holdings;
    std::unique_ptr<Portfolio> portfolio;
    std::unique_ptr<PortfolioImport> import;
    std::unique_ptr<PortfolioSync> sync;

    // False (with a QTest failure) when something could not be set up.
    bool setUp()
    {
        dir = std::make_unique<QTemporaryDir>();
        server = std::make_unique<test::TestQuestradeServer>();
        if (!server->listen())
            return false;
        store = std::make_unique<TestSecretStore>();
        clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 11, 24), QTime(15, 0), QTimeZone::utc()));
        network = std::make_unique<QNetworkAccessManager>();
        QuestradeAuth::Options authOptions;
        authOptions.loginUrlOverride = server->loginUrl().toString();
        auth = std::make_unique<QuestradeAuth>(network.get(), *store, networkClock, authOptions);
        limiter = std::make_unique<RateLimiter>(networkClock);
        QuestradeClient::Options options;
        options.retryBaseDelay = std::chrono::milliseconds(20);
        options.maxRetries = 1;
        options.requestTimeout = std::chrono::milliseconds(3000);
        client = std::make_unique<QuestradeClient>(network.get(), *auth, *limiter, options);
        auth->connectWithRefreshToken(server->issueRefreshToken(), BrokerEnvironment::Live);
        if (!waitForState(*auth, ConnectionState::Connected))
            return false;
        auto opened = Database::open(dir->filePath(QStringLiteral("t.sqlite")));
        if (!opened.ok())
            return false;
        db = std::move(opened).value();
        stocks = std::make_unique<StockRepository>(db->connection());
        watchlist = std::make_unique<WatchlistService>(*stocks, *clock);
        holdings = std::make_unique<HoldingRepository>(db->connection());
        portfolio = std::make_unique<Portfolio>(*holdings);
        import = std::make_unique<PortfolioImport>(*client, *watchlist, *holdings, *portfolio, *clock);
        sync = std::make_unique<PortfolioSync>(*client, *watchlist, *holdings, *portfolio, *clock);
        return true;
    }

    void tearDown()
    {
        sync.reset();
        import.reset();
        portfolio.reset();
        holdings.reset();
        watchlist.reset();
        stocks.reset();
        db.reset();
        client.reset();
        limiter.reset();
        auth.reset();
        network.reset();
        server.reset();
        dir.reset();
    }

    std::optional<Result<QList<BrokerAccount>>> accounts()
    {
        QObject context;
        std::optional<Result<QList<BrokerAccount>>> out;
        import->fetchAccounts(&context, [&out](Result<QList<BrokerAccount>> r) { out = std::move(r);
    });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs);
    return out;
}

std::optional<Result<ImportPreview>>
preview(const QList<BrokerAccount> &picked)
{
    QObject context;
    std::optional<Result<ImportPreview>> out;
        import->preview(picked, &context, [&out](Result<ImportPreview> r) { out = std::move(r);
});
(void)QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs);
return out;
} // namespace trailguard::test

// Lists the accounts, previews all of them and imports every importable ticker.
std::optional<ImportSummary> importAll(double ratio = 0.9)
{
    const auto listed = accounts();
    if (!listed || !listed->ok())
        return std::nullopt;
    const auto previewed = preview(listed->value());
    if (!previewed || !previewed->ok())
        return std::nullopt;
    QStringList tickers;
    for (const ImportCandidate &candidate : previewed->value().candidates)
        tickers << candidate.ticker;
    const auto summary = import->apply(previewed->value(), tickers, ratio);
    if (!summary.ok())
        return std::nullopt;
    return summary.value();
}

std::optional<StockState> stock(const QString &ticker) const
{
    const auto found = stocks->find(ticker);
    return found.ok() ? found.value() : std::nullopt;
}
}
;

} // namespace trailguard::test
