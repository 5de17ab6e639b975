#pragma once

#include <QChartView>
#include <QPoint>

class QRubberBand;

namespace trailguard::ui {

// The chart's view: turns mouse and keyboard input into navigation requests, in fractions of the plot
// width (0 = left edge, 1 = right edge), and leaves the ranges to PriceChartPanel.
//   wheel: zoom around the cursor · drag: pan · Shift+drag: zoom to the band ·
//   ←/→: pan · +/− (or ↑/↓): zoom · Home, Esc or double-click: reset zoom.
class PriceChartView : public QChartView {
    Q_OBJECT
public:
    explicit PriceChartView(QChart *chart, QWidget *parent = nullptr);

Q_SIGNALS:
    // Zoom by `factor` (< 1 zooms in) keeping the value under `anchor` in place.
    void zoomRequested(double anchor, double factor);
    // Move the visible range by `fraction` of its width (positive: later times).
    void panRequested(double fraction);
    void rangeSelected(double fromFraction, double toFraction);
    void resetRequested();
    // The pointer is over the plot at `chartPos` (chart coordinates), or left it.
    void hovered(const QPointF &chartPos);
    void hoverLeft();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    enum class Drag { None, Pan, Band };

    QPointF toChart(const QPoint &viewportPos) const;
    double fractionAt(const QPoint &viewportPos) const;

    Drag m_drag = Drag::None;
    QPoint m_dragStart;
    double m_pannedFraction = 0;
    QRubberBand *m_band = nullptr;
};

} // namespace trailguard::ui
