#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace trailguard {

// Moves the price history of schema 11 (text tickers and times, renamed price_quotes_v11 and candles_v11
// by migration 12) into the compact tables, one ticker per transaction: each ticker's rows are copied and
// deleted from the old tables together, so a conversion killed half-way resumes at the next ticker on the
// next start and loses nothing. The old tables are dropped (and the file compacted) once empty.
namespace HistoryConversion {

// Rows moved so far and rows to move in all, counted when the run started.
using Progress = std::function<void(qint64 movedRows, qint64 totalRows)>;

// True while old tables remain on `db` (a conversion to run or to finish).
bool isPending(const QSqlDatabase &db);
// True when opening `filePath` would convert history: its schema predates migration 12, or a conversion
// was interrupted. Reads only; false for a missing file.
bool isPendingForFile(const QString &filePath);

// Converts what remains; `progress` is called after each ticker. `maxTickers` (tests) stops early, as a
// killed process would.
Status run(QSqlDatabase db, const Progress &progress = {}, int maxTickers = -1);

} // namespace HistoryConversion

} // namespace trailguard
