#include "WatchlistTableView.h"

#include "RatioDelegate.h"
#include "SparklineDelegate.h"
#include "WatchlistModel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

#include <algorithm>

namespace trailguard::ui {

namespace {
using Column = WatchlistModel::Column;

constexpr int kRowPadding = 10;
} // namespace

WatchlistTableView::WatchlistTableView(WatchlistModel &model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(&model);
    m_proxy->setSortRole(WatchlistModel::role(WatchlistModel::Role::Sort));
    m_proxy->setSortLocaleAware(true);
    m_proxy->setFilterKeyColumn(WatchlistModel::column(Column::Ticker));
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    setObjectName(QStringLiteral("watchlistTableView"));
    setAccessibleName(tr("Watchlist"));
    setAccessibleDescription(tr("Each ticker with its price, peak, stop and distance to the stop; "
                                "F2 edits the ratio, Delete removes"));
    setModel(m_proxy);
    setItemDelegateForColumn(WatchlistModel::column(Column::Ratio), new RatioDelegate(this));
    setItemDelegateForColumn(
        WatchlistModel::column(Column::Trend),
        new SparklineDelegate(WatchlistModel::role(WatchlistModel::Role::Sparkline), this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + kRowPadding);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSortIndicator(WatchlistModel::column(Column::Ticker), Qt::AscendingOrder);
}

void WatchlistTableView::setFilterText(const QString &text)
{
    m_proxy->setFilterFixedString(text);
}

QString WatchlistTableView::currentTicker() const
{
    const QModelIndexList rows = selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(WatchlistModel::role(WatchlistModel::Role::Ticker)).toString();
}

bool WatchlistTableView::selectTicker(const QString &ticker)
{
    const int row = m_model.rowOf(ticker);
    if (row < 0)
        return false;
    const QModelIndex index =
        m_proxy->mapFromSource(m_model.index(row, WatchlistModel::column(Column::Ticker)));
    if (!index.isValid())
        return false; // hidden by the filter
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
    return true;
}

void WatchlistTableView::editCurrentRatio()
{
    const QModelIndexList rows = selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QModelIndex ratio = rows.first().siblingAtColumn(WatchlistModel::column(Column::Ratio));
    setCurrentIndex(ratio);
    edit(ratio);
}

void WatchlistTableView::setPositionColumnsVisible(bool visible)
{
    for (Column column : {Column::Quantity, Column::MarketValue, Column::OpenPnl})
        setColumnHidden(WatchlistModel::column(column), !visible);
}

void WatchlistTableView::applyDefaultColumnWidths()
{
    struct Width {
        Column column;
        int characters;
    };
    static constexpr Width kWidths[] = {
        {Column::Ticker, 10},      {Column::LastPrice, 10},      {Column::Peak, 10},
        {Column::Stop, 10},        {Column::DistanceToStop, 24}, {Column::Ratio, 7},
        {Column::Currency, 8},     {Column::LastAlert, 22},      {Column::Quantity, 9},
        {Column::MarketValue, 12}, {Column::OpenPnl, 11},
    };
    resizeColumnsToContents();
    QHeaderView *header = horizontalHeader();
    const int charWidth = fontMetrics().averageCharWidth();
    for (const Width &width : kWidths) {
        const int section = WatchlistModel::column(width.column);
        header->resizeSection(section, std::max(header->sectionSize(section), width.characters * charWidth));
    }
    // The month's sparkline beside the last price, where the eye compares them.
    header->moveSection(header->visualIndex(WatchlistModel::column(Column::Trend)),
                        header->visualIndex(WatchlistModel::column(Column::LastPrice)) + 1);
}

} // namespace trailguard::ui
