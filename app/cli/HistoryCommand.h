#pragma once

#include "cli/CommandLine.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace trailguard::Cli {

// `trailguard history import --csv FILE [--ticker T]`: stores price history from a CSV file as candles of
// the file's own interval in the database (see PriceHistoryImport), all or nothing; a bad line is named
// and nothing is saved. Prints what was stored, per ticker; progress goes to stderr.
class HistoryCommand {
    Q_DECLARE_TR_FUNCTIONS(HistoryCommand)
public:
    static QList<HelpRow> summaries();
    // `arguments` are the words after "history". Exit code: 0 imported, 1 the file cannot be read, has a
    // bad line or the database failed, 2 the command line is wrong (missing --csv, no ticker for a file
    // without a symbol column, an invalid ticker).
    static int run(const GlobalOptions &options, const QStringList &arguments, QTextStream &out,
                   QTextStream &err);
};

} // namespace trailguard::Cli
