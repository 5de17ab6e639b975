#pragma once

#include "domain/StopStrategy.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace trailguard {

// What a stop strategy remembers between observations (see StopLossEngine). Reset when the strategy
// changes. Only the fields of the ticker's strategy are used.
struct StrategyState {
    std::optional<double> basis; // fixed-pct, activation: the entry price, else the first price
    bool activated = false;      // activation: the price reached basis × (1 + A); the stop trails

    // atr, over committed daily candles (one observation per market day):
    int observations = 0;                // candles committed so far
    double trueRangeSum = 0;             // TR₁ + … while fewer than N candles are committed
    std::optional<double> atr;           // Wilder's ATR once N candles are committed
    std::optional<double> previousClose; // close of the last committed candle
    QList<double> highs;                 // highs of the last committed candles (at most N)
    std::optional<double> atrStop;       // the highest raw stop over the committed candles

    // atr: the candle of the current market day, committed when a quote of a later day arrives.
    QDate candleDay; // invalid: no open candle
    double candleHigh = 0;
    double candleLow = 0;
    double candleClose = 0;

    bool operator==(const StrategyState &) const = default;
};

// Everything Trailguard remembers about one watched ticker. A plain value type: the engine turns one
// state into the next, storage persists it, models display it.
struct StockState {
    QString ticker;                 // canonical form, see Ticker::normalize
    std::optional<qint64> symbolId; // Questrade symbol id, resolved once by the broker layer
    QString currency;               // "CAD", "USD"; empty until known
    std::optional<double> lastPrice;
    QDateTime lastQuoteAt; // last trade time of lastPrice (UTC)
    std::optional<double> peak;
    double ratio = 0.9; // stop = peak × ratio, 0 < ratio < 1
    std::optional<double> stop;
    std::optional<double> entry; // optional purchase price; seeds the peak
    QDateTime lastAlertAt;       // when the last breach was raised (UTC)
    QDate lastAlertMarketDay;    // the exchange-local day of that breach, for once-per-day alerts
    QDateTime createdAt;

    // What the broker said about the ticker's listing and its latest quote.
    bool symbolNotFound = false; // Questrade has no such listing: not looked up again every cycle
    bool quoteDelayed = false;   // the last quote was delayed data
    bool halted = false;         // trading in the symbol was halted at the last quote
    bool belowStop = false;      // the last usable price was below the stop (for the once-per-breach policy)
    QDateTime snoozedUntil;      // no alerts for this ticker before then (UTC); invalid: not snoozed
    // Market hours and offline catch-up: the listing's exchange ("TSX", "TSXV", "NYSE", ...; empty until
    // resolved), and the instant up to which its prices were watched (a check, or the market known closed),
    // where a catch-up after downtime starts (UTC; invalid: never).
    QString listingExchange;
    QDateTime checkedThrough;
    // The start of a gap the catch-up has not checked yet (UTC; invalid: none): a gap whose candles could
    // not be fetched, or one a live quote went past before the catch-up ran. Kept until a catch-up covers
    // it, across restarts.
    QDateTime catchUpFrom;

    // How the stop moves. For strategies with a ratio (trailing, fixed-pct, activation) `ratio` above is
    // their R and is kept equal to strategy.ratio (StopLossEngine::changeRatio/changeStrategy do both).
    StopStrategy strategy;
    StrategyState strategyState;

    // The ticker's alert rules beside the stop, as canonical spec strings (AlertRule::spec()) in the order
    // they were added. Stored apart from the state (StockRepository reads them with the stock; the
    // per-cycle saves leave them alone): change them through WatchlistService::addRule/removeRule.
    QStringList rules;

    // The strategy's spec string with this ticker's ratio ("trailing:0.9", "atr:14,3").
    QString strategySpec() const;

    // Distance from the last price down to the stop, in percent of the price (negative below the stop).
    std::optional<double> distanceToStopPercent() const;

    bool operator==(const StockState &) const = default;
};

// One observation of a ticker's price. `price` is empty when the broker had no usable last trade.
struct Quote {
    QString ticker;
    std::optional<double> price;
    QDateTime time; // last trade time; invalid when unknown
    // The high and low of the observation (a daily candle in replay, the day's range in a live quote)
    // when known; only the atr strategy uses them, and only when both are there.
    std::optional<double> high = std::nullopt;
    std::optional<double> low = std::nullopt;
};

// A price that fell strictly below its stop.
struct Breach {
    QString ticker;
    double price = 0;
    double peak = 0;
    double stop = 0;
    double ratio = 0;
    QDateTime quoteTime;
    QDate marketDay;
    // Found by the catch-up after downtime (in a minute candle), not in a live quote: the alert says it
    // happened while the app was offline, at quoteTime.
    bool whileOffline = false;

    bool operator==(const Breach &) const = default;
};

} // namespace trailguard
