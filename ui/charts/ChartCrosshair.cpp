#include "charts/ChartCrosshair.h"

#include "Formatting.h"
#include "charts/ChartColors.h"

#include <QChart>
#include <QCoreApplication>
#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLocale>
#include <QPen>
#include <QTimeZone>

#include <algorithm>

namespace trailguard::ui {

namespace {
constexpr int kTipPadding = 6;
constexpr int kTipOffset = 12;
} // namespace

ChartCrosshair::ChartCrosshair(QChart *chart)
    : m_vertical(new QGraphicsLineItem(chart))
    , m_horizontal(new QGraphicsLineItem(chart))
    , m_dot(new QGraphicsEllipseItem(-4, -4, 8, 8, chart))
    , m_tipBox(new QGraphicsRectItem(chart))
    , m_tipText(new QGraphicsSimpleTextItem(m_tipBox))
{
    for (QGraphicsItem *item : items()) {
        item->setZValue(1000);
        item->setAcceptedMouseButtons(Qt::NoButton);
        item->hide();
    }
    m_tipBox->setZValue(1001);
}

QList<QGraphicsItem *> ChartCrosshair::items() const
{
    return {m_vertical, m_horizontal, m_dot, m_tipBox};
}

void ChartCrosshair::applyColors(const ChartColors &colors, const QFont &font)
{
    m_vertical->setPen(QPen(colors.crosshair, 1, Qt::DashLine));
    m_horizontal->setPen(QPen(colors.crosshair, 1, Qt::DashLine));
    m_dot->setPen(QPen(colors.background, 1.5));
    m_dot->setBrush(colors.price);
    m_tipBox->setPen(QPen(colors.grid));
    m_tipBox->setBrush(colors.tooltipBackground);
    m_tipText->setBrush(colors.tooltipText);
    m_tipText->setFont(font);
}

void ChartCrosshair::place(const QPointF &point, const QRectF &plot, const QString &text)
{
    m_vertical->setLine(point.x(), plot.top(), point.x(), plot.bottom());
    m_horizontal->setLine(plot.left(), point.y(), plot.right(), point.y());
    m_dot->setPos(point);

    m_tipText->setText(text);
    const QRectF textRect = m_tipText->boundingRect();
    const QSizeF size(textRect.width() + 2 * kTipPadding, textRect.height() + 2 * kTipPadding);
    m_tipBox->setRect(QRectF(QPointF(0, 0), size));
    m_tipText->setPos(kTipPadding, kTipPadding);
    QPointF at(point.x() + kTipOffset, point.y() + kTipOffset);
    if (at.x() + size.width() > plot.right())
        at.setX(point.x() - kTipOffset - size.width());
    if (at.y() + size.height() > plot.bottom())
        at.setY(point.y() - kTipOffset - size.height());
    at.setX(std::max(at.x(), plot.left()));
    at.setY(std::max(at.y(), plot.top()));
    m_tipBox->setPos(at);

    const bool inside = plot.adjusted(-1, -1, 1, 1).contains(point);
    for (QGraphicsItem *item : items())
        item->setVisible(inside);
}

void ChartCrosshair::hide()
{
    for (QGraphicsItem *item : items())
        item->hide();
}

bool ChartCrosshair::isVisible() const
{
    return m_tipBox->isVisible();
}

QString ChartCrosshair::text() const
{
    return isVisible() ? m_tipText->text() : QString();
}

// The strings keep the translation context of the panel they came from.
QString ChartCrosshair::describe(const ChartPlotData &data, const QString &currency, qsizetype index,
                                 double alertTolerance)
{
    const QPointF point = data.prices.at(index);
    const QDateTime time =
        QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(point.x()), QTimeZone::utc()).toLocalTime();
    const QString price = Formatting::price(point.y());
    QStringList lines;
    lines << QLocale().toString(time, QLocale::ShortFormat);
    lines << (currency.isEmpty()
                  ? QCoreApplication::translate("trailguard::ui::PriceChartPanel", "Price: %1").arg(price)
                  : QCoreApplication::translate("trailguard::ui::PriceChartPanel", "Price: %1 %2",
                                                "price, currency")
                        .arg(price, currency));
    if (const std::optional<StopPoint> stop = data.stopAt(point.x())) {
        lines << QCoreApplication::translate("trailguard::ui::PriceChartPanel", "Peak: %1")
                     .arg(Formatting::price(stop->peak));
        lines << QCoreApplication::translate("trailguard::ui::PriceChartPanel", "Stop: %1")
                     .arg(Formatting::price(stop->stop));
    }
    if (const qsizetype alert = data.alertNear(point.x(), alertTolerance); alert >= 0) {
        const QString text = data.alertTexts.at(alert);
        lines
            << (text.isEmpty()
                    ? QCoreApplication::translate("trailguard::ui::PriceChartPanel", "Alert at %1")
                          .arg(Formatting::price(data.alerts.at(alert).y()))
                    : QCoreApplication::translate("trailguard::ui::PriceChartPanel", "Alert: %1").arg(text));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace trailguard::ui
