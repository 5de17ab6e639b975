#include "DialogHost.h"

namespace trailguard::ui {

void DialogHost::bringToFront(QDialog *dialog)
{
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void DialogHost::remember(const QString &slot, QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_open.insert(slot, dialog);
    // Forget it once it finishes, before the deferred delete; a newer dialog in the same slot stays.
    connect(dialog, &QDialog::finished, this, [this, slot, dialog] {
        if (m_open.value(slot).data() == dialog)
            m_open.remove(slot);
    });
}

} // namespace trailguard::ui
