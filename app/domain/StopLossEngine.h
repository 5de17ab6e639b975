#pragma once

#include "common/Result.h"
#include "domain/StockState.h"

#include <optional>

namespace trailguard {

// When a price stays below its stop: alert again every market day (the default, the seed project's
// behaviour), or once per breach until the price recovers to the stop or above.
enum class RepeatPolicy { DailyWhileBelow, OncePerBreach };

} // namespace trailguard

namespace trailguard::StopLossEngine {

// The result of running one quote through the engine.
struct Outcome {
    StockState state;
    std::optional<Breach> breach;
    bool changed = false; // false when the quote was ignored or changed nothing
    // Set when the strategy could not give a usable stop (atr: a stop at or below zero); translated.
    QString warning;
};

// The state of a ticker just added to the watchlist. With an entry price the peak starts there.
StockState initialState(const QString &ticker, double ratio, std::optional<double> entry,
                        const QDateTime &now);
// The same with any strategy (a trailing strategy gives the state above).
StockState initialState(const QString &ticker, const StopStrategy &strategy, std::optional<double> entry,
                        const QDateTime &now);

// Applies one quote. Rules:
//  1. a quote without a usable price (missing, zero, negative, NaN) changes nothing;
//  2. with no peak yet, the peak starts at the entry price if given, else at the first price;
//  3. a price above the peak raises the peak and sets stop = peak × ratio; the stop never moves down;
//  4. a price strictly below the stop is a breach, unless one was already reported for that ticker on
//     the same market day (the quote's date in the exchange time zone);
//  5. a breach carries ticker, price, peak, stop, ratio and quote time.
// A quote without a time is taken as observed at `now`.
// Under RepeatPolicy::OncePerBreach rule 4 also needs the previous price to have been at or above the stop.
// Rules 2 and 3 keep the peak for every strategy; the stop of rule 3 is the trailing strategy's. The others
// (see StopStrategy) set the stop from their own state, and without a stop (atr before its N-th
// observation, fixed-pct before any price) there is no breach.
//
// atr counts observations in market days: the quotes of one market day build that day's candle (high =
// the highest of the quotes' highs or prices, low likewise, close = the latest price), and the candle is
// committed (TR, ATR, the window of highs) when the first quote of a later market day arrives. Until then
// the stop is the one that committing the day's candle so far would give, so a replay with one row per day
// sees exactly the chandelier stop on every row, and a live monitor sees today's stop rise with
// the day's range (never fall: a low that widens today's range leaves the stop where it was). Live quotes
// without a high and low give a day's range of the prices seen. No strategy ever gives a stop at or
// below zero: atr then has no stop yet, and the outcome carries a warning.
Outcome apply(const StockState &state, const Quote &quote, const QDateTime &now,
              RepeatPolicy policy = RepeatPolicy::DailyWhileBelow);

// The user asked to restart trailing from the last price (or from scratch when no price is known).
StockState resetPeak(const StockState &state);

// The user changed the ratio: the stop follows the peak at the new ratio, up or down.
// For strategies with a ratio it is their R; other strategies keep their stop.
Result<StockState> changeRatio(const StockState &state, double ratio);

// The user chose another strategy: its running state starts afresh (the first price from now on counts as
// the first observation; fixed-pct and activation take the entry, else the last price, as their basis).
StockState changeStrategy(const StockState &state, const StopStrategy &strategy);

// Strict "below" with a tolerance for binary floating point, so that a price equal to the stop to the
// cent (95.40 against 106 × 0.9) is never a breach.
bool isBelow(double price, double stop);

} // namespace trailguard::StopLossEngine
