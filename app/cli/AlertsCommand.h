#pragma once

#include "cli/CommandLine.h"
#include "cli/HelpText.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace trailguard::Cli {

// `trailguard alerts list [--json] [--limit N]` and `trailguard alerts ack ID`: the alert history with each
// delivery and escalation step, and acknowledging an alert (source "cli"), which stops its escalation. Both
// work while a guardian runs: they open the same database, and the guardian reads each escalation step's
// alert from it before sending.
class AlertsCommand {
    Q_DECLARE_TR_FUNCTIONS(AlertsCommand)
public:
    static QList<HelpRow> summaries();
    // `arguments` are the words after "alerts". Exit code: 0 done, 1 failed (no such alert, the database),
    // 2 the command line is wrong.
    static int run(const GlobalOptions &options, const QStringList &arguments, QTextStream &out,
                   QTextStream &err);
};

} // namespace trailguard::Cli
