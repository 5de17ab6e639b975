#pragma once

#include "domain/AlertRule.h"

#include <QGroupBox>
#include <QList>
#include <QStringList>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace trailguard::ui {

// The backtest's alert rules: a checklist of the rules the user adds (cross-below-sma:50, rsi-below:14,30…),
// each validated by AlertRule::parse and replayed beside the strategies. Empty at first.
//
// Children: ruleList, ruleEdit, addRuleButton, ruleErrorLabel.
class RuleChecklist : public QGroupBox {
    Q_OBJECT
public:
    explicit RuleChecklist(QWidget *parent = nullptr);

    // The checked rules in list order, and their canonical specs.
    QList<AlertRule> checkedRules() const;
    QStringList checkedSpecs() const;
    // Parses `spec`; a valid one is added checked (or the same one already listed is checked). On an
    // error ruleErrorLabel shows the parser's message. False on an error.
    bool addRule(const QString &spec);

Q_SIGNALS:
    // A rule was checked, unchecked or added.
    void checkedChanged();

private:
    QListWidget *m_list;
    QLineEdit *m_edit;
    QPushButton *m_addButton;
    QLabel *m_errorLabel;
};

} // namespace trailguard::ui
