#include "cli/QuestradeConnection.h"
#include "cli/HelpText.h"

#include "cli/PositionsCommand.h"
#include "settings/AppPaths.h"

namespace trailguard::Cli {

Result<std::unique_ptr<QuestradeConnection>> QuestradeConnection::open(const GlobalOptions &global)
{
    auto connection = std::make_unique<QuestradeConnection>();
    const Result<AppPaths> paths = AppPaths::resolve(global.dataDir);
    if (!paths.ok())
        return Error{ErrorCode::DatabaseOpen, paths.error().message};
    auto database = Database::open(paths.value().databaseFile());
    if (!database.ok())
        return database.error();
    connection->database = std::move(database).value();
    connection->settings = Settings::forFile(paths.value().settingsFile, connection->environment);
    connection->stocks = std::make_unique<StockRepository>(connection->database->connection());
    connection->watchlist = std::make_unique<WatchlistService>(*connection->stocks, connection->clock);
    connection->holdings = std::make_unique<HoldingRepository>(connection->database->connection());
    connection->portfolio = std::make_unique<Portfolio>(*connection->holdings);
    if (const Status loaded = connection->portfolio->reload(); !loaded.ok())
        return loaded.error();
    connection->secrets = createSecretStore(connection->environment, paths.value().dataDir);
    BrokerSession::Options options{QuestradeAuth::Options::fromEnvironment(connection->environment), {}};
    options.auth.redactor = global.redactor;
    connection->session = std::make_unique<BrokerSession>(*connection->secrets.store, *connection->watchlist,
                                                          connection->clock, options);
    return connection;
}

QStringList QuestradeConnection::watchedTickers() const
{
    QStringList tickers;
    if (const auto watched = watchlist->stocks(); watched.ok()) {
        for (const StockState &stock : watched.value())
            tickers.append(stock.ticker);
    }
    return tickers;
}

void QuestradeConnection::whenConnected(CommandRun &run, std::function<void()> then)
{
    if (!secrets.notice.isEmpty())
        run.err << secrets.notice << Qt::endl;
    session->auth().bootstrapFromEnvironment(environment);
    session->auth().withAccessToken(&run.context, [&run, then = std::move(then)](Result<AccessGrant> grant) {
        if (grant.ok()) {
            then();
            return;
        }
        if (grant.error().code == ErrorCode::NotConfigured || grant.error().code == ErrorCode::AuthRejected) {
            run.fail(grant.error().message + kNewline +
                     PositionsCommand::tr("Trailguard is not connected to Questrade. Connect once from "
                                          "the desktop app, or set refresh_token (or "
                                          "QUESTRADE_REFRESH_TOKEN) to a refresh token from Questrade's "
                                          "API centre, then try again."));
            return;
        }
        run.fail(PositionsCommand::tr("Could not reach Questrade: %1").arg(grant.error().message));
    });
}

} // namespace trailguard::Cli
