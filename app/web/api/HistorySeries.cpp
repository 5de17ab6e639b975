#include "web/api/HistorySeries.h"

#include "domain/StockJson.h"
#include "history/Decimation.h"

#include <QJsonArray>
#include <QPointF>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace trailguard::Web::HistorySeries {

namespace {
double historyMs(const QDateTime &time)
{
    return static_cast<double>(time.toMSecsSinceEpoch());
}

// A step line through the held values: flat from each step to the next, and to `until` after the last.
QList<QPointF> heldLine(const QList<StopPoint> &steps, double StopPoint::*value, double until)
{
    QList<QPointF> line;
    for (const StopPoint &step : steps) {
        if (!step.time.isValid() || !std::isfinite(step.*value))
            continue;
        const double x = historyMs(step.time);
        if (!line.isEmpty())
            line.append({x, line.constLast().y()});
        line.append({x, step.*value});
    }
    if (!line.isEmpty() && until > line.constLast().x())
        line.append({until, line.constLast().y()});
    return line;
}

// Four points a bucket survive decimation: a quarter of the points asked for makes at most that many.
QJsonArray decimatedLine(const QList<QPointF> &line, int points)
{
    QJsonArray array;
    for (const QPointF &point : Decimation::minMax(line, std::max(1, points / 4))) {
        const QDateTime time =
            QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(point.x()), QTimeZone::utc());
        array.append(QJsonObject{{QStringLiteral("time"), StockJson::time(time)},
                                 {QStringLiteral("value"), point.y()}});
    }
    return array;
}
} // namespace

QJsonObject toJson(const HistoryInput &input)
{
    QList<QPointF> prices;
    prices.reserve(input.prices.size());
    for (const PricePoint &point : input.prices) {
        if (point.time.isValid() && std::isfinite(point.price))
            prices.append({historyMs(point.time), point.price});
    }
    const double until = prices.isEmpty() ? 0 : prices.constLast().x();
    return QJsonObject{
        {QStringLiteral("ticker"), input.ticker},
        {QStringLiteral("currency"),
         input.currency.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(input.currency)},
        {QStringLiteral("from"), StockJson::time(input.from)},
        {QStringLiteral("to"), StockJson::time(input.to)},
        {QStringLiteral("prices"), decimatedLine(prices, input.points)},
        {QStringLiteral("peaks"),
         decimatedLine(heldLine(input.stops, &StopPoint::peak, until), input.points)},
        {QStringLiteral("stops"),
         decimatedLine(heldLine(input.stops, &StopPoint::stop, until), input.points)},
    };
}

} // namespace trailguard::Web::HistorySeries
