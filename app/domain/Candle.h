#pragma once

#include <QDateTime>

namespace trailguard {

// The candle sizes of v1/markets/candles (questrade-api.md §4) that Trailguard uses.
enum class CandleInterval { OneMinute, FiveMinutes, FifteenMinutes, HalfHour, OneHour, OneDay, OneWeek };

// One candle (OHLC bar). Times are UTC; the first and last candle of an answer may be clipped to the
// requested range, and the last one may still be in progress.
struct Candle {
    QDateTime start;
    QDateTime end;
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    qint64 volume = 0;

    bool operator==(const Candle &) const = default;
};

// The nominal length of one candle in seconds (a day is 86 400 s even across a DST change).
qint64 candleIntervalSeconds(CandleInterval interval);

} // namespace trailguard
