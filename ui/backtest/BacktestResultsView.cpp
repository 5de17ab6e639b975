#include "backtest/BacktestResultsView.h"

#include <QHeaderView>

namespace trailguard::ui {

BacktestResultsView::BacktestResultsView(QWidget *parent)
    : QTableView(parent)
    , m_model(new BacktestResultsModel(this))
{
    setObjectName(QStringLiteral("resultsTable"));
    setAccessibleName(tr("Backtest results"));
    setAccessibleDescription(
        tr("Per strategy: the first breach, the number of alerts, and the return of exiting at the first "
           "breach against holding; choosing a row draws that strategy on the chart"));
    setModel(m_model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(BacktestResultsModel::StrategyColumn, QHeaderView::Stretch);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentStrategyRowChanged(current.row()); });
}

void BacktestResultsView::setReport(const BacktestReport &report)
{
    m_model->setReport(report);
    clearSpans();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        // A strategy that could not run says why across the value columns.
        if (m_model->resultAt(row)->error)
            setSpan(row, BacktestResultsModel::FirstBreachColumn, 1,
                    BacktestResultsModel::HoldColumn - BacktestResultsModel::FirstBreachColumn + 1);
    }
    if (m_model->rowCount() > 0) {
        selectRow(0);
        setCurrentIndex(m_model->index(0, BacktestResultsModel::StrategyColumn));
    }
}

const BacktestStrategyResult *BacktestResultsView::currentResult() const
{
    return m_model->resultAt(currentIndex().row());
}

} // namespace trailguard::ui
