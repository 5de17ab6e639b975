#pragma once

#include <QStyledItemDelegate>

namespace trailguard::ui {

// Edits a stop ratio in place with a spin box from 0 to 1 in steps of 0.01. The bounds themselves are
// reachable on purpose: the model refuses them with the core's explanation instead of silently clamping.
class RatioDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
};

} // namespace trailguard::ui
