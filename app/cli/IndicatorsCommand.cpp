#include "cli/IndicatorsCommand.h"

#include "cli/CellText.h"
#include "cli/HelpText.h"
#include "cli/SubcommandHelp.h"
#include "cli/TextTable.h"
#include "domain/Ticker.h"
#include "replay/Replay.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace trailguard::Cli {

// Its own namespace: the cli library builds in unity batches beside replay's helpers of the same names.
namespace IndicatorsCli {
namespace {
const QString kCsv = QStringLiteral("csv");
const QString kTicker = QStringLiteral("ticker");
const QString kIndicator = QStringLiteral("indicator");
const QString kJson = QStringLiteral("json");

QList<QCommandLineOption> options()
{
    return {
        QCommandLineOption(kCsv,
                           IndicatorsCommand::tr("The price file, in any layout \"trailguard replay\" reads: "
                                                 "date,close, date,open,high,low,close[,adjclose,volume] "
                                                 "or symbol,date,price. Required."),
                           QStringLiteral("FILE")),
        QCommandLineOption(
            kTicker,
            IndicatorsCommand::tr("The ticker of a file without a symbol column (default: the file "
                                  "name without its extension, upper-cased); with a symbol column, "
                                  "only that symbol."),
            QStringLiteral("T")),
        QCommandLineOption(kIndicator,
                           IndicatorsCommand::tr("An indicator: sma:N, ema:N, rsi:N, macd:F,S,G, bb:N,K or "
                                                 "atr:N. Required; repeat it for more."),
                           QStringLiteral("SPEC")),
        QCommandLineOption(kJson, IndicatorsCommand::tr("Print one JSON object instead: {\"series\":[{"
                                                        "\"ticker\":…,\"rows\":[…]}]}.")),
    };
}

QString syntax()
{
    return QStringLiteral("indicators --csv FILE [--ticker T] --indicator SPEC [--indicator SPEC...] "
                          "[--json]");
}

QString help()
{
    return SubcommandHelp(
               QStringLiteral("trailguard ") + syntax(),
               IndicatorsCommand::tr(
                   "Prints technical indicators over price history, one row per market day: its close "
                   "(the last row of the day), then each indicator's value, empty until the indicator "
                   "has enough days. The high and low of a day (for atr) are the largest high and "
                   "smallest low of its rows, else of its closes. A file with a symbol column holds one "
                   "series per symbol. The values are the ones the chart and the alert rules use."))
        .options(options())
        .exitStatus({
            {QString::number(kExitSuccess), IndicatorsCommand::tr("The values were printed.")},
            {QString::number(kExitFailure),
             IndicatorsCommand::tr("The file cannot be read or has a bad row (the message names its line).")},
            {QString::number(kExitUsage),
             IndicatorsCommand::tr("The command line is wrong: a missing --csv or --indicator, or an "
                                   "invalid indicator or ticker.")},
        })
        .text();
}

int usageError(const QString &message, QTextStream &err)
{
    err << message << kNewline << IndicatorsCommand::tr("Run \"trailguard indicators --help\" for help.")
        << Qt::endl;
    return kExitUsage;
}

// The shortest text that reads back as the same double: nothing is lost between compute() and a reader.
QString jsonNumberText(std::optional<double> value)
{
    if (!value || !std::isfinite(*value))
        return QStringLiteral("null");
    return QString::number(*value, 'g', QLocale::FloatingPointShortest);
}

QString jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// One indicator's value on one row: a number, or an object of its components.
QString jsonValue(const IndicatorValues &values, qsizetype row)
{
    const QStringList components = values.spec.components();
    if (components.isEmpty())
        return jsonNumberText(values.value(row));
    QStringList fields;
    for (qsizetype c = 0; c < components.size(); ++c)
        fields += jsonString(components.at(c)) + QLatin1Char(':') + jsonNumberText(values.value(row, c));
    return QLatin1Char('{') + fields.join(QLatin1Char(',')) + QLatin1Char('}');
}

QString jsonRow(const IndicatorSeries &series, qsizetype row)
{
    const DailyBar &bar = series.bars.at(row);
    QString text = QStringLiteral("{\"date\":\"%1\",\"close\":%2")
                       .arg(bar.date.toString(Qt::ISODate), jsonNumberText(bar.close));
    for (const IndicatorValues &values : series.indicators)
        text += QLatin1Char(',') + jsonString(values.spec.spec()) + QLatin1Char(':') + jsonValue(values, row);
    return text + QLatin1Char('}');
}

// Indicators in the order given, each once (by its canonical spec).
Result<QList<IndicatorSpec>> parseSpecs(const QStringList &texts)
{
    QList<IndicatorSpec> specs;
    for (const QString &text : texts) {
        const auto spec = IndicatorSpec::parse(text);
        if (!spec)
            return spec.error();
        if (!specs.contains(spec.value()))
            specs += spec.value();
    }
    return specs;
}

} // namespace
} // namespace IndicatorsCli

