#pragma once

#include "domain/StockState.h"
#include "history/ChartSeries.h"

#include <QDateTime>
#include <QString>

namespace trailguard {

class AlertRepository;
class PriceHistoryRepository;
class WatchlistService;

// What the window's price chart shows for a ticker, from the stored history: its prices (finest data
// first, PriceHistoryRepository::priceSeries), the peak and stop the guardian held while watching it
// (recorded with each processed quote, PriceHistoryRepository::heldStops), what its strategy would have held
// over the prices from before it was watched (the engine run over them, never a copy of its rules), and a
// marker at each breach alert of the ticker; and the daily bars (DailyBarHistory) its indicator overlays and
// rule marks are computed on.
// Synchronous, on the caller's connection: a year of daily candles plus a month of quotes reads in
// milliseconds.
class ChartDataProvider {
public:
    // All must outlive the provider.
    ChartDataProvider(PriceHistoryRepository &history, WatchlistService &watchlist, AlertRepository &alerts);

    // Everything stored for `ticker` (empty when there is nothing).
    ChartSeries series(const QString &ticker) const;

    // How many recent alerts are searched for the ticker's breaches.
    static constexpr int kAlertsSearched = 2000;

    // What `stock`'s strategy would have held over the prices of `series` from before it was watched.
    static QList<StopPoint> beforeWatching(const StockState &stock, const ChartSeries &series);

private:
    PriceHistoryRepository &m_history;
    WatchlistService &m_watchlist;
    AlertRepository &m_alerts;
};

} // namespace trailguard
