#include "storage/ChartHistoryReader.h"

#include "domain/MarketCalendar.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/SqlValues.h"

#include <QSet>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>

namespace trailguard {

namespace {
constexpr qint64 kDaySeconds = 86400;
// The candles HistoryRetention folds old quotes into (HistoryRetention::kCandleSeconds).
constexpr qint64 kFoldedCandleSeconds = 300;

// A price at a time in milliseconds since the epoch.
struct TimedPrice {
    qint64 ms;
    double price;
};

// A half-open range [start, end) of milliseconds since the epoch.
struct MsRange {
    qint64 start;
    qint64 end;
};

// True when a sorted list of times has one in [start, end).
bool containsTime(const QList<qint64> &times, qint64 start, qint64 end)
{
    const auto it = std::lower_bound(times.cbegin(), times.cend(), start);
    return it != times.cend() && *it < end;
}

// Sorted, merged: ranges that overlap or touch become one.
QList<MsRange> merged(QList<MsRange> ranges)
{
    std::sort(ranges.begin(), ranges.end(),
              [](const MsRange &a, const MsRange &b) { return a.start < b.start; });
    QList<MsRange> out;
    for (const MsRange &range : std::as_const(ranges)) {
        if (!out.isEmpty() && range.start <= out.constLast().end)
            out.last().end = std::max(out.constLast().end, range.end);
        else
            out.append(range);
    }
    return out;
}

// True when sorted, merged ranges overlap [start, end).
bool overlaps(const QList<MsRange> &ranges, qint64 start, qint64 end)
{
    const auto it = std::upper_bound(ranges.cbegin(), ranges.cend(), start,
                                     [](qint64 time, const MsRange &range) { return time < range.end; });
    return it != ranges.cend() && it->start < end;
}

// The New York market day (Julian day) of UTC instants. Instants come mostly in order, so the UTC span of
// the last day found answers most of them without a time zone conversion (a year of 5-minute candles is
// ~20,000 of them; converting each took most of the chart's read).
class EasternDays {
public:
    qint64 julianDayOf(qint64 ms)
    {
        if (ms < m_dayStartMs || ms >= m_dayEndMs) {
            const QDate day = QDateTime::fromMSecsSinceEpoch(ms, m_zone).date();
            m_julianDay = day.toJulianDay();
            m_dayStartMs = QDateTime(day, QTime(0, 0), m_zone).toMSecsSinceEpoch();
            m_dayEndMs = QDateTime(day.addDays(1), QTime(0, 0), m_zone).toMSecsSinceEpoch();
        }
        return m_julianDay;
    }

private:
    QTimeZone m_zone = MarketCalendar::easternZone();
    qint64 m_julianDay = 0;
    qint64 m_dayStartMs = 0;
    qint64 m_dayEndMs = 0;
};
} // namespace

ChartHistoryReader::ChartHistoryReader(const PriceHistoryRepository &repository)
    : m_repository(repository)
{}

Result<QList<qint64>> ChartHistoryReader::intradayIntervals(const QString &ticker) const
{
    return m_repository.candleIntervals(ticker, kDaySeconds);
}

Result<QList<StopPoint>> ChartHistoryReader::heldStops(const QString &ticker, const QDateTime &from,
                                                       const QDateTime &to) const
{
    Result<QList<StopPoint>> held = m_repository.quoteHeldStops(ticker, from, to);
    if (!held)
        return held;
    const Result<QList<StoredCandle>> folded =
        m_repository.candles(ticker, kFoldedCandleSeconds, from.addSecs(-kFoldedCandleSeconds), to);
    if (!folded)
        return folded.error();
    QList<StopPoint> points = held.value();
    for (const StoredCandle &candle : folded.value()) {
        // A folded candle's held values are those of its last quote: in force from its end.
        if (candle.peak && candle.stop && candle.end >= from && candle.end < to)
            points.append(StopPoint{candle.end, *candle.peak, *candle.stop});
    }
    std::stable_sort(points.begin(), points.end(),
                     [](const StopPoint &a, const StopPoint &b) { return a.time < b.time; });
    return points;
}

Result<QList<PricePoint>> ChartHistoryReader::priceSeries(const QString &ticker, const QDateTime &from,
                                                          const QDateTime &to) const
{
    // Worked in milliseconds since the epoch: a year of 5-minute candles is ~20,000 rows, and QDateTime
    // arithmetic on each was most of the read.
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();
    Result<QList<PricePoint>> raw = m_repository.quotes(ticker, from, to);
    if (!raw)
        return raw.error();
    QList<TimedPrice> points;
    points.reserve(raw.value().size());
    QList<qint64> quoteTimes; // sorted
    quoteTimes.reserve(raw.value().size());
    EasternDays easternDays;
    QSet<qint64> daysWithFinerData; // Julian days in New York
    for (const PricePoint &point : raw.value()) {
        const qint64 ms = point.time.toMSecsSinceEpoch();
        points.append(TimedPrice{ms, point.price});
        quoteTimes.append(ms);
        daysWithFinerData.insert(easternDays.julianDayOf(ms));
    }

    // Intraday candles, finest interval first; each used only where nothing finer is.
    const Result<QList<qint64>> intraday = intradayIntervals(ticker);
    if (!intraday)
        return intraday.error();
    QList<MsRange> occupied; // sorted, merged
    qint64 lastDay = -1;
    for (qsizetype i = 0; i < intraday.value().size(); ++i) {
        const qint64 seconds = intraday.value().at(i);
        // From one candle earlier: a candle that starts before `from` may close inside the range.
        Result<QList<CandleClose>> level = candleCloses(ticker, seconds, from.addSecs(-seconds), to);
        if (!level)
            return level.error();
        QList<MsRange> accepted;
        for (const CandleClose &candle : level.value()) {
            if (candle.endMs < fromMs || candle.endMs >= toMs ||
                containsTime(quoteTimes, candle.startMs, candle.endMs) ||
                overlaps(occupied, candle.startMs, candle.endMs))
                continue;
            accepted.append(MsRange{candle.startMs, candle.endMs});
            points.append(TimedPrice{candle.endMs, candle.close});
            if (const qint64 day = easternDays.julianDayOf(candle.startMs); day != lastDay) {
                daysWithFinerData.insert(day);
                lastDay = day;
            }
        }
        if (i + 1 < intraday.value().size()) // only coarser candles still look at it
            occupied = merged(occupied + accepted);
    }

    const QTimeZone eastern = MarketCalendar::easternZone();
    Result<QList<StoredCandle>> daily =
        m_repository.candles(ticker, kDaySeconds, from.addSecs(-kDaySeconds), to);
    if (!daily)
        return daily.error();
    for (const StoredCandle &candle : daily.value()) {
        const QDate day = candle.start.toTimeZone(eastern).date();
        if (daysWithFinerData.contains(day.toJulianDay()))
            continue;
        const QDateTime closeTime = std::min(QDateTime(day, QTime(16, 0), eastern).toUTC(), candle.end);
        if (closeTime >= from && closeTime < to)
            points.append(TimedPrice{closeTime.toMSecsSinceEpoch(), candle.close});
    }

    std::stable_sort(points.begin(), points.end(),
                     [](const TimedPrice &a, const TimedPrice &b) { return a.ms < b.ms; });
    QList<PricePoint> series;
    series.reserve(points.size());
    for (const TimedPrice &point : std::as_const(points))
        series.append(PricePoint{QDateTime::fromMSecsSinceEpoch(point.ms, Qt::UTC), point.price});
    return series;
}

Result<QList<ChartHistoryReader::CandleClose>> ChartHistoryReader::candleCloses(const QString &ticker,
                                                                                qint64 intervalSeconds,
                                                                                const QDateTime &from,
                                                                                const QDateTime &to) const
{
    QSqlQuery query(m_repository.database());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT start, clipped_end, close FROM candles WHERE series_id = (SELECT s.id "
                       "FROM candle_series AS s JOIN history_tickers AS t ON t.id = s.ticker_id "
                       "WHERE t.ticker = ? AND s.interval_seconds = ?) AND start >= ? AND start < ? "
                       "ORDER BY start"));
    query.addBindValue(ticker);
    query.addBindValue(intervalSeconds);
    query.addBindValue((from.toMSecsSinceEpoch() + 999) / 1000); // whole seconds: the first at or after
    query.addBindValue((to.toMSecsSinceEpoch() + 999) / 1000);
    if (!query.exec())
        return SqlValues::queryError(query);
    QList<CandleClose> candles;
    while (query.next()) {
        const qint64 start = query.value(0).toLongLong();
        const QVariant clippedEnd = query.value(1);
        const qint64 end = clippedEnd.isNull() ? start + intervalSeconds : clippedEnd.toLongLong();
        candles.append(CandleClose{start * 1000, end * 1000, SqlValues::readPrice(query.value(2))});
    }
    return candles;
}

} // namespace trailguard
