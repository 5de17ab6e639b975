#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace trailguard {

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

    // Distance from the last price down to the stop, in percent of the price (negative below the stop).
    std::optional<double> distanceToStopPercent() const;

    bool operator==(const StockState &) const = default;
};

// One observation of a ticker's price. `price` is empty when the broker had no usable last trade.
struct Quote {
    QString ticker;
    std::optional<double> price;
    QDateTime time; // last trade time; invalid when unknown
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

    bool operator==(const Breach &) const = default;
};

} // namespace trailguard
