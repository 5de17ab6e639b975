#include "domain/StopLossEngine.h"

#include "domain/MarketCalendar.h"
#include "domain/Ticker.h"

#include <cmath>

namespace trailguard::StopLossEngine {

namespace {
// Relative tolerance: far below a cent at any price a stock trades at, far above double rounding noise.
constexpr double kRelativeTolerance = 1e-9;

bool nearlyEqual(double a, double b)
{
    return std::fabs(a - b) <= kRelativeTolerance * std::max(std::fabs(a), std::fabs(b));
}

void setPeak(StockState &state, double peak)
{
    state.peak = peak;
    state.stop = peak * state.ratio;
}
} // namespace

bool isBelow(double price, double stop)
{
    return price < stop && !nearlyEqual(price, stop);
}

StockState initialState(const QString &ticker, double ratio, std::optional<double> entry,
                        const QDateTime &now)
{
    StockState state;
    state.ticker = ticker;
    state.ratio = ratio;
    state.createdAt = now.toUTC();
    if (entry && Price::isUsable(*entry)) {
        state.entry = entry;
        setPeak(state, *entry);
    }
    return state;
}

Outcome apply(const StockState &state, const Quote &quote, const QDateTime &now, RepeatPolicy policy)
{
    Outcome outcome{state, std::nullopt, false};
    if (!quote.price || !Price::isUsable(*quote.price))
        return outcome;

    const double price = *quote.price;
    const QDateTime quoteTime = (quote.time.isValid() ? quote.time : now).toUTC();
    StockState &next = outcome.state;
    next.lastPrice = price;
    next.lastQuoteAt = quoteTime;

    if (!next.peak) {
        const bool hasEntry = next.entry && Price::isUsable(*next.entry);
        setPeak(next, hasEntry ? *next.entry : price);
    }
    if (price > *next.peak && !nearlyEqual(price, *next.peak))
        setPeak(next, price);
    if (!next.stop)
        next.stop = *next.peak * next.ratio;

    const bool wasBelow = state.belowStop;
    next.belowStop = isBelow(price, *next.stop);
    if (next.belowStop) {
        const QDate day = MarketCalendar::marketDay(next.ticker, quoteTime);
        const bool newDay = !next.lastAlertMarketDay.isValid() || day > next.lastAlertMarketDay;
        const bool newBreach = policy == RepeatPolicy::DailyWhileBelow || !wasBelow;
        if (newDay && newBreach) {
            outcome.breach = Breach{next.ticker, price, *next.peak, *next.stop, next.ratio, quoteTime, day};
            next.lastAlertAt = now.toUTC();
            next.lastAlertMarketDay = day;
        }
    }
    outcome.changed = !(next == state);
    return outcome;
}

StockState resetPeak(const StockState &state)
{
    StockState next = state;
    if (state.lastPrice && Price::isUsable(*state.lastPrice)) {
        setPeak(next, *state.lastPrice);
    } else {
        next.peak.reset();
        next.stop.reset();
    }
    return next;
}

Result<StockState> changeRatio(const StockState &state, double ratio)
{
    const auto valid = StopRatio::validate(ratio);
    if (!valid)
        return valid.error();
    StockState next = state;
    next.ratio = ratio;
    if (next.peak)
        next.stop = *next.peak * ratio;
    return next;
}

} // namespace trailguard::StopLossEngine
