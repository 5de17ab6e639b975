#include "cli/HistoryCommand.h"
#include "cli/HelpText.h"

#include "cli/SubcommandHelp.h"
#include "domain/Ticker.h"
#include "history/PriceHistoryImport.h"
#include "settings/AppPaths.h"
#include "storage/Database.h"

#include <QCommandLineParser>

namespace trailguard::Cli {

namespace {
const QString kCsv = QStringLiteral("csv");
const QString kTicker = QStringLiteral("ticker");
const QString kImport = QStringLiteral("import");

QList<QCommandLineOption> importOptions()
{
    return {
        QCommandLineOption(kCsv,
                           HistoryCommand::tr("The price file: date,close or date,open,high,low,close"
                                              "[,adjclose,volume] or symbol,date,price rows, with or without "
                                              "a header; dates like 2024-05-14 or Jan 1 2000. Required."),
                           QStringLiteral("FILE")),
        QCommandLineOption(kTicker,
                           HistoryCommand::tr("The ticker the prices are for: required for a file without a "
                                              "symbol column; with one, import only that symbol."),
                           QStringLiteral("T")),
    };
}

QString importSyntax()
{
    return QStringLiteral("history import --csv FILE [--ticker T]");
}

QString help()
{
    return SubcommandHelp(
               QStringLiteral("trailguard [--data-dir DIR] ") + importSyntax(),
               HistoryCommand::tr(
                   "Stores price history from a CSV file in Trailguard's database, for the charts: each row "
                   "becomes the daily price of its date (open, high, low and volume when the file has them), "
                   "replacing what was stored for that day, and those days are not downloaded from Questrade "
                   "again. All or nothing: if a line cannot be read, the message names it and nothing is "
                   "saved."))
        .options(importOptions())
        .exitStatus({
            {QString::number(kExitSuccess), HistoryCommand::tr("The prices were imported.")},
            {QString::number(kExitFailure),
             HistoryCommand::tr("The file cannot be read or has a bad line (the message names it), or the "
                                "database failed. Nothing was saved.")},
            {QString::number(kExitUsage),
             HistoryCommand::tr(
                 "The command line is wrong: a missing --csv, an invalid ticker, or no --ticker "
                 "for a file without a symbol column.")},
        })
        .text();
}

int usageError(const QString &message, QTextStream &err)
{
    err << message << kNewline << HistoryCommand::tr("Run \"trailguard history import --help\" for help.")
        << Qt::endl;
    return kExitUsage;
}

int runImport(const GlobalOptions &global, const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(importOptions());
    parser.addOptions(helpOptions());
    if (!parser.parse(QStringList{QStringLiteral("trailguard history import")} + arguments))
        return usageError(parser.errorText(), err);
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        out << help() << Qt::flush;
        return kExitSuccess;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            HistoryCommand::tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst()),
            err);
    if (!parser.isSet(kCsv) || parser.value(kCsv).isEmpty())
        return usageError(
            HistoryCommand::tr("Missing the price file, for example \"trailguard history import "
                               "--csv aapl.csv --ticker AAPL\"."),
            err);
    QString ticker;
    if (parser.isSet(kTicker)) {
        const Result<QString> normalized = Ticker::normalize(parser.value(kTicker));
        if (!normalized)
            return usageError(normalized.error().message, err);
        ticker = normalized.value();
    }

    // The file is read and checked before the database is opened: a bad file never touches it.
    const Result<QList<PriceRow>> rows = PriceCsv::readFile(parser.value(kCsv));
    if (!rows) {
        err << rows.error().message << Qt::endl;
        return kExitFailure;
    }
    const auto series = PriceHistoryImport::groupByTicker(rows.value(), ticker);
    if (!series) {
        if (series.error().code == ErrorCode::InvalidArguments)
            return usageError(series.error().message + QLatin1Char(' ') +
                                  HistoryCommand::tr("Name it with --ticker."),
                              err);
        err << series.error().message << Qt::endl;
        return kExitFailure;
    }
    const Result<AppPaths> paths = AppPaths::resolve(global.dataDir);
    if (!paths) {
        err << paths.error().message << Qt::endl;
        return kExitFailure;
    }
    auto database = Database::open(paths.value().databaseFile());
    if (!database) {
        err << database.error().message << Qt::endl;
        return kExitFailure;
    }
    const auto summary = PriceHistoryImport::store(database.value()->connection(), series.value());
    if (!summary) {
        err << summary.error().message << Qt::endl;
        return kExitFailure;
    }
    out << HistoryCommand::tr("Imported %n daily price(s) for %1, from %2 to %3.", nullptr,
                              summary.value().rows)
               .arg(summary.value().tickers.join(QStringLiteral(", ")),
                    summary.value().first.toString(Qt::ISODate), summary.value().last.toString(Qt::ISODate))
        << Qt::endl;
    return kExitSuccess;
}
} // namespace

QList<HelpRow> HistoryCommand::summaries()
{
    return {{importSyntax(), tr("Import price history from a CSV file into the database (for the charts).")}};
}

int HistoryCommand::run(const GlobalOptions &options, const QStringList &arguments, QTextStream &out,
                        QTextStream &err)
{
    const QString action = arguments.value(0);
    if (action == kImport)
        return runImport(options, arguments.mid(1), out, err);
    if (isHelpWord(action)) {
        out << SubcommandHelp::actionList(QStringLiteral("history"), summaries()) << Qt::flush;
        return kExitSuccess;
    }
    err << (action.isEmpty() ? tr("Missing the history action: import.")
                             : tr("Unknown history action \"%1\": use import.").arg(action))
        << kNewline << tr("Run \"trailguard history import --help\" for help.") << Qt::endl;
    return kExitUsage;
}

} // namespace trailguard::Cli
