#include "history/ChartDataProvider.h"

#include "domain/StopLossEngine.h"
#include "history/ChartSeriesBuilder.h"
#include "history/DailyBarHistory.h"
#include "history/HistoryLogging.h"
#include "storage/AlertRepository.h"
#include "storage/PriceHistoryRepository.h"
#include "watchlist/WatchlistService.h"

#include <QTimeZone>

#include <algorithm>

namespace trailguard {

ChartDataProvider::ChartDataProvider(PriceHistoryRepository &history, WatchlistService &watchlist,
                                     AlertRepository &alerts)
    : m_history(history)
    , m_watchlist(watchlist)
    , m_alerts(alerts)
{}

ChartSeries ChartDataProvider::series(const QString &ticker) const
{
    const QDateTime from = QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc());
    const QDateTime to(QDate(9999, 1, 1), QTime(0, 0), QTimeZone::utc());
    const Result<QList<PricePoint>> prices = m_history.priceSeries(ticker, from, to);
    if (!prices) {
        qCWarning(lcHistory, "No chart for %s: %s", qUtf8Printable(ticker),
                  qUtf8Printable(prices.error().message));
        return ChartSeries{ticker, {}, {}, {}, {}};
    }
    // The stop line is the one the guardian held, recorded with each processed quote; prices from before
    // the ticker was watched (a backfilled year) have none.
    const Result<QList<StopPoint>> held = m_history.heldStops(ticker, from, to);
    if (!held)
        qCWarning(lcHistory, "No stop line for %s: %s", qUtf8Printable(ticker),
                  qUtf8Printable(held.error().message));
    std::optional<StockState> watched;
    if (const Result<QList<StockState>> stocks = m_watchlist.stocks()) {
        for (const StockState &stock : stocks.value()) {
            if (stock.ticker == ticker)
                watched = stock;
        }
    }

    // Breach alerts of the ticker, each at the price the chart has at that moment.
    QList<AlertMark> marks;
    if (const Result<QList<AlertRecord>> records = m_alerts.recent(kAlertsSearched)) {
        for (const AlertRecord &record : records.value()) {
            if (record.message.kind != AlertMessage::Kind::Breach || record.message.ticker != ticker)
                continue;
            const QDateTime at = record.createdAt;
            const auto after = std::upper_bound(
                prices.value().cbegin(), prices.value().cend(), at,
                [](const QDateTime &time, const PricePoint &point) { return time < point.time; });
            if (after == prices.value().cbegin())
                continue; // before the stored history: nothing to put it on
            marks.append(AlertMark{at, std::prev(after)->price, record.message.subject});
        }
    }
    std::sort(marks.begin(), marks.end(),
              [](const AlertMark &a, const AlertMark &b) { return a.time < b.time; });
    ChartSeries series =
        ChartSeriesBuilder::build(ticker, watched ? watched->currency : QString(), prices.value(),
                                  held ? held.value() : QList<StopPoint>{}, marks);
    if (watched) {
        series.strategyStops = beforeWatching(*watched, series);
        series.rules = watched->rules;
    }
    if (Result<QList<DailyBar>> bars = DailyBarHistory::read(m_history, ticker))
        series.dailyBars = std::move(bars).value();
    else
        qCWarning(lcHistory, "No daily bars for %s: %s", qUtf8Printable(ticker),
                  qUtf8Printable(bars.error().message));
    return series;
}

QList<StopPoint> ChartDataProvider::beforeWatching(const StockState &stock, const ChartSeries &series)
{
    // Watching began at the first held stop, or when the ticker was added if none is recorded yet.
    const QDateTime began = series.stops.isEmpty() ? stock.createdAt : series.stops.constFirst().time;
    QList<PricePoint> before;
    for (const PricePoint &point : series.prices) {
        if (began.isValid() && point.time >= began)
            break;
        before.append(point);
    }
    if (before.isEmpty())
        return {};
    const StockState start =
        StopLossEngine::initialState(stock.ticker, stock.strategy, stock.entry, before.constFirst().time);
    return ChartSeriesBuilder::steps(ChartSeriesBuilder::engineStops(start, before));
}

} // namespace trailguard
