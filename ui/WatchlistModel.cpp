#include "WatchlistModel.h"

#include "Formatting.h"

#include "domain/StopLossEngine.h"
#include "portfolio/Portfolio.h"
#include "watchlist/WatchlistService.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QSet>
#include <QStyle>

#include <algorithm>
#include <cmath>

namespace trailguard::ui {

namespace {
using Column = WatchlistModel::Column;

constexpr double kGreenAtPercent = 10.0; // distances from here up are plain green

QVariant optionalNumber(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

bool isNumeric(Column column)
{
    return column != Column::Ticker && column != Column::Currency && column != Column::LastAlert &&
           column != Column::Trend && column != Column::Strategy;
}
} // namespace

WatchlistModel::WatchlistModel(WatchlistService &service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
    , m_nearIcon(QIcon::fromTheme(QStringLiteral("dialog-warning"),
                                  QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning)))
    , m_belowIcon(QIcon::fromTheme(QStringLiteral("dialog-error"),
                                   QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical)))
{
    connect(&m_service, &WatchlistService::stockAdded, this, &WatchlistModel::insertStock);
    connect(&m_service, &WatchlistService::stockChanged, this, &WatchlistModel::updateStock);
    connect(&m_service, &WatchlistService::stocksChanged, this, [this](const QList<StockState> &stocks) {
        for (const StockState &stock : stocks)
            updateStock(stock);
    });
    connect(&m_service, &WatchlistService::stockRemoved, this, &WatchlistModel::removeStock);
}

Status WatchlistModel::reload()
{
    Result<QList<StockState>> stocks = m_service.stocks();
    if (!stocks.ok())
        return stocks.error();
    beginResetModel();
    m_stocks = std::move(stocks).value();
    m_sparklines.clear();
    endResetModel();
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
    m_sparklineProvider = std::move(provider);
    refreshSparklines();
}

void WatchlistModel::refreshSparklines()
{
    m_sparklines.clear();
    if (!m_stocks.isEmpty()) {
        const int trend = column(Column::Trend);
        Q_EMIT dataChanged(index(0, trend), index(rowCount() - 1, trend));
    }
}

QList<double> WatchlistModel::sparkline(const QString &ticker) const
{
    if (!m_sparklineProvider)
        return {};
    auto cached = m_sparklines.constFind(ticker);
    if (cached == m_sparklines.cend())
        cached = m_sparklines.insert(ticker, m_sparklineProvider(ticker));
    return *cached;
}

int WatchlistModel::rowOf(const QString &ticker) const
{
    const auto found = std::find_if(m_stocks.cbegin(), m_stocks.cend(),
                                    [&](const StockState &stock) { return stock.ticker == ticker; });
    return found == m_stocks.cend() ? -1 : static_cast<int>(found - m_stocks.cbegin());
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
    const StockState &stock = m_stocks.at(index.row());
    const auto column = static_cast<Column>(index.column());
    if (const QVariant position = positionData(stock, column, role); position.isValid())
        return position;

    switch (role) {
    case Qt::DisplayRole:
        return displayData(stock, column);
    case Qt::EditRole:
        if (column == Column::Strategy)
            return stock.strategySpec();
        return column == Column::Ratio ? QVariant(stock.ratio) : displayData(stock, column);
    case Qt::ToolTipRole:
        return toolTip(stock, column);
    case Qt::TextAlignmentRole:
        return isNumeric(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::DecorationRole:
        if (column == Column::Ticker && (stock.symbolNotFound || m_saveProblems.contains(stock.ticker)))
            return m_nearIcon;
        return column == Column::DistanceToStop ? distanceDecoration(stock) : QVariant();
    case Qt::ForegroundRole:
        return column == Column::DistanceToStop ? distanceForeground(stock) : QVariant();
    case Qt::FontRole:
        return font(stock, column);
    default:
        break;
    }
    if (role == WatchlistModel::role(Role::Sort))
        return sortData(stock, column);
    if (role == WatchlistModel::role(Role::Ticker))
        return stock.ticker;
    if (role == WatchlistModel::role(Role::Proximity))
        return static_cast<int>(proximity(stock));
    if (role == WatchlistModel::role(Role::Sparkline) && column == Column::Trend)
        return QVariant::fromValue(sparkline(stock.ticker));
    return {};
}

QVariant WatchlistModel::displayData(const StockState &stock, Column column) const
{
    switch (column) {
    case Column::Ticker:
        return stock.ticker;
    case Column::LastPrice:
        if (stock.symbolNotFound)
            return tr("not found", "no such listing at the broker");
        if (m_saveProblems.contains(stock.ticker))
            return tr("%1 (not saved)", "the last saved price; the newer one could not be saved")
                .arg(Formatting::price(stock.lastPrice));
        if (stock.halted && stock.lastPrice)
            return tr("%1 (halted)", "a price; trading is halted").arg(Formatting::price(stock.lastPrice));
        if (stock.halted)
            return tr("halted", "trading is halted and no price is known");
        return Formatting::price(stock.lastPrice);
    case Column::Peak:
        return Formatting::price(stock.peak);
    case Column::Stop:
        return Formatting::price(stock.stop);
    case Column::DistanceToStop: {
        const std::optional<double> distance = stock.distanceToStopPercent();
        if (!distance)
            return Formatting::emptyValue();
        const QString percent =
            tr("%1%", "distance to stop in percent").arg(QLocale().toString(*distance, 'f', 1));
        switch (proximity(stock)) {
        case StopProximity::Below:
            return tr("%1 below stop", "e.g. -1.2% below stop").arg(percent);
        case StopProximity::Near:
            return tr("%1 near stop", "e.g. 1.5% near stop").arg(percent);
        default:
            return percent;
        }
    }
    case Column::Ratio:
        return Formatting::ratio(stock.ratio);
    case Column::Currency:
        return stock.currency.isEmpty() ? Formatting::emptyValue() : stock.currency;
    case Column::Quantity:
    case Column::MarketValue:
    case Column::OpenPnl:
        return positionData(stock, column, Qt::DisplayRole);
    case Column::LastAlert: {
        const QString last = stock.lastAlertAt.isValid()
                                 ? QLocale().toString(stock.lastAlertAt.toLocalTime(), QLocale::ShortFormat)
                                 : Formatting::emptyValue();
        if (stock.snoozedUntil.isValid() && stock.snoozedUntil > QDateTime::currentDateTimeUtc()) {
            return tr("%1 (snoozed until %2)", "last alert, then the end of the snooze")
                .arg(last, QLocale().toString(stock.snoozedUntil.toLocalTime().date(), QLocale::ShortFormat));
        }
        return last;
    }
    case Column::Trend:
        return {}; // painted by SparklineDelegate
    case Column::Strategy:
        return stock.strategySpec();
    }
    return {};
}

QVariant WatchlistModel::sortData(const StockState &stock, Column column) const
{
    switch (column) {
    case Column::Ticker:
        return stock.ticker;
    case Column::LastPrice:
        return optionalNumber(stock.lastPrice);
    case Column::Peak:
        return optionalNumber(stock.peak);
    case Column::Stop:
        return optionalNumber(stock.stop);
    case Column::DistanceToStop:
        return optionalNumber(stock.distanceToStopPercent());
    case Column::Ratio:
        return stock.ratio;
    case Column::Currency:
        return stock.currency;
    case Column::LastAlert:
        return stock.lastAlertAt.isValid() ? QVariant(stock.lastAlertAt) : QVariant();
    case Column::Quantity:
    case Column::MarketValue:
    case Column::OpenPnl:
        return positionData(stock, column, role(Role::Sort));
    case Column::Trend: {
        // Sorts by the month's change.
        const QList<double> prices = sparkline(stock.ticker);
        if (prices.size() < 2 || prices.constFirst() == 0)
            return {};
        return prices.constLast() / prices.constFirst() - 1;
    }
    case Column::Strategy:
        return stock.strategySpec();
    }
    return {};
}

QVariant WatchlistModel::distanceDecoration(const StockState &stock) const
{
    switch (proximity(stock)) {
    case StopProximity::Below:
        return m_belowIcon;
    case StopProximity::Near:
        return m_nearIcon;
    default:
        return {};
    }
}

// Bold for a distance near or below the stop; italic for a delayed price.
QVariant WatchlistModel::font(const StockState &stock, Column column) const
{
    const StopProximity near = proximity(stock);
    if (column == Column::DistanceToStop && (near == StopProximity::Near || near == StopProximity::Below)) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (column == Column::LastPrice && stock.quoteDelayed && !stock.symbolNotFound) {
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    return {};
}

// Green far from the stop, turning through yellow and orange to red as the distance nears zero.
QVariant WatchlistModel::distanceForeground(const StockState &stock) const
{
    const std::optional<double> distance = stock.distanceToStopPercent();
    if (!distance)
        return {};
    if (proximity(stock) == StopProximity::Below)
        return QColor(0xb0, 0x00, 0x20);
    const double closeness = std::clamp(*distance / kGreenAtPercent, 0.0, 1.0);
    const double hue = 120.0 / 360.0 * closeness; // 0 = red, 1/3 = green
    return QColor::fromHslF(static_cast<float>(hue), 0.9f, 0.33f);
}

QVariant WatchlistModel::toolTip(const StockState &stock, Column column) const
{
    switch (column) {
    case Column::Ticker:
    case Column::LastPrice:
        if (m_saveProblems.contains(stock.ticker)) {
            return tr("The newest price of %1 could not be saved, so its stop is not kept up to date and it "
                      "raises no alert (the other tickers are watched). Reason: %2")
                .arg(stock.ticker, m_saveProblems.value(stock.ticker));
        }
        break;
    default:
        break;
    }
    switch (column) {
    case Column::Ticker:
        if (stock.symbolNotFound)
            return notFoundText(stock);
        return stock.entry ? tr("%1, entry price %2").arg(stock.ticker, Formatting::price(stock.entry))
                           : stock.ticker;
    case Column::LastPrice: {
        if (stock.symbolNotFound)
            return notFoundText(stock);
        if (!stock.lastQuoteAt.isValid()) {
            return stock.halted ? tr("Trading was halted at the last quote; no price received yet.")
                                : tr("No price received yet.");
        }
        QStringList lines{tr("Last trade at %1")
                              .arg(QLocale().toString(stock.lastQuoteAt.toLocalTime(), QLocale::LongFormat))};
        if (stock.quoteDelayed)
            lines << tr("The quote is delayed (shown in italics).");
        if (stock.halted)
            lines << tr("Trading was halted at the last quote.");
        return lines.join(QLatin1Char('\n'));
    }
    case Column::DistanceToStop:
        switch (proximity(stock)) {
        case StopProximity::Below:
            return tr("The last price is below the stop.");
        case StopProximity::Near:
            return tr("The last price is within %1% of the stop.")
                .arg(QLocale().toString(kNearStopPercent, 'f', 0));
        case StopProximity::Clear:
            return tr("How far the price can fall before it reaches the stop.");
        case StopProximity::Unknown:
            return tr("Shown once both a price and a stop are known.");
        }
        break;
    case Column::Ratio:
        return tr("Stop = peak \u00d7 ratio. Double-click to change it.");
    case Column::Strategy:
        return tr(
            "How the stop moves. Double-click to change it: trailing:R (stop = peak \u00d7 R), fixed:P "
            "(stop at P), fixed-pct:R (entry \u00d7 R), activation:R,A (entry \u00d7 R until the price "
            "is A above the entry, then trailing), atr:N,K (highest high of N days \u2212 K \u00d7 ATR).");
    case Column::LastAlert:
        if (stock.lastAlertAt.isValid())
            return QLocale().toString(stock.lastAlertAt.toLocalTime(), QLocale::LongFormat);
        return tr("No alert raised yet.");
    case Column::Trend: {
        const QList<double> prices = sparkline(stock.ticker);
        if (prices.size() < 2)
            return tr("No price history for the last month yet.");
        const auto [low, high] = std::minmax_element(prices.cbegin(), prices.cend());
        return tr("Last month: from %1 to %2 (low %3, high %4)")
            .arg(Formatting::price(prices.constFirst()), Formatting::price(prices.constLast()),
                 Formatting::price(*low), Formatting::price(*high));
    }
    default:
        break;
    }
    return {};
}

QString WatchlistModel::notFoundText(const StockState &stock)
{
    return tr("Questrade has no listing for %1. Remove it and add the ticker as Questrade writes it "
              "(for example RY.TO for Toronto).")
        .arg(stock.ticker);
}

QVariant WatchlistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto column = static_cast<Column>(section);
    if (role == Qt::TextAlignmentRole)
        return isNumeric(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
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
    endInsertRows();
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
    m_sparklines.remove(stock.ticker); // a new price may have been stored
    Q_EMIT dataChanged(index(row, 0), index(row, kColumnCount - 1));
}

void WatchlistModel::removeStock(const QString &ticker)
{
    const int row = rowOf(ticker);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_stocks.removeAt(row);
    m_sparklines.remove(ticker);
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
    for (const QString &ticker : std::as_const(touched)) {
        if (const int row = rowOf(ticker); row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, kColumnCount - 1));
    }
}

void WatchlistModel::setPortfolio(const Portfolio *portfolio)
{
    if (m_portfolio)
        disconnect(m_portfolio, nullptr, this, nullptr);
    m_portfolio = portfolio;
    const auto refresh = [this] {
        if (!m_stocks.isEmpty())
            Q_EMIT dataChanged(index(0, column(Column::Quantity)),
                               index(rowCount() - 1, column(Column::OpenPnl)));
    };
    if (m_portfolio)
        connect(m_portfolio, &Portfolio::changed, this, refresh);
    refresh();
}

// The position columns; an invalid QVariant for other columns and roles, so data() goes on.
QVariant WatchlistModel::positionData(const StockState &stock, Column column, int role) const
{
    if (column != Column::Quantity && column != Column::MarketValue && column != Column::OpenPnl)
        return {};
    const std::optional<TickerPosition> position =
        m_portfolio ? m_portfolio->positionOf(stock.ticker) : std::nullopt;
    const auto valueOf = [&]() -> std::optional<double> {
        if (!position)
            return std::nullopt;
        if (column == Column::Quantity)
            return position->quantity;
        return column == Column::MarketValue ? position->marketValue : position->openPnl;
    };
    const std::optional<double> value = valueOf();
    if (role == Qt::DisplayRole) {
        if (!value)
            return Formatting::emptyValue();
        if (column == Column::Quantity)
            return QLocale().toString(*value, 'f', std::floor(*value) == *value ? 0 : 4);
        const QString amount = QLocale().toString(*value, 'f', 2);
        return column == Column::OpenPnl && *value > 0 ? QStringLiteral("+") + amount : amount;
    }
    if (role == WatchlistModel::role(Role::Sort))
        return optionalNumber(value);
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && column == Column::OpenPnl && value && *value != 0.0)
        return *value > 0 ? QColor(0x1b, 0x7a, 0x2e) : QColor(0xb0, 0x00, 0x20);
    if (role == Qt::ToolTipRole) {
        if (!position)
            return tr("Not held in the imported accounts (File > Import Positions…).");
        QStringList lines{tr("%n share(s) in account(s) %1", nullptr, int(std::round(position->quantity)))
                              .arg(position->accounts.join(QStringLiteral(", ")))};
        if (position->averageEntryPrice)
            lines << tr("Average entry price %1").arg(Formatting::price(position->averageEntryPrice));
        if (position->updatedAt.isValid())
            lines << tr("As of %1")
                         .arg(QLocale().toString(position->updatedAt.toLocalTime(), QLocale::ShortFormat));
        return lines.join(QLatin1Char('\n'));
    }
    return {};
}

} // namespace trailguard::ui
