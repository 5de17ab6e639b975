#include "cli/ReplayCommand.h"

#include "cli/CellText.h"
#include "cli/HelpText.h"
#include "cli/TextTable.h"

namespace trailguard::Cli {

namespace {
// A return as a signed percentage with two decimals, or unknown().
QString replayReturnText(std::optional<double> value)
{
    if (!value)
        return CellText::unknown();
    return (*value >= 0 ? QStringLiteral("+") : QString()) + QString::number(*value * 100.0, 'f', 2) +
           QLatin1Char('%');
}
// Per series: its rows and dates, the stop's first breach, alerts, final peak and stop, and the returns.
QString replayStopSummary(const QList<ReplaySeriesSummary> &series)
{
    using Align = TextTable::Align;
    TextTable summary({ReplayCommand::tr("Ticker"), ReplayCommand::tr("Rows"), ReplayCommand::tr("From"),
                       ReplayCommand::tr("To"), ReplayCommand::tr("First breach"),
                       ReplayCommand::tr("Alerts"), ReplayCommand::tr("Final peak"),
                       ReplayCommand::tr("Final stop"), ReplayCommand::tr("Exit at breach"),
                       ReplayCommand::tr("Hold")},
                      {Align::Left, Align::Right, Align::Left, Align::Left, Align::Left, Align::Right,
                       Align::Right, Align::Right, Align::Right, Align::Right});
    for (const ReplaySeriesSummary &one : series) {
        summary.addRow(
            {one.ticker, QString::number(one.rows), one.firstDate.toString(Qt::ISODate),
             one.lastDate.toString(Qt::ISODate),
             one.firstBreachDate ? one.firstBreachDate->toString(Qt::ISODate) : CellText::unknown(),
             QString::number(one.alertCount), CellText::price(one.finalPeak), CellText::price(one.finalStop),
             replayReturnText(one.exitReturn), replayReturnText(one.holdReturn)});
    }
    return summary.text();
}

// Without a stop: per series its rows, dates and the return of holding to the last row.
QString replayHoldSummary(const QList<ReplaySeriesSummary> &series)
{
    using Align = TextTable::Align;
    TextTable summary({ReplayCommand::tr("Ticker"), ReplayCommand::tr("Rows"), ReplayCommand::tr("From"),
                       ReplayCommand::tr("To"), ReplayCommand::tr("Hold")},
                      {Align::Left, Align::Right, Align::Left, Align::Left, Align::Right});
    for (const ReplaySeriesSummary &one : series) {
        summary.addRow({one.ticker, QString::number(one.rows), one.firstDate.toString(Qt::ISODate),
                        one.lastDate.toString(Qt::ISODate), replayReturnText(one.holdReturn)});
    }
    return summary.text();
}

// Per series and rule: how often it fired, and the first day with its close.
QString replayRuleFirings(const QList<ReplaySeriesSummary> &series)
{
    using Align = TextTable::Align;
    TextTable rules({ReplayCommand::tr("Ticker"), ReplayCommand::tr("Rule"), ReplayCommand::tr("Firings"),
                     ReplayCommand::tr("First firing"), ReplayCommand::tr("Close")},
                    {Align::Left, Align::Left, Align::Right, Align::Left, Align::Right});
    for (const ReplaySeriesSummary &one : series) {
        for (const ReplayRuleSummary &rule : one.rules) {
            rules.addRow({one.ticker, rule.rule.spec(), QString::number(rule.firings),
                          rule.firstDate ? rule.firstDate->toString(Qt::ISODate) : CellText::unknown(),
                          CellText::price(rule.firstClose)});
        }
    }
    return rules.text();
}
} // namespace

QString ReplayCommand::toTable(const ReplayResult &result, const ReplayOptions &options)
{
    QString text = options.withStop
                       ? tr("Strategy %1; %2.")
                             .arg(options.strategy.spec(),
                                  options.repeat == RepeatPolicy::OncePerBreach
                                      ? tr("one alert per breach, until the price is back at or above the "
                                           "stop")
                                      : tr("an alert on every market day below the stop"))
                       : tr("No stop strategy: only the rules alert.");
    QStringList ruleSpecs;
    for (const AlertRule &rule : options.rules)
        ruleSpecs += rule.spec();
    if (!ruleSpecs.isEmpty())
        text += kNewline + tr("Rules: %1.").arg(ruleSpecs.join(QStringLiteral(", ")));
    text += kNewline + kNewline;
    using Align = TextTable::Align;
    if (result.alerts.isEmpty()) {
        text += tr("No alerts.") + kNewline;
    } else if (options.rules.isEmpty()) {
        TextTable alerts({tr("Ticker"), tr("Date"), tr("Price"), tr("Peak"), tr("Stop")},
                         {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right});
        for (const ReplayAlert &alert : result.alerts) {
            alerts.addRow({alert.ticker, alert.date.toString(Qt::ISODate), CellText::price(alert.price),
                           CellText::price(alert.peak), CellText::price(alert.stop)});
        }
        text += tr("Alerts:") + kNewline + alerts.text();
    } else if (!options.withStop) {
        // Rules only: each alert says its kind and what happened.
        TextTable alerts({tr("Ticker"), tr("Date"), tr("Kind"), tr("Price"), tr("Message")},
                         {Align::Left, Align::Left, Align::Left, Align::Right, Align::Left});
        for (const ReplayAlert &alert : result.alerts) {
            alerts.addRow({alert.ticker, alert.date.toString(Qt::ISODate), alert.kind(),
                           CellText::price(alert.price), alert.firing ? alert.firing->message : QString()});
        }
        text += tr("Alerts:") + kNewline + alerts.text();
    } else {
        // The stop and rules: each alert says its kind; a rule's has no peak or stop but says what happened.
        TextTable alerts(
            {tr("Ticker"), tr("Date"), tr("Kind"), tr("Price"), tr("Peak"), tr("Stop"), tr("Message")},
            {Align::Left, Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Left});
        for (const ReplayAlert &alert : result.alerts) {
            const bool stop = !alert.firing;
            alerts.addRow({alert.ticker, alert.date.toString(Qt::ISODate), alert.kind(),
                           CellText::price(alert.price),
                           stop ? CellText::price(alert.peak) : CellText::unknown(),
                           stop ? CellText::price(alert.stop) : CellText::unknown(),
                           stop ? QString() : alert.firing->message});
        }
        text += tr("Alerts:") + kNewline + alerts.text();
    }
    text += kNewline + ReplayCommand::tr("Summary:") + kNewline;
    if (options.withStop) {
        text += replayStopSummary(result.series);
        text += kNewline + formatHelpParagraph(tr("Returns are measured from the entry price, else the first "
                                                  "close: \"Exit at breach\" sells at the close of the first "
                                                  "breach, \"Hold\" keeps the stock to the last row."));
    } else {
        text += replayHoldSummary(result.series);
    }
    if (!options.rules.isEmpty())
        text += kNewline + tr("Rule firings:") + kNewline + replayRuleFirings(result.series);
    if (result.cancelled)
        text += tr("The replay was stopped before the end.") + kNewline;
    return text;
}

} // namespace trailguard::Cli
