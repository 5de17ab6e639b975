#include "RuleEditor.h"

#include "domain/AlertRule.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace trailguard::ui {

namespace {
// These strings came from RulesDialog and keep its translation context, so their translations still apply.
class RuleEditorText {
    Q_DECLARE_TR_FUNCTIONS(trailguard::ui::RulesDialog)
};

// A kind of rule in the picker: its spec name, the parameters it starts with and what they mean.
struct RuleKindChoice {
    const char *name;
    const char *parameters;
    const char *label;
    const char *hint;
};

// What each kind's parameters mean; a kind and its opposite share theirs.
constexpr const char *kSmaHint =
    QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "N: days of the simple moving average");
constexpr const char *kRsiHint =
    QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "N,X: RSI days, level (0-100)");
constexpr const char *kMacdHint =
    QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "F,S,G: fast, slow and signal days");
constexpr const char *kBollingerHint =
    QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "N,K: days, band width in deviations");
constexpr const char *kTargetHint =
    QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "P: the price (take-profit)");

constexpr RuleKindChoice kRuleKindChoices[] = {
    {"cross-below-sma", "50",
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "Closes below its moving average"), kSmaHint},
    {"cross-above-sma", "50",
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "Closes above its moving average"), kSmaHint},
    {"rsi-below", "14,30", QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "RSI falls below"), kRsiHint},
    {"rsi-above", "14,70", QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "RSI rises above"), kRsiHint},
    {"macd-cross-below", "12,26,9",
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "MACD crosses below its signal line"), kMacdHint},
    {"macd-cross-above", "12,26,9",
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "MACD crosses above its signal line"), kMacdHint},
    {"bb-below", "20,2",
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "Closes below the lower Bollinger band"),
     kBollingerHint},
    {"bb-above", "20,2",
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "Closes above the upper Bollinger band"),
     kBollingerHint},
    {"target", "", QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "Reaches a target price"), kTargetHint},
};
} // namespace

RuleEditor::RuleEditor(QWidget *parent)
    : QWidget(parent)
    , m_rulesList(new QListWidget(this))
    , m_kindComboBox(new QComboBox(this))
    , m_parametersLineEdit(new QLineEdit(this))
    , m_messageLabel(new QLabel(this))
    , m_addButton(new QPushButton(RuleEditorText::tr("&Add"), this))
    , m_removeButton(new QPushButton(RuleEditorText::tr("&Remove"), this))
{
    m_rulesList->setObjectName(QStringLiteral("rulesListWidget"));
    m_rulesList->setAccessibleName(RuleEditorText::tr("Rules"));
    m_removeButton->setObjectName(QStringLiteral("removeRulePushButton"));
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_rulesList, 1);
    auto *listButtons = new QVBoxLayout;
    listButtons->addWidget(m_removeButton);
    listButtons->addStretch(1);
    listRow->addLayout(listButtons);

    m_kindComboBox->setObjectName(QStringLiteral("ruleKindComboBox"));
    for (const RuleKindChoice &choice : kRuleKindChoices)
        m_kindComboBox->addItem(RuleEditorText::tr(choice.label), QLatin1String(choice.name));
    m_parametersLineEdit->setObjectName(QStringLiteral("ruleParametersLineEdit"));
    m_parametersLineEdit->setAccessibleName(RuleEditorText::tr("Rule parameters"));
    m_messageLabel->setObjectName(QStringLiteral("ruleMessageLabel"));
    m_messageLabel->setTextFormat(Qt::PlainText); // messages quote what was typed
    m_messageLabel->setWordWrap(true);
    m_addButton->setObjectName(QStringLiteral("addRulePushButton"));
    auto *parametersRow = new QHBoxLayout;
    parametersRow->addWidget(m_parametersLineEdit, 1);
    parametersRow->addWidget(m_addButton);
    auto *form = new QFormLayout;
    form->addRow(RuleEditorText::tr("&New rule:"), m_kindComboBox);
    auto *parametersLabel = new QLabel(RuleEditorText::tr("&Parameters:"), this);
    parametersLabel->setBuddy(m_parametersLineEdit);
    form->addRow(parametersLabel, parametersRow);
    form->addRow(QString(), m_messageLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(listRow, 1);
    layout->addLayout(form);

    connect(m_kindComboBox, &QComboBox::currentIndexChanged, this, &RuleEditor::kindChosen);
    connect(m_parametersLineEdit, &QLineEdit::textChanged, this, &RuleEditor::validate);
    connect(m_parametersLineEdit, &QLineEdit::returnPressed, this, &RuleEditor::addRule);
    connect(m_addButton, &QPushButton::clicked, this, &RuleEditor::addRule);
    connect(m_removeButton, &QPushButton::clicked, this, &RuleEditor::removeSelectedRule);
    connect(m_rulesList, &QListWidget::currentRowChanged, this,
            [this](int row) { m_removeButton->setEnabled(row >= 0); });

    setRules({});
    kindChosen();
}

