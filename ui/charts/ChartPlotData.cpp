#include "charts/ChartPlotData.h"

#include <algorithm>
#include <cmath>

namespace trailguard::ui {

namespace {
double xOf(const QDateTime &time)
{
    return static_cast<double>(time.toMSecsSinceEpoch());
}

// A step line through (time, value) pairs, held flat until `until` (the last price's time).
template <typename Value>
QList<QPointF> stepLine(const QList<StopPoint> &steps, Value value, double until)
{
    QList<QPointF> points;
    points.reserve(2 * steps.size() + 1);
    for (const StopPoint &step : steps) {
        const double x = xOf(step.time);
        if (!points.isEmpty())
            points.append({x, points.constLast().y()});
        points.append({x, value(step)});
    }
    if (!points.isEmpty() && until > points.constLast().x())
        points.append({until, points.constLast().y()});
    return points;
}
} // namespace

ChartPlotData ChartPlotData::from(const ChartSeries &series)
{
    ChartPlotData data;
    data.prices.reserve(series.prices.size());
    for (const PricePoint &point : series.prices) {
        if (point.time.isValid() && std::isfinite(point.price))
            data.prices.append({xOf(point.time), point.price});
    }
    for (const StopPoint &step : series.stops) {
        if (step.time.isValid() && std::isfinite(step.peak) && std::isfinite(step.stop))
            data.stopSteps.append(step);
    }
    const double until = data.lastX();
    data.peaks = stepLine(
        data.stopSteps, [](const StopPoint &s) { return s.peak; }, until);
    data.stops = stepLine(
        data.stopSteps, [](const StopPoint &s) { return s.stop; }, until);
    QList<StopPoint> strategySteps;
    for (const StopPoint &step : series.strategyStops) {
        if (step.time.isValid() && std::isfinite(step.stop))
            strategySteps.append(step);
    }
    data.strategyStops = stepLine(
        strategySteps, [](const StopPoint &s) { return s.stop; },
        data.stopSteps.isEmpty() ? until : xOf(data.stopSteps.constFirst().time));
    for (const AlertMark &alert : series.alerts) {
        if (!alert.time.isValid() || !std::isfinite(alert.price))
            continue;
        data.alerts.append({xOf(alert.time), alert.price});
        data.alertTexts.append(alert.text);
    }
    return data;
}

qsizetype ChartPlotData::nearestPrice(double x) const
{
    if (prices.isEmpty())
        return -1;
    const auto after = std::lower_bound(prices.cbegin(), prices.cend(), x,
                                        [](const QPointF &point, double value) { return point.x() < value; });
    if (after == prices.cbegin())
        return 0;
    if (after == prices.cend())
        return prices.size() - 1;
    const auto before = after - 1;
    return (x - before->x() <= after->x() - x ? before : after) - prices.cbegin();
}

qsizetype ChartPlotData::lastPriceBefore(double x) const
{
    const auto after = std::lower_bound(prices.cbegin(), prices.cend(), x,
                                        [](const QPointF &point, double value) { return point.x() < value; });
    return (after - prices.cbegin()) - 1;
}

std::optional<StopPoint> ChartPlotData::stopAt(double x) const
{
    const auto after =
        std::upper_bound(stopSteps.cbegin(), stopSteps.cend(), x,
                         [](double value, const StopPoint &step) { return value < xOf(step.time); });
    if (after == stopSteps.cbegin())
        return std::nullopt;
    return *(after - 1);
}

qsizetype ChartPlotData::alertNear(double x, double tolerance) const
{
    qsizetype best = -1;
    for (qsizetype i = 0; i < alerts.size(); ++i) {
        const double distance = std::fabs(alerts.at(i).x() - x);
        if (distance <= tolerance && (best < 0 || distance < std::fabs(alerts.at(best).x() - x)))
            best = i;
    }
    return best;
}

} // namespace trailguard::ui
