#include "cli/CommandLine.h"

#include "TrailguardVersion.h"
#include "cli/AlertsCommand.h"
#include "cli/HistoryCommand.h"
#include "cli/IndicatorsCommand.h"
#include "cli/PositionsCommand.h"
#include "cli/ReplayCommand.h"
#include "cli/WatchCommand.h"
#include "cli/WebCommand.h"
#include "monitor/Monitor.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <algorithm>

namespace trailguard::Cli {

namespace {
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

using CommandFunction = int (*)(const GlobalOptions &, const QStringList &, QTextStream &, QTextStream &);

// A word after the global options, e.g. `watch`, with the forms it adds to --help.
struct Command {
    QLatin1String name;
    QList<HelpRow> (*summaries)();
    CommandFunction run;
};

// Every command, in the order --help lists them. New commands (replay, ...) are added here.
const Command kCommands[] = {
    {QLatin1String("watch"), &WatchCommand::summaries, &WatchCommand::run},
    {QLatin1String("replay"), &ReplayCommand::summaries, &ReplayCommand::run},
    {QLatin1String("indicators"), &IndicatorsCommand::summaries, &IndicatorsCommand::run},
    {QLatin1String("history"), &HistoryCommand::summaries, &HistoryCommand::run},
    {QLatin1String("positions"), &PositionsCommand::summaries, &PositionsCommand::run},
    {QLatin1String("web"), &WebCommand::summaries, &WebCommand::run},
    {QLatin1String("alerts"), &AlertsCommand::summaries, &AlertsCommand::run},
};

// Words that mean "no window" even without a command.
const QLatin1String kNoWindowOptions[] = {
    QLatin1String("-h"), QLatin1String("--help"),    QLatin1String("--help-all"),
    QLatin1String("-v"), QLatin1String("--version"), QLatin1String("--headless"),
};

// Options whose value is the next word, so that value is not taken for a command: ours, and the ones
// QGuiApplication itself reads (`trailguard -platform offscreen` opens the window).
const QLatin1String kOptionsWithValue[] = {
    QLatin1String("--data-dir"),
    QLatin1String("--interval"),
    QLatin1String("--web"),
    QLatin1String("-platform"),
    QLatin1String("-platformpluginpath"),
    QLatin1String("-platformtheme"),
    QLatin1String("-plugin"),
    QLatin1String("-qwindowgeometry"),
    QLatin1String("-qwindowicon"),
    QLatin1String("-qwindowtitle"),
    QLatin1String("-session"),
    QLatin1String("-display"),
    QLatin1String("-style"),
    QLatin1String("-stylesheet"),
    QLatin1String("-geometry"),
    QLatin1String("-title"),
    QLatin1String("-name"),
};

template <std::size_t N>
bool contains(const QLatin1String (&list)[N], const QString &word)
{
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool takesValue(const QString &word)
{
    if (contains(kOptionsWithValue, word))
        return true;
    // Qt accepts its own options with two dashes as well (--platform offscreen).
    return word.startsWith(QLatin1String("--")) && contains(kOptionsWithValue, word.mid(1));
}

const QString kDataDirName = QStringLiteral("data-dir");
const QString kHeadlessName = QStringLiteral("headless");
const QString kOnceName = QStringLiteral("once");
const QString kIntervalName = QStringLiteral("interval");
const QString kDemoName = QStringLiteral("demo");
const QString kDemoIfNotConnectedName = QStringLiteral("demo-if-not-connected");
const QString kMinimizedName = QStringLiteral("minimized");
const QString kNoStreamName = QStringLiteral("no-stream");
const QString kWebName = QStringLiteral("web");
const QString kWebSelfSignedName = QStringLiteral("web-self-signed");
// The monitor's own bounds, so the option and the loop cannot disagree.
constexpr int kMinimumInterval = int(Monitor::kMinimumInterval.count());
constexpr int kMaximumInterval = int(Monitor::kMaximumInterval.count());

QList<QCommandLineOption> globalOptions()
{
    QList<QCommandLineOption> options{
        QCommandLineOption(
            kDataDirName,
            CommandLine::tr("Keep the database and the settings in DIR instead of the standard "
                            "locations."),
            QStringLiteral("DIR")),
        QCommandLineOption(kHeadlessName,
                           CommandLine::tr("Watch without a window: check prices on a schedule and log each "
                                           "check and breach to stderr until stopped (SIGTERM/SIGINT).")),
        QCommandLineOption(kOnceName, CommandLine::tr("With --headless: run one check, then exit.")),
        QCommandLineOption(kIntervalName,
                           CommandLine::tr("Check every SECONDS seconds (5 to 3600; default 300)."),
                           QStringLiteral("SECONDS")),
        QCommandLineOption(kDemoName, CommandLine::tr("Use the simulated demo market instead of a Questrade "
                                                      "account (its own watchlist, prices that move).")),
        QCommandLineOption(
            kNoStreamName,
            CommandLine::tr("Poll for quotes every interval instead of streaming them in real "
                            "time (streaming is used whenever Questrade offers it; --once never "
                            "streams).")),
        QCommandLineOption(
            kWebName,
            CommandLine::tr("With --headless: serve the web dashboard on [ADDRESS:]PORT (address "
                            "127.0.0.1 unless given; another address needs TLS). Needs a "
                            "password: see \"trailguard web password\"."),
            QStringLiteral("[ADDRESS:]PORT")),
        QCommandLineOption(
            kWebSelfSignedName,
            CommandLine::tr("With --web: serve over TLS with a self-signed certificate made on "
                            "first use in the data folder (its fingerprint is logged).")),
        QCommandLineOption(kMinimizedName,
                           CommandLine::tr("Start hidden in the system tray (used by \"Start at login\").")),
        QCommandLineOption(kDemoIfNotConnectedName,
                           CommandLine::tr("Open the demo market when no Questrade account is connected yet "
                                           "(the README's run command uses it).")),
    };
    options += helpOptions();
    options += QCommandLineOption({QStringLiteral("v"), QStringLiteral("version")},
                                  CommandLine::tr("Show the version and exit."));
    return options;
}

// Parses `trailguard [--data-dir DIR] [--help] [--version] [command ...]`; everything from the first
// positional word on belongs to that command.
Result<GlobalOptions> parseGlobal(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.addOptions(globalOptions());
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(arguments)) {
        return Error{ErrorCode::InvalidArguments,
                     parser.errorText() + QLatin1Char('\n') +
                         CommandLine::tr("Run \"trailguard --help\" to see the options and commands.")};
    }
    GlobalOptions options;
    options.dataDir = parser.value(kDataDirName);
    options.headless = parser.isSet(kHeadlessName);
    options.once = parser.isSet(kOnceName);
    options.demo = parser.isSet(kDemoName);
    options.demoIfNotConnected = parser.isSet(kDemoIfNotConnectedName);
    options.minimized = parser.isSet(kMinimizedName);
    options.noStream = parser.isSet(kNoStreamName);
    options.web = parser.value(kWebName).trimmed();
    options.webSelfSigned = parser.isSet(kWebSelfSignedName);
    if (parser.isSet(kWebName) && options.web.isEmpty()) {
        return Error{
            ErrorCode::InvalidArguments,
            CommandLine::tr("--web needs [ADDRESS:]PORT, for example --web 8080 or --web 0.0.0.0:8443.")};
    }
    if (parser.isSet(kDataDirName) && options.dataDir.isEmpty()) {
        return Error{ErrorCode::InvalidArguments,
                     CommandLine::tr("--data-dir needs a folder, for example --data-dir ~/trailguard-test.")};
    }
    if (parser.isSet(kIntervalName)) {
        bool ok = false;
        const int seconds = parser.value(kIntervalName).toInt(&ok);
        if (!ok || seconds < kMinimumInterval || seconds > kMaximumInterval) {
            return Error{
                ErrorCode::InvalidArguments,
                CommandLine::tr("--interval must be a whole number of seconds from %1 to %2, not \"%3\".")
                    .arg(kMinimumInterval)
                    .arg(kMaximumInterval)
                    .arg(parser.value(kIntervalName))};
        }
        options.intervalSeconds = seconds;
    }
    if ((parser.isSet(kWebName) || options.webSelfSigned) && !options.headless) {
        return Error{
            ErrorCode::InvalidArguments,
            CommandLine::tr("--web only works with --headless, e.g. \"trailguard --headless --web 8080\" "
                            "(the window serves the dashboard when web/listen is set in the settings).")};
    }
    if (options.once && !options.web.isEmpty()) {
        return Error{
            ErrorCode::InvalidArguments,
            CommandLine::tr("--web does not work with --once: the dashboard needs a running guardian.")};
    }
    if (options.once && !options.headless) {
        return Error{
            ErrorCode::InvalidArguments,
            CommandLine::tr("--once only works with --headless, e.g. \"trailguard --headless --once\".")};
    }
    return options;
}

QString databaseLocation(const GlobalOptions &options)
{
    // The rule of AppPaths::resolve, without creating the folder: showing help must not create files.
    const QString dataDir = options.dataDir.isEmpty()
                                ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                : QFileInfo(options.dataDir).absoluteFilePath();
    return QDir::toNativeSeparators(QDir(dataDir).filePath(QString::fromLatin1(Database::kFileName)));
}

QString globalHelp(const GlobalOptions &options)
{
    const QString nl = QStringLiteral("\n");
    QString text =
        formatHelpParagraph(CommandLine::tr("Trailguard keeps a trailing stop-loss for each stock on your "
                                            "watchlist and warns you when a price falls below its stop."));
    text += nl + CommandLine::tr("Usage:") + nl;
    text += formatHelpRows({
        {QStringLiteral("trailguard [--data-dir DIR]"), CommandLine::tr("Open the window.")},
        {QStringLiteral("trailguard [--data-dir DIR] COMMAND [ARGUMENTS]"),
         CommandLine::tr("Run a command and exit.")},
    });

    QList<HelpRow> commands;
    for (const Command &command : kCommands)
        commands += command.summaries();
    text += nl + CommandLine::tr("Commands:") + nl + formatHelpRows(commands);
    text += nl + CommandLine::tr("Options:") + nl + formatHelpRows(optionRows(globalOptions()));
    text += nl + formatHelpParagraph(
                     CommandLine::tr("Global options go before the command. \"trailguard COMMAND "
                                     "--help\" describes a command, for example \"trailguard watch "
                                     "add --help\"."));

    const QString settingsFile =
        options.dataDir.isEmpty()
            ? CommandLine::tr(
                  "trailguard.ini in the standard configuration folder ($XDG_CONFIG_HOME/trailguard)")
            : QDir::toNativeSeparators(QDir(QFileInfo(options.dataDir).absoluteFilePath())
                                           .filePath(QStringLiteral("settings.ini")));
    text += nl + CommandLine::tr("Files and environment:") + nl;
    text += formatHelpRows({
        {CommandLine::tr("Database"), databaseLocation(options)},
        {CommandLine::tr("Settings"), settingsFile},
        {QStringLiteral("STOP_LOSS"),
         CommandLine::tr("The default stop ratio for new tickers, from 0.01 to less "
                         "than 1; it overrides the settings.")},
    });

    text += nl + CommandLine::tr("Exit status:") + nl;
    text += formatHelpRows({
        {QString::number(kExitSuccess), CommandLine::tr("Success.")},
        {QString::number(kExitFailure),
         CommandLine::tr("The operation failed: the ticker is already (or not) on the "
                         "watchlist, a database error, an invalid STOP_LOSS, or (positions) not "
                         "connected to Questrade or Questrade did not answer.")},
        {QString::number(kExitUsage),
         CommandLine::tr("The command line is wrong: an unknown option, or a missing or "
                         "invalid argument (ticker, ratio, price).")},
        {QString::number(kExitDataFolderInUse),
         CommandLine::tr("Another Trailguard (the window, --headless or --once) is already watching "
                         "this data folder; the message names it (PID and mode).")},
    });
    return text;
}

// The CLI's stderr is for the user: the core's progress messages ("Added", "Database migrated") stay
// quiet there. Warnings still show, and QT_LOGGING_RULES can turn everything back on.
void quietCoreLogging()
{
    QLoggingCategory::setFilterRules(QStringLiteral("trailguard.*.debug=false\ntrailguard.*.info=false"));
}
} // namespace

bool wantsWindow(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        if (word == QLatin1String("--"))
            return i + 1 == arguments.size(); // whatever follows "--" is a command
        if (!word.startsWith(QLatin1Char('-')) || word.size() == 1)
            return false; // a command word ("-" included: it is no option either)
        if (contains(kNoWindowOptions, word))
            return false;
        if (takesValue(word))
            ++i;
    }
    return true;
}

