#pragma once

#include "broker/BrokerTypes.h"
#include "common/Clock.h"
#include "domain/StockState.h"
#include "domain/StopLossEngine.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <chrono>
#include <functional>
#include <memory>

namespace trailguard {

class MarketHours;
class Monitor;
class QuestradeClient;
class WatchlistService;

// The offline catch-up. Each ticker remembers the instant up to which its prices were watched
// (StockState::checkedThrough: the last poll or streamed quote, or a moment the monitor knew its market was
// closed). When the app starts, wakes from sleep, or gets the network back, the gap from there to now may
// hold trades nobody looked at; when it overlaps a trading session the minute candles of the gap are
// fetched and run through the monitor's engine in time order (Monitor::applyQuotes, QuoteOrigin::CatchUp,
// so the once-per-market-day rule, snoozes and the alert outbox apply as to live quotes).
//
// Order within one candle: its low is compared with the stop as it stood before the candle, then its high
// may raise the peak. A candle does not say whether its low came before its high, and this order never
// invents a breach from a peak the same minute set (the next candle's low is judged against it). The last
// candle's close is applied last, as the latest price.
// A gap that could not be fetched, or that a live quote (the stream, often connected before the first
// catch-up) went past, is kept with the ticker (StockState::catchUpFrom, stored) until a catch-up covers it,
// also after a restart.
// A ticker is alerted at most once per catch-up: its first breach in the gap, marked "while offline" with
// the candle's time; later candles still raise its peak. Candles of today outside the regular session
// (plus the grace period) are ignored, as live polling ignores those hours; for earlier days the server's
// candles decide, since v1/markets only describes today.
class CatchUp : public QObject {
    Q_OBJECT
public:
    // Gaps longer than this are caught up over their last kMaxGap only.
    static constexpr std::chrono::hours kMaxGap{24 * 7};

    CatchUp(Monitor &monitor, WatchlistService &watchlist, QuestradeClient &client, MarketHours *hours,
            const Clock &clock, QObject *parent = nullptr);
    ~CatchUp() override;

    // Catches up every ticker of `stocks` whose gap calls for it, advances the watched-through time of those
    // done and of those whose market is known closed now, then calls `done` (also when nothing was due or a
    // fetch failed: those tickers are tried again next time). Dropped when `context` is destroyed.
    // The first run of the process catches up any gap that overlaps a session; later runs only gaps longer
    // than two check intervals (sleep, network loss), since a running monitor covers the rest.
    void run(const QList<StockState> &stocks, QObject *context, std::function<void()> done);

    // Where the gap of `stock` starts when the catch-up is due to check it (invalid: none is due). A live
    // quote that moves the watched-through time keeps this as the stock's catchUpFrom.
    QDateTime uncheckedGapStart(const StockState &stock, const QDateTime &now) const;

    // One quote of the catch-up sequence (public for tests).
    struct Step {
        QDateTime time;
        int phase = 0; // 0 low, 1 high, 2 close: the order within a candle
        qint64 symbolId = 0;
        double price = 0;
    };
    // The quotes that matter among a ticker's candles, in order: every low, high and final close that
    // changes the state beyond its last price (a new peak, a breach, crossing the stop), simulated with the
    // engine from `state`; after the first breach no low or close is kept.
    static QList<Step> significantSteps(const StockState &state, const QList<Candle> &candles,
                                        const QDateTime &now, RepeatPolicy policy);

Q_SIGNALS:
    // After each run that fetched candles: tickers caught up and the breaches found.
    void caughtUp(int tickers, int breaches);

private:
    struct Job;
    bool isDue(const StockState &stock, const QDateTime &now) const;
    QDateTime gapStart(const StockState &stock, const QDateTime &now) const;
    QList<Candle> inTradingHours(const StockState &stock, const QList<Candle> &candles) const;
    void apply(const std::shared_ptr<Job> &job);
    void markWatched(const QList<QString> &tickers, const QDateTime &through, bool onlyClosed);
    void keepGaps(const QHash<QString, QDateTime> &gapStarts);

    Monitor &m_monitor;
    WatchlistService &m_watchlist;
    QuestradeClient &m_client;
    MarketHours *m_hours;
    const Clock &m_clock;
    bool m_ranBefore = false;
};

} // namespace trailguard
