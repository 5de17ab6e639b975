#pragma once

// The reading side of PriceHistoryImport (its thread of its own): rows into candles, handed over to the
// store side in chunks. For PriceHistoryImport.cpp only.

#include "common/Result.h"
#include "domain/MarketCalendar.h"
#include "history/CandleChunkQueue.h"
#include "history/PriceHistoryImport.h"
#include "history/PriceHistoryImportCandles.h"
#include "history/PriceHistoryImportPlan.h"
#include "storage/PriceHistoryRepository.h"

#include <QFile>
#include <QTimeZone>

#include <array>
#include <map>
#include <memory>
#include <optional>

namespace trailguard::PriceHistoryImport {

// How often the reading thread hands its finished candles over (and progress is told), and how many such
// chunks may wait to be stored.
constexpr qint64 kProgressRows = 10'000;
constexpr qsizetype kChunksInFlight = 4;
// The one-pass import guesses the plan from this many rows (a smaller file's plan is its own).
constexpr qsizetype kGuessRows = 10'000;

// One ticker's candles being built in the second pass.
struct TickerImport {
    TickerPlan plan;
    QTimeZone zone;
    CandleBuilder candles;
    std::unique_ptr<CandleBuilder> daily; // the days of intraday candles

    explicit TickerImport(const TickerPlan &tickerPlan)
        : plan(tickerPlan)
        , zone(MarketCalendar::exchangeTimeZone(tickerPlan.ticker))
        , candles(tickerPlan.intervalSeconds, tickerPlan.sorted)
    {
        if (plan.intervalSeconds < kDaySeconds)
            daily = std::make_unique<CandleBuilder>(kDaySeconds, tickerPlan.sorted);
    }

    void add(const PriceRow &row, RowInstants &instants)
    {
        const qint64 at = instants.instant(row, zone);
        const qint64 dayStart = instants.dayStart(row.date);
        const qint64 dayEnd = instants.dayStart(row.date.addDays(1));
        if (!daily) {
            candles.add(row, at, dayStart, dayEnd);
            return;
        }
        const qint64 interval = plan.intervalSeconds;
        const qint64 offset = at - plan.gridOrigin;
        const qint64 steps = offset >= 0 ? offset / interval : -((-offset + interval - 1) / interval);
        const qint64 start = plan.gridOrigin + steps * interval;
        candles.add(row, at, start, start + interval);
        daily->add(row, at, dayStart, dayEnd);
    }

    // Moves the finished candles (with `all`, every one) into `batches`.
    void takeInto(QList<CandleBatch> &batches, bool all)
    {
        QList<CandleRow> finished = candles.take(all);
        if (all || !finished.isEmpty())
            batches.append(CandleBatch{plan.ticker, plan.intervalSeconds, std::move(finished)});
        if (!daily)
            return;
        QList<CandleRow> days = daily->take(all);
        if (all || !days.isEmpty())
            batches.append(CandleBatch{plan.ticker, kDaySeconds, std::move(days)});
    }

    Status markCovered(PriceHistoryRepository &repository) const
    {
        for (const CandleBuilder *builder : std::array<const CandleBuilder *, 2>{&candles, daily.get()}) {
            if (!builder || !builder->firstStart())
                continue;
            const TimeRange range{QDateTime::fromSecsSinceEpoch(*builder->firstStart(), QTimeZone::utc()),
                                  QDateTime::fromSecsSinceEpoch(*builder->lastEnd(), QTimeZone::utc())};
            if (Status covered = repository.markCovered(plan.ticker, builder->intervalSeconds(), range);
                !covered)
                return covered;
        }
        return success();
    }

    TickerSummary summary() const
    {
        TickerSummary summary;
        summary.ticker = plan.ticker;
        summary.rows = plan.rows;
        summary.candles = candles.candleCount();
        summary.intervalSeconds = plan.intervalSeconds;
        summary.first = QDateTime::fromSecsSinceEpoch(candles.firstStart().value_or(0), QTimeZone::utc());
        summary.last = QDateTime::fromSecsSinceEpoch(candles.lastStart().value_or(0), QTimeZone::utc());
        summary.dailyCandles = daily ? daily->candleCount() : 0;
        return summary;
    }
};

using TickerImports = std::map<QString, TickerImport>;

// What one pass over the file found.
struct OnePass {
    std::optional<Plan> plan; // the whole file's, once read to its end
    bool guessHeld = false;   // the candles handed over were built by that plan
    qint64 done = 0;
    TickerImports tickers;
};

// The second pass's reading side: rows into candles by `plan`, handed over to the store side every
// kProgressRows rows. Stops early, without an error of its own, when the store side gives up.
Status readCandles(QFile &file, const Plan &plan, TickerImports &tickers, CandleChunkQueue &queue,
                   qint64 &done);

// The reading side of a single pass: checks every row and works out the plan (PlanScan) while building
// candles by a plan guessed from the first kGuessRows rows (a smaller file's own plan). Almost every file
// keeps its interval and order past its first rows; for the rest (`pass.guessHeld` false) the caller rolls
// back and stores again by the real plan.
Status readOnePass(QFile &file, const QString &onlyTicker, CandleChunkQueue &queue, OnePass &pass);

} // namespace trailguard::PriceHistoryImport
