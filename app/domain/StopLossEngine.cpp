#include "domain/StopLossEngine.h"

#include "domain/Indicator.h"
#include "domain/MarketCalendar.h"
#include "domain/Ticker.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace trailguard::StopLossEngine {

namespace {
// Gives the messages below one translation context, "StopLossEngine".
class EngineText {
    Q_DECLARE_TR_FUNCTIONS(StopLossEngine)
};

// Relative tolerance: far below a cent at any price a stock trades at, far above double rounding noise.
constexpr double kRelativeTolerance = 1e-9;

bool nearlyEqual(double a, double b)
{
    return std::fabs(a - b) <= kRelativeTolerance * std::max(std::fabs(a), std::fabs(b));
}

using Kind = StopStrategy::Kind;

void setPeak(StockState &state, double peak)
{
    state.peak = peak;
    if (state.strategy.kind == Kind::Trailing)
        state.stop = peak * state.ratio;
}

bool atLeast(double value, double threshold)
{
    return value >= threshold || nearlyEqual(value, threshold);
}

// The stop of fixed, fixed-pct and activation from their state. `price` is the observation being
// applied, if any: it may activate trailing.
void refreshStop(StockState &state, std::optional<double> price)
{
    StrategyState &run = state.strategyState;
    switch (state.strategy.kind) {
    case Kind::Fixed:
        state.stop = state.strategy.fixedPrice;
        break;
    case Kind::FixedPct:
        if (run.basis)
            state.stop = *run.basis * state.ratio;
        break;
    case Kind::Activation:
        if (run.basis && price && !run.activated &&
            atLeast(*price, *run.basis * (1.0 + state.strategy.activationGain)))
            run.activated = true;
        if (run.activated && state.peak)
            state.stop = *state.peak * state.ratio;
        else if (run.basis)
            state.stop = *run.basis * state.ratio;
        break;
    case Kind::Trailing:
    case Kind::Atr:
        break;
    }
}

// What committing the open candle would give: observation count, ATR and raw stop (Wilder's ATR;
// raw stop = highest high over the last N candles, this one included, − K × ATR; none before N).
struct AtrStep {
    int observations = 0;
    double trueRangeSum = 0;
    std::optional<double> atr;
    std::optional<double> rawStop;
};

AtrStep atrStep(const StrategyState &run, const StopStrategy &strategy)
{
    const int n = strategy.atrPeriod;
    const double high = run.candleHigh;
    // The ATR indicator's own arithmetic (domain/Indicator): the stop and the chart's atr agree.
    Indicators::WilderAverage average{run.observations, run.trueRangeSum, run.atr};
    average.add(Indicators::trueRange(high, run.candleLow, run.previousClose), n);
    AtrStep step{average.count, average.sum, average.average, std::nullopt};
    if (step.atr) {
        double highest = high;
        const qsizetype from = std::max<qsizetype>(0, run.highs.size() - (n - 1));
        for (qsizetype i = from; i < run.highs.size(); ++i)
            highest = std::max(highest, run.highs[i]);
        step.rawStop = highest - strategy.atrMultiplier * *step.atr;
    }
    return step;
}

void commitCandle(StrategyState &run, const StopStrategy &strategy)
{
    if (!run.candleDay.isValid())
        return;
    const AtrStep step = atrStep(run, strategy);
    run.observations = step.observations;
    run.trueRangeSum = step.atr ? 0.0 : step.trueRangeSum;
    run.atr = step.atr;
    run.highs.append(run.candleHigh);
    while (run.highs.size() > strategy.atrPeriod)
        run.highs.removeFirst();
    // A raw stop at or below zero (an ATR wider than the price range) is no stop at all.
    if (step.rawStop && *step.rawStop > 0)
        run.atrStop = run.atrStop ? std::max(*run.atrStop, *step.rawStop) : *step.rawStop;
    run.previousClose = run.candleClose;
    run.candleDay = QDate();
    run.candleHigh = run.candleLow = run.candleClose = 0;
}

// atr: adds the quote to its market day's candle (committing the previous day's first) and sets the stop
// that the candle so far gives. The stop only ever rises: a later low that widens today's range (and so
// today's ATR) leaves it where an earlier quote of the day put it. Returns the raw stop when it came out
// at or below zero and there is no stop yet (an ATR wider than the prices: no stop, with a warning).
std::optional<double> observeAtr(StockState &state, const Quote &quote, double price, const QDate &day)
{
    StrategyState &run = state.strategyState;
    const bool hasRange = quote.high && quote.low && Price::isUsable(*quote.high) &&
                          Price::isUsable(*quote.low) && *quote.high >= *quote.low;
    const double high = hasRange ? *quote.high : price;
    const double low = hasRange ? *quote.low : price;
    if (run.candleDay.isValid() && day > run.candleDay)
        commitCandle(run, state.strategy);
    if (!run.candleDay.isValid()) {
        run.candleDay = day;
        run.candleHigh = high;
        run.candleLow = low;
    } else {
        run.candleHigh = std::max(run.candleHigh, high);
        run.candleLow = std::min(run.candleLow, low);
    }
    run.candleClose = price;
    const AtrStep step = atrStep(run, state.strategy);
    for (const std::optional<double> &candidate : {run.atrStop, step.rawStop}) {
        if (candidate && *candidate > 0 && (!state.stop || *candidate > *state.stop))
            state.stop = candidate;
    }
    if (step.rawStop && *step.rawStop <= 0 && !state.stop)
        return step.rawStop;
    return std::nullopt;
}
} // namespace

