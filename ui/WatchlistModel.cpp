#include "WatchlistModel.h"

#include "WatchlistCells.h"

#include "domain/StopLossEngine.h"
#include "portfolio/Portfolio.h"
#include "watchlist/WatchlistService.h"

#include <QSet>

#include <algorithm>

namespace trailguard::ui {

WatchlistModel::WatchlistModel(WatchlistService &service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
    , m_cells(std::make_unique<WatchlistCells>(m_saveProblems, m_sparklines))
    , m_sparklineLoader(new SparklineLoader(this))
{
    connect(&m_service, &WatchlistService::stockAdded, this, &WatchlistModel::insertStock);
    connect(&m_service, &WatchlistService::stockChanged, this, &WatchlistModel::updateStock);
    connect(&m_service, &WatchlistService::stocksChanged, this, &WatchlistModel::updateStocks);
    connect(&m_service, &WatchlistService::stockRemoved, this, &WatchlistModel::removeStock);
    connect(m_sparklineLoader, &SparklineLoader::loaded, this, &WatchlistModel::applySparklines);
}

WatchlistModel::~WatchlistModel() = default;

Status WatchlistModel::reload()
{
    Result<QList<StockState>> stocks = m_service.stocks();
    if (!stocks.ok())
        return stocks.error();
    beginResetModel();
    m_stocks = std::move(stocks).value();
    rebuildRowIndex();
    endResetModel();
    // The sparklines shown stay until the new batch replaces them.
    refreshSparklines();
    return success();
}

WatchlistModel::StopProximity WatchlistModel::proximity(const StockState &stock)
{
    const std::optional<double> distance = stock.distanceToStopPercent();
    if (!distance)
        return StopProximity::Unknown;
    if (StopLossEngine::isBelow(*stock.lastPrice, *stock.stop))
        return StopProximity::Below;
    return *distance <= kNearStopPercent ? StopProximity::Near : StopProximity::Clear;
}

void WatchlistModel::setSparklineProvider(SparklineProvider provider)
{
    m_sparklineLoader->setProvider(std::move(provider));
    refreshSparklines();
}

void WatchlistModel::refreshSparklines()
{
    QStringList tickers;
    tickers.reserve(m_stocks.size());
    for (const StockState &stock : std::as_const(m_stocks))
        tickers.append(stock.ticker);
    m_sparklineLoader->request(tickers);
}

// A batch arrived: only the Trend cells of its rows change.
void WatchlistModel::applySparklines(const SparklineLoader::Sparklines &sparklines)
{
    int first = -1;
    int last = -1;
    for (auto it = sparklines.cbegin(); it != sparklines.cend(); ++it) {
        const int row = rowOf(it.key());
        if (row < 0 || m_sparklines.value(it.key()) == it.value())
            continue; // removed meanwhile, or unchanged
        m_sparklines.insert(it.key(), it.value());
        first = first < 0 ? row : std::min(first, row);
        last = std::max(last, row);
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, column(Column::Trend)), index(last, column(Column::Trend)));
}

int WatchlistModel::rowOf(const QString &ticker) const
{
    return m_rowOfTicker.value(ticker, -1);
}

void WatchlistModel::rebuildRowIndex()
{
    m_rowOfTicker.clear();
    m_rowOfTicker.reserve(m_stocks.size());
    for (int row = 0; row < int(m_stocks.size()); ++row)
        m_rowOfTicker.insert(m_stocks.at(row).ticker, row);
}

int WatchlistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_stocks.size());
}

int WatchlistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant WatchlistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return m_cells->data(m_stocks.at(index.row()), static_cast<Column>(index.column()), role);
}

QVariant WatchlistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto column = static_cast<Column>(section);
    if (role == Qt::TextAlignmentRole)
        return WatchlistCells::isNumeric(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                 : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Column::Ticker:
        return tr("Ticker");
    case Column::LastPrice:
        return tr("Last price");
    case Column::Peak:
        return tr("Peak");
    case Column::Stop:
        return tr("Stop");
    case Column::DistanceToStop:
        return tr("To stop");
    case Column::Ratio:
        return tr("Ratio");
    case Column::Currency:
        return tr("Currency");
    case Column::LastAlert:
        return tr("Last alert");
    case Column::Quantity:
        return tr("Quantity");
    case Column::MarketValue:
        return tr("Market value");
    case Column::OpenPnl:
        return tr("Open P/L");
    case Column::Trend:
        return tr("Last month");
    case Column::Strategy:
        return tr("Strategy");
    case Column::Rules:
        return tr("Rules");
    }
    return {};
}

