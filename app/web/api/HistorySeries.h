#pragma once

#include "domain/PricePoint.h"
#include "domain/StopPoint.h"

#include <QJsonObject>
#include <QList>

namespace trailguard::Web {

// What GET /api/v1/history/{ticker} answers, built from the stored series the chart reads: the prices and
// the peak and stop the guardian held (step lines: each value holds until the next), each reduced to at
// most about `points` points by the chart's own decimation (Decimation::minMax, which keeps every spike and
// dip), with ISO 8601 UTC times.
struct HistoryInput {
    QString ticker;
    QString currency;
    QDateTime from;
    QDateTime to;
    QList<PricePoint> prices;
    QList<StopPoint> stops;
    int points = 500;
};

namespace HistorySeries {
QJsonObject toJson(const HistoryInput &input);
}

} // namespace trailguard::Web