bool wantsHeadless(const QStringList &arguments)
{
    // Help and version win over --headless; a command word makes it a command line run.
    if (wantsWindow(arguments))
        return false;
    bool headless = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        if (word == QLatin1String("--") || !word.startsWith(QLatin1Char('-')) || word.size() == 1)
            return false;
        if (word == QLatin1String("-h") || word == QLatin1String("--help") ||
            word == QLatin1String("--help-all") || word == QLatin1String("-v") ||
            word == QLatin1String("--version"))
            return false;
        headless = headless || word == QLatin1String("--headless");
        if (takesValue(word))
            ++i;
    }
    return headless;
}

Result<GlobalOptions> parseHeadlessOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    Result<GlobalOptions> options = parseGlobal(parser, arguments);
    if (options.ok() && !parser.positionalArguments().isEmpty()) {
        return Error{ErrorCode::InvalidArguments,
                     CommandLine::tr("--headless takes no command; \"%1\" is unexpected. Run \"trailguard "
                                     "--help\" to see the options.")
                         .arg(parser.positionalArguments().constFirst())};
    }
    return options;
}

Result<GlobalOptions> parseWindowOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    Result<GlobalOptions> options = parseGlobal(parser, arguments);
    if (options.ok() && !parser.positionalArguments().isEmpty()) {
        return Error{
            ErrorCode::InvalidArguments,
            CommandLine::tr("Unexpected argument \"%1\". Run \"trailguard --help\" to see the commands.")
                .arg(parser.positionalArguments().constFirst())};
    }
    return options;
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err, SecretRedactor *redactor)
{
    quietCoreLogging();
    QCommandLineParser parser;
    Result<GlobalOptions> options = parseGlobal(parser, arguments);
    if (!options.ok()) {
        err << options.error().message << Qt::endl;
        return kExitUsage;
    }
    options.value().redactor = redactor;
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        out << globalHelp(options.value()) << Qt::flush;
        return kExitSuccess;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out << QStringLiteral("trailguard %1").arg(QStringLiteral(TRAILGUARD_VERSION)) << Qt::endl;
        return kExitSuccess;
    }

    const QStringList words = parser.positionalArguments();
    QStringList names;
    for (const Command &command : kCommands) {
        if (!words.isEmpty() && words.constFirst() == command.name)
            return command.run(options.value(), words.mid(1), out, err);
        names += command.name;
    }
    if (words.isEmpty())
        err << CommandLine::tr("Missing command.");
    else
        err << CommandLine::tr("Unknown command \"%1\".").arg(words.constFirst());
    err << QLatin1Char(' ')
        << CommandLine::tr("The commands are: %1. Run \"trailguard --help\" for details.")
               .arg(names.join(QStringLiteral(", ")))
        << Qt::endl;
    return kExitUsage;
}

int exitCodeFor(ErrorCode code)
{
    // Only invalid user input is a usage error; every other failure (including codes added later) is 1.
    switch (code) {
    case ErrorCode::InvalidTicker:
    case ErrorCode::InvalidRatio:
    case ErrorCode::InvalidPrice:
    case ErrorCode::InvalidArguments:
    case ErrorCode::InvalidStrategy:
        return kExitUsage;
    default:
        return kExitFailure;
    }
}

} // namespace trailguard::Cli
