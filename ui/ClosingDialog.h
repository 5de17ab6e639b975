#pragma once

#include <QDialog>
#include <QPointer>

namespace trailguard::ui {

// A WA_DeleteOnClose dialog is deleted by a deferred delete some time after it closes. Until then a
// QPointer to it is still set, so code that reuses "the open dialog" would show and raise a dialog that
// vanishes a moment later (Help > Welcome… pressed right after closing the welcome showed nothing).
// This forgets the dialog as soon as it finishes; a newer dialog held by the same pointer stays.
template <typename Dialog>
void forgetWhenFinished(QObject *owner, QPointer<Dialog> &pointer)
{
    QDialog *dialog = pointer.data();
    QObject::connect(dialog, &QDialog::finished, owner, [&pointer, dialog] {
        if (pointer.data() == dialog)
            pointer.clear();
    });
}

} // namespace trailguard::ui
