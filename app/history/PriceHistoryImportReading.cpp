#include "history/PriceHistoryImportReading.h"

#include "history/PriceCsvReader.h"

#include <QCoreApplication>

#include <algorithm>

namespace trailguard::PriceHistoryImport {

namespace {
class Import {
    Q_DECLARE_TR_FUNCTIONS(PriceHistoryImport)
};

// Hands the finished candles (with `all`, every one) to the store side; false once it gave up.
bool handOver(TickerImports &tickers, CandleChunkQueue &queue, qint64 done, qint64 expected, bool all)
{
    CandleChunk chunk;
    chunk.rowsDone = done;
    chunk.rowsExpected = expected;
    chunk.last = all;
    for (auto &[name, ticker] : tickers)
        ticker.takeInto(chunk.batches, all);
    return queue.push(std::move(chunk));
}

// Adds `row` to its ticker's candles; false when the ticker has none (not in the plan).
bool addRow(TickerImports &tickers, TickerImport *&last, const PriceRow &row, const QString &owner,
            RowInstants &instants)
{
    if (!last || last->plan.ticker != owner) {
        const auto found = tickers.find(owner);
        if (found == tickers.end())
            return false;
        last = &found->second;
    }
    last->add(row, instants);
    return true;
}

// The same plan, as far as building candles goes.
bool samePlan(const Plan &guess, const Plan &plan)
{
    if (guess.tickers.size() != plan.tickers.size())
        return false;
    for (qsizetype i = 0; i < plan.tickers.size(); ++i) {
        const TickerPlan &a = guess.tickers.at(i);
        const TickerPlan &b = plan.tickers.at(i);
        if (a.ticker != b.ticker || a.sorted != b.sorted || a.intervalSeconds != b.intervalSeconds ||
            a.gridOrigin != b.gridOrigin)
            return false;
    }
    return true;
}
} // namespace

Status readCandles(QFile &file, const Plan &plan, TickerImports &tickers, CandleChunkQueue &queue,
                   qint64 &done)
{
    PriceCsvReader reader(file);
    RowInstants instants;
    TickerImport *last = nullptr;
    while (true) {
        const Result<bool> read = reader.next();
        if (!read)
            return Error{ErrorCode::InvalidCsv, Import::tr("%1: %2").arg(plan.path, read.error().message)};
        if (!read.value())
            break;
        const PriceRow &row = reader.row();
        const QString owner = plan.ownerOf(row);
        if (owner.isEmpty())
            continue;
        if (!addRow(tickers, last, row, owner, instants)) // the file changed since the first pass
            return Error{ErrorCode::InvalidCsv,
                         Import::tr("%1 changed while it was imported.").arg(plan.path)};
        if (++done % kProgressRows == 0 && !handOver(tickers, queue, done, plan.rows, false))
            return success();
    }
    handOver(tickers, queue, done, plan.rows, true);
    return success();
}

Status readOnePass(QFile &file, const QString &onlyTicker, CandleChunkQueue &queue, OnePass &pass)
{
    PriceCsvReader reader(file);
    RowInstants instants;
    PlanScan scan(file.fileName(), onlyTicker);
    QList<PriceRow> early; // until the guess
    std::optional<Plan> guess;
    bool building = true; // every row so far went into candles by the guess
    TickerImport *last = nullptr;
    const qint64 fileSize = file.size();
    const auto expected = [&] {
        const qint64 bytes = reader.bytesRead();
        return bytes > 0 ? std::max(pass.done, qint64(double(pass.done) * double(fileSize) / double(bytes)))
                         : pass.done;
    };
    const auto startBuilding = [&](const Plan &plan) {
        guess = plan;
        for (const TickerPlan &tickerPlan : plan.tickers)
            pass.tickers.try_emplace(tickerPlan.ticker, tickerPlan);
        for (const PriceRow &row : std::as_const(early))
            addRow(pass.tickers, last, row, plan.ownerOf(row), instants);
        early = {};
    };
    while (true) {
        const Result<bool> read = reader.next();
        if (!read)
            return Error{ErrorCode::InvalidCsv,
                         Import::tr("%1: %2").arg(file.fileName(), read.error().message)};
        if (!read.value())
            break;
        const PriceRow &row = reader.row();
        const Result<QString> owner = scan.add(row, instants);
        if (!owner)
            return owner.error();
        if (owner.value().isEmpty())
            continue;
        ++pass.done;
        if (!guess) {
            early.append(row);
            if (early.size() == kGuessRows)
                startBuilding(scan.plan().value());
        } else if (building) {
            building = addRow(pass.tickers, last, row, owner.value(), instants) &&
                       (!last->plan.sorted || scan.inOrder(owner.value()));
        }
        if (building && guess && pass.done % kProgressRows == 0 &&
            !handOver(pass.tickers, queue, pass.done, expected(), false))
            return success();
    }
    Result<Plan> plan = scan.plan();
    if (!plan)
        return plan.error();
    if (!guess)
        startBuilding(plan.value());
    pass.plan = plan.value();
    pass.guessHeld = building && samePlan(*guess, plan.value());
    if (pass.guessHeld) {
        for (const TickerPlan &tickerPlan : plan.value().tickers)
            pass.tickers.at(tickerPlan.ticker).plan.rows = tickerPlan.rows;
        handOver(pass.tickers, queue, pass.done, pass.done, true);
    }
    return success();
}

} // namespace trailguard::PriceHistoryImport
