#include "cli/WatchCommand.h"
#include "cli/HelpText.h"

#include "cli/CellText.h"
#include "cli/OpenWatchlist.h"
#include "cli/SubcommandHelp.h"
#include "cli/TextTable.h"
#include "cli/WatchRules.h"
#include "domain/StockJson.h"
#include "domain/Ticker.h"
#include "settings/AppPaths.h"
#include "settings/Settings.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace trailguard::Cli {

namespace {

// What an action gets once its command line parsed.
struct Call {
    const GlobalOptions &global;
    const QCommandLineParser &parser;
    QTextStream &out;
    QTextStream &err;

    QString argument() const { return parser.positionalArguments().value(0); }
};

// One `watch` action: its words for the help texts, its options and the function that runs it.
struct Action {
    QString name;
    QString arguments;   // the syntax after the action's name
    QString summary;     // one line for `trailguard --help`
    QString description; // the body of `trailguard watch NAME --help`
    QList<QCommandLineOption> options;
    bool takesTicker;
    int (*run)(const Call &);

    QString syntax() const { return QStringLiteral("watch %1 %2").arg(name, arguments).trimmed(); }
};

int fail(QTextStream &err, const Error &error)
{
    err << error.message << Qt::endl;
    return exitCodeFor(error.code);
}

int addTicker(const Call &call)
{
    // Everything the user typed is checked before any file is opened.
    const Result<QString> ticker = Ticker::normalize(call.argument());
    if (!ticker.ok())
        return fail(call.err, ticker.error());
    std::optional<double> ratio;
    if (call.parser.isSet(QStringLiteral("ratio"))) {
        const Result<double> parsed = StopRatio::parse(call.parser.value(QStringLiteral("ratio")));
        if (!parsed.ok())
            return fail(call.err, parsed.error());
        ratio = parsed.value();
    }
    const Result<QStringList> rules = WatchRules::validate(call.parser.values(QStringLiteral("rule")));
    if (!rules.ok()) {
        call.err << rules.error().message << Qt::endl;
        return kExitUsage;
    }
    std::optional<double> entry;
    if (call.parser.isSet(QStringLiteral("entry"))) {
        const Result<double> parsed = Price::parse(call.parser.value(QStringLiteral("entry")));
        if (!parsed.ok())
            return fail(call.err, parsed.error());
        entry = parsed.value();
    }
    std::optional<StopStrategy> strategy;
    if (call.parser.isSet(QStringLiteral("strategy"))) {
        if (ratio) {
            return fail(call.err, Error{ErrorCode::InvalidArguments,
                                        WatchCommand::tr("Give either --ratio or --strategy, not both "
                                                         "(--strategy trailing:R sets the ratio).")});
        }
        const Result<StopStrategy> parsed =
            StopStrategy::parse(call.parser.value(QStringLiteral("strategy")));
        if (!parsed.ok())
            return fail(call.err, parsed.error());
        strategy = parsed.value();
        if (strategy->usesRatio())
            ratio = strategy->ratio;
    }

    const Result<AppPaths> paths = dataPaths(call.global);
    if (!paths.ok())
        return fail(call.err, paths.error());
    bool ratioFromEnvironment = false;
    if (!ratio) {
        const auto settings = Settings::forFile(paths.value().settingsFile);
        const Result<double> fallback = settings->defaultRatio();
        if (!fallback.ok())
            return fail(call.err, fallback.error());
        ratio = fallback.value();
        ratioFromEnvironment = settings->defaultRatioFromEnvironment();
    }

    auto watchlist = OpenWatchlist::open(paths.value());
    if (!watchlist.ok())
        return fail(call.err, watchlist.error());
    WatchlistService &service = watchlist.value()->service();
    const Result<StockState> added = strategy ? service.add(ticker.value(), *strategy, entry, rules.value())
                                              : service.add(ticker.value(), *ratio, entry, rules.value());
    if (!added.ok())
        return fail(call.err, added.error());

    const StockState &stock = added.value();
    const QString rulesLine =
        stock.rules.isEmpty()
            ? QString()
            : WatchCommand::tr("Its alert rules: %1").arg(WatchRules::compact(stock)) + kNewline;
    if (strategy && strategy->kind != StopStrategy::Kind::Trailing) {
        call.out
            << (stock.stop
                    ? WatchCommand::tr("Added %1 with strategy %2; the stop starts at %3.")
                          .arg(stock.ticker, stock.strategySpec(), CellText::price(stock.stop))
                    : WatchCommand::tr("Added %1 with strategy %2.").arg(stock.ticker, stock.strategySpec()))
            << kNewline << rulesLine << Qt::flush;
        return kExitSuccess;
    }
    QString line =
        stock.stop ? WatchCommand::tr("Added %1 with stop ratio %2; the stop starts at %3 (entry price %4).")
                         .arg(stock.ticker, CellText::ratio(stock.ratio), CellText::price(stock.stop),
                              CellText::price(stock.entry))
                   : WatchCommand::tr("Added %1 with stop ratio %2.")
                         .arg(stock.ticker, CellText::ratio(stock.ratio));
    if (ratioFromEnvironment)
        line +=
            QLatin1Char(' ') + WatchCommand::tr("The ratio comes from the STOP_LOSS environment variable.");
    call.out << line << kNewline << rulesLine << Qt::flush;
    return kExitSuccess;
}

int listStocks(const Call &call)
{
    auto watchlist = OpenWatchlist::open(call.global);
    if (!watchlist.ok())
        return fail(call.err, watchlist.error());
    const Result<QList<StockState>> stocks = watchlist.value()->service().stocks();
    if (!stocks.ok())
        return fail(call.err, stocks.error());
    if (call.parser.isSet(QStringLiteral("json")) && stocks.value().isEmpty())
        call.out << QStringLiteral("[]\n"); // rather than Qt's "[\n]"
    else if (call.parser.isSet(QStringLiteral("json")))
        call.out << QString::fromUtf8(
            QJsonDocument(WatchCommand::toJson(stocks.value())).toJson(QJsonDocument::Indented));
    else
        call.out << WatchCommand::toTable(stocks.value());
    call.out.flush();
    return kExitSuccess;
}

int editRules(const Call &call)
{
    return WatchRules::run(call.global, call.argument(), call.parser.values(QStringLiteral("add")),
                           call.parser.values(QStringLiteral("remove")), call.out, call.err);
}

int removeTicker(const Call &call)
{
    const Result<QString> ticker = Ticker::normalize(call.argument());
    if (!ticker.ok())
        return fail(call.err, ticker.error());
    auto watchlist = OpenWatchlist::open(call.global);
    if (!watchlist.ok())
        return fail(call.err, watchlist.error());
    if (const Status removed = watchlist.value()->service().remove(ticker.value()); !removed.ok())
        return fail(call.err, removed.error());
    call.out << WatchCommand::tr("Removed %1 from the watchlist.").arg(ticker.value()) << Qt::endl;
    return kExitSuccess;
}

QList<Action> actions()
{
    const QString tickerRule =
        WatchCommand::tr("TICKER is trimmed and upper-cased (shop.to becomes SHOP.TO): 1 to 15 "
                         "letters, digits, '.' or '-', starting with a letter or digit.");
    return {
        {QStringLiteral("add"),
         QStringLiteral("TICKER [--ratio R | --strategy SPEC] [--entry PRICE] [--rule SPEC]..."),
         WatchCommand::tr("Start watching a ticker."),
         WatchCommand::tr(
             "Adds TICKER to the watchlist. Its stop follows the highest price seen, at R times that "
             "peak.") +
             kNewline + tickerRule,
         {QCommandLineOption(
              QStringLiteral("ratio"),
              WatchCommand::tr("Stop ratio, from 0.01 to less than 1 (0.9 keeps the stop 10% "
                               "below the peak). Default: STOP_LOSS, else the default ratio in the "
                               "settings (0.9 unless changed)."),
              QStringLiteral("R")),
          QCommandLineOption(QStringLiteral("entry"),
                             WatchCommand::tr("Purchase price, greater than 0; the peak starts there."),
                             QStringLiteral("PRICE")),
          QCommandLineOption(
              QStringLiteral("strategy"),
              WatchCommand::tr("How the stop moves, instead of --ratio: trailing:R (the default, stop = "
                               "peak × R), fixed:P (stop at P), fixed-pct:R (stop = entry × R), "
                               "activation:R,A (entry × R until the price is A above the entry, then "
                               "trailing), atr:N,K (chandelier exit: highest high of N days − K × ATR)."),
              QStringLiteral("SPEC")),
          WatchRules::ruleOption()},
         true,
         &addTicker},
        {QStringLiteral("list"),
         QStringLiteral("[--json]"),
         WatchCommand::tr("Show the watchlist."),
         WatchCommand::tr(
             "Shows every ticker on the watchlist with its last price, peak, stop and last alert. "
             "Unknown values are shown as %1.")
             .arg(CellText::unknown()),
         {QCommandLineOption(
             QStringLiteral("json"),
             WatchCommand::tr("Print a JSON array instead, one object per ticker; unknown values "
                              "are null and times are ISO 8601 UTC."))},
         false,
         &listStocks},
        {QStringLiteral("rules"), QStringLiteral("TICKER [--add SPEC]... [--remove SPEC]..."),
         WatchRules::summary(), WatchRules::description() + kNewline + tickerRule, WatchRules::editOptions(),
         true, &editRules},
        {QStringLiteral("remove"),
         QStringLiteral("TICKER"),
         WatchCommand::tr("Stop watching a ticker."),
         WatchCommand::tr("Removes TICKER and everything Trailguard remembers about it.") + kNewline +
             tickerRule,
         {},
         true,
         &removeTicker},
    };
}

QString actionHelp(const Action &action)
{
    return SubcommandHelp(QStringLiteral("trailguard [--data-dir DIR] ") + action.syntax(),
                          action.description)
        .options(action.options)
        .text();
}

QString watchHelp()
{
    return SubcommandHelp::actionList(QStringLiteral("watch"), WatchCommand::summaries());
}

// `watch add -AB`: the parser reads "-AB" as options. If it was meant as a ticker, say why it is none.
QString tickerLookalike(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        static const QStringList valueOptions{QStringLiteral("--ratio"),    QStringLiteral("--entry"),
                                              QStringLiteral("--strategy"), QStringLiteral("--rule"),
                                              QStringLiteral("--add"),      QStringLiteral("--remove")};
        const bool isValue = i > 0 && valueOptions.contains(arguments.at(i - 1));
        if (!isValue && word.size() > 1 && word.startsWith(QLatin1Char('-')) &&
            !word.startsWith(QLatin1String("--")) && word != QLatin1String("-h"))
            return word;
    }
    return {};
}

