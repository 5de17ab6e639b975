#pragma once

#include <QStringList>
#include <QToolButton>

class QAction;
class QMenu;

namespace trailguard::ui {

class CustomIndicatorDialog;

// The chart's "Indicators" button: a menu of checkable indicators with common parameters (SMA 20/50/200,
// EMA 20/50, Bollinger 20,2, RSI 14, MACD 12,26,9), the custom ones chosen before, "Custom…" to type any
// spec (checked inline, IndicatorSpec::parse) and "Remove All". Shows how many are on.
class IndicatorMenuButton : public QToolButton {
    Q_OBJECT
public:
    explicit IndicatorMenuButton(QWidget *parent = nullptr);

    // The chosen specs (canonical), in the order chosen; updates the checks without emitting.
    void setSpecs(const QStringList &specs);
    QStringList specs() const { return m_specs; }

    // The menu's action for `spec` (canonical), null when it is not listed. For tests.
    QAction *actionFor(const QString &spec) const;
    // Adds `spec` as a custom indicator (what "Custom…" does once the spec is valid). False when invalid.
    bool addCustom(const QString &spec);
    // "Custom…"'s dialog while it is open, else null.
    CustomIndicatorDialog *customDialog() const { return m_customDialog; }

    static QStringList presets();

Q_SIGNALS:
    // The user turned an indicator on or off.
    void specsChosen(const QStringList &specs);

private:
    void rebuildMenu();
    void toggle(const QString &spec, bool on);
    void openCustom();

    QMenu *m_menu;
    QStringList m_specs;
    CustomIndicatorDialog *m_customDialog = nullptr;
};

} // namespace trailguard::ui
