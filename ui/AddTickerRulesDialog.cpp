#include "AddTickerRulesDialog.h"

#include "RuleEditor.h"

namespace trailguard::ui {

AddTickerRulesDialog::AddTickerRulesDialog(const QStringList &rules, QWidget *parent)
    : QDialog(parent)
    , m_rules(rules)
    , m_editor(new RuleEditor(this))
{
    setObjectName(QStringLiteral("addTickerRulesDialog"));
    setWindowTitle(tr("Rules for the New Ticker"));

    m_editor->placeInDialog(
        *this, tr("The ticker is added with these rules. Besides its stop, it alerts when one of "
                  "them happens at a market day's close (once a day, when it did not hold the "
                  "day before):"));

    connect(m_editor, &RuleEditor::addRequested, this, &AddTickerRulesDialog::add);
    connect(m_editor, &RuleEditor::removeRequested, this, &AddTickerRulesDialog::remove);
    m_editor->setRules(m_rules);
    resize(sizeHint().expandedTo(QSize(520, 380)));
}

void AddTickerRulesDialog::setRules(const QStringList &rules)
{
    m_rules = rules;
    m_editor->setRules(rules);
}

void AddTickerRulesDialog::add(const QString &spec)
{
    if (m_rules.contains(spec))
        return m_editor->showError(tr("%1 is already in the list.").arg(spec));
    m_rules.append(spec);
    m_editor->setRules(m_rules);
    m_editor->showNote(tr("Added %1.").arg(spec));
    Q_EMIT rulesChanged(m_rules);
}

void AddTickerRulesDialog::remove(const QString &spec)
{
    m_rules.removeAll(spec);
    m_editor->setRules(m_rules);
    Q_EMIT rulesChanged(m_rules);
}

} // namespace trailguard::ui
