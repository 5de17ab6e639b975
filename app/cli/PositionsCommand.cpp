#include "cli/PositionsCommand.h"

#include "common/Clock.h"
#include "monitor/BrokerSession.h"
#include "portfolio/Portfolio.h"
#include "portfolio/PortfolioImport.h"
#include "portfolio/PositionFetcher.h"
#include "portfolio/PositionMapping.h"
#include "secrets/SecretStoreFactory.h"
#include "settings/AppPaths.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "storage/HoldingRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>

namespace trailguard::Cli {

namespace {
const QString kNewline = QStringLiteral("\n");
const QString kUnknown = QStringLiteral("\u2014"); // shown for a value Questrade did not report
const QString kJson = QStringLiteral("json");
const QString kAccount = QStringLiteral("account");

// Everything a positions action works with, built as --headless builds it (the database, the
// watchlist, the secret store and one BrokerSession over it) and torn down in the reverse order.
struct Connection {
    std::unique_ptr<Database> database;
    std::unique_ptr<Settings> settings;
    SystemClock clock;
    std::unique_ptr<StockRepository> stocks;
    std::unique_ptr<WatchlistService> watchlist;
    std::unique_ptr<HoldingRepository> holdings;
    std::unique_ptr<Portfolio> portfolio;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    SecretStoreChoice secrets;
    std::unique_ptr<BrokerSession> session; // last: it uses everything above

    static Result<std::unique_ptr<Connection>> open(const GlobalOptions &global)
    {
        auto connection = std::make_unique<Connection>();
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
        connection->session = std::make_unique<BrokerSession>(
            *connection->secrets.store, *connection->watchlist, connection->clock, options);
        return connection;
    }

    QStringList watchedTickers() const
    {
        QStringList tickers;
        if (const auto stocks = watchlist->stocks(); stocks.ok()) {
            for (const StockState &stock : stocks.value())
                tickers.append(stock.ticker);
        }
        return tickers;
    }
};

// The one event loop of a command-line run (no other loop is running): the steps below are asynchronous,
// each ends the run with finish() or starts the next step.
class Run {
public:
    Run(QTextStream &out, QTextStream &err)
        : out(out)
        , err(err)
    {}

    int exec()
    {
        if (!m_finished)
            QCoreApplication::exec();
        return m_exitCode;
    }
    void finish(int exitCode)
    {
        out.flush();
        err.flush();
        m_exitCode = exitCode;
        m_finished = true;
        QCoreApplication::exit(exitCode);
    }
    int fail(const QString &message, int exitCode = kExitFailure)
    {
        err << message << Qt::endl;
        finish(exitCode);
        return exitCode;
    }

