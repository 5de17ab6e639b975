#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace trailguard {

// An account whose positions were imported and are kept in sync.
struct PortfolioAccount {
    QString number; // Questrade's account number, as text
    QString type;   // "TFSA", "Margin", ...
    QDateTime addedAt;
    QDateTime syncedAt; // the last successful positions fetch (UTC); invalid: never

    bool operator==(const PortfolioAccount &) const = default;
};

// One long stock position of one account, under the ticker the watchlist uses.
struct Holding {
    QString accountNumber;
    QString ticker; // watchlist form: "RY.TO", "ABC.V", "AAPL"
    QString symbol; // Questrade's symbol: "RY.TO", "ABC.VN", "AAPL"
    qint64 symbolId = 0;
    double quantity = 0; // > 0
    std::optional<double> marketValue;
    std::optional<double> currentPrice;
    std::optional<double> averageEntryPrice;
    std::optional<double> openPnl;
    QString currency; // "CAD" / "USD"; guessed from the listing, see TickerMapping
    QDateTime updatedAt;

    bool operator==(const Holding &) const = default;
};

} // namespace trailguard
