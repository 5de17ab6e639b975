#pragma once

#include "cli/CommandLine.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace trailguard::Cli {

// `trailguard web password` and `trailguard web token create|list|revoke`: the web dashboard's password
// (prompted twice without echo on a terminal, else one line from stdin) and its API tokens (a new one is
// printed once). Both go to the settings file, where a running guardian reads them at its next check.
class WebCommand {
    Q_DECLARE_TR_FUNCTIONS(WebCommand)
public:
    static QList<HelpRow> summaries();
    // `arguments` are the words after "web". Exit code: 0 done, 1 failed (a token name that exists or does
    // not, the settings file), 2 the command line or the password is wrong (empty, too short, the two
    // typings differ).
    static int run(const GlobalOptions &options, const QStringList &arguments, QTextStream &out,
                   QTextStream &err);
};

} // namespace trailguard::Cli
