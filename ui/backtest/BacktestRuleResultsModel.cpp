#include "backtest/BacktestRuleResultsModel.h"

#include "Formatting.h"
#include "backtest/BacktestText.h"

#include <QLocale>

namespace trailguard::ui {

BacktestRuleResultsModel::BacktestRuleResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void BacktestRuleResultsModel::setReport(const BacktestReport &report)
{
    beginResetModel();
    m_rules = report.rules;
    endResetModel();
}

const BacktestRuleResult *BacktestRuleResultsModel::resultAt(int row) const
{
    return row >= 0 && row < m_rules.size() ? &m_rules.at(row) : nullptr;
}

int BacktestRuleResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rules.size());
}

int BacktestRuleResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant BacktestRuleResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BacktestRuleResult &result = m_rules.at(index.row());
    const ReplayAlert *first = result.firings.isEmpty() ? nullptr : &result.firings.constFirst();
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::TextAlignmentRole) {
        return column == RuleColumn || column == FirstFiringColumn
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole)
        return first && first->firing ? QVariant(first->firing->message)
                                      : QVariant(tr("The rule did not fire in the period"));
    if (role != Qt::DisplayRole && role != ValueRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    switch (column) {
    case RuleColumn:
        return result.rule.spec();
    case FiringsColumn:
        return display ? QVariant(QLocale().toString(result.firings.size()))
                       : QVariant(static_cast<int>(result.firings.size()));
    case FirstFiringColumn:
        if (display)
            return first ? BacktestText::isoDate(first->date) : tr("None");
        return first ? first->date : QDate();
    case FirstCloseColumn:
        if (display)
            return Formatting::price(first ? std::optional<double>(first->price) : std::nullopt);
        return first ? QVariant(first->price) : QVariant();
    }
    return {};
}

QVariant BacktestRuleResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case RuleColumn:
        return tr("Rule");
    case FiringsColumn:
        return tr("Firings");
    case FirstFiringColumn:
        return tr("First Firing");
    case FirstCloseColumn:
        return tr("Close");
    }
    return {};
}

} // namespace trailguard::ui
