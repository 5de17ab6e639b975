#pragma once

#include "WatchlistModel.h"

#include <QCoreApplication>
#include <QHash>
#include <QIcon>
#include <QVariant>

namespace trailguard::ui {

// How a watchlist row reads, column by column and role by role: the text, sort keys, tooltips, the
// distance's colour and marker, fonts, and the position columns. WatchlistModel's data() is this; it
// reads only what the model holds (no SQL, no network).
class WatchlistCells {
    // The strings keep the model's translation context.
    Q_DECLARE_TR_FUNCTIONS(trailguard::ui::WatchlistModel)
public:
    using Column = WatchlistModel::Column;

    // The model's state, read at every call; all must outlive the cells.
    WatchlistCells(const QHash<QString, QString> &saveProblems,
                   const QHash<QString, QList<double>> &sparklines);

    void setPortfolio(const Portfolio *portfolio) { m_portfolio = portfolio; }
    QVariant data(const StockState &stock, Column column, int role) const;

    // Whether the column holds numbers (right-aligned).
    static bool isNumeric(Column column);
    // The Rules column: up to two specs as they are ("cross-below-sma:50, rsi-below:14,30"), else how many.
    static QString rulesText(const QStringList &rules);

private:
    QVariant display(const StockState &stock, Column column) const;
    QVariant sort(const StockState &stock, Column column) const;
    QVariant distanceDecoration(const StockState &stock) const;
    QVariant distanceForeground(const StockState &stock) const;
    QVariant font(const StockState &stock, Column column) const;
    QVariant toolTip(const StockState &stock, Column column) const;
    static QString notFoundText(const StockState &stock);
    QVariant positionData(const StockState &stock, Column column, int role) const;

    const QHash<QString, QString> &m_saveProblems;
    const QHash<QString, QList<double>> &m_sparklines;
    const Portfolio *m_portfolio = nullptr;
    QIcon m_nearIcon;
    QIcon m_belowIcon;
};

} // namespace trailguard::ui
