#pragma once

#include "charts/ChartColors.h"
#include "charts/IndicatorOverlayBuilder.h"
#include "charts/RuleMarks.h"

#include <QList>
#include <QPointF>

class QAbstractAxis;
class QChart;
class QLineSeries;
class QScatterSeries;

namespace trailguard::ui {

// What the price chart draws besides the price: the indicator lines that share its scale (sma, ema, the
// Bollinger bands) and a marker on each day an alert rule fired. The series belong to the chart; like the
// price they get only their visible part, decimated to the plot's width.
class PriceOverlays {
public:
    PriceOverlays(QChart *chart, QAbstractAxis *timeAxis, QAbstractAxis *priceAxis);

    // Replaces the indicator lines (only those placed on the price are drawn).
    void setLines(const QList<OverlayLine> &lines);
    void setRuleMarks(const QList<RuleMark> &marks);
    void clear();
    // Hands the series their part of [from, to]; returns what they now hold, for the price axis.
    QList<QList<QPointF>> refresh(double from, double to, int buckets);
    void applyColors(const ChartColors &colors);

    QList<QLineSeries *> lineSeries() const { return m_series; }
    QScatterSeries *ruleMarkSeries() const { return m_markSeries; }
    const QList<RuleMark> &ruleMarks() const { return m_marks; }
    // The text of the rule mark nearest to x within `tolerance` (ms), empty when none.
    QString ruleMarkNear(double x, double tolerance) const;

private:
    QChart *m_chart;
    QAbstractAxis *m_timeAxis;
    QAbstractAxis *m_priceAxis;
    QList<OverlayLine> m_lines;
    QList<QLineSeries *> m_series; // one per line of m_lines
    QList<RuleMark> m_marks;
    QScatterSeries *m_markSeries;
    ChartColors m_colors;
};

} // namespace trailguard::ui
