#include "cli/PositionsCommand.h"
#include "cli/HelpText.h"

#include "cli/CellText.h"
#include "cli/PositionsReport.h"
#include "cli/QuestradeConnection.h"
#include "cli/SubcommandHelp.h"
#include "portfolio/PortfolioImport.h"
#include "portfolio/PositionFetcher.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <algorithm>
#include <memory>

namespace trailguard::Cli {

namespace {
const QString kJson = QStringLiteral("json");
const QString kAccount = QStringLiteral("account");

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

void listPositions(const QCommandLineParser &parser, QuestradeConnection &connection, CommandRun &run)
{
    const bool json = parser.isSet(kJson);
    connection.whenConnected(run, [&connection, &run, json] {
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
                    QList<PositionsReport::AccountPositions> listed;
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
                        const QJsonArray array = PositionsReport::toJson(listed, connection.watchedTickers());
                        run.out << (array.isEmpty() ? QStringLiteral("[]\n")
                                                    : QString::fromUtf8(QJsonDocument(array).toJson(
                                                          QJsonDocument::Indented)));
                    } else {
                        run.out << PositionsReport::toTable(listed);
                    }
                    run.finish(kExitSuccess);
                });
        });
    });
}

void importPositions(const QCommandLineParser &parser, QuestradeConnection &connection, CommandRun &run)
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
    connection.whenConnected(run, [importer, &run, wanted, ratio = ratio.value()] {
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
                                                       PositionsReport::quantity(candidate.quantity),
                                                       CellText::price(candidate.averageEntryPrice),
                                                       CellText::ratio(ratio))
                                            : PositionsCommand::tr(
                                                  "Added %1 (account %2): %3 shares, entry unknown, "
                                                  "stop ratio %4.")
                                                  .arg(candidate.ticker, accounts,
                                                       PositionsReport::quantity(candidate.quantity),
                                                       CellText::ratio(ratio)))
                                    << kNewline;
                        } else if (summary.value().failed.contains(candidate.ticker) &&
                                   candidate.importable()) {
                            continue; // reported with its reason below
                        } else {
                            const PositionMapping::Kind kind =
                                candidate.importable() ? PositionMapping::Kind::Stock : candidate.kind;
                            run.out << PositionsCommand::tr("Skipped %1 (account %2): %3.")
                                           .arg(candidate.ticker, accounts, PositionsReport::skipReason(kind))
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
    void (*run)(const QCommandLineParser &, QuestradeConnection &, CommandRun &);

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
                 .arg(CellText::unknown()) +
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
    return SubcommandHelp(QStringLiteral("trailguard [--data-dir DIR] ") + action.syntax(),
                          action.description)
        .options(action.options)
        .exitStatus({
            {QString::number(kExitSuccess), PositionsCommand::tr("Success.")},
            {QString::number(kExitFailure),
             PositionsCommand::tr("Not connected to Questrade, Questrade or the database failed, an "
                                  "--account that is not on the login, or a position could not be added.")},
            {QString::number(kExitUsage), PositionsCommand::tr("The command line is wrong.")},
        })
        .text();
}

QString positionsHelp()
{
    return SubcommandHelp::actionList(QStringLiteral("positions"), PositionsCommand::summaries());
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

    auto connection = QuestradeConnection::open(global);
    if (!connection.ok()) {
        err << connection.error().message << Qt::endl;
        return kExitFailure;
    }
    CommandRun run(out, err);
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
    if (isHelpWord(first)) {
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

} // namespace trailguard::Cli