int usageError(const Action &action, const QString &message, QTextStream &err)
{
    err << message << kNewline
        << WatchCommand::tr("Run \"trailguard %1 --help\" for help.")
               .arg(QStringLiteral("watch ") + action.name)
        << Qt::endl;
    return kExitUsage;
}

int runAction(const Action &action, const GlobalOptions &global, const QStringList &arguments,
              QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(action.options);
    parser.addOptions(helpOptions());
    // QCommandLineParser skips the first word, the program name.
    if (!parser.parse(QStringList{QStringLiteral("trailguard watch ") + action.name} + arguments)) {
        QString message = parser.errorText();
        if (parser.unknownOptionNames().contains(QStringLiteral("data-dir"))) {
            message += kNewline + WatchCommand::tr("Global options go before the command, for example "
                                                   "\"trailguard --data-dir DIR watch %1\".")
                                      .arg(action.name);
        }
        const QString lookalike = action.takesTicker ? tickerLookalike(arguments) : QString();
        if (!lookalike.isEmpty() && parser.positionalArguments().isEmpty())
            message += kNewline + Ticker::normalize(lookalike).error().message;
        return usageError(action, message, err);
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        out << actionHelp(action) << Qt::flush;
        return kExitSuccess;
    }
    const QStringList positional = parser.positionalArguments();
    const qsizetype expected = action.takesTicker ? 1 : 0;
    if (positional.size() < expected) {
        return usageError(action,
                          WatchCommand::tr("Missing the ticker, for example \"trailguard watch %1 SHOP.TO\".")
                              .arg(action.name),
                          err);
    }
    if (positional.size() > expected)
        return usageError(action,
                          WatchCommand::tr("Unexpected argument \"%1\".").arg(positional.at(expected)), err);
    return action.run(Call{global, parser, out, err});
}
} // namespace

