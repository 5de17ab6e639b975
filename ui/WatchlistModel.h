#pragma once

#include "SparklineLoader.h"

#include "common/Result.h"
#include "domain/StockState.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <memory>

namespace trailguard {
class Portfolio;
class WatchlistService;
} // namespace trailguard

namespace trailguard::ui {

class WatchlistCells;

// The watchlist as a table: one row per ticker, in the order the service lists them (a
// QSortFilterProxyModel sorts and filters for the view; numeric columns sort by SortRole). Adapts data
// only: it reads the service's stocks, follows its signals, and sends ratio edits back to it. data() reads
// memory only (WatchlistCells); the sparklines arrive in batches from a worker (SparklineLoader).
class WatchlistModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column {
        Ticker,
        LastPrice,
        Peak,
        Stop,
        DistanceToStop,
        Ratio,
        Currency,
        LastAlert,
        Trend, // a sparkline of the last month (SparklineDelegate paints Role::Sparkline)
        // What the imported accounts hold of the ticker (setPortfolio); empty for tickers not held.
        Quantity,
        MarketValue,
        OpenPnl,
        Strategy, // the stop strategy's spec ("trailing:0.9", "atr:14,3"), editable
        Rules,    // the alert rules beside the stop: their specs, or how many (the list in the tooltip)
    };
    static constexpr int kColumnCount = 14;

    enum class Role {
        Sort = Qt::UserRole + 1, // a number (or date-time) for numeric columns, null when unknown
        Ticker,                  // the row's ticker, in every column
        Proximity,               // StopProximity of the row, as int, in every column
        Sparkline,               // QList<double>: the last month's prices, oldest first (Trend column)
    };

    // Makes the job that reads a batch of sparklines on a worker (see SparklineLoader::Provider).
    using SparklineProvider = SparklineLoader::Provider;

    // How close the last price is to the stop, for the marker beside the distance.
    enum class StopProximity {
        Unknown, // no price or no stop yet
        Clear,   // more than kNearStopPercent above the stop
        Near,    // within kNearStopPercent above the stop (or on it)
        Below,   // strictly below the stop
    };
    static constexpr double kNearStopPercent = 2.0;

    explicit WatchlistModel(WatchlistService &service, QObject *parent = nullptr);
    ~WatchlistModel() override;

    // Reads all stocks from the service again. The model is empty until the first call.
    Status reload();

    static constexpr int column(Column c) { return static_cast<int>(c); }
    static constexpr int role(Role r) { return static_cast<int>(r); }
    static StopProximity proximity(const StockState &stock);

    // Feeds the Trend column: every row's sparkline loads in one batch on a worker, then each changed or
    // added row's again; a batch's arrival changes the Trend column only. Until then a cell keeps what it
    // showed (nothing at first).
    void setSparklineProvider(SparklineProvider provider);
    // Loads all rows' sparklines again (one batch).
    void refreshSparklines();
    const SparklineLoader &sparklineLoader() const { return *m_sparklineLoader; }

    // Fills the Quantity, Market value and Open P/L columns from the imported positions (null: empty).
    void setPortfolio(const Portfolio *portfolio);

    // Marks the tickers whose new state a check could not save (ticker → why) and unmarks those it saved
    // (see CycleReport::notSaved and applied): the price says "not saved", the ticker shows a warning.
    void updateSaveProblems(const QHash<QString, QString> &notSaved, const QStringList &saved);
    QString saveProblem(const QString &ticker) const { return m_saveProblems.value(ticker); }

    // The row of `ticker`, or -1.
    int rowOf(const QString &ticker) const;
    const StockState &stockAt(int row) const { return m_stocks.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // The ratio and the strategy are editable; changes go through WatchlistService::changeRatio and
    // WatchlistService::changeStrategy (a strategy is edited as its spec string and checked there).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    // An edit was refused; `message` says why and what to do.
    void editFailed(const QString &message);

private:
    void insertStock(const StockState &stock);
    void updateStock(const StockState &stock);
    // A saved batch: one dataChanged per run of adjacent changed rows, one sparkline request.
    void updateStocks(const QList<StockState> &stocks);
    void removeStock(const QString &ticker);
    void rebuildRowIndex();
    // Emits dataChanged over every column of `rows` (sorted, unique), one signal per run of adjacent rows.
    void announceRows(const QList<int> &rows);

    void applySparklines(const SparklineLoader::Sparklines &sparklines);

    WatchlistService &m_service;
    const Portfolio *m_portfolio = nullptr;
    QList<StockState> m_stocks;
    QHash<QString, int> m_rowOfTicker;          // ticker → row in m_stocks
    QHash<QString, QList<double>> m_sparklines; // ticker → last month, as the last batch brought it
    QHash<QString, QString> m_saveProblems;     // ticker → why its last state was not saved
    std::unique_ptr<WatchlistCells> m_cells;    // reads the members above
    SparklineLoader *m_sparklineLoader;
};

} // namespace trailguard::ui
