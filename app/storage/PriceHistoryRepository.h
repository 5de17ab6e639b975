#pragma once

#include "common/Result.h"
#include "domain/Candle.h"
#include "domain/PricePoint.h"
#include "domain/StopPoint.h"
#include "storage/CandleUpsert.h"
#include "storage/SqliteStatement.h"
#include "storage/TimeRange.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace trailguard {

// A stored candle: the broker's Candle, where open/high/low may be unknown (a close-only row imported
// from a date,close file) and volume may be unknown.
struct StoredCandle {
    QDateTime start; // UTC
    QDateTime end;   // UTC
    std::optional<double> open;
    std::optional<double> high;
    std::optional<double> low;
    double close = 0;
    std::optional<qint64> volume;
    // The peak and stop the guardian held at the end of the candle, for a candle folded from processed
    // quotes (HistoryRetention); unset for fetched or imported candles.
    std::optional<double> peak = std::nullopt;
    std::optional<double> stop = std::nullopt;

    static StoredCandle from(const Candle &candle);
    bool operator==(const StoredCandle &) const = default;
};

// The price history: every processed quote (price_quotes), candles per ticker and interval (candles, unique
// per ticker/interval/start), and the ranges already fetched or imported (candle_coverage). Since migration
// 12 quotes and candles are compact (ticker ids, integer times, no stored end; see SqlValues); coverage
// keeps ISO 8601 UTC text. One connection, one thread: a worker opens its own Database.
class PriceHistoryRepository {
public:
    explicit PriceHistoryRepository(QSqlDatabase db);

    // --- quotes -------------------------------------------------------------------------------------
    // One processed quote, with the peak and stop its ticker held right after it when known; the same
    // ticker and time again replaces the row (one trade, seen twice).
    Status recordQuote(const QString &ticker, const QDateTime &time, double price,
                       std::optional<double> peak = std::nullopt, std::optional<double> stop = std::nullopt);
    // The quotes of `ticker` with time in [from, to), oldest first.
    Result<QList<PricePoint>> quotes(const QString &ticker, const QDateTime &from, const QDateTime &to) const;
    // The peak and stop recorded with the quotes of `ticker` in [from, to), oldest first.
    Result<QList<StopPoint>> quoteHeldStops(const QString &ticker, const QDateTime &from,
                                            const QDateTime &to) const;
    // Tickers with a quote older than `before`.
    Result<QStringList> tickersWithQuotesBefore(const QDateTime &before) const;
    // Deletes the quotes of `ticker` older than `before`; the number deleted.
    Result<int> removeQuotesBefore(const QString &ticker, const QDateTime &before);

    // --- candles ------------------------------------------------------------------------------------
    // Inserts or replaces (same ticker, interval and start) the candles, all or none (a held peak and stop
    // already stored stay when the new candle has none); when `covered` is
    // given, also records it as fetched. The interval is identified by its length in seconds.
    Status storeCandles(const QString &ticker, CandleInterval interval, const QList<Candle> &candles,
                        std::optional<TimeRange> covered = std::nullopt);
    Status storeCandles(const QString &ticker, qint64 intervalSeconds, const QList<StoredCandle> &candles,
                        std::optional<TimeRange> covered = std::nullopt);
    // The same for candles with epoch-second times (what an import builds: no QDateTime per candle).
    Status storeCandleRows(const QString &ticker, qint64 intervalSeconds, const QList<CandleRow> &candles,
                           std::optional<TimeRange> covered = std::nullopt);
    // The candles of `ticker` with start in [from, to), oldest first.
    Result<QList<StoredCandle>> candles(const QString &ticker, CandleInterval interval, const QDateTime &from,
                                        const QDateTime &to) const;
    Result<QList<StoredCandle>> candles(const QString &ticker, qint64 intervalSeconds, const QDateTime &from,
                                        const QDateTime &to) const;
    // Records [range.start, range.end) as fetched, merged with the ranges it overlaps or touches.
    Status markCovered(const QString &ticker, qint64 intervalSeconds, const TimeRange &range);
    // The stored (fetched or imported) ranges, merged, oldest first.
    Result<QList<TimeRange>> coveredRanges(const QString &ticker, CandleInterval interval) const;
    Result<QList<TimeRange>> coveredRanges(const QString &ticker, qint64 intervalSeconds) const;
    // The parts of `wanted` not yet covered, oldest first: what a backfill still has to fetch.
    Result<QList<TimeRange>> missingRanges(const QString &ticker, CandleInterval interval,
                                           const TimeRange &wanted) const;

    // --- for charts ---------------------------------------------------------------------------------
    // The price of `ticker` over [from, to), time-ordered, from the finest data there is: raw quotes;
    // then intraday candles (their close at their end) where no quote falls inside them; then daily
    // closes (at 16:00 New York time of their day, or their end if earlier) on days without finer data.
    Result<QList<PricePoint>> priceSeries(const QString &ticker, const QDateTime &from,
                                          const QDateTime &to) const;

    // The peak and stop held while `ticker` was watched, over [from, to), time-ordered: from each quote that
    // recorded them, and from the 5-minute candles folded out of such quotes (at the candle's end).
    Result<QList<StopPoint>> heldStops(const QString &ticker, const QDateTime &from,
                                       const QDateTime &to) const;

    QSqlDatabase database() const { return m_db; }

    // The parts of `wanted` that none of `covered` (sorted, merged) contains.
    static QList<TimeRange> subtract(const TimeRange &wanted, const QList<TimeRange> &covered);

    // The candle lengths stored for `ticker` shorter than `below` seconds, finest first (chart reads).
    Result<QList<qint64>> candleIntervals(const QString &ticker, qint64 below) const;

private:
    // Gives `ticker` its id in history_tickers unless it has one.
    Status ensureTicker(const QString &ticker);
    // The id of the candle series of `ticker` and `intervalSeconds`, made unless it exists.
    Result<qint64> ensureSeries(const QString &ticker, qint64 intervalSeconds);

    QSqlDatabase m_db;
    // recordQuote's two statements, made on first use; shared by copies (one connection, one thread).
    struct QuoteStatements {
        SqliteStatement ensureTicker;
        SqliteStatement insert;
    };
    std::shared_ptr<QuoteStatements> m_quoteStatements;
};

} // namespace trailguard
