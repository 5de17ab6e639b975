#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace trailguard::Cli {

// Options that come before any subcommand: `trailguard [--data-dir DIR] [subcommand ...]`.
struct GlobalOptions {
    QString dataDir; // empty: the standard location
};

// True when the arguments ask for the desktop window (no subcommand, no --help/--version). Decided
// before any QCoreApplication exists, so only the raw words are looked at.
bool wantsWindow(const QStringList &arguments);

// Parses the global options of a window launch. Errors say what is wrong (unknown option, ...).
Result<GlobalOptions> parseWindowOptions(const QStringList &arguments);

// Runs a non-window invocation (--help, --version, `watch ...`). Normal output goes to `out`, errors to
// `err`. Returns the process exit code: 0 success, 1 failure, 2 usage error.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace trailguard::Cli