QList<HelpRow> WatchCommand::summaries()
{
    QList<HelpRow> rows;
    for (const Action &action : actions())
        rows += HelpRow{action.syntax(), action.summary};
    return rows;
}

int WatchCommand::run(const GlobalOptions &options, const QStringList &arguments, QTextStream &out,
                      QTextStream &err)
{
    const QString first = arguments.value(0);
    if (isHelpWord(first)) {
        out << watchHelp() << Qt::flush;
        return kExitSuccess;
    }
    QStringList names;
    for (const Action &action : actions()) {
        if (action.name == first)
            return runAction(action, options, arguments.mid(1), out, err);
        names += action.name;
    }
    err << (arguments.isEmpty() ? tr("Missing the watch action.")
                                : tr("Unknown watch action \"%1\".").arg(first))
        << QLatin1Char(' ') << tr("Use %1.").arg(names.join(QStringLiteral(", "))) << kNewline << kNewline
        << watchHelp() << Qt::flush;
    return kExitUsage;
}

QJsonArray WatchCommand::toJson(const QList<StockState> &stocks)
{
    return StockJson::toJson(stocks);
}

QString WatchCommand::toTable(const QList<StockState> &stocks)
{
    if (stocks.isEmpty())
        return tr("The watchlist is empty. Add a ticker with \"trailguard watch add TICKER\".") + kNewline;

    using Align = TextTable::Align;
    TextTable table({tr("Ticker"), tr("Last"), tr("Peak"), tr("Stop"), tr("Distance %"), tr("Ratio"),
                     tr("Currency"), tr("Last alert"), tr("Strategy"), tr("Rules")},
                    {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right});
    for (const StockState &stock : stocks) {
        const std::optional<double> distance = stock.distanceToStopPercent();
        table.addRow(
            {stock.ticker, CellText::price(stock.lastPrice), CellText::price(stock.peak),
             CellText::price(stock.stop), distance ? QString::number(*distance, 'f', 1) : CellText::unknown(),
             CellText::ratio(stock.ratio), stock.currency.isEmpty() ? CellText::unknown() : stock.currency,
             stock.lastAlertAt.isValid()
                 ? stock.lastAlertAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                 : CellText::unknown(),
             stock.strategySpec(), WatchRules::compact(stock)});
    }
    return table.text();
}

} // namespace trailguard::Cli
