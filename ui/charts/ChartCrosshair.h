#pragma once

#include "charts/ChartPlotData.h"

#include <QPointF>
#include <QRectF>
#include <QString>

class QChart;
class QFont;
class QGraphicsEllipseItem;
class QGraphicsItem;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace trailguard::ui {

struct ChartColors;

// The crosshair over a chart: dashed lines through a point, a dot on it and a tooltip beside it. Its items
// belong to the chart (deleted with it).
class ChartCrosshair {
public:
    explicit ChartCrosshair(QChart *chart);

    void applyColors(const ChartColors &colors, const QFont &font);
    // Shows the crosshair on `point` (chart coordinates) with `text`; hidden when the point is outside
    // `plot`. The tooltip sits beside the point, flipped near the plot's right or bottom edge.
    void place(const QPointF &point, const QRectF &plot, const QString &text);
    void hide();
    bool isVisible() const;
    // The tooltip's text, empty while hidden.
    QString text() const;

    // The tooltip of the price at `index`: its time and price, the peak and stop in force then, and the
    // alert within `alertTolerance` (in x units) of it.
    static QString describe(const ChartPlotData &data, const QString &currency, qsizetype index,
                            double alertTolerance);

private:
    QList<QGraphicsItem *> items() const;

    QGraphicsLineItem *m_vertical = nullptr;
    QGraphicsLineItem *m_horizontal = nullptr;
    QGraphicsEllipseItem *m_dot = nullptr;
    QGraphicsRectItem *m_tipBox = nullptr;
    QGraphicsSimpleTextItem *m_tipText = nullptr;
};

} // namespace trailguard::ui
