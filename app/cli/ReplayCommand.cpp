#include "cli/ReplayCommand.h"
#include "cli/HelpText.h"

#include "cli/SubcommandHelp.h"
#include "domain/Ticker.h"
#include "history/PriceCsv.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace trailguard::Cli {

namespace {
const QString kCsv = QStringLiteral("csv");
const QString kTicker = QStringLiteral("ticker");
const QString kStrategy = QStringLiteral("strategy");
const QString kRule = QStringLiteral("rule");
const QString kEntry = QStringLiteral("entry");
const QString kRepeat = QStringLiteral("repeat");
const QString kJson = QStringLiteral("json");
const QString kDefaultStrategy = QStringLiteral("trailing:0.9");
const QString kDailyName = QStringLiteral("daily");
const QString kOnceName = QStringLiteral("once-per-breach");

QList<QCommandLineOption> options()
{
    return {
        QCommandLineOption(kCsv,
                           ReplayCommand::tr("The price file: date,close or date,open,high,low,close"
                                             "[,adjclose,volume] or symbol,date,price rows, with or without "
                                             "a header; dates like 2024-05-14 or Jan 1 2000. Required."),
                           QStringLiteral("FILE")),
        QCommandLineOption(
            kTicker,
            ReplayCommand::tr("The ticker of a file without a symbol column (default: the file "
                              "name without its extension, upper-cased); with a symbol column, "
                              "replay only that symbol."),
            QStringLiteral("T")),
        QCommandLineOption(kStrategy,
                           ReplayCommand::tr("The stop strategy: trailing:R, fixed:P, fixed-pct:R, "
                                             "activation:R,A or atr:N,K. Default: %1, or none with --rule.")
                               .arg(kDefaultStrategy),
                           QStringLiteral("SPEC")),
        QCommandLineOption(kRule,
                           ReplayCommand::tr("An alert rule: cross-below-sma:N, cross-above-sma:N, "
                                             "rsi-below:N,X, rsi-above:N,X, macd-cross-below:F,S,G, "
                                             "macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K or "
                                             "target:P. Repeat it for more. Without --strategy, only the "
                                             "rules alert."),
                           QStringLiteral("SPEC")),
        QCommandLineOption(
            kEntry,
            ReplayCommand::tr("Entry price, greater than 0: the peak starts there, and fixed-pct "
                              "and activation start from it (default: the first price)."),
            QStringLiteral("P")),
        QCommandLineOption(kRepeat,
                           ReplayCommand::tr("When the price stays below the stop: \"daily\" alerts on every "
                                             "market day below it (the default), \"once-per-breach\" once "
                                             "until the price is back at or above the stop."),
                           QStringLiteral("POLICY")),
        QCommandLineOption(kJson, ReplayCommand::tr("Print one JSON object instead: {\"alerts\":[...], "
                                                    "\"summary\":{...}}.")),
    };
}

QString syntax()
{
    return QStringLiteral("replay --csv FILE [--ticker T] [--strategy SPEC] [--rule SPEC...] [--entry P] "
                          "[--repeat POLICY] [--json]");
}

QString help()
{
    return SubcommandHelp(
               QStringLiteral("trailguard ") + syntax(),
               ReplayCommand::tr(
                   "Replays price history through the same stop-loss engine the monitor uses: each row is "
                   "one "
                   "observation on its date (its market day), its price the close (or price; adjclose is "
                   "ignored), with the high and low when the row has them. Prints the alerts that would have "
                   "fired, in time order, and for each series its rows, first breach, number of alerts, "
                   "final "
                   "peak and stop, and the return of selling at the close of the first breach against "
                   "holding "
                   "to the last row (both from the entry price, else the first close). A file with a symbol "
                   "column holds one series per symbol. Nothing is written to the watchlist. Each --rule "
                   "fires on a market day when its condition holds at the close and did not hold the day "
                   "before (a day of several rows closes at its last row); every alert says its kind: "
                   "\"stop\" or the rule."))
        .options(options())
        .exitStatus({
            {QString::number(kExitSuccess), ReplayCommand::tr("The replay ran (whether or not it alerted).")},
            {QString::number(kExitFailure),
             ReplayCommand::tr("The file cannot be read or has a bad row (the message names its line).")},
            {QString::number(kExitUsage),
             ReplayCommand::tr("The command line is wrong: a missing --csv, an invalid strategy, rule, entry "
                               "or ticker, or a strategy the file has no data for (atr needs highs and "
                               "lows).")},
        })
        .text();
}

int usageError(const QString &message, QTextStream &err)
{
    err << message << kNewline << ReplayCommand::tr("Run \"trailguard replay --help\" for help.") << Qt::endl;
    return kExitUsage;
}

// Numbers are printed with 15 significant digits, all that a double holds for sure: 110 × 0.9 prints as
// 99, not as its binary neighbour 99.00000000000001.
constexpr int kSignificantDigits = 15;

double clean(double value)
{
    return QString::number(value, 'g', kSignificantDigits).toDouble();
}

QString jsonNumber(double value)
{
    return QString::number(value, 'g', kSignificantDigits);
}

QJsonValue jsonOptional(std::optional<double> value)
{
    return value ? QJsonValue(clean(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue jsonDate(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QString jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// Per rule of a series: {"rule":SPEC,"firings":N,"firstFiring":{"date","close"} or null}.
QJsonArray jsonRuleSummaries(const QList<ReplayRuleSummary> &summaries)
{
    QJsonArray rules;
    for (const ReplayRuleSummary &one : summaries) {
        const QJsonObject first{
            {QStringLiteral("date"), one.firstDate ? jsonDate(*one.firstDate) : QJsonValue()},
            {QStringLiteral("close"), jsonOptional(one.firstClose)}};
        rules.append(
            QJsonObject{{QStringLiteral("rule"), one.rule.spec()},
                        {QStringLiteral("firings"), one.firings},
                        {QStringLiteral("firstFiring"), one.firstDate ? QJsonValue(first) : QJsonValue()}});
    }
    return rules;
}

QString repeatName(RepeatPolicy policy)
{
    return policy == RepeatPolicy::OncePerBreach ? kOnceName : kDailyName;
}

} // namespace

QList<HelpRow> ReplayCommand::summaries()
{
    return {{syntax(),
             tr("Replay price history from a CSV file through a stop strategy and alert rules and show the "
                "alerts.")}};
}

QString ReplayCommand::toJson(const ReplayResult &result, const ReplayOptions &options)
{
    QStringList alerts;
    alerts.reserve(result.alerts.size());
    for (const ReplayAlert &alert : result.alerts) {
        const QString head = QStringLiteral("{\"ticker\":%1,\"date\":\"%2\",\"kind\":%3,\"price\":%4")
                                 .arg(jsonString(alert.ticker), alert.date.toString(Qt::ISODate),
                                      jsonString(alert.kind()), jsonNumber(alert.price));
        if (alert.firing) {
            alerts += head + QStringLiteral(",\"value\":%1,\"threshold\":%2,\"message\":%3}")
                                 .arg(jsonNumber(alert.firing->value), jsonNumber(alert.firing->threshold),
                                      jsonString(alert.firing->message));
        } else {
            alerts += head + QStringLiteral(",\"peak\":%1,\"stop\":%2}")
                                 .arg(jsonNumber(alert.peak), jsonNumber(alert.stop));
        }
    }
    QJsonArray series;
    for (const ReplaySeriesSummary &one : result.series) {
        QJsonObject firstBreach;
        if (one.firstBreachDate) {
            firstBreach.insert(QStringLiteral("date"), jsonDate(*one.firstBreachDate));
            firstBreach.insert(QStringLiteral("price"), jsonOptional(one.firstBreachPrice));
        }
        series.append(QJsonObject{
            {QStringLiteral("ticker"), one.ticker},
            {QStringLiteral("rows"), one.rows},
            {QStringLiteral("from"), jsonDate(one.firstDate)},
            {QStringLiteral("to"), jsonDate(one.lastDate)},
            {QStringLiteral("basis"), clean(one.basis)},
            {QStringLiteral("lastClose"), clean(one.lastClose)},
            {QStringLiteral("firstBreach"), one.firstBreachDate ? QJsonValue(firstBreach) : QJsonValue()},
            {QStringLiteral("alertCount"), one.alertCount},
            {QStringLiteral("finalPeak"), jsonOptional(one.finalPeak)},
            {QStringLiteral("finalStop"), jsonOptional(one.finalStop)},
            {QStringLiteral("exitReturn"), jsonOptional(one.exitReturn)},
            {QStringLiteral("holdReturn"), clean(one.holdReturn)},
            {QStringLiteral("rules"), jsonRuleSummaries(one.rules)},
        });
    }
    QJsonArray rules;
    for (const AlertRule &rule : options.rules)
        rules.append(rule.spec());
    const QJsonObject summary{
        {QStringLiteral("strategy"), options.withStop ? QJsonValue(options.strategy.spec()) : QJsonValue()},
        {QStringLiteral("rules"), rules},
        {QStringLiteral("repeat"), repeatName(options.repeat)},
        {QStringLiteral("entry"), jsonOptional(options.entry)},
        {QStringLiteral("alertCount"), result.alerts.size()},
        {QStringLiteral("series"), series},
    };
    return QStringLiteral("{\"alerts\":[%1],\"summary\":%2}")
        .arg(alerts.join(QLatin1Char(',')),
             QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
}

int ReplayCommand::run(const GlobalOptions &global, const QStringList &arguments, QTextStream &out,
                       QTextStream &err)
{
    Q_UNUSED(global); // replay reads a file only: no database, no settings
    QCommandLineParser parser;
    parser.addOptions(options());
    parser.addOptions(helpOptions());
    if (!parser.parse(QStringList{QStringLiteral("trailguard replay")} + arguments))
        return usageError(parser.errorText(), err);
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        out << help() << Qt::flush;
        return kExitSuccess;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst()),
                          err);
    }
    if (!parser.isSet(kCsv) || parser.value(kCsv).isEmpty())
        return usageError(tr("Missing the price file, for example \"trailguard replay --csv aapl.csv\"."),
                          err);

    // Everything on the command line is checked before the file is read.
    ReplayOptions replayOptions;
    const auto strategy =
        StopStrategy::parse(parser.isSet(kStrategy) ? parser.value(kStrategy) : kDefaultStrategy);
    if (!strategy)
        return usageError(strategy.error().message, err);
    replayOptions.strategy = strategy.value();
    // Each rule once, in the order given: the same rule twice would alert twice a day.
    for (const QString &spec : parser.values(kRule)) {
        const auto rule = AlertRule::parse(spec);
        if (!rule)
            return usageError(rule.error().message, err);
        if (!replayOptions.rules.contains(rule.value()))
            replayOptions.rules += rule.value();
    }
    // Rules without a strategy: only the rules alert.
    replayOptions.withStop = parser.isSet(kStrategy) || replayOptions.rules.isEmpty();
    if (parser.isSet(kEntry)) {
        const auto entry = Price::parse(parser.value(kEntry));
        if (!entry)
            return usageError(entry.error().message, err);
        replayOptions.entry = entry.value();
    }
    if (parser.isSet(kRepeat)) {
        const QString policy = parser.value(kRepeat).trimmed().toLower();
        if (policy == kOnceName)
            replayOptions.repeat = RepeatPolicy::OncePerBreach;
        else if (policy == kDailyName)
            replayOptions.repeat = RepeatPolicy::DailyWhileBelow;
        else
            return usageError(tr("--repeat takes \"%1\" or \"%2\", not \"%3\".")
                                  .arg(kDailyName, kOnceName, parser.value(kRepeat)),
                              err);
    }
    QString ticker;
    if (parser.isSet(kTicker)) {
        const auto normalized = Ticker::normalize(parser.value(kTicker));
        if (!normalized)
            return usageError(normalized.error().message, err);
        ticker = normalized.value();
    }

    const QString path = parser.value(kCsv);
    const auto rows = PriceCsv::readFile(path);
    if (!rows) {
        err << rows.error().message << Qt::endl;
        return kExitFailure;
    }
    const bool hasSymbols = !rows.value().constFirst().symbol.isEmpty();
    const QString seriesName =
        !hasSymbols && !ticker.isEmpty() ? ticker : QFileInfo(path).completeBaseName().toUpper();
    QList<ReplaySeries> series = Replay::seriesFromRows(rows.value(), seriesName);
    if (hasSymbols && !ticker.isEmpty()) {
        series.removeIf([&](const ReplaySeries &one) { return one.ticker != ticker; });
        if (series.isEmpty()) {
            err << tr("%1 has no rows for %2.").arg(path, ticker) << Qt::endl;
            return kExitFailure;
        }
    }

    const auto result = Replay::run(series, replayOptions);
    if (!result)
        return usageError(result.error().message, err);
    out << (parser.isSet(kJson) ? toJson(result.value(), replayOptions) + kNewline
                                : toTable(result.value(), replayOptions))
        << Qt::flush;
    return kExitSuccess;
}

} // namespace trailguard::Cli
