#pragma once

#include "common/Result.h"
#include "domain/DailyBar.h"

#include <QList>
#include <QString>

namespace trailguard {

class PriceHistoryRepository;
struct StoredCandle;

// A ticker's stored daily candles as the market days indicators and alert rules run on.
namespace DailyBarHistory {

// One bar per candle, dated by the ticker's market day (MarketCalendar::marketDay), oldest first.
QList<DailyBar> fromCandles(const QString &ticker, const QList<StoredCandle> &candles);
// Every stored daily candle of `ticker`, oldest first, on the repository's connection.
Result<QList<DailyBar>> read(const PriceHistoryRepository &history, const QString &ticker);

} // namespace DailyBarHistory

} // namespace trailguard
