#pragma once

#include <QList>

class QChart;
class QLineSeries;
class QScatterSeries;
class QXYSeries;

namespace trailguard::ui {

struct ChartColors;

// The lines a price chart draws, owned by its QChart: the price, the held peak and stop (step lines), the
// stop the strategy would have held before watching (dotted), and the alert markers.
struct ChartLines {
    QLineSeries *price = nullptr;
    QLineSeries *peak = nullptr;
    QLineSeries *stop = nullptr;
    QLineSeries *strategyStop = nullptr;
    QScatterSeries *alerts = nullptr;

    // Creates the series in `chart` (not yet added to it).
    static ChartLines create(QChart *chart);
    // Bottom to top: the order they are added to the chart.
    QList<QXYSeries *> all() const;
    void applyColors(const ChartColors &colors);
};

} // namespace trailguard::ui
