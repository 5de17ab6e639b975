#include "history/PriceHistoryImportCandles.h"

#include "domain/MarketCalendar.h"

namespace trailguard::PriceHistoryImport {

namespace {
constexpr qint64 kUnixEpochJulianDay = 2440588;
// Before this hour a day's offset may still be the one of a daylight saving change (at 02:00).
constexpr int kChangeHour = 4;

qint64 wallSeconds(const QDate &date, const QTime &time)
{
    return (date.toJulianDay() - kUnixEpochJulianDay) * kDaySeconds + time.msecsSinceStartOfDay() / 1000;
}
} // namespace

void RowInstants::learn(const QDate &date, const QTimeZone &zone)
{
    m_date = date;
    m_zone = zone;
    m_noonOffset = zone.offsetFromUtc(QDateTime(date, QTime(12, 0), zone));
    m_midnightOffset = zone.offsetFromUtc(QDateTime(date, QTime(0, 0), zone));
}

qint64 RowInstants::dayStart(const QDate &date)
{
    for (const auto &[day, start] : m_dayStarts) {
        if (day == date)
            return start;
    }
    auto &slot = m_dayStarts[m_nextDayStartSlot];
    m_nextDayStartSlot = 1 - m_nextDayStartSlot;
    slot = {date, QDateTime(date, QTime(0, 0), MarketCalendar::easternZone()).toSecsSinceEpoch()};
    return slot.second;
}

qint64 RowInstants::instant(const PriceRow &row, const QTimeZone &zone)
{
    if (!row.time.isValid())
        return dayStart(row.date);
    const qint64 wall = wallSeconds(row.date, row.time);
    if (row.utcOffset)
        return wall - *row.utcOffset;
    if (row.date != m_date || zone != m_zone)
        learn(row.date, zone);
    if (row.time.hour() < kChangeHour && m_midnightOffset != m_noonOffset)
        return QDateTime(row.date, row.time, zone).toSecsSinceEpoch();
    return wall - m_noonOffset;
}

CandleBuilder::CandleBuilder(qint64 intervalSeconds, bool sorted)
    : m_intervalSeconds(intervalSeconds)
    , m_sorted(sorted)
{}

void CandleBuilder::merge(Pending &pending, const PriceRow &row, qint64 instant)
{
    const double open = row.open.value_or(row.close);
    const double high = std::max({row.high.value_or(open), open, row.close});
    const double low = std::min({row.low.value_or(open), open, row.close});
    if (pending.rows == 0) {
        pending.only = row;
        pending.openAt = pending.closeAt = instant;
        pending.open = open;
        pending.high = high;
        pending.low = low;
        pending.close = row.close;
        pending.volume = row.volume;
        pending.rows = 1;
        return;
    }
    // The earliest row opens (the first line of that time), the latest closes (the last line of it).
    if (instant < pending.openAt) {
        pending.openAt = instant;
        pending.open = open;
    }
    if (instant >= pending.closeAt) {
        pending.closeAt = instant;
        pending.close = row.close;
    }
    pending.high = std::max(pending.high, high);
    pending.low = std::min(pending.low, low);
    if (row.volume)
        pending.volume = pending.volume.value_or(0) + *row.volume;
    ++pending.rows;
}

void CandleBuilder::add(const PriceRow &row, qint64 instant, qint64 start, qint64 end)
{
    if (!m_sorted) {
        Pending &pending = m_held[start];
        pending.start = start;
        pending.end = end;
        merge(pending, row, instant);
        return;
    }
    if (m_open && m_open->start != start) {
        finish(*m_open);
        m_open.reset();
    }
    if (!m_open) {
        m_open = Pending{};
        m_open->start = start;
        m_open->end = end;
    }
    merge(*m_open, row, instant);
}

void CandleBuilder::finish(const Pending &pending)
{
    CandleRow candle;
    candle.start = pending.start;
    candle.end = pending.end;
    if (pending.rows == 1) {
        candle.open = pending.only.open;
        candle.high = pending.only.high;
        candle.low = pending.only.low;
    } else {
        candle.open = pending.open;
        candle.high = pending.high;
        candle.low = pending.low;
    }
    candle.close = pending.close;
    candle.volume = pending.volume;
    m_finished.append(candle);
    ++m_candles;
    m_firstStart = std::min(m_firstStart.value_or(pending.start), pending.start);
    if (!m_lastStart || pending.start >= *m_lastStart) {
        m_lastStart = pending.start;
        m_lastEnd = pending.end;
    }
}

QList<CandleRow> CandleBuilder::take(bool all)
{
    if (all) {
        if (m_open)
            finish(*m_open);
        m_open.reset();
        for (const Pending &pending : std::as_const(m_held))
            finish(pending);
        m_held.clear();
    }
    QList<CandleRow> finished = std::exchange(m_finished, {});
    m_finished.reserve(finished.size()); // the next chunk is about as big: no growing copies
    return finished;
}

} // namespace trailguard::PriceHistoryImport
