#pragma once

#include "history/PriceCsv.h"
#include "storage/PriceHistoryRepository.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QTimeZone>

#include <array>
#include <optional>
#include <utility>

namespace trailguard::PriceHistoryImport {

constexpr qint64 kDaySeconds = 86400;

// The instants (UTC epoch seconds) of rows: a date-time in the exchange's time zone (or at its own UTC
// offset), a date alone at its New York midnight, which is where its daily candle starts. Remembers the
// offsets of the last day, so a million rows cost a million additions rather than time zone look-ups.
class RowInstants {
public:
    qint64 instant(const PriceRow &row, const QTimeZone &zone);
    qint64 dayStart(const QDate &date);

private:
    void learn(const QDate &date, const QTimeZone &zone);

    QDate m_date;
    QTimeZone m_zone;
    int m_noonOffset = 0;
    int m_midnightOffset = 0;
    // The last two days asked for (each row asks for its day and the next), and which to replace next.
    std::array<std::pair<QDate, qint64>, 2> m_dayStarts;
    int m_nextDayStartSlot = 0;
};

// Folds one ticker's rows into candles of one size. Rows that fall in one candle make its open (the
// earliest row's), high and low (the extremes), close (the latest row's) and volume (the sum); a candle of
// one row is that row as written (a close-only row stays close-only). When the rows come in time order
// (oldest or newest first) each candle is finished as soon as a row falls outside it; otherwise candles
// are held until the end.
class CandleBuilder {
public:
    CandleBuilder(qint64 intervalSeconds, bool sorted);

    // Adds a row at `instant` to the candle [start, end).
    void add(const PriceRow &row, qint64 instant, qint64 start, qint64 end);
    // The finished candles, moved out; with `all`, the open one too.
    QList<CandleRow> take(bool all);

    qint64 intervalSeconds() const { return m_intervalSeconds; }
    qint64 candleCount() const { return m_candles; }
    // The start of the first and last candle, and the end of the last (for coverage).
    std::optional<qint64> firstStart() const { return m_firstStart; }
    std::optional<qint64> lastStart() const { return m_lastStart; }
    std::optional<qint64> lastEnd() const { return m_lastEnd; }

private:
    struct Pending {
        qint64 start = 0;
        qint64 end = 0;
        int rows = 0;
        qint64 openAt = 0;
        qint64 closeAt = 0;
        double open = 0;
        double high = 0;
        double low = 0;
        double close = 0;
        std::optional<qint64> volume;
        PriceRow only; // the row of a one-row candle
    };
    static void merge(Pending &pending, const PriceRow &row, qint64 instant);
    void finish(const Pending &pending);

    qint64 m_intervalSeconds;
    bool m_sorted;
    std::optional<Pending> m_open; // in time order: the candle rows fall in now
    QMap<qint64, Pending> m_held;  // out of order: every candle until the end
    QList<CandleRow> m_finished;
    qint64 m_candles = 0;
    std::optional<qint64> m_firstStart;
    std::optional<qint64> m_lastStart;
    std::optional<qint64> m_lastEnd;
};

} // namespace trailguard::PriceHistoryImport
