#include "backtest/StrategyChecklist.h"

#include "backtest/BacktestText.h"
#include "domain/StopStrategy.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace trailguard::ui {

namespace {
constexpr int kSpecRole = Qt::UserRole + 2; // an item's canonical spec
} // namespace

StrategyChecklist::StrategyChecklist(QWidget *parent)
    : QGroupBox(tr("Strategies"), parent)
    , m_list(new QListWidget(this))
    , m_customEdit(new QLineEdit(this))
    , m_addButton(new QPushButton(tr("&Add"), this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("strategyChecklist"));
    m_list->setObjectName(QStringLiteral("strategyList"));
    m_list->setAccessibleName(tr("Strategies to backtest"));
    m_list->setAccessibleDescription(tr("Check the strategies to replay; Space toggles one"));
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    const QStringList presets = presetSpecs();
    for (const QString &spec : presets) {
        const Result<StopStrategy> strategy = StopStrategy::parse(spec);
        if (strategy)
            addItem(strategy.value(), spec == presets.at(0) || spec == presets.at(1));
    }
    connect(m_list, &QListWidget::itemChanged, this, &StrategyChecklist::checkedChanged);

    m_customEdit->setObjectName(QStringLiteral("customStrategyEdit"));
    m_customEdit->setAccessibleName(tr("Custom strategy"));
    m_customEdit->setPlaceholderText(tr("e.g. trailing:0.92 or atr:20,2.5"));
    m_customEdit->setToolTip(tr("trailing:R, fixed:P, fixed-pct:R, activation:R,A or atr:N,K"));
    m_customEdit->setClearButtonEnabled(true);

    m_addButton->setObjectName(QStringLiteral("addStrategyButton"));
    m_addButton->setAccessibleName(tr("Add custom strategy"));
    m_addButton->setToolTip(tr("Add the strategy typed beside to the list, checked"));
    m_addButton->setEnabled(false);
    // Enter in the field adds the strategy instead of pressing Run, the dialog's default button.
    m_addButton->setAutoDefault(false);

    m_errorLabel->setObjectName(QStringLiteral("customStrategyErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Custom strategy error"));
    m_errorLabel->setWordWrap(true);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();

    connect(m_customEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_addButton->setEnabled(!text.trimmed().isEmpty());
        m_errorLabel->hide();
    });
    const auto add = [this] {
        if (addCustomStrategy(m_customEdit->text()))
            m_customEdit->clear();
    };
    connect(m_addButton, &QPushButton::clicked, this, add);
    connect(m_customEdit, &QLineEdit::returnPressed, this, add);

    auto *customRow = new QHBoxLayout;
    customRow->addWidget(m_customEdit, 1);
    customRow->addWidget(m_addButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(customRow);
    layout->addWidget(m_errorLabel);
}

QStringList StrategyChecklist::presetSpecs()
{
    return {QStringLiteral("trailing:0.9"), QStringLiteral("trailing:0.85"), QStringLiteral("fixed-pct:0.9"),
            QStringLiteral("activation:0.9,0.05"), QStringLiteral("atr:14,3")};
}

void StrategyChecklist::addItem(const StopStrategy &strategy, bool checked)
{
    const QString spec = strategy.spec();
    const QString description = BacktestText::describe(strategy);
    auto *item = new QListWidgetItem(tr("%1 \u2014 %2", "spec — description").arg(spec, description));
    item->setData(kSpecRole, spec);
    item->setToolTip(description);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    m_list->addItem(item);
}

QStringList StrategyChecklist::checkedSpecs() const
{
    QStringList specs;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        if (item->checkState() == Qt::Checked)
            specs << item->data(kSpecRole).toString();
    }
    return specs;
}

void StrategyChecklist::setStrategyChecked(const QString &spec, bool checked)
{
    const Result<StopStrategy> strategy = StopStrategy::parse(spec);
    const QString canonical = strategy ? strategy.value().spec() : spec;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (item->data(kSpecRole).toString() == canonical)
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

bool StrategyChecklist::addCustomStrategy(const QString &spec)
{
    const Result<StopStrategy> strategy = StopStrategy::parse(spec.trimmed());
    if (!strategy) {
        m_errorLabel->setText(strategy.error().message);
        m_errorLabel->show();
        return false;
    }
    m_errorLabel->hide();
    const QString canonical = strategy.value().spec();
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (item->data(kSpecRole).toString() == canonical) {
            item->setCheckState(Qt::Checked);
            m_list->setCurrentItem(item);
            return true;
        }
    }
    addItem(strategy.value(), true);
    m_list->setCurrentRow(m_list->count() - 1);
    Q_EMIT checkedChanged();
    return true;
}

} // namespace trailguard::ui
