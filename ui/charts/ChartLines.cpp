#include "charts/ChartLines.h"

#include "charts/ChartColors.h"

#include <QChart>
#include <QCoreApplication>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>

namespace trailguard::ui {

namespace {
QLineSeries *line(QChart *chart, const char *objectName, const QString &name)
{
    auto *series = new QLineSeries(chart);
    series->setObjectName(QLatin1String(objectName));
    series->setName(name);
    return series;
}
} // namespace

// The strings keep the translation context of the panel they came from.
ChartLines ChartLines::create(QChart *chart)
{
    ChartLines lines;
    lines.price =
        line(chart, "priceSeries", QCoreApplication::translate("trailguard::ui::PriceChartPanel", "Price"));
    lines.peak =
        line(chart, "peakSeries", QCoreApplication::translate("trailguard::ui::PriceChartPanel", "Peak"));
    lines.stop =
        line(chart, "stopSeries", QCoreApplication::translate("trailguard::ui::PriceChartPanel", "Stop"));
    lines.strategyStop = line(
        chart, "strategyStopSeries",
        QCoreApplication::translate("trailguard::ui::PriceChartPanel", "Strategy's stop before watching"));
    lines.alerts = new QScatterSeries(chart);
    lines.alerts->setObjectName(QStringLiteral("alertSeries"));
    lines.alerts->setName(QCoreApplication::translate("trailguard::ui::PriceChartPanel", "Alerts"));
    lines.alerts->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    lines.alerts->setMarkerSize(11);
    return lines;
}

QList<QXYSeries *> ChartLines::all() const
{
    return {strategyStop, stop, peak, price, alerts};
}

void ChartLines::applyColors(const ChartColors &colors)
{
    price->setPen(QPen(colors.price, 1.6));
    peak->setPen(QPen(colors.peak, 1.2, Qt::DashLine));
    stop->setPen(QPen(colors.stop, 2.0));
    QColor hypothetical = colors.stop;
    hypothetical.setAlpha(170);
    strategyStop->setPen(QPen(hypothetical, 1.6, Qt::DotLine));
    alerts->setColor(colors.alert);
    alerts->setBorderColor(colors.background);
}

} // namespace trailguard::ui
