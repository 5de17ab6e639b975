#pragma once

#include "domain/Candle.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace trailguard {

// Which Questrade login host a refresh token belongs to.
enum class BrokerEnvironment { Live, Practice };

// What the user sees in the status bar and tray tooltip.
enum class ConnectionState {
    NotConfigured, // no refresh token yet: "Connect a Questrade account"
    Connecting,    // exchanging a token
    Connected,
    Offline,      // network or server trouble; retrying by itself
    Disconnected, // the refresh token was rejected: the user must paste a new one ("reconnect")
};

// A ticker resolved to Questrade's listing.
struct SymbolInfo {
    QString ticker; // as on our watchlist, e.g. "SHOP.TO"
    QString symbol; // Questrade's symbol, e.g. "SHOP.TO", "ABC.VN"
    qint64 symbolId = 0;
    QString currency;
    QString listingExchange;
    QString description;

    bool operator==(const SymbolInfo &) const = default;
};

// One Level 1 quote as the broker reported it. It carries both last trades Questrade sends: the last
// trade of any session and the last trade of the regular session; the monitor chooses which one a stop
// follows (see regularPrice).
struct BrokerQuote {
    qint64 symbolId = 0;
    QString symbol;
    std::optional<double> lastTradePrice;    // `lastTradePrice`, any session; null stays empty, never 0
    std::optional<double> regularTradePrice; // `lastTradePriceTrHrs`, regular hours; empty when null
    QDateTime lastTradeTime;                 // UTC; invalid when absent
    bool halted = false;
    bool delayed = false; // `delay` non-zero or true
    // Today's session high and low (`highPrice`, `lowPrice`); empty when null or absent.
    std::optional<double> highPrice;
    std::optional<double> lowPrice;

    // The last trade of any session (extended hours included), unless there is none or trading is halted:
    // what the price history records.
    std::optional<double> usablePrice() const { return halted ? std::nullopt : lastTradePrice; }
    // The last trade of the regular session when Questrade sent one, else the last trade; empty when
    // halted. What a stop follows unless extended-hours trades are included.
    std::optional<double> regularPrice() const
    {
        if (halted)
            return std::nullopt;
        return regularTradePrice ? regularTradePrice : lastTradePrice;
    }
    // The last trade happened outside the regular session: it differs from the regular session's one.
    bool lastTradeIsExtendedHours() const
    {
        return lastTradePrice && regularTradePrice && *lastTradePrice != *regularTradePrice;
    }

    bool operator==(const BrokerQuote &) const = default;
};

// What one quote request brought back: the quotes, and the ids Questrade does not know (a batch answered
// 404 / 1019 is split until each unknown id stands alone).
struct QuoteBatch {
    QList<BrokerQuote> quotes;
    QList<qint64> unknownIds;
};

// Today's session of one market, from v1/markets. Times are UTC; any of them may be invalid.
struct MarketSession {
    QString name; // "TSX", "TSXV", "NYSE", "NASDAQ", ...
    QDateTime extendedStart;
    QDateTime start;
    QDateTime end;
    QDateTime extendedEnd;

    bool operator==(const MarketSession &) const = default;
};

// What an API call needs: the bearer token and the host it is valid for.
struct AccessGrant {
    QByteArray accessToken;
    QUrl apiServer; // ends with '/', e.g. https://api03.iq.questrade.com/
};

// One brokerage account from v1/accounts (questrade-api.md §6). `number` is text, never a number.
struct BrokerAccount {
    QString number; // "12345678": the {id} of the account URLs
    QString type;   // "Margin", "TFSA", "RRSP", "Cash", ...
    QString status; // "Active", ...
    QString clientAccountType;
    bool isPrimary = false;
    bool isBilling = false;

    bool operator==(const BrokerAccount &) const = default;
};

// One holding from v1/accounts/{number}/positions. Only symbol, symbolId and openQuantity are sure to
// be there; the rest is empty when absent or null. openQuantity is negative for a short position.
struct BrokerPosition {
    QString symbol; // Questrade's symbol: "RY.TO", "AAPL", or an option such as "BAC18Oct19C29.00"
    qint64 symbolId = 0;
    double openQuantity = 0;
    std::optional<double> closedQuantity;
    std::optional<double> currentMarketValue;
    std::optional<double> currentPrice;
    std::optional<double> averageEntryPrice;
    std::optional<double> openPnl;
    std::optional<double> closedPnl;
    std::optional<double> dayPnl;
    std::optional<double> totalCost;
    std::optional<bool> isRealTime;
    std::optional<bool> isUnderReorg;

    bool operator==(const BrokerPosition &) const = default;
};

} // namespace trailguard
