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
    // What the price line needs of a candle, in milliseconds since the epoch.
    struct CandleClose {
        qint64 startMs;
        qint64 endMs;
        double close;
    };
    // The candles of `ticker` and `intervalSeconds` with start in [from, to), oldest first.
    Result<QList<CandleClose>> candleCloses(const QString &ticker, qint64 intervalSeconds,
                                            const QDateTime &from, const QDateTime &to) const;
    // The intraday candle lengths stored for `ticker`, finest first.
    Result<QList<qint64>> intradayIntervals(const QString &ticker) const;

    const PriceHistoryRepository &m_repository;
};

} // namespace trailguard
