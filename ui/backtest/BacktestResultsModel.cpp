#include "backtest/BacktestResultsModel.h"

#include "Formatting.h"
#include "backtest/BacktestText.h"

#include <QFont>
#include <QLocale>

namespace trailguard::ui {

namespace {
QVariant optionalNumber(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}
} // namespace

BacktestResultsModel::BacktestResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void BacktestResultsModel::setReport(const BacktestReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

const BacktestStrategyResult *BacktestResultsModel::resultAt(int row) const
{
    return row >= 0 && row < m_report.results.size() ? &m_report.results.at(row) : nullptr;
}

int BacktestResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_report.results.size());
}

int BacktestResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant BacktestResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BacktestStrategyResult &result = m_report.results.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(result, column);
    case ValueRole:
        return value(result, column);
    case Qt::ToolTipRole:
        return toolTip(result, column);
    case Qt::TextAlignmentRole:
        if (column == StrategyColumn || column == FirstBreachColumn || result.error)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (betterColumn(result) == column) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant BacktestResultsModel::display(const BacktestStrategyResult &result, Column column) const
{
    if (column == StrategyColumn)
        return result.strategy.spec();
    if (result.error)
        return column == FirstBreachColumn ? result.error->message : QString();
    const ReplaySeriesSummary &summary = result.summary;
    switch (column) {
    case StrategyColumn:
        break;
    case FirstBreachColumn:
        return summary.firstBreachDate ? BacktestText::isoDate(*summary.firstBreachDate) : tr("None");
    case BreachPriceColumn:
        return Formatting::price(summary.firstBreachPrice);
    case AlertsColumn:
        return QLocale().toString(summary.alertCount);
    case ExitColumn:
        return summary.exitReturn ? BacktestText::percent(*summary.exitReturn) : Formatting::emptyValue();
    case HoldColumn:
        return BacktestText::percent(summary.holdReturn);
    }
    return {};
}

QVariant BacktestResultsModel::value(const BacktestStrategyResult &result, Column column) const
{
    if (column == StrategyColumn)
        return result.strategy.spec();
    if (result.error)
        return {};
    const ReplaySeriesSummary &summary = result.summary;
    switch (column) {
    case StrategyColumn:
        break;
    case FirstBreachColumn:
        return summary.firstBreachDate ? *summary.firstBreachDate : QDate();
    case BreachPriceColumn:
        return optionalNumber(summary.firstBreachPrice);
    case AlertsColumn:
        return summary.alertCount;
    case ExitColumn:
        return optionalNumber(summary.exitReturn);
    case HoldColumn:
        return summary.holdReturn;
    }
    return {};
}

QVariant BacktestResultsModel::toolTip(const BacktestStrategyResult &result, Column column) const
{
    if (column == StrategyColumn)
        return BacktestText::describe(result.strategy);
    if (result.error)
        return column == FirstBreachColumn ? QVariant(result.error->message) : QVariant();
    if (betterColumn(result) != column)
        return {};
    // Which choice did better, for the eye (bold) and for screen readers.
    return column == ExitColumn ? tr("Exiting at the first breach did better than holding")
                                : tr("Holding did at least as well as exiting at the first breach");
}

std::optional<BacktestResultsModel::Column>
BacktestResultsModel::betterColumn(const BacktestStrategyResult &result)
{
    if (result.error || !result.summary.exitReturn)
        return std::nullopt;
    return *result.summary.exitReturn > result.summary.holdReturn ? ExitColumn : HoldColumn;
}

QVariant BacktestResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case StrategyColumn:
        return tr("Strategy");
    case FirstBreachColumn:
        return tr("First Breach");
    case BreachPriceColumn:
        return tr("Breach Price");
    case AlertsColumn:
        return tr("Alerts");
    case ExitColumn:
        return tr("Exit at Breach");
    case HoldColumn:
        return tr("Hold");
    }
    return {};
}

} // namespace trailguard::ui