    QTextStream &out;
    QTextStream &err;
    QObject context; // callbacks are dropped once the run is over

private:
    int m_exitCode = kExitFailure;
    bool m_finished = false;
};

// Makes sure there is a usable access token (the stored chain, or a refresh_token bootstrap), then calls
// `then`; without one, says how to connect and ends the run with 1.
void whenConnected(Connection &connection, Run &run, std::function<void()> then)
{
    if (!connection.secrets.notice.isEmpty())
        run.err << connection.secrets.notice << Qt::endl;
    connection.session->auth().bootstrapFromEnvironment(connection.environment);
    connection.session->auth().withAccessToken(&run.context, [&run, then = std::move(then)](
                                                                 Result<AccessGrant> grant) {
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

// The accounts named with --account (all when none is named), or an error naming the unknown ones.
Result<QList<BrokerAccount>> pickAccounts(const QList<BrokerAccount> &accounts, const QStringList &wanted)
{
    if (wanted.isEmpty())
        return accounts;
    QList<BrokerAccount> picked;
    QStringList unknown;
    for (const QString &number : wanted) {
        const auto found =
            std::find_if(accounts.cbegin(), accounts.cend(),
                         [&number](const BrokerAccount &account) { return account.number == number; });
        if (found == accounts.cend())
            unknown.append(number);
        else if (!picked.contains(*found))
            picked.append(*found);
    }
    if (!unknown.isEmpty()) {
        QStringList numbers;
        for (const BrokerAccount &account : accounts)
            numbers.append(account.number);
        return Error{ErrorCode::InvalidArguments,
                     PositionsCommand::tr("No account %1 on this Questrade login; its accounts are: %2.")
                         .arg(unknown.join(QStringLiteral(", ")), numbers.isEmpty()
                                                                      ? PositionsCommand::tr("none")
                                                                      : numbers.join(QStringLiteral(", ")))};
    }
    return picked;
}

QString formatNumber(std::optional<double> value, int decimals)
{
    return value ? QString::number(*value, 'f', decimals) : kUnknown;
}

QString formatPrice(std::optional<double> price)
{
    if (!price)
        return kUnknown;
    // Sub-dollar prices need more than cents.
    return QString::number(*price, 'f', std::fabs(*price) < 1.0 ? 4 : 2);
}

QString formatQuantity(double quantity)
{
    return QString::number(quantity, 'g', 12);
}

QJsonValue jsonNumber(std::optional<double> value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString kindName(PositionMapping::Kind kind)
{
    switch (kind) {
    case PositionMapping::Kind::Stock:
        return QStringLiteral("stock");
    case PositionMapping::Kind::Short:
        return QStringLiteral("short");
    case PositionMapping::Kind::Option:
        return QStringLiteral("option");
    case PositionMapping::Kind::Closed:
        return QStringLiteral("closed");
    case PositionMapping::Kind::Unsupported:
        break;
    }
    return QStringLiteral("unsupported");
}

// Why `positions import` leaves a position alone.
QString skipReason(PositionMapping::Kind kind)
{
    switch (kind) {
    case PositionMapping::Kind::Short:
        return PositionsCommand::tr("a short position (a stop below the price does not protect it)");
    case PositionMapping::Kind::Option:
        return PositionsCommand::tr("an option, not a stock");
    case PositionMapping::Kind::Closed:
        return PositionsCommand::tr("closed (no open quantity)");
    case PositionMapping::Kind::Unsupported:
        return PositionsCommand::tr("not a ticker Trailguard can watch");
    case PositionMapping::Kind::Stock:
        break;
    }
    return PositionsCommand::tr("already watched (its peak, stop and entry are kept)");
}

// At least two decimals, up to four: 0.90, 0.875.
QString formatRatio(double ratio)
{
    QString text = QString::number(ratio, 'f', 4);
    while (text.endsWith(QLatin1Char('0')) && text.indexOf(QLatin1Char('.')) < text.size() - 3)
        text.chop(1);
    return text;
}

void listPositions(const QCommandLineParser &parser, Connection &connection, Run &run)
{
    const bool json = parser.isSet(kJson);
    whenConnected(connection, run, [&connection, &run, json] {
        connection.session->client().fetchAccounts(&run.context, [&connection, &run, json](
                                                                     Result<QList<BrokerAccount>> accounts) {
            if (!accounts.ok()) {
                run.fail(
                    PositionsCommand::tr("Could not read the accounts: %1").arg(accounts.error().message));
                return;
            }
            QStringList numbers;
            for (const BrokerAccount &account : accounts.value())
                numbers.append(account.number);
            PositionFetcher::fetchAll(
                connection.session->client(), numbers, &run.context,
                [&connection, &run, json,
                 accounts = accounts.value()](const PositionFetcher::AccountResults &results) {
                    QList<PositionsCommand::AccountPositions> listed;
                    for (const BrokerAccount &account : accounts) {
                        const Result<QList<BrokerPosition>> &positions = results.at(account.number);
                        if (!positions.ok()) {
                            run.fail(PositionsCommand::tr("The positions of account %1 could not be read: %2")
                                         .arg(account.number, positions.error().message));
                            return;
                        }
                        listed.append({account, positions.value()});
                    }
                    if (json) {
                        const QJsonArray array =
                            PositionsCommand::toJson(listed, connection.watchedTickers());
                        run.out << (array.isEmpty() ? QStringLiteral("[]\n")
                                                    : QString::fromUtf8(QJsonDocument(array).toJson(
                                                          QJsonDocument::Indented)));
                    } else {
                        run.out << PositionsCommand::toTable(listed);
                    }
                    run.finish(kExitSuccess);
                });
        });
    });
}

void importPositions(const QCommandLineParser &parser, Connection &connection, Run &run)
{
    // The stop ratio of new tickers is known before anything is asked of Questrade: an invalid
    // STOP_LOSS stops here.
    const Result<double> ratio = connection.settings->defaultRatio();
    if (!ratio.ok()) {
        run.fail(ratio.error().message, exitCodeFor(ratio.error().code));
        return;
    }
    const QStringList wanted = parser.values(kAccount);
    auto importer =
        std::make_shared<PortfolioImport>(connection.session->client(), *connection.watchlist,
                                          *connection.holdings, *connection.portfolio, connection.clock);
    whenConnected(connection, run, [importer, &run, wanted, ratio = ratio.value()] {
        importer->fetchAccounts(&run.context, [importer, &run, wanted,
                                               ratio](Result<QList<BrokerAccount>> accounts) {
            if (!accounts.ok()) {
                run.fail(
                    PositionsCommand::tr("Could not read the accounts: %1").arg(accounts.error().message));
                return;
            }
            const Result<QList<BrokerAccount>> picked = pickAccounts(accounts.value(), wanted);
            if (!picked.ok()) {
                run.fail(picked.error().message); // a valid number, just not one of this login's: 1
                return;
            }
            importer->preview(
                picked.value(), &run.context, [importer, &run, ratio](Result<ImportPreview> preview) {
                    if (!preview.ok()) {
                        run.fail(preview.error().message);
                        return;
                    }
                    QStringList tickers;
                    for (const ImportCandidate &candidate : preview.value().candidates) {
                        if (candidate.importable() && !candidate.watched)
                            tickers.append(candidate.ticker);
                    }
                    const Result<ImportSummary> summary = importer->apply(preview.value(), tickers, ratio);
                    if (!summary.ok()) {
                        run.fail(summary.error().message);
                        return;
                    }
                    for (const ImportCandidate &candidate : preview.value().candidates) {
                        const QString accounts = candidate.accounts.join(QStringLiteral(", "));
                        if (summary.value().added.contains(candidate.ticker) && candidate.importable()) {
                            run.out << (candidate.averageEntryPrice
                                            ? PositionsCommand::tr(
                                                  "Added %1 (account %2): %3 shares, entry %4, stop "
                                                  "ratio %5.")
                                                  .arg(candidate.ticker, accounts,
                                                       formatQuantity(candidate.quantity),
                                                       formatPrice(candidate.averageEntryPrice),
                                                       formatRatio(ratio))
                                            : PositionsCommand::tr(
                                                  "Added %1 (account %2): %3 shares, entry unknown, "
                                                  "stop ratio %4.")
                                                  .arg(candidate.ticker, accounts,
                                                       formatQuantity(candidate.quantity),
                                                       formatRatio(ratio)))
                                    << kNewline;
                        } else if (summary.value().failed.contains(candidate.ticker) &&
                                   candidate.importable()) {
                            continue; // reported with its reason below
                        } else {
                            const PositionMapping::Kind kind =
                                candidate.importable() ? PositionMapping::Kind::Stock : candidate.kind;
                            run.out << PositionsCommand::tr("Skipped %1 (account %2): %3.")
                                           .arg(candidate.ticker, accounts, skipReason(kind))
                                    << kNewline;
                        }
                    }
                    for (qsizetype i = 0; i < summary.value().failed.size(); ++i)
                        run.err << PositionsCommand::tr("Could not add %1: %2")
                                       .arg(summary.value().failed.at(i), summary.value().problems.value(i))
                                << kNewline;
                    QStringList numbers;
                    for (const BrokerAccount &account : preview.value().accounts)
                        numbers.append(account.number);
                    run.out << PositionsCommand::tr("Added %n position(s) to the watchlist", nullptr,
                                                    int(summary.value().added.size()))
                            << QLatin1Char(' ')
                            << (numbers.isEmpty()
                                    ? PositionsCommand::tr("(no accounts on this Questrade login).")
                                    : PositionsCommand::tr("from account(s) %1.")
                                          .arg(numbers.join(QStringLiteral(", "))))
                            << kNewline;
                    run.finish(summary.value().failed.isEmpty() ? kExitSuccess : kExitFailure);
                });
        });
    });
}

// One `positions` action: its words for the help texts, its options and the function that runs it.
struct Action {
    QString name;
    QString arguments;
    QString summary;
    QString description;
    QList<QCommandLineOption> options;
    void (*run)(const QCommandLineParser &, Connection &, Run &);

    QString syntax() const { return QStringLiteral("positions %1 %2").arg(name, arguments).trimmed(); }
};

QList<Action> actions()
{
    const QString connection =
        PositionsCommand::tr("It uses the Questrade connection of the desktop app and of --headless (the "
                             "stored token, or refresh_token / QUESTRADE_REFRESH_TOKEN); without one it "
                             "says so and exits with 1.");
    return {
        {QStringLiteral("list"),
         QStringLiteral("[--json]"),
         PositionsCommand::tr("Show the accounts and positions Questrade reports."),
         PositionsCommand::tr("Shows every account of the Questrade login and its positions as Questrade "
                              "reports them: account number and type, symbol, quantity, average entry "
                              "price, market value, open P/L and currency. Values Questrade does not "
                              "report are shown as %1.")
                 .arg(kUnknown) +
             kNewline + connection,
         {QCommandLineOption(kJson, PositionsCommand::tr("Print a JSON array instead, one object per account "
                                                         "with its positions; unknown values are null."))},
         &listPositions},
        {QStringLiteral("import"),
         QStringLiteral("[--account NUMBER]..."),
         PositionsCommand::tr("Watch every open long stock position not watched yet."),
         PositionsCommand::tr("Adds every open long stock position that is not on the watchlist yet, with "
                              "its average entry price as the entry and the default stop ratio (STOP_LOSS, "
                              "else the settings). Prints what it added and what it skipped and why: "
                              "already watched, short, closed, or an option or other symbol that is not a "
                              "stock. The accounts are remembered, so a running monitor keeps their "
                              "positions current.") +
             kNewline + connection,
         {QCommandLineOption(kAccount,
                             PositionsCommand::tr("Import only this account (repeat for several); default: "
                                                  "every account."),
                             QStringLiteral("NUMBER"))},
         &importPositions},
    };
}

QString actionHelp(const Action &action)
{
    QList<QCommandLineOption> options = action.options;
    options += helpOptions();
    QString text = PositionsCommand::tr("Usage: %1")
                       .arg(QStringLiteral("trailguard [--data-dir DIR] ") + action.syntax());
    text += kNewline + kNewline + formatHelpParagraph(action.description);
    text += kNewline + PositionsCommand::tr("Options:") + kNewline + formatHelpRows(optionRows(options));
    text += kNewline + PositionsCommand::tr("Exit status:") + kNewline;
    text += formatHelpRows({
        {QString::number(kExitSuccess), PositionsCommand::tr("Success.")},
        {QString::number(kExitFailure),
         PositionsCommand::tr("Not connected to Questrade, Questrade or the database failed, an --account "
                              "that is not on the login, or a position could not be added.")},
        {QString::number(kExitUsage), PositionsCommand::tr("The command line is wrong.")},
    });
    return text;
}

QString positionsHelp()
{
    return PositionsCommand::tr("Usage: %1")
               .arg(QStringLiteral("trailguard [--data-dir DIR] positions ACTION [OPTIONS]")) +
           kNewline + kNewline + PositionsCommand::tr("Actions:") + kNewline +
           formatHelpRows(PositionsCommand::summaries()) + kNewline +
           formatHelpParagraph(
               PositionsCommand::tr("\"trailguard positions ACTION --help\" describes an action."));
}

int usageError(const Action &action, const QString &message, QTextStream &err)
{
    err << message << kNewline
        << PositionsCommand::tr("Run \"trailguard %1 --help\" for help.")
               .arg(QStringLiteral("positions ") + action.name)
        << Qt::endl;
    return kExitUsage;
}

int runAction(const Action &action, const GlobalOptions &global, const QStringList &arguments,
              QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(action.options);
    parser.addOptions(helpOptions());
    if (!parser.parse(QStringList{QStringLiteral("trailguard positions ") + action.name} + arguments))
        return usageError(action, parser.errorText(), err);
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        out << actionHelp(action) << Qt::flush;
        return kExitSuccess;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(action,
                          PositionsCommand::tr("Unexpected argument \"%1\".")
                              .arg(parser.positionalArguments().constFirst()),
                          err);
    const QStringList accounts =
        parser.optionNames().contains(kAccount) ? parser.values(kAccount) : QStringList();
    for (const QString &number : accounts) {
        if (number.trimmed().isEmpty())
            return usageError(action,
                              PositionsCommand::tr("--account needs an account number, for example --account "
                                                   "26598145."),
                              err);
    }

    auto connection = Connection::open(global);
    if (!connection.ok()) {
        err << connection.error().message << Qt::endl;
        return kExitFailure;
    }
    Run run(out, err);
    action.run(parser, *connection.value(), run);
    return run.exec();
}
} // namespace

QList<HelpRow> PositionsCommand::summaries()
{
    QList<HelpRow> rows;
    for (const Action &action : actions())
        rows += HelpRow{action.syntax(), action.summary};
    return rows;
}

int PositionsCommand::run(const GlobalOptions &options, const QStringList &arguments, QTextStream &out,
                          QTextStream &err)
{
    const QString first = arguments.value(0);
    if (first == QLatin1String("-h") || first == QLatin1String("--help") ||
        first == QLatin1String("--help-all")) {
        out << positionsHelp() << Qt::flush;
        return kExitSuccess;
    }
    QStringList names;
    for (const Action &action : actions()) {
        if (action.name == first)
            return runAction(action, options, arguments.mid(1), out, err);
        names += action.name;
    }
    err << (arguments.isEmpty() ? tr("Missing the positions action.")
                                : tr("Unknown positions action \"%1\".").arg(first))
        << QLatin1Char(' ') << tr("Use %1.").arg(names.join(QStringLiteral(", "))) << kNewline << kNewline
        << positionsHelp() << Qt::flush;
    return kExitUsage;
}

QJsonArray PositionsCommand::toJson(const QList<AccountPositions> &accounts,
                                    const QStringList &watchedTickers)
{
    QJsonArray array;
    for (const auto &[account, positions] : accounts) {
        QJsonArray positionArray;
        for (const BrokerPosition &position : positions) {
            const PositionMapping::Kind kind = PositionMapping::kindOf(position);
            const bool watchable =
                kind != PositionMapping::Kind::Option && kind != PositionMapping::Kind::Unsupported;
            QJsonObject object;
            object.insert(QStringLiteral("symbol"), position.symbol);
            object.insert(QStringLiteral("symbolId"), position.symbolId);
            object.insert(QStringLiteral("ticker"),
                          watchable ? QJsonValue(PositionMapping::tickerFor(position.symbol, watchedTickers))
                                    : QJsonValue(QJsonValue::Null));
            object.insert(QStringLiteral("kind"), kindName(kind));
            object.insert(QStringLiteral("openQuantity"), position.openQuantity);
            object.insert(QStringLiteral("averageEntryPrice"), jsonNumber(position.averageEntryPrice));
            object.insert(QStringLiteral("currentPrice"), jsonNumber(position.currentPrice));
            object.insert(QStringLiteral("currentMarketValue"), jsonNumber(position.currentMarketValue));
            object.insert(QStringLiteral("openPnl"), jsonNumber(position.openPnl));
            object.insert(QStringLiteral("totalCost"), jsonNumber(position.totalCost));
            object.insert(QStringLiteral("currency"), PositionMapping::currencyFor(position.symbol));
            positionArray.append(object);
        }
        QJsonObject object;
        object.insert(QStringLiteral("number"), account.number);
        object.insert(QStringLiteral("type"), account.type);
        object.insert(QStringLiteral("status"), account.status);
        object.insert(QStringLiteral("positions"), positionArray);
        array.append(object);
    }
    return array;
}

QString PositionsCommand::toTable(const QList<AccountPositions> &accounts)
{
    if (accounts.isEmpty())
        return tr("This Questrade login has no accounts.") + kNewline;

    const bool alignRight[] = {false, false, false, true, true, true, true, false};
    QList<QStringList> rows{{tr("Account"), tr("Type"), tr("Symbol"), tr("Quantity"), tr("Avg entry"),
                             tr("Market value"), tr("Open P/L"), tr("Currency")}};
    QStringList empty;
    for (const auto &[account, positions] : accounts) {
        if (positions.isEmpty())
            empty.append(tr("Account %1 (%2) holds no positions.").arg(account.number, account.type));
        for (const BrokerPosition &position : positions) {
            rows.append({account.number, account.type, position.symbol, formatQuantity(position.openQuantity),
                         formatPrice(position.averageEntryPrice),
                         formatNumber(position.currentMarketValue, 2), formatNumber(position.openPnl, 2),
                         PositionMapping::currencyFor(position.symbol)});
        }
    }
    QString text;
    if (rows.size() > 1) {
        QList<qsizetype> widths(rows.constFirst().size(), 0);
        for (const QStringList &row : rows) {
            for (qsizetype column = 0; column < row.size(); ++column)
                widths[column] = std::max(widths[column], row.at(column).size());
        }
        for (const QStringList &row : rows) {
            QString line;
            for (qsizetype column = 0; column < row.size(); ++column) {
                if (column > 0)
                    line += QStringLiteral("  ");
                line += alignRight[column] ? row.at(column).rightJustified(widths[column])
                                           : row.at(column).leftJustified(widths[column]);
            }
            while (line.endsWith(QLatin1Char(' ')))
                line.chop(1);
            text += line + kNewline;
        }
    }
    for (const QString &line : std::as_const(empty))
        text += line + kNewline;
    return text;
}

} // namespace trailguard::Cli
