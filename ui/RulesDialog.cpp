#include "RulesDialog.h"

#include "domain/AlertRule.h"
#include "watchlist/WatchlistService.h"

#include <QComboBox>
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
// A kind of rule in the picker: its spec name, the parameters it starts with and what they mean.
struct RuleKindChoice {
    const char *name;
    const char *parameters;
    const char *label;
    const char *hint;
};

constexpr RuleKindChoice kRuleKindChoices[] = {
    {"cross-below-sma", "50",
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "Closes below its moving average"),
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "N: days of the simple moving average")},
    {"cross-above-sma", "50",
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "Closes above its moving average"),
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "N: days of the simple moving average")},
    {"rsi-below", "14,30", QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "RSI falls below"),
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "N,X: RSI days, level (0-100)")},
    {"rsi-above", "14,70", QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "RSI rises above"),
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "N,X: RSI days, level (0-100)")},
    {"macd-cross-below", "12,26,9",
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "MACD crosses below its signal line"),
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "F,S,G: fast, slow and signal days")},
    {"macd-cross-above", "12,26,9",
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "MACD crosses above its signal line"),
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "F,S,G: fast, slow and signal days")},
    {"bb-below", "20,2",
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "Closes below the lower Bollinger band"),
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "N,K: days, band width in deviations")},
    {"bb-above", "20,2",
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "Closes above the upper Bollinger band"),
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "N,K: days, band width in deviations")},
    {"target", "", QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "Reaches a target price"),
     QT_TRANSLATE_NOOP("trailguard::ui::RulesDialog", "P: the price (take-profit)")},
};
} // namespace

RulesDialog::RulesDialog(const QString &ticker, WatchlistService &watchlist, QWidget *parent)
    : QDialog(parent)
    , m_ticker(ticker)
    , m_watchlist(watchlist)
    , m_rulesList(new QListWidget(this))
    , m_kindComboBox(new QComboBox(this))
    , m_parametersLineEdit(new QLineEdit(this))
    , m_messageLabel(new QLabel(this))
    , m_addButton(new QPushButton(tr("&Add"), this))
    , m_removeButton(new QPushButton(tr("&Remove"), this))
{
    setObjectName(QStringLiteral("rulesDialog"));
    setWindowTitle(tr("Rules for %1").arg(ticker));
    setAttribute(Qt::WA_DeleteOnClose);

    auto *intro =
        new QLabel(tr("Besides its stop, %1 alerts when one of these happens at a market day's close "
                      "(once a day, when it did not hold the day before):")
                       .arg(ticker),
                   this);
    intro->setWordWrap(true);
    m_rulesList->setObjectName(QStringLiteral("rulesListWidget"));
    m_rulesList->setAccessibleName(tr("Rules"));
    m_removeButton->setObjectName(QStringLiteral("removeRulePushButton"));
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_rulesList, 1);
    auto *listButtons = new QVBoxLayout;
    listButtons->addWidget(m_removeButton);
    listButtons->addStretch(1);
    listRow->addLayout(listButtons);

    m_kindComboBox->setObjectName(QStringLiteral("ruleKindComboBox"));
    for (const RuleKindChoice &choice : kRuleKindChoices)
        m_kindComboBox->addItem(tr(choice.label), QLatin1String(choice.name));
    m_parametersLineEdit->setObjectName(QStringLiteral("ruleParametersLineEdit"));
    m_parametersLineEdit->setAccessibleName(tr("Rule parameters"));
    m_messageLabel->setObjectName(QStringLiteral("ruleMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_addButton->setObjectName(QStringLiteral("addRulePushButton"));
    auto *parametersRow = new QHBoxLayout;
    parametersRow->addWidget(m_parametersLineEdit, 1);
    parametersRow->addWidget(m_addButton);
    auto *form = new QFormLayout;
    form->addRow(tr("&New rule:"), m_kindComboBox);
    auto *parametersLabel = new QLabel(tr("&Parameters:"), this);
    parametersLabel->setBuddy(m_parametersLineEdit);
    form->addRow(parametersLabel, parametersRow);
    form->addRow(QString(), m_messageLabel);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(listRow, 1);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_kindComboBox, &QComboBox::currentIndexChanged, this, &RulesDialog::kindChosen);
    connect(m_parametersLineEdit, &QLineEdit::textChanged, this, &RulesDialog::validate);
    connect(m_parametersLineEdit, &QLineEdit::returnPressed, this, &RulesDialog::addRule);
    connect(m_addButton, &QPushButton::clicked, this, &RulesDialog::addRule);
    connect(m_removeButton, &QPushButton::clicked, this, &RulesDialog::removeSelectedRule);
    connect(m_rulesList, &QListWidget::currentRowChanged, this,
            [this](int row) { m_removeButton->setEnabled(row >= 0); });
    connect(&m_watchlist, &WatchlistService::stockChanged, this, &RulesDialog::followStock);

    QStringList stored;
    if (const Result<QList<StockState>> stocks = m_watchlist.stocks()) {
        for (const StockState &stock : stocks.value()) {
            if (stock.ticker == ticker)
                stored = stock.rules;
        }
    }
    showRules(stored);
    kindChosen();
    resize(sizeHint().expandedTo(QSize(520, 380)));
}

