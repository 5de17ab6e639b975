#pragma once

#include "charts/ChartColors.h"
#include "charts/IndicatorOverlayBuilder.h"

#include <QList>
#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace trailguard::ui {

// The indicators below the price chart: one small chart each for RSI (0–100, guides at 30 and 70), MACD
// (macd, signal, histogram around a zero line) and ATR, on the price chart's time range and with its plot
// area's left and right edges, so a day is at the same x in both. Hidden while it has no lines.
class IndicatorPane : public QWidget {
    Q_OBJECT
public:
    explicit IndicatorPane(QWidget *parent = nullptr);
    ~IndicatorPane() override;

    // Replaces the lines (only those placed in the pane are drawn); shows the pane when there are any.
    void setLines(const QList<OverlayLine> &lines);
    // Shows [from, to] (ms since the epoch), decimated to `buckets` columns, with the price chart's time
    // ticks (`timeTicks`).
    void showRange(double from, double to, int buckets, int timeTicks);
    // The price chart's plot area is `left` px from its left edge and `right` px from its right edge.
    void alignPlot(double left, double right);
    void applyColors(const ChartColors &colors);

    bool hasLines() const { return !m_charts.isEmpty(); }
    // For tests: the charts in the pane (top to bottom) and the series of one (by place).
    QList<QChart *> charts() const;
    QChart *chartFor(OverlayPlace place) const;
    QList<QLineSeries *> seriesOf(OverlayPlace place) const;

private:
    struct PaneChart;

    void placePlotArea(PaneChart &pane) const;
    void fitValueAxis(PaneChart &pane, double from, double to) const;

    QList<PaneChart *> m_charts;
    ChartColors m_colors;
    double m_left = 60;
    double m_right = 60;
};

} // namespace trailguard::ui