bool isBelow(double price, double stop)
{
    return price < stop && !nearlyEqual(price, stop);
}

StockState initialState(const QString &ticker, double ratio, std::optional<double> entry,
                        const QDateTime &now)
{
    return initialState(ticker, StopStrategy::trailing(ratio), entry, now);
}

StockState initialState(const QString &ticker, const StopStrategy &strategy, std::optional<double> entry,
                        const QDateTime &now)
{
    StockState state;
    state.ticker = ticker;
    state.strategy = strategy;
    state.ratio = strategy.usesRatio() ? strategy.ratio : StopRatio::kDefault;
    state.strategy.ratio = state.ratio;
    state.createdAt = now.toUTC();
    if (entry && Price::isUsable(*entry)) {
        state.entry = entry;
        state.strategyState.basis = entry;
        setPeak(state, *entry);
    }
    refreshStop(state, std::nullopt);
    return state;
}

Outcome apply(const StockState &state, const Quote &quote, const QDateTime &now, RepeatPolicy policy)
{
    Outcome outcome{state, std::nullopt, false, {}};
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
    switch (next.strategy.kind) {
    case Kind::Trailing:
        if (!next.stop)
            next.stop = *next.peak * next.ratio;
        break;
    case Kind::Atr:
        if (const auto nonPositive =
                observeAtr(next, quote, price, MarketCalendar::marketDay(next.ticker, quoteTime))) {
            outcome.warning =
                EngineText::tr("%1: %2 gives a stop of %3, at or below zero (the average true "
                               "range is wider than the prices), so there is no stop yet. A "
                               "smaller multiplier K gives one.")
                    .arg(next.ticker, next.strategy.spec(), QString::number(*nonPositive, 'f', 2));
        }
        break;
    case Kind::Fixed:
    case Kind::FixedPct:
    case Kind::Activation:
        if (!next.strategyState.basis) {
            const bool hasEntry = next.entry && Price::isUsable(*next.entry);
            next.strategyState.basis = hasEntry ? *next.entry : price;
        }
        refreshStop(next, price);
        break;
    }

    const bool wasBelow = state.belowStop;
    next.belowStop = next.stop && isBelow(price, *next.stop);
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
        if (state.strategy.kind == Kind::Trailing)
            next.stop.reset();
    }
    // Strategies whose stop does not follow the peak (fixed, fixed-pct, activation before it starts
    // trailing, atr) keep their stop; an activated one trails from the new peak.
    refreshStop(next, std::nullopt);
    return next;
}

Result<StockState> changeRatio(const StockState &state, double ratio)
{
    const auto valid = StopRatio::validate(ratio);
    if (!valid)
        return valid.error();
    StockState next = state;
    next.ratio = ratio;
    if (next.strategy.usesRatio())
        next.strategy.ratio = ratio;
    if (next.strategy.kind == Kind::Trailing && next.peak)
        next.stop = *next.peak * ratio;
    refreshStop(next, std::nullopt);
    return next;
}

StockState changeStrategy(const StockState &state, const StopStrategy &strategy)
{
    StockState next = state;
    next.strategy = strategy;
    next.strategyState = StrategyState();
    if (strategy.usesRatio())
        next.ratio = strategy.ratio;
    next.strategy.ratio = next.ratio;
    next.belowStop = false;
    next.stop.reset();
    if (next.entry && Price::isUsable(*next.entry))
        next.strategyState.basis = next.entry;
    else if (next.lastPrice && Price::isUsable(*next.lastPrice))
        next.strategyState.basis = next.lastPrice;
    if (strategy.kind == Kind::Trailing && next.peak)
        next.stop = *next.peak * next.ratio;
    refreshStop(next, std::nullopt);
    return next;
}

} // namespace trailguard::StopLossEngine
