#pragma once

#include "cli/CommandLine.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace trailguard::Cli {

// `trailguard positions list [--json]` and `trailguard positions import [--account NUMBER…]`: the
// accounts and positions Questrade reports, and the window's "Import positions…" without a window.
// Both talk to Questrade through the stored token chain (or a refresh_token bootstrap), like --headless;
// without a connection they say how to connect and exit 1.
class PositionsCommand {
    Q_DECLARE_TR_FUNCTIONS(PositionsCommand)
public:
    static QList<HelpRow> summaries();
    // `arguments` are the words after "positions". Exit code: 0 success, 1 not connected, Questrade or
    // the database failed, an unknown --account, or a position could not be added; 2 the command line
    // is wrong.
    static int run(const GlobalOptions &options, const QStringList &arguments, QTextStream &out,
                   QTextStream &err);
};

} // namespace trailguard::Cli
