#pragma once

#include <QDialog>
#include <QStringList>

namespace trailguard::ui {

class RuleEditor;

// The alert rules a ticker is added with, from the add form's Rules… button: a RuleEditor over a list kept
// here (nothing is stored until the form adds the ticker, with them). A bad or repeated rule is refused
// with a message, as in RulesDialog.
class AddTickerRulesDialog : public QDialog {
    Q_OBJECT
public:
    explicit AddTickerRulesDialog(const QStringList &rules, QWidget *parent = nullptr);

    QStringList rules() const { return m_rules; }
    void setRules(const QStringList &rules);
    RuleEditor *editor() const { return m_editor; }

Q_SIGNALS:
    void rulesChanged(const QStringList &rules);

private:
    void add(const QString &spec);
    void remove(const QString &spec);

    QStringList m_rules;
    RuleEditor *m_editor;
};

} // namespace trailguard::ui
