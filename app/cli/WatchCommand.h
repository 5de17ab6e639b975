#pragma once

#include "cli/CommandLine.h"
#include "domain/StockState.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace trailguard::Cli {

// `trailguard watch add|list|rules|remove`: parses the words after "watch", calls the WatchlistService and
// formats its answer, for people (a table, a confirmation line) or for scripts (`list --json`).
// Input is validated before the database is opened, so invalid input never writes anything.
class WatchCommand {
    Q_DECLARE_TR_FUNCTIONS(WatchCommand)
public:
    // The forms `trailguard --help` lists.
    static QList<HelpRow> summaries();
    // `arguments` are the words after "watch". Returns the process exit code.
    static int run(const GlobalOptions &options, const QStringList &arguments, QTextStream &out,
                   QTextStream &err);

    // `watch list --json`: one object per stock with the keys ticker, symbolId, currency, lastPrice,
    // lastQuoteAt, peak, stop, ratio, entry, lastAlertAt, strategy (its spec string), rules (an array of
    // the alert rules' spec strings, in the order they were added). Unknown values are
    // null, numbers are JSON numbers and times ISO 8601 UTC strings ("2026-11-24T21:30:00.000Z").
    static QJsonArray toJson(const QList<StockState> &stocks);
    // `watch list`: an aligned table, or a sentence saying the watchlist is empty.
    static QString toTable(const QList<StockState> &stocks);
};

} // namespace trailguard::Cli
