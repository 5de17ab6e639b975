#pragma once

#include <QDialog>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace trailguard::ui {

// The one place that opens a window's dialogs: each dialog (per type, and per key when a window may hold
// several, such as one backtest per ticker) is created once; asking again shows, raises and activates the
// one that is open instead of stacking a second copy.
//
// Dialogs are WA_DeleteOnClose. A closed dialog is deleted by a deferred delete some time after it
// finishes, so the host forgets it as soon as it finishes: asking right after closing creates a new one
// rather than raising one that vanishes a moment later (Help > Welcome… pressed right after closing the
// welcome once showed nothing).
class DialogHost : public QObject {
    Q_OBJECT
public:
    enum class Modality {
        WindowModal, // open(): blocks its parent window only, never with a nested event loop
        Modeless,    // show(): usable beside the window
    };

    using QObject::QObject;

    // The open dialog of type T (and `key`), else calls `create` (which returns a new T with its parent
    // and connections set), opens it with `modality` and remembers it. Either way the dialog ends up
    // shown, raised and active. Returns it.
    template <typename T, typename Factory>
    T *raiseOrCreate(Factory &&create, Modality modality, const QString &key = {})
    {
        if (T *open = find<T>(key)) {
            bringToFront(open);
            return open;
        }
        T *dialog = create();
        remember(slotOf<T>(key), dialog);
        if (modality == Modality::WindowModal)
            dialog->open();
        else
            dialog->show();
        bringToFront(dialog);
        return dialog;
    }

    // The open dialog of type T (and `key`), else null.
    template <typename T>
    T *find(const QString &key = {}) const
    {
        return qobject_cast<T *>(m_open.value(slotOf<T>(key)).data());
    }

    // Shows, raises and activates `dialog` (also when it is hidden behind another window).
    static void bringToFront(QDialog *dialog);

private:
    template <typename T>
    static QString slotOf(const QString &key)
    {
        return QLatin1String(T::staticMetaObject.className()) + QLatin1Char('/') + key;
    }
    void remember(const QString &slot, QDialog *dialog);

    QHash<QString, QPointer<QDialog>> m_open;
};

} // namespace trailguard::ui
