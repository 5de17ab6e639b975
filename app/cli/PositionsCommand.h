#pragma once

#include "broker/BrokerTypes.h"
#include "cli/CommandLine.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QStringList>
#include <QTextStream>

#include <utility>

namespace trailguard::Cli {

// `trailguard positions list [--json]` and `trailguard positions import [--account NUMBER…]`: the
// accounts and positions Questrade reports, and the window's "Import positions…" without a window.
// Both talk to Questrade through the stored token chain (or a refresh_token bootstrap), like --headless;
// without a connection they say how to connect and exit 1.
class PositionsCommand {
    Q_DECLARE_TR_FUNCTIONS(PositionsCommand)
public:
    // One account and the positions Questrade reported for it.
    using AccountPositions = std::pair<BrokerAccount, QList<BrokerPosition>>;

    static QList<HelpRow> summaries();
    // `arguments` are the words after "positions". Exit code: 0 success, 1 not connected, Questrade or
    // the database failed, an unknown --account, or a position could not be added; 2 the command line
    // is wrong.
    static int run(const GlobalOptions &options, const QStringList &arguments, QTextStream &out,
                   QTextStream &err);

    // `positions list --json`: one object per account (number, type, status, positions); each position
    // has symbol, symbolId, ticker (the watchlist's form; null for an option or an unsupported symbol),
    // kind (stock, short, closed, option, unsupported), openQuantity, averageEntryPrice, currentPrice,
    // currentMarketValue, openPnl, totalCost, currency. Unknown values are null.
    static QJsonArray toJson(const QList<AccountPositions> &accounts, const QStringList &watchedTickers);
    // `positions list`: an aligned table, unknown values shown as —.
    static QString toTable(const QList<AccountPositions> &accounts);
};

} // namespace trailguard::Cli