void RuleEditor::placeInDialog(QDialog &dialog, const QString &intro)
{
    auto *introLabel = new QLabel(intro, &dialog);
    introLabel->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);

    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(introLabel);
    layout->addWidget(this, 1);
    layout->addWidget(buttons);
}

QStringList RuleEditor::rules() const
{
    QStringList specs;
    for (int row = 0; row < m_rulesList->count(); ++row)
        specs << m_rulesList->item(row)->data(Qt::UserRole).toString();
    return specs;
}

void RuleEditor::setRules(const QStringList &rules)
{
    if (rules != this->rules()) {
        m_rulesList->clear();
        for (const QString &spec : rules) {
            auto *item = new QListWidgetItem(spec, m_rulesList);
            item->setData(Qt::UserRole, spec);
        }
    }
    m_rulesList->setToolTip(rules.isEmpty() ? RuleEditorText::tr("No rules yet: only the stop alerts.")
                                            : QString());
    m_removeButton->setEnabled(m_rulesList->currentRow() >= 0);
}

QString RuleEditor::specText() const
{
    const QString parameters = m_parametersLineEdit->text().trimmed();
    // A whole spec typed in the field wins over the kind picked.
    if (parameters.contains(QLatin1Char(':')))
        return parameters;
    return m_kindComboBox->currentData().toString() + QLatin1Char(':') + parameters;
}

QString RuleEditor::message() const
{
    return m_messageLabel->text();
}

void RuleEditor::showError(const QString &message)
{
    m_messageLabel->setForegroundRole(QPalette::WindowText);
    m_messageLabel->setText(message);
}

void RuleEditor::showNote(const QString &note)
{
    m_messageLabel->setForegroundRole(QPalette::PlaceholderText);
    m_messageLabel->setText(note);
}

void RuleEditor::addRule()
{
    const Result<AlertRule> rule = AlertRule::parse(specText());
    if (!rule)
        return showError(rule.error().message);
    Q_EMIT addRequested(rule.value().spec());
}

void RuleEditor::removeSelectedRule()
{
    if (const QListWidgetItem *item = m_rulesList->currentItem())
        Q_EMIT removeRequested(item->data(Qt::UserRole).toString());
}

void RuleEditor::kindChosen()
{
    const int index = m_kindComboBox->currentIndex();
    if (index < 0 || index >= int(std::size(kRuleKindChoices)))
        return;
    m_parametersLineEdit->setText(QLatin1String(kRuleKindChoices[index].parameters));
    m_parametersLineEdit->setPlaceholderText(RuleEditorText::tr(kRuleKindChoices[index].hint));
    m_parametersLineEdit->setToolTip(RuleEditorText::tr(kRuleKindChoices[index].hint));
    validate();
}

void RuleEditor::validate()
{
    const bool empty = m_parametersLineEdit->text().trimmed().isEmpty();
    const Result<AlertRule> rule = AlertRule::parse(specText());
    m_addButton->setEnabled(static_cast<bool>(rule));
    // What Add would add, quietly; what is wrong, in the normal text colour.
    if (rule)
        showNote(RuleEditorText::tr("Adds %1").arg(rule.value().spec()));
    else
        showError(empty ? QString() : rule.error().message);
}

} // namespace trailguard::ui