QList<HelpRow> IndicatorsCommand::summaries()
{
    return {{IndicatorsCli::syntax(),
             tr("Print indicator values (sma, ema, rsi, macd, bb, atr) over price history from a "
                "CSV file.")}};
}

QString IndicatorsCommand::toJson(const QList<IndicatorSeries> &series)
{
    QStringList objects;
    for (const IndicatorSeries &one : series) {
        QStringList rows;
        rows.reserve(one.bars.size());
        for (qsizetype row = 0; row < one.bars.size(); ++row)
            rows += IndicatorsCli::jsonRow(one, row);
        objects += QStringLiteral("{\"ticker\":%1,\"rows\":[%2]}")
                       .arg(IndicatorsCli::jsonString(one.ticker), rows.join(QLatin1Char(',')));
    }
    return QStringLiteral("{\"series\":[%1]}").arg(objects.join(QLatin1Char(',')));
}

QString IndicatorsCommand::toTable(const QList<IndicatorSeries> &series)
{
    using Align = TextTable::Align;
    QString text;
    for (const IndicatorSeries &one : series) {
        QStringList header{tr("Date"), tr("Close")};
        for (const IndicatorValues &values : one.indicators) {
            const QStringList components = values.spec.components();
            if (components.isEmpty())
                header += values.spec.spec();
            for (const QString &component : components)
                header += values.spec.spec() + QLatin1Char(' ') + component;
        }
        QList<Align> alignment(header.size(), Align::Right);
        alignment[0] = Align::Left;
        TextTable table(header, alignment);
        for (qsizetype row = 0; row < one.bars.size(); ++row) {
            QStringList cells{one.bars.at(row).date.toString(Qt::ISODate),
                              CellText::price(one.bars.at(row).close)};
            for (const IndicatorValues &values : one.indicators) {
                for (qsizetype c = 0; c < values.columns.size(); ++c)
                    cells += CellText::price(values.value(row, c));
            }
            table.addRow(cells);
        }
        if (!text.isEmpty())
            text += kNewline;
        text += one.ticker + kNewline + table.text();
    }
    return text;
}

int IndicatorsCommand::run(const GlobalOptions &global, const QStringList &arguments, QTextStream &out,
                           QTextStream &err)
{
    Q_UNUSED(global); // reads a file only: no database, no settings
    QCommandLineParser parser;
    parser.addOptions(IndicatorsCli::options());
    parser.addOptions(helpOptions());
    if (!parser.parse(QStringList{QStringLiteral("trailguard indicators")} + arguments))
        return IndicatorsCli::usageError(parser.errorText(), err);
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        out << IndicatorsCli::help() << Qt::flush;
        return kExitSuccess;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return IndicatorsCli::usageError(
            tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst()), err);
    }
    if (!parser.isSet(IndicatorsCli::kCsv) || parser.value(IndicatorsCli::kCsv).isEmpty()) {
        return IndicatorsCli::usageError(
            tr("Missing the price file, for example \"trailguard indicators --csv aapl.csv\"."), err);
    }
    if (!parser.isSet(IndicatorsCli::kIndicator))
        return IndicatorsCli::usageError(tr("Missing an indicator, for example \"--indicator sma:50\"."),
                                         err);

    // Everything on the command line is checked before the file is read.
    const auto specs = IndicatorsCli::parseSpecs(parser.values(IndicatorsCli::kIndicator));
    if (!specs)
        return IndicatorsCli::usageError(specs.error().message, err);
    QString ticker;
    if (parser.isSet(IndicatorsCli::kTicker)) {
        const auto normalized = Ticker::normalize(parser.value(IndicatorsCli::kTicker));
        if (!normalized)
            return IndicatorsCli::usageError(normalized.error().message, err);
        ticker = normalized.value();
    }

    const QString path = parser.value(IndicatorsCli::kCsv);
    const auto rows = PriceCsv::readFile(path);
    if (!rows) {
        err << rows.error().message << Qt::endl;
        return kExitFailure;
    }
    const bool hasSymbols = !rows.value().constFirst().symbol.isEmpty();
    const QString seriesName =
        !hasSymbols && !ticker.isEmpty() ? ticker : QFileInfo(path).completeBaseName().toUpper();
    QList<IndicatorSeries> series;
    for (const ReplaySeries &one : Replay::seriesFromRows(rows.value(), seriesName)) {
        if (hasSymbols && !ticker.isEmpty() && one.ticker != ticker)
            continue;
        IndicatorSeries computed{one.ticker, Replay::dailyBars(one.rows), {}};
        for (const IndicatorSpec &spec : specs.value())
            computed.indicators += Indicators::compute(spec, computed.bars);
        series += computed;
    }
    if (series.isEmpty()) {
        err << tr("%1 has no rows for %2.").arg(path, ticker) << Qt::endl;
        return kExitFailure;
    }
    out << (parser.isSet(IndicatorsCli::kJson) ? toJson(series) + kNewline : toTable(series)) << Qt::flush;
    return kExitSuccess;
}

} // namespace trailguard::Cli
