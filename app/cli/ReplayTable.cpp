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
    } else {
        // With rules, each alert says its kind; a rule's has no peak or stop but says what happened.
        TextTable alerts(
            {tr("Ticker"), tr("Date"), tr("Kind"), tr("Price"), tr("Peak"), tr("Stop"), tr("Message")},
            {Align::Left, Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Left});
        for (const ReplayAlert &alert : result.alerts) {
            const bool stop = !alert.rule;
            alerts.addRow({alert.ticker, alert.date.toString(Qt::ISODate), alert.kind(),
                           CellText::price(alert.price),
                           stop ? CellText::price(alert.peak) : CellText::unknown(),
                           stop ? CellText::price(alert.stop) : CellText::unknown(), alert.message});
        }
        text += tr("Alerts:") + kNewline + alerts.text();
    }
    text += kNewline + tr("Summary:") + kNewline;
    TextTable summary({tr("Ticker"), tr("Rows"), tr("From"), tr("To"), tr("First breach"), tr("Alerts"),
                       tr("Final peak"), tr("Final stop"), tr("Exit at breach"), tr("Hold")},
                      {Align::Left, Align::Right, Align::Left, Align::Left, Align::Left, Align::Right,
                       Align::Right, Align::Right, Align::Right, Align::Right});
    for (const ReplaySeriesSummary &one : result.series) {
        summary.addRow(
            {one.ticker, QString::number(one.rows), one.firstDate.toString(Qt::ISODate),
             one.lastDate.toString(Qt::ISODate),
             one.firstBreachDate ? one.firstBreachDate->toString(Qt::ISODate) : CellText::unknown(),
             QString::number(one.alertCount), CellText::price(one.finalPeak), CellText::price(one.finalStop),
             replayReturnText(one.exitReturn), replayReturnText(one.holdReturn)});
    }
    text += summary.text();
    if (!options.rules.isEmpty()) {
        TextTable rules({tr("Ticker"), tr("Rule"), tr("Firings"), tr("First firing"), tr("Close")},
                        {Align::Left, Align::Left, Align::Right, Align::Left, Align::Right});
        for (const ReplaySeriesSummary &one : result.series) {
            for (const ReplayRuleSummary &rule : one.rules) {
                rules.addRow({one.ticker, rule.rule.spec(), QString::number(rule.firings),
                              rule.firstDate ? rule.firstDate->toString(Qt::ISODate) : CellText::unknown(),
                              CellText::price(rule.firstClose)});
            }
        }
        text += kNewline + tr("Rules:") + kNewline + rules.text();
    }
    text += kNewline + formatHelpParagraph(
                           tr("Returns are measured from the entry price, else the first close: \"Exit at "
                              "breach\" sells at the close of the first breach, \"Hold\" keeps the "
                              "stock to the last row."));
    if (result.cancelled)
        text += tr("The replay was stopped before the end.") + kNewline;
    return text;
}

} // namespace trailguard::Cli
