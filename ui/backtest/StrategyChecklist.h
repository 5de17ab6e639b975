#pragma once

#include <QGroupBox>
#include <QStringList>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace trailguard {
struct StopStrategy;
}

namespace trailguard::ui {

// The backtest's strategies: a checklist of presets (the first two checked) and of the custom strategies
// the user adds, each validated by StopStrategy::parse.
//
// Children: strategyList, customStrategyEdit, addStrategyButton, customStrategyErrorLabel.
class StrategyChecklist : public QGroupBox {
    Q_OBJECT
public:
    explicit StrategyChecklist(QWidget *parent = nullptr);

    // The strategies offered before any custom one: trailing:0.9, trailing:0.85, fixed-pct:0.9,
    // activation:0.9,0.05, atr:14,3.
    static QStringList presetSpecs();
    // The checked strategies' canonical specs, in list order.
    QStringList checkedSpecs() const;
    void setStrategyChecked(const QString &spec, bool checked);
    // Parses `spec`; a valid one is added checked (or the same one already listed is checked). On an
    // error customStrategyErrorLabel shows the parser's message. False on an error.
    bool addCustomStrategy(const QString &spec);

Q_SIGNALS:
    // A strategy was checked, unchecked or added.
    void checkedChanged();

private:
    void addItem(const StopStrategy &strategy, bool checked);

    QListWidget *m_list;
    QLineEdit *m_customEdit;
    QPushButton *m_addButton;
    QLabel *m_errorLabel;
};

} // namespace trailguard::ui
