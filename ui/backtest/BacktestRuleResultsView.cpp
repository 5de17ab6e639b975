#include "backtest/BacktestRuleResultsView.h"

#include <QHeaderView>

namespace trailguard::ui {

BacktestRuleResultsView::BacktestRuleResultsView(QWidget *parent)
    : QTableView(parent)
    , m_model(new BacktestRuleResultsModel(this))
{
    setObjectName(QStringLiteral("ruleResultsTable"));
    setAccessibleName(tr("Alert rule results"));
    setAccessibleDescription(tr("Per alert rule: the days it fired and the first one; choosing a row marks "
                                "its firings on the chart"));
    setModel(m_model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(BacktestRuleResultsModel::RuleColumn, QHeaderView::Stretch);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentRuleRowChanged(current.row()); });
    hide(); // until a report has rules
}

void BacktestRuleResultsView::setReport(const BacktestReport &report)
{
    m_model->setReport(report);
    setVisible(m_model->rowCount() > 0);
    if (m_model->rowCount() > 0) {
        selectRow(0);
        setCurrentIndex(m_model->index(0, BacktestRuleResultsModel::RuleColumn));
    }
}

const BacktestRuleResult *BacktestRuleResultsView::currentResult() const
{
    return m_model->resultAt(currentIndex().row());
}

} // namespace trailguard::ui
