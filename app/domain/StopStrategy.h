#pragma once

#include "common/Result.h"

#include <QString>

namespace trailguard {

// How a ticker's stop moves. Spec strings (CLI, storage, the table):
//   trailing:R        stop = peak × R; the peak is the highest price seen (or the entry). The default.
//   fixed:P           stop = P, never moves.
//   fixed-pct:R       stop = entry × R, never moves (entry = the entry price, else the first price).
//   activation:R,A    stop = entry × R until the first price ≥ entry × (1 + A); from that observation
//                     on (it included) stop = peak × R, trailing.
//   atr:N,K           chandelier exit on daily candles: the highest raw stop so far, where the raw stop
//                     is max(high over the last N observations) − K × ATR(N, Wilder). No stop before
//                     observation N.
struct StopStrategy {
    enum class Kind { Trailing, Fixed, FixedPct, Activation, Atr };

    Kind kind = Kind::Trailing;
    double ratio = 0.9;        // R of trailing, fixed-pct, activation (0 < R < 1)
    double fixedPrice = 0;     // P of fixed (> 0)
    double activationGain = 0; // A of activation (≥ 0): 0.1 = the price must rise 10% above the entry
    int atrPeriod = 14;        // N of atr (≥ 1)
    double atrMultiplier = 3;  // K of atr (> 0)

    static StopStrategy trailing(double ratio);

    // Parses a spec string like "atr:14,3" (case-insensitive name, spaces allowed around numbers).
    static Result<StopStrategy> parse(const QString &spec);

    // The canonical spec string, which parse() reads back to the same strategy.
    QString spec() const;
    // Whether `ratio` (the ticker's stop ratio) is a parameter of this strategy.
    bool usesRatio() const;
    // Whether the strategy needs daily highs and lows (atr): a price series without them cannot use it.
    bool needsHighLow() const;

    bool operator==(const StopStrategy &) const = default;
};

} // namespace trailguard
