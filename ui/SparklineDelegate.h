#pragma once

#include <QStyledItemDelegate>

namespace trailguard::ui {

// Paints a small line of a month's prices (WatchlistModel::Role::Sparkline, oldest first) in a table
// cell: green when the month ended higher than it started, red when lower, with a dot on the last price.
// With fewer than two prices it paints only the cell's background.
class SparklineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int kWidth = 72;

    explicit SparklineDelegate(int role, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The line's points inside `rect` for `values` (empty for fewer than two values); for tests.
    static QPolygonF linePoints(const QList<double> &values, const QRectF &rect);

private:
    int m_role;
};

} // namespace trailguard::ui
