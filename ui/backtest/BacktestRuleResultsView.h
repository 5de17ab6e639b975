#pragma once

#include "backtest/BacktestRuleResultsModel.h"

#include <QTableView>

namespace trailguard::ui {

// The backtest window's table of alert rules (BacktestRuleResultsModel, which it owns): hidden while a
// report has no rules; a row chosen says which rule's firings the chart marks. objectName ruleResultsTable.
class BacktestRuleResultsView : public QTableView {
    Q_OBJECT
public:
    explicit BacktestRuleResultsView(QWidget *parent = nullptr);

    BacktestRuleResultsModel *rulesModel() const { return m_model; }
    // Shows the rules of `report` and chooses the first; an empty report clears and hides the table.
    void setReport(const BacktestReport &report);
    // The rule of the current row, or null.
    const BacktestRuleResult *currentResult() const;

Q_SIGNALS:
    // Another row became current (-1: none).
    void currentRuleRowChanged(int row);

private:
    BacktestRuleResultsModel *m_model;
};

} // namespace trailguard::ui
