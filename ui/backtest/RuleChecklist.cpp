#include "backtest/RuleChecklist.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace trailguard::ui {

namespace {
constexpr int kRuleSpecRole = Qt::UserRole + 3; // an item's canonical rule spec
} // namespace

RuleChecklist::RuleChecklist(QWidget *parent)
    : QGroupBox(tr("Rules"), parent)
    , m_list(new QListWidget(this))
    , m_edit(new QLineEdit(this))
    , m_addButton(new QPushButton(tr("A&dd Rule"), this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("ruleChecklist"));
    m_list->setObjectName(QStringLiteral("ruleList"));
    m_list->setAccessibleName(tr("Alert rules to backtest"));
    m_list->setAccessibleDescription(
        tr("Check the alert rules to replay beside the strategies; Space toggles one"));
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_list, &QListWidget::itemChanged, this, &RuleChecklist::checkedChanged);

    m_edit->setObjectName(QStringLiteral("ruleEdit"));
    m_edit->setAccessibleName(tr("Alert rule"));
    m_edit->setPlaceholderText(tr("e.g. cross-below-sma:50 or rsi-below:14,30"));
    m_edit->setToolTip(tr("cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, "
                          "macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K or "
                          "target:P"));
    m_edit->setAccessibleDescription(m_edit->toolTip());
    m_edit->setClearButtonEnabled(true);

    m_addButton->setObjectName(QStringLiteral("addRuleButton"));
    m_addButton->setAccessibleName(tr("Add alert rule"));
    m_addButton->setAccessibleDescription(tr("Add the rule typed beside to the list, checked"));
    m_addButton->setToolTip(m_addButton->accessibleDescription());
    m_addButton->setEnabled(false);
    // Enter in the field adds the rule instead of pressing Run, the dialog's default button.
    m_addButton->setAutoDefault(false);

    m_errorLabel->setObjectName(QStringLiteral("ruleErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Alert rule error"));
    m_errorLabel->setWordWrap(true);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();

    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_addButton->setEnabled(!text.trimmed().isEmpty());
        m_errorLabel->hide();
    });
    const auto add = [this] {
        if (addRule(m_edit->text()))
            m_edit->clear();
    };
    connect(m_addButton, &QPushButton::clicked, this, add);
    connect(m_edit, &QLineEdit::returnPressed, this, add);

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_edit, 1);
    addRow->addWidget(m_addButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(addRow);
    layout->addWidget(m_errorLabel);
}

QList<AlertRule> RuleChecklist::checkedRules() const
{
    QList<AlertRule> rules;
    for (const QString &spec : checkedSpecs()) {
        if (const Result<AlertRule> rule = AlertRule::parse(spec))
            rules << rule.value();
    }
    return rules;
}

QStringList RuleChecklist::checkedSpecs() const
{
    QStringList specs;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        if (item->checkState() == Qt::Checked)
            specs << item->data(kRuleSpecRole).toString();
    }
    return specs;
}

bool RuleChecklist::addRule(const QString &spec)
{
    const Result<AlertRule> rule = AlertRule::parse(spec);
    if (!rule) {
        m_errorLabel->setText(rule.error().message);
        m_errorLabel->show();
        return false;
    }
    m_errorLabel->hide();
    const QString canonical = rule.value().spec();
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (item->data(kRuleSpecRole).toString() == canonical) {
            item->setCheckState(Qt::Checked);
            m_list->setCurrentItem(item);
            return true;
        }
    }
    auto *item = new QListWidgetItem(canonical);
    item->setData(kRuleSpecRole, canonical);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    m_list->addItem(item);
    m_list->setCurrentRow(m_list->count() - 1);
    Q_EMIT checkedChanged();
    return true;
}

} // namespace trailguard::ui
