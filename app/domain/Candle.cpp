#include "domain/Candle.h"

namespace trailguard {

qint64 candleIntervalSeconds(CandleInterval interval)
{
    switch (interval) {
    case CandleInterval::OneMinute:
        return 60;
    case CandleInterval::FiveMinutes:
        return 5 * 60;
    case CandleInterval::FifteenMinutes:
        return 15 * 60;
    case CandleInterval::HalfHour:
        return 30 * 60;
    case CandleInterval::OneHour:
        return 3600;
    case CandleInterval::OneDay:
        return 86400;
    case CandleInterval::OneWeek:
        return 7 * 86400;
    }
    return 86400;
}

} // namespace trailguard
