#include "cli/HistoryCommand.h"
#include "cli/HelpText.h"

#include "cli/SubcommandHelp.h"
#include "domain/Ticker.h"
#include "history/PriceHistoryImport.h"
#include "settings/AppPaths.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QLocale>

#include <unistd.h>

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
                   "Stores price history from a CSV file in Trailguard's database, for the charts and "
                   "backtests, as the file holds it: rows with times become candles of the file's own "
                   "interval (one minute, five minutes, an hour\u2026), rows with dates daily candles; rows "
                   "that fall in one candle make its open, high, low and close. Intraday candles are also "
                   "summed up into daily ones. What was stored replaces what was stored for the same time, "
                   "and that span is not downloaded from Questrade again. The file is read a row at a time "
                   "(any size). All or nothing: if a line cannot be read, the message names it and nothing "
                   "is saved."))
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

// The import's progress on stderr: a percentage rewritten in place on a terminal, otherwise a line every
// kProgressLineRows rows (so a log shows a big import moving and a small one says nothing).
class ProgressLine {
public:
    explicit ProgressLine(QTextStream &err)
        : m_err(err)
        , m_terminal(isatty(STDERR_FILENO) == 1)
    {}

    void show(qint64 done, qint64 total)
    {
        if (done <= 0 || total <= 0)
            return;
        if (m_terminal) {
            const qint64 percent = done * 100 / total;
            if (percent == m_percent)
                return;
            m_percent = percent;
            m_err << '\r' << HistoryCommand::tr("Importing\u2026 %1%").arg(percent) << Qt::flush;
            m_shown = true;
        } else if (done / kProgressLineRows > m_lines) {
            m_lines = done / kProgressLineRows;
            const QLocale locale = PriceHistoryImport::numberLocale(QLocale());
            m_err << HistoryCommand::tr("Stored %1 of %2 rows\u2026")
                         .arg(locale.toString(done), locale.toString(total))
                  << Qt::endl;
        }
    }

    void clear()
    {
        if (m_shown)
            m_err << "\r\x1b[K" << Qt::flush;
        m_shown = false;
    }

private:
    static constexpr qint64 kProgressLineRows = 250'000;
    QTextStream &m_err;
    bool m_terminal;
    bool m_shown = false;
    qint64 m_percent = -1;
    qint64 m_lines = 0;
};

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

    // The whole file is read and checked before the database is opened: a bad file never touches it.
    const auto plan = PriceHistoryImport::plan(parser.value(kCsv), ticker);
    if (!plan) {
        if (plan.error().code == ErrorCode::InvalidArguments)
            return usageError(
                plan.error().message + QLatin1Char(' ') + HistoryCommand::tr("Name it with --ticker."), err);
        err << plan.error().message << Qt::endl;
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
    ProgressLine progress(err);
    const auto summary =
        PriceHistoryImport::store(database.value()->connection(), plan.value(),
                                  [&progress](qint64 done, qint64 total) { progress.show(done, total); });
    progress.clear();
    if (!summary) {
        err << summary.error().message << Qt::endl;
        return kExitFailure;
    }
    for (const QString &line : PriceHistoryImport::describe(summary.value(), QLocale()))
        out << line << kNewline;
    out << Qt::flush;
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
