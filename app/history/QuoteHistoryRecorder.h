#pragma once

#include "domain/CycleReport.h"

#include <QSqlDatabase>

namespace trailguard {

// The Monitor's quote recorder for the price history: every processed quote with a price goes into
// price_quotes on `db` (the connection whose transaction the Monitor's cycle runs in), with the peak and
// stop its ticker held right after it, which the chart draws. Catch-up quotes are left out: they are a
// candle's low or high, not a trade at that time.
QuoteRecorder quoteHistoryRecorder(QSqlDatabase db);

} // namespace trailguard
