#pragma once

#include "replay/BacktestRunner.h"

#include <QAbstractTableModel>

namespace trailguard::ui {

// The backtest's alert rules as a table: per rule the number of days it fired and its first firing (date
// and close). Adapts a finished BacktestReport's rules only; read-only.
class BacktestRuleResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        RuleColumn,
        FiringsColumn,
        FirstFiringColumn,
        FirstCloseColumn,
    };
    static constexpr int kColumnCount = FirstCloseColumn + 1;

    enum Role {
        // The cell's raw value: the spec (QString), the number of firings (int), the first firing's date
        // (QDate, invalid: none) and close (double, null: none).
        ValueRole = Qt::UserRole + 1,
    };

    explicit BacktestRuleResultsModel(QObject *parent = nullptr);

    // Shows the rules of `report` (a model reset); an empty report clears the table.
    void setReport(const BacktestReport &report);
    // The result of `row`, or null.
    const BacktestRuleResult *resultAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<BacktestRuleResult> m_rules;
};

} // namespace trailguard::ui
