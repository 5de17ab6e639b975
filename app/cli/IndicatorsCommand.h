#pragma once

#include "cli/CommandLine.h"
#include "domain/DailyBar.h"
#include "domain/Indicator.h"
#include "history/PriceCsv.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace trailguard::Cli {

// One ticker's market days and the values of every requested indicator over them.
struct IndicatorSeries {
    QString ticker;
    QList<DailyBar> bars;
    QList<IndicatorValues> indicators; // in the order they were asked for, one row per bar
};

// `trailguard indicators --csv FILE [--ticker T] --indicator SPEC [--indicator SPEC...] [--json]`: reads
// price history as `replay` does and prints each market day's close with the indicators' values
// (Indicators::compute, the implementation the chart and the alert rules use). Touches no database.
class IndicatorsCommand {
    Q_DECLARE_TR_FUNCTIONS(IndicatorsCommand)
public:
    static QList<HelpRow> summaries();
    // `arguments` are the words after "indicators". Returns the process exit code: 2 for a wrong command
    // line (a missing --csv or --indicator, a bad spec), 1 for a file that cannot be read or has a bad row.
    static int run(const GlobalOptions &options, const QStringList &arguments, QTextStream &out,
                   QTextStream &err);

    // {"series":[{"ticker":"T","rows":[{"date":…,"close":…,"sma:50":…,"macd:12,26,9":{"macd":…,…}}]}]}
    // on one line; keys are canonical spec strings, null where undefined, numbers at full precision.
    static QString toJson(const QList<IndicatorSeries> &series);
    // The readable form: per series its ticker, then a table of date, close and one column per value.
    static QString toTable(const QList<IndicatorSeries> &series);
};

} // namespace trailguard::Cli
