#include "SparklineDelegate.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace trailguard::ui {

namespace {
constexpr int kMarginX = 4;
constexpr int kMarginY = 4;
constexpr double kDotRadius = 1.8;

QColor trendColor(bool up, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (up)
        return dark ? QColor(0x66, 0xd1, 0x7a) : QColor(0x1b, 0x80, 0x3a);
    return dark ? QColor(0xff, 0x7b, 0x7b) : QColor(0xc6, 0x28, 0x28);
}
} // namespace

SparklineDelegate::SparklineDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{}

QPolygonF SparklineDelegate::linePoints(const QList<double> &values, const QRectF &rect)
{
    QList<double> finite;
    std::copy_if(values.cbegin(), values.cend(), std::back_inserter(finite),
                 [](double value) { return std::isfinite(value); });
    if (finite.size() < 2 || rect.width() <= 0 || rect.height() <= 0)
        return {};
    const auto [low, high] = std::minmax_element(finite.cbegin(), finite.cend());
    const double span = *high - *low;
    QPolygonF points;
    points.reserve(finite.size());
    for (qsizetype i = 0; i < finite.size(); ++i) {
        const double x = rect.left() + rect.width() * double(i) / double(finite.size() - 1);
        // A flat month is drawn through the middle.
        const double level = span > 0 ? (finite.at(i) - *low) / span : 0.5;
        points.append({x, rect.bottom() - level * rect.height()});
    }
    return points;
}

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    // The background, selection and focus as for any cell, without text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = {};
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QList<double> values = index.data(m_role).value<QList<double>>();
    const QRectF area = QRectF(option.rect).adjusted(kMarginX, kMarginY, -kMarginX, -kMarginY);
    const QPolygonF points = linePoints(values, area);
    if (points.isEmpty())
        return;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool up = values.constLast() >= values.constFirst();
    const QColor color =
        selected ? option.palette.color(QPalette::HighlightedText) : trendColor(up, option.palette);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1.3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->drawPolyline(points);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(points.constLast(), kDotRadius, kDotRadius);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return {kWidth, QStyledItemDelegate::sizeHint(option, index).height()};
}

} // namespace trailguard::ui
