#include "charts/PriceChartView.h"

#include <QChart>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace trailguard::ui {

namespace {
constexpr double kWheelZoomPerNotch = 1.25;
constexpr double kKeyZoom = 1.25;
constexpr double kKeyPan = 0.1;
constexpr int kMinBandPixels = 4;
constexpr int kWheelNotch = 120;
} // namespace

PriceChartView::PriceChartView(QChart *chart, QWidget *parent)
    : QChartView(chart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand); // our own: Shift+drag, horizontal only
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setDragMode(QGraphicsView::NoDrag);
    setToolTip(tr("Wheel: zoom \u00b7 Drag: pan \u00b7 Shift+drag: zoom to a range\n"
                  "Arrow keys: pan and zoom \u00b7 Double-click or Esc: reset zoom"));
}

QPointF PriceChartView::toChart(const QPoint &viewportPos) const
{
    return chart()->mapFromScene(mapToScene(viewportPos));
}

double PriceChartView::fractionAt(const QPoint &viewportPos) const
{
    const QRectF plot = chart()->plotArea();
    if (plot.width() <= 0)
        return 0.5;
    return std::clamp((toChart(viewportPos).x() - plot.left()) / plot.width(), 0.0, 1.0);
}

void PriceChartView::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / double(kWheelNotch);
    if (notches == 0) {
        event->ignore();
        return;
    }
    Q_EMIT zoomRequested(fractionAt(event->position().toPoint()), std::pow(kWheelZoomPerNotch, -notches));
    event->accept();
}

void PriceChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QChartView::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_dragStart = event->position().toPoint();
    m_pannedFraction = 0;
    if (event->modifiers().testFlag(Qt::ShiftModifier)) {
        m_drag = Drag::Band;
        if (!m_band)
            m_band = new QRubberBand(QRubberBand::Rectangle, viewport());
        m_band->setGeometry(QRect(m_dragStart, QSize(1, 1)));
        m_band->show();
    } else {
        m_drag = Drag::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    event->accept();
}

void PriceChartView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QRectF plot = chart()->plotArea();
    switch (m_drag) {
    case Drag::Pan:
        if (plot.width() > 0) {
            // Dragging right shows earlier times.
            const double total = (m_dragStart.x() - pos.x()) / plot.width();
            Q_EMIT panRequested(total - m_pannedFraction);
            m_pannedFraction = total;
        }
        break;
    case Drag::Band: {
        const QRect plotRect = mapFromScene(chart()->mapToScene(plot)).boundingRect();
        m_band->setGeometry(QRect(QPoint(std::min(m_dragStart.x(), pos.x()), plotRect.top()),
                                  QPoint(std::max(m_dragStart.x(), pos.x()), plotRect.bottom())));
        break;
    }
    case Drag::None:
        break;
    }
    const QPointF chartPos = toChart(pos);
    if (plot.contains(chartPos))
        Q_EMIT hovered(chartPos);
    else
        Q_EMIT hoverLeft();
    QChartView::mouseMoveEvent(event);
}

void PriceChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_drag == Drag::None) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    if (m_drag == Drag::Band) {
        m_band->hide();
        const QPoint end = event->position().toPoint();
        if (std::abs(end.x() - m_dragStart.x()) >= kMinBandPixels) {
            const double a = fractionAt(m_dragStart);
            const double b = fractionAt(end);
            Q_EMIT rangeSelected(std::min(a, b), std::max(a, b));
        }
    }
    viewport()->unsetCursor();
    m_drag = Drag::None;
    event->accept();
}

void PriceChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        Q_EMIT resetRequested();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void PriceChartView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        Q_EMIT panRequested(-kKeyPan);
        break;
    case Qt::Key_Right:
        Q_EMIT panRequested(kKeyPan);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Up:
        Q_EMIT zoomRequested(0.5, 1 / kKeyZoom);
        break;
    case Qt::Key_Minus:
    case Qt::Key_Down:
        Q_EMIT zoomRequested(0.5, kKeyZoom);
        break;
    case Qt::Key_Home:
    case Qt::Key_Escape:
        Q_EMIT resetRequested();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PriceChartView::leaveEvent(QEvent *event)
{
    Q_EMIT hoverLeft();
    QChartView::leaveEvent(event);
}

} // namespace trailguard::ui
