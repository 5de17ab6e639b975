#include "RatioDelegate.h"

#include "RatioSpinBox.h"

namespace trailguard::ui {

QWidget *RatioDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    Q_UNUSED(option)
    Q_UNUSED(index)
    auto *editor = new RatioSpinBox(parent);
    editor->setObjectName(QStringLiteral("ratioEditorSpinBox"));
    editor->setFrame(false);
    return editor;
}

} // namespace trailguard::ui
