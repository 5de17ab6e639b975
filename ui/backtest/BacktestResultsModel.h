#pragma once

#include "replay/BacktestRunner.h"

#include <QAbstractTableModel>

namespace trailguard::ui {

// The backtest's results as a table: per strategy the first breach (date and price), the number of
// alerts and the return of exiting at the first breach against holding. A strategy that could not run
// shows its error in the First Breach column (the view spans it over the rest). The better of Exit and
// Hold is bold. Adapts a finished BacktestReport only; read-only.
class BacktestResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        StrategyColumn,
        FirstBreachColumn,
        BreachPriceColumn,
        AlertsColumn,
        ExitColumn,
        HoldColumn,
    };
    static constexpr int kColumnCount = HoldColumn + 1;

    enum Role {
        // The cell's raw value: the spec (QString), the breach date (QDate, invalid: none), the breach
        // price and returns (double, null: none), the alert count (int).
        ValueRole = Qt::UserRole + 1,
    };

    explicit BacktestResultsModel(QObject *parent = nullptr);

    // Shows `report` (a model reset); an empty report clears the table.
    void setReport(const BacktestReport &report);
    const BacktestReport &report() const { return m_report; }
    // The result of `row`, or null.
    const BacktestStrategyResult *resultAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const BacktestStrategyResult &result, Column column) const;
    QVariant value(const BacktestStrategyResult &result, Column column) const;
    QVariant toolTip(const BacktestStrategyResult &result, Column column) const;
    // The Exit or Hold column that did better, when both are known.
    static std::optional<Column> betterColumn(const BacktestStrategyResult &result);

    BacktestReport m_report;
};

} // namespace trailguard::ui
