#pragma once

#include "common/Result.h"
#include "domain/PricePoint.h"
#include "domain/StopPoint.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace trailguard {

class PriceHistoryRepository;

// What a chart reads from the price history: one price line from the finest data there is, and the peak
// and stop the guardian held. Reads only; same connection and thread as the repository.
class ChartHistoryReader {
public:
    explicit ChartHistoryReader(const PriceHistoryRepository &repository);

    // See PriceHistoryRepository::priceSeries.
    Result<QList<PricePoint>> priceSeries(const QString &ticker, const QDateTime &from,
                                          const QDateTime &to) const;
    // See PriceHistoryRepository::heldStops.
    Result<QList<StopPoint>> heldStops(const QString &ticker, const QDateTime &from,
                                       const QDateTime &to) const;

private:
    // The intraday candle lengths stored for `ticker`, finest first.
    Result<QList<qint64>> intradayIntervals(const QString &ticker) const;

    const PriceHistoryRepository &m_repository;
};

} // namespace trailguard
