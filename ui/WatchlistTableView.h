#pragma once

#include <QTableView>

class QSortFilterProxyModel;

namespace trailguard::ui {

class WatchlistModel;

// The watchlist table (watchlistTableView): the model behind a sorting, filtering proxy, the ratio editor
// and the sparkline painter, one selected row at a time, and column widths that fit typical values.
class WatchlistTableView : public QTableView {
    Q_OBJECT
public:
    WatchlistTableView(WatchlistModel &model, QWidget *parent = nullptr);

    QSortFilterProxyModel *proxy() const { return m_proxy; }
    // Shows only the tickers that contain `text` (any case).
    void setFilterText(const QString &text);

    // The ticker of the selected row, empty when none is selected.
    QString currentTicker() const;
    // Selects and scrolls to `ticker`'s row; false when it is not listed or the filter hides it.
    bool selectTicker(const QString &ticker);
    // Opens the ratio editor on the selected row.
    void editCurrentRatio();

    // The Quantity, Market value and Open P/L columns: shown once something is held.
    void setPositionColumnsVisible(bool visible);

    // Widths that fit the stored tickers with room for typical values, and the month's sparkline beside
    // the last price; for a first start, when no saved layout exists.
    void applyDefaultColumnWidths();

private:
    WatchlistModel &m_model;
    QSortFilterProxyModel *m_proxy;
};

} // namespace trailguard::ui
