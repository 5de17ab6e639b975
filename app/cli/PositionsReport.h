#pragma once

#include "broker/BrokerTypes.h"
#include "portfolio/PositionMapping.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QStringList>

#include <utility>

namespace trailguard::Cli {

// What `trailguard positions` prints: the accounts and positions as a table or JSON, and the words of
// `positions import` for a quantity and a skipped position.
class PositionsReport {
    // The texts keep the translation context of the command that prints them.
    Q_DECLARE_TR_FUNCTIONS(PositionsCommand)
public:
    // One account and the positions Questrade reported for it.
    using AccountPositions = std::pair<BrokerAccount, QList<BrokerPosition>>;

    // `positions list --json`: one object per account (number, type, status, positions); each position
    // has symbol, symbolId, ticker (the watchlist's form; null for an option or an unsupported symbol),
    // kind (stock, short, closed, option, unsupported), openQuantity, averageEntryPrice, currentPrice,
    // currentMarketValue, openPnl, totalCost, currency. Unknown values are null.
    static QJsonArray toJson(const QList<AccountPositions> &accounts, const QStringList &watchedTickers);
    // `positions list`: an aligned table, unknown values shown as —.
    static QString toTable(const QList<AccountPositions> &accounts);

    // A share count as Questrade reports it: 100, 12.5.
    static QString quantity(double quantity);
    // Why `positions import` leaves a position alone.
    static QString skipReason(PositionMapping::Kind kind);
};

} // namespace trailguard::Cli