Qt::ItemFlags WatchlistModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() &&
        (index.column() == column(Column::Ratio) || index.column() == column(Column::Strategy)))
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool WatchlistModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role == Qt::EditRole && index.column() == column(Column::Strategy) &&
        checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        const Result<StopStrategy> strategy = StopStrategy::parse(value.toString());
        if (!strategy.ok()) {
            Q_EMIT editFailed(strategy.error().message);
            return false;
        }
        const Result<StockState> changed =
            m_service.changeStrategy(m_stocks.at(index.row()).ticker, strategy.value());
        if (!changed.ok()) {
            Q_EMIT editFailed(changed.error().message);
            return false;
        }
        return true;
    }
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        index.column() != column(Column::Ratio)) {
        return false;
    }
    bool isNumber = false;
    const double ratio = value.toDouble(&isNumber);
    if (!isNumber) {
        Q_EMIT editFailed(tr("Enter the ratio as a number from 0.01 to less than 1, for example 0.9."));
        return false;
    }
    // On success the service announces the new state and updateStock() refreshes the row.
    const Result<StockState> changed = m_service.changeRatio(m_stocks.at(index.row()).ticker, ratio);
    if (!changed.ok()) {
        Q_EMIT editFailed(changed.error().message);
        return false;
    }
    return true;
}

void WatchlistModel::insertStock(const StockState &stock)
{
    if (rowOf(stock.ticker) >= 0) {
        updateStock(stock);
        return;
    }
    const int row = static_cast<int>(m_stocks.size());
    beginInsertRows({}, row, row);
    m_stocks.append(stock);
    m_rowOfTicker.insert(stock.ticker, row);
    endInsertRows();
    m_sparklineLoader->request({stock.ticker});
}

void WatchlistModel::updateStock(const StockState &stock)
{
    const int row = rowOf(stock.ticker);
    if (row < 0) {
        insertStock(stock);
        return;
    }
    if (m_stocks.at(row) == stock)
        return;
    m_stocks[row] = stock;
    Q_EMIT dataChanged(index(row, 0), index(row, kColumnCount - 1));
    m_sparklineLoader->request({stock.ticker}); // a new price may have been stored
}

void WatchlistModel::updateStocks(const QList<StockState> &stocks)
{
    QList<int> rows;
    QStringList tickers;
    rows.reserve(stocks.size());
    for (const StockState &stock : stocks) {
        const int row = rowOf(stock.ticker);
        if (row < 0) {
            insertStock(stock); // not listed yet: a row of its own
            continue;
        }
        if (m_stocks.at(row) == stock)
            continue;
        m_stocks[row] = stock;
        rows.append(row);
        tickers.append(stock.ticker);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    announceRows(rows);
    if (!tickers.isEmpty())
        m_sparklineLoader->request(tickers); // new prices may have been stored
}

void WatchlistModel::announceRows(const QList<int> &rows)
{
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype end = i;
        while (end + 1 < rows.size() && rows.at(end + 1) == rows.at(end) + 1)
            ++end;
        Q_EMIT dataChanged(index(rows.at(i), 0), index(rows.at(end), kColumnCount - 1));
        i = end + 1;
    }
}

void WatchlistModel::removeStock(const QString &ticker)
{
    const int row = rowOf(ticker);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_stocks.removeAt(row);
    m_sparklines.remove(ticker);
    rebuildRowIndex();
    endRemoveRows();
}

void WatchlistModel::updateSaveProblems(const QHash<QString, QString> &notSaved, const QStringList &saved)
{
    QSet<QString> touched;
    for (const QString &ticker : saved) {
        if (m_saveProblems.remove(ticker))
            touched.insert(ticker);
    }
    for (auto it = notSaved.cbegin(); it != notSaved.cend(); ++it) {
        if (m_saveProblems.value(it.key()) != it.value()) {
            m_saveProblems.insert(it.key(), it.value());
            touched.insert(it.key());
        }
    }
    QList<int> rows;
    for (const QString &ticker : std::as_const(touched)) {
        if (const int row = rowOf(ticker); row >= 0)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    announceRows(rows);
}

void WatchlistModel::setPortfolio(const Portfolio *portfolio)
{
    if (m_portfolio)
        disconnect(m_portfolio, nullptr, this, nullptr);
    m_portfolio = portfolio;
    m_cells->setPortfolio(portfolio);
    const auto refresh = [this] {
        if (!m_stocks.isEmpty())
            Q_EMIT dataChanged(index(0, column(Column::Quantity)),
                               index(rowCount() - 1, column(Column::OpenPnl)));
    };
    if (m_portfolio)
        connect(m_portfolio, &Portfolio::changed, this, refresh);
    refresh();
}

} // namespace trailguard::ui
