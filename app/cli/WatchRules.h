#pragma once

#include "cli/CommandLine.h"
#include "common/Result.h"
#include "domain/StockState.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace trailguard::Cli {

// A ticker's alert rules on the command line: `watch add … --rule SPEC` and
// `watch rules TICKER [--add SPEC]… [--remove SPEC]…` (WatchCommand parses the words and calls these).
class WatchRules {
    Q_DECLARE_TR_FUNCTIONS(WatchRules)
public:
    // `--rule SPEC` of `watch add` (repeatable).
    static QCommandLineOption ruleOption();
    // `--add SPEC` and `--remove SPEC` of `watch rules` (both repeatable).
    static QList<QCommandLineOption> editOptions();
    // What `watch rules --help` says, and its one-line summary.
    static QString description();
    static QString summary();

    // Checks every spec before anything is opened; the canonical specs, or the first bad one's message.
    static Result<QStringList> validate(const QStringList &specs);

    // `watch rules TICKER …`: without --add/--remove lists the ticker's rules, one per line; otherwise
    // checks every change against the ticker's rules first (nothing changes when one is refused), then
    // applies them. Returns the exit code.
    static int run(const GlobalOptions &global, const QString &tickerInput, const QStringList &added,
                   const QStringList &removed, QTextStream &out, QTextStream &err);

    // The rules in a table cell or a confirmation line: "target:120 rsi-below:14,30", or "" when none.
    static QString compact(const StockState &stock);
};

} // namespace trailguard::Cli
