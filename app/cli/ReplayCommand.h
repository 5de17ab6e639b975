#pragma once

#include "cli/CommandLine.h"
#include "replay/Replay.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace trailguard::Cli {

// `trailguard replay --csv FILE [--ticker T] [--strategy SPEC] [--rule SPEC]... [--entry P]
// [--repeat POLICY] [--json]`: reads price history from a CSV file and runs it through the live engine
// and the alert rules (see Replay), printing the alerts it would have raised and a summary per series.
// Touches no database or settings.
class ReplayCommand {
    Q_DECLARE_TR_FUNCTIONS(ReplayCommand)
public:
    static QList<HelpRow> summaries();
    // `arguments` are the words after "replay". Returns the process exit code: 2 for a wrong command line
    // (including a strategy the file cannot support), 1 for a file that cannot be read or has a bad row.
    static int run(const GlobalOptions &options, const QStringList &arguments, QTextStream &out,
                   QTextStream &err);

    // The --json document on one line: {"alerts":[...],"summary":{...}}. An alert's keys in order:
    // "ticker","date","kind","price", then "peak","stop" for the stop's breach (kind "stop"), or
    // "value","threshold","message" for a rule's firing (kind the rule's canonical spec).
    static QString toJson(const ReplayResult &result, const ReplayOptions &options);
    // The readable form: the alerts, then one summary row per series, then the rules' firings per series
    // (ReplayTable.cpp).
    static QString toTable(const ReplayResult &result, const ReplayOptions &options);
};

} // namespace trailguard::Cli