QStringList RulesDialog::rules() const
{
    QStringList specs;
    for (int row = 0; row < m_rulesList->count(); ++row)
        specs << m_rulesList->item(row)->data(Qt::UserRole).toString();
    return specs;
}

QString RulesDialog::specText() const
{
    const QString parameters = m_parametersLineEdit->text().trimmed();
    // A whole spec typed in the field wins over the kind picked.
    if (parameters.contains(QLatin1Char(':')))
        return parameters;
    return m_kindComboBox->currentData().toString() + QLatin1Char(':') + parameters;
}

QString RulesDialog::message() const
{
    return m_messageLabel->text();
}

void RulesDialog::addRule()
{
    const Result<AlertRule> rule = AlertRule::parse(specText());
    if (!rule)
        return showError(rule.error().message);
    const Result<StockState> saved = m_watchlist.addRule(m_ticker, rule.value().spec());
    if (!saved)
        return showError(saved.error().message);
    showRules(saved.value().rules);
    m_messageLabel->setText(tr("Added %1.").arg(rule.value().spec()));
}

void RulesDialog::removeSelectedRule()
{
    const QListWidgetItem *item = m_rulesList->currentItem();
    if (!item)
        return;
    const Result<StockState> saved = m_watchlist.removeRule(m_ticker, item->data(Qt::UserRole).toString());
    if (!saved)
        return showError(saved.error().message);
    showRules(saved.value().rules);
}

void RulesDialog::showRules(const QStringList &rules)
{
    if (rules != this->rules()) {
        m_rulesList->clear();
        for (const QString &spec : rules) {
            auto *item = new QListWidgetItem(spec, m_rulesList);
            item->setData(Qt::UserRole, spec);
        }
    }
    m_rulesList->setToolTip(rules.isEmpty() ? tr("No rules yet: only the stop alerts.") : QString());
    m_removeButton->setEnabled(m_rulesList->currentRow() >= 0);
}

void RulesDialog::kindChosen()
{
    const int index = m_kindComboBox->currentIndex();
    if (index < 0 || index >= int(std::size(kRuleKindChoices)))
        return;
    m_parametersLineEdit->setText(QLatin1String(kRuleKindChoices[index].parameters));
    m_parametersLineEdit->setPlaceholderText(tr(kRuleKindChoices[index].hint));
    m_parametersLineEdit->setToolTip(tr(kRuleKindChoices[index].hint));
    validate();
}

void RulesDialog::validate()
{
    const bool empty = m_parametersLineEdit->text().trimmed().isEmpty();
    const Result<AlertRule> rule = AlertRule::parse(specText());
    m_addButton->setEnabled(static_cast<bool>(rule));
    // What Add would add, quietly; what is wrong, in the normal text colour.
    m_messageLabel->setForegroundRole(rule ? QPalette::PlaceholderText : QPalette::WindowText);
    m_messageLabel->setText(rule ? tr("Adds %1").arg(rule.value().spec())
                                 : (empty ? QString() : rule.error().message));
}

void RulesDialog::showError(const QString &message)
{
    m_messageLabel->setForegroundRole(QPalette::WindowText);
    m_messageLabel->setText(message);
}

void RulesDialog::followStock(const StockState &stock)
{
    if (stock.ticker == m_ticker)
        showRules(stock.rules);
}

} // namespace trailguard::ui
