#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDate>
#include <QIODevice>
#include <QList>
#include <QString>
#include <QTime>

#include <optional>

namespace trailguard {

// One row of a price file: a daily observation (or candle) of one symbol.
struct PriceRow {
    QString symbol; // empty when the file has no symbol column
    QDate date;     // the market day; an ISO date-time keeps its date as written
    QTime time;     // the time of day of an ISO date-time (in the exchange's time zone unless utcOffset)
    std::optional<int> utcOffset; // seconds east of UTC, when the date-time names its zone
    std::optional<double> open;
    std::optional<double> high;
    std::optional<double> low;
    double close = 0; // `close`, or `price` in the symbol,date,price format
    std::optional<qint64> volume;
    int line = 0; // 1-based line in the file, for messages

    bool operator==(const PriceRow &) const = default;
};

// Reads price history from CSV (all of it in memory: PriceCsvReader reads a big file row by row). Accepted
// layouts, with or without a header row:
//   date,close
//   date,open,high,low,close[,adjclose[,volume]]
//   symbol,date,price
// A header is matched by column name, case-insensitively and in any order (Yahoo's
// "Date,Open,High,Low,Close,Adj Close,Volume" works; unknown columns are ignored, adjclose is checked
// but not used). Dates are ISO (2024-05-14, or an ISO date-time: its date and time) or like "Jan 1 2000",
// "Jan 01 2000", "January 1, 2000". Quoted fields, CRLF, a UTF-8 BOM and blank lines are fine.
// All or nothing: the first bad line makes the whole file an error that names that line, its text and
// what is wrong with it.
namespace PriceCsv {

Result<QList<PriceRow>> parse(const QByteArray &content);
Result<QList<PriceRow>> readAll(QIODevice &device);
Result<QList<PriceRow>> readFile(const QString &path);

// A date as the files write it, or nothing when it is not one of the accepted forms.
std::optional<QDate> parseDate(const QString &text);

// True when every row has both a high and a low (what the atr strategy needs).
bool hasHighLow(const QList<PriceRow> &rows);

} // namespace PriceCsv

} // namespace trailguard
