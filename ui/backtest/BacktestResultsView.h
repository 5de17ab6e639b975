#pragma once

#include "backtest/BacktestResultsModel.h"

#include <QTableView>

namespace trailguard::ui {

// The backtest window's table of strategies (BacktestResultsModel, which it owns): a strategy that could
// not run says why across the value columns; the row chosen says which strategy the chart draws.
// objectName resultsTable.
class BacktestResultsView : public QTableView {
    Q_OBJECT
public:
    explicit BacktestResultsView(QWidget *parent = nullptr);

    BacktestResultsModel *strategiesModel() const { return m_model; }
    // Shows the strategies of `report` and chooses the first; an empty report clears the table.
    void setReport(const BacktestReport &report);
    // The strategy of the current row, or null.
    const BacktestStrategyResult *currentResult() const;

Q_SIGNALS:
    // Another row became current (-1: none).
    void currentStrategyRowChanged(int row);

private:
    BacktestResultsModel *m_model;
};

} // namespace trailguard::ui
