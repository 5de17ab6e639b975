#include "RulesDialog.h"

#include "RuleEditor.h"

#include "watchlist/WatchlistService.h"

namespace trailguard::ui {

RulesDialog::RulesDialog(const QString &ticker, WatchlistService &watchlist, QWidget *parent)
    : QDialog(parent)
    , m_ticker(ticker)
    , m_watchlist(watchlist)
    , m_editor(new RuleEditor(this))
{
    setObjectName(QStringLiteral("rulesDialog"));
    setWindowTitle(tr("Rules for %1").arg(ticker));
    setAttribute(Qt::WA_DeleteOnClose);

    m_editor->placeInDialog(
        *this, tr("Besides its stop, %1 alerts when one of these happens at a market day's close "
                  "(once a day, when it did not hold the day before):")
                   .arg(ticker));

    connect(m_editor, &RuleEditor::addRequested, this, &RulesDialog::add);
    connect(m_editor, &RuleEditor::removeRequested, this, &RulesDialog::remove);
    connect(&m_watchlist, &WatchlistService::stockChanged, this, &RulesDialog::followStock);

    QStringList stored;
    if (const Result<QList<StockState>> stocks = m_watchlist.stocks()) {
        for (const StockState &stock : stocks.value()) {
            if (stock.ticker == ticker)
                stored = stock.rules;
        }
    }
    m_editor->setRules(stored);
    resize(sizeHint().expandedTo(QSize(520, 380)));
}

QStringList RulesDialog::rules() const
{
    return m_editor->rules();
}

QString RulesDialog::specText() const
{
    return m_editor->specText();
}

QString RulesDialog::message() const
{
    return m_editor->message();
}

QComboBox *RulesDialog::kindComboBox() const
{
    return m_editor->kindComboBox();
}

QLineEdit *RulesDialog::parametersLineEdit() const
{
    return m_editor->parametersLineEdit();
}

QPushButton *RulesDialog::addButton() const
{
    return m_editor->addButton();
}

QPushButton *RulesDialog::removeButton() const
{
    return m_editor->removeButton();
}

QListWidget *RulesDialog::rulesList() const
{
    return m_editor->rulesList();
}

void RulesDialog::addRule()
{
    m_editor->addRule();
}

void RulesDialog::removeSelectedRule()
{
    m_editor->removeSelectedRule();
}

void RulesDialog::add(const QString &spec)
{
    const Result<StockState> saved = m_watchlist.addRule(m_ticker, spec);
    if (!saved)
        return m_editor->showError(saved.error().message);
    m_editor->setRules(saved.value().rules);
    m_editor->showNote(tr("Added %1.").arg(spec));
}

void RulesDialog::remove(const QString &spec)
{
    const Result<StockState> saved = m_watchlist.removeRule(m_ticker, spec);
    if (!saved)
        return m_editor->showError(saved.error().message);
    m_editor->setRules(saved.value().rules);
}

void RulesDialog::followStock(const StockState &stock)
{
    if (stock.ticker == m_ticker)
        m_editor->setRules(stock.rules);
}

} // namespace trailguard::ui
