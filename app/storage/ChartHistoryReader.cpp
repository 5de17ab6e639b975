#include "storage/ChartHistoryReader.h"

#include "domain/MarketCalendar.h"
#include "storage/PriceHistoryRepository.h"

#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace trailguard {

namespace {
constexpr qint64 kDaySeconds = 86400;
// The candles HistoryRetention folds old quotes into (HistoryRetention::kCandleSeconds).
constexpr qint64 kFoldedCandleSeconds = 300;

// True when a sorted list of times has one in [start, end).
bool containsTime(const QList<QDateTime> &times, const QDateTime &start, const QDateTime &end)
{
    const auto it = std::lower_bound(times.cbegin(), times.cend(), start);
    return it != times.cend() && *it < end;
}

// The New York market day (Julian day) of UTC instants. Instants come mostly in order, so the UTC span of
// the last day found answers most of them without a time zone conversion (a year of 5-minute candles is
// ~20,000 of them; converting each took most of the chart's read).
class EasternDays {
public:
    qint64 julianDayOf(const QDateTime &time)
    {
        const qint64 ms = time.toMSecsSinceEpoch();
        if (ms < m_dayStartMs || ms >= m_dayEndMs) {
            const QDate day = time.toTimeZone(m_zone).date();
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
    Result<QList<PricePoint>> raw = m_repository.quotes(ticker, from, to);
    if (!raw)
        return raw.error();
    QList<PricePoint> points = raw.value();
    QList<QDateTime> quoteTimes;
    quoteTimes.reserve(points.size());
    for (const PricePoint &point : std::as_const(points))
        quoteTimes.append(point.time);

    // Intraday candles, finest interval first; each used only where nothing finer is.
    const Result<QList<qint64>> intraday = intradayIntervals(ticker);
    if (!intraday)
        return intraday.error();

    const QTimeZone eastern = MarketCalendar::easternZone();
    EasternDays easternDays;
    QSet<qint64> daysWithFinerData; // Julian days in New York
    for (const PricePoint &point : std::as_const(points))
        daysWithFinerData.insert(easternDays.julianDayOf(point.time));

    QList<TimeRange> occupied;
    for (qint64 seconds : intraday.value()) {
        // From one candle earlier: a candle that starts before `from` may close inside the range.
        Result<QList<StoredCandle>> level = m_repository.candles(ticker, seconds, from.addSecs(-seconds), to);
        if (!level)
            return level.error();
        QList<TimeRange> accepted;
        for (const StoredCandle &candle : level.value()) {
            if (candle.end < from || candle.end >= to || containsTime(quoteTimes, candle.start, candle.end) ||
                TimeRanges::overlaps(occupied, candle.start, candle.end))
                continue;
            accepted.append(TimeRange{candle.start, candle.end});
            points.append(PricePoint{candle.end, candle.close});
            daysWithFinerData.insert(easternDays.julianDayOf(candle.start));
        }
        occupied = TimeRanges::merged(occupied + accepted);
    }

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
            points.append(PricePoint{closeTime, candle.close});
    }

    std::stable_sort(points.begin(), points.end(),
                     [](const PricePoint &a, const PricePoint &b) { return a.time < b.time; });
    return points;
}

} // namespace trailguard
