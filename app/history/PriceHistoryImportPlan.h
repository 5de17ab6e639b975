#pragma once

#include "common/Result.h"
#include "history/PriceCsv.h"
#include "history/PriceHistoryImportCandles.h"

#include <QList>
#include <QMap>
#include <QString>

#include <memory>

namespace trailguard::PriceHistoryImport {

// What a first pass over a file found for one ticker, and so how its rows become candles.
struct TickerPlan {
    QString ticker;
    qint64 rows = 0;
    bool sorted = true; // its rows are in time order, oldest or newest first
    // The candle size: the most common positive gap between rows of one day, or a day when rows have no
    // times (or one row a day).
    qint64 intervalSeconds = kDaySeconds;
    // Intraday candles start a whole number of intervals from here (epoch seconds): on the clock's grid
    // for intervals that divide an hour (09:30, 09:35…), else from the earliest row (hourly from 09:30).
    qint64 gridOrigin = 0;
};

struct Plan {
    QString path;
    QString onlyTicker; // the ticker the rows belong to (no symbol column) or kept (with one), or empty
    bool hasSymbols = false;
    QList<TickerPlan> tickers;  // by ticker
    qint64 rows = 0;            // rows to import
    qint64 otherSymbolRows = 0; // rows skipped: their symbol is not onlyTicker

    // The ticker a row belongs to, or empty when the row is skipped.
    QString ownerOf(const PriceRow &row) const;
};

// Works the plan out from rows as they go by: plan() runs it over the whole file; the one-pass import runs
// it beside building candles, with a guess taken from the first rows that the finished plan then confirms.
class PlanScan {
public:
    // `onlyTicker` normalized, or empty.
    PlanScan(QString csvPath, QString onlyTicker);
    ~PlanScan();
    PlanScan(const PlanScan &) = delete;
    PlanScan &operator=(const PlanScan &) = delete;

    // Counts `row` (at `instants`' reading of it) and says whom it belongs to: empty when it is skipped. An
    // error for a first row without symbol when no ticker was named.
    Result<QString> add(const PriceRow &row, RowInstants &instants);
    // False once `ticker`'s rows went back and forth in time (they were not sorted).
    bool inOrder(const QString &ticker) const;
    // The plan of the rows so far; an error when none was for an imported ticker.
    Result<Plan> plan() const;

private:
    struct Scan;
    Plan m_plan;
    std::unique_ptr<QMap<QString, Scan>> m_scans; // by ticker
    Scan *m_last = nullptr;
    bool m_first = true;
};

// The ticker asked for, normalized (an error when it is not a ticker), or empty when none was.
Result<QString> onlyTickerOf(const QString &ticker);

// Reads the whole file once, row by row, and checks every line, storing nothing. A file without a symbol
// column belongs to `ticker` (required then: InvalidArguments); with one, each row to its symbol, and a
// non-empty `ticker` keeps only that symbol's rows (none: an error).
Result<Plan> plan(const QString &csvPath, const QString &ticker);

} // namespace trailguard::PriceHistoryImport
