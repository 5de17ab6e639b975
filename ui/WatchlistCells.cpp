#include "WatchlistCells.h"

#include "Formatting.h"

#include "portfolio/Portfolio.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QStyle>

#include <algorithm>
#include <cmath>

namespace trailguard::ui {

namespace {
using Role = WatchlistModel::Role;
using StopProximity = WatchlistModel::StopProximity;

constexpr double kGreenAtPercent = 10.0; // distances from here up are plain green

QVariant optionalNumber(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}
} // namespace

WatchlistCells::WatchlistCells(const QHash<QString, QString> &saveProblems,
                               const QHash<QString, QList<double>> &sparklines)
    : m_saveProblems(saveProblems)
    , m_sparklines(sparklines)
    , m_nearIcon(QIcon::fromTheme(QStringLiteral("dialog-warning"),
                                  QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning)))
    , m_belowIcon(QIcon::fromTheme(QStringLiteral("dialog-error"),
                                   QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical)))
{}

bool WatchlistCells::isNumeric(Column column)
{
    return column != Column::Ticker && column != Column::Currency && column != Column::LastAlert &&
           column != Column::Trend && column != Column::Strategy && column != Column::Rules;
}

QVariant WatchlistCells::data(const StockState &stock, Column column, int role) const
{
    if (const QVariant position = positionData(stock, column, role); position.isValid())
        return position;

    switch (role) {
    case Qt::DisplayRole:
        return display(stock, column);
    case Qt::EditRole:
        if (column == Column::Strategy)
            return stock.strategySpec();
        return column == Column::Ratio ? QVariant(stock.ratio) : display(stock, column);
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
        return sort(stock, column);
    if (role == WatchlistModel::role(Role::Ticker))
        return stock.ticker;
    if (role == WatchlistModel::role(Role::Proximity))
        return static_cast<int>(WatchlistModel::proximity(stock));
    if (role == WatchlistModel::role(Role::Sparkline) && column == Column::Trend)
        return QVariant::fromValue(m_sparklines.value(stock.ticker));
    return {};
}

QVariant WatchlistCells::display(const StockState &stock, Column column) const
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
        switch (WatchlistModel::proximity(stock)) {
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
    case Column::Rules:
        return rulesText(stock.rules);
    }
    return {};
}

QVariant WatchlistCells::sort(const StockState &stock, Column column) const
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
        return positionData(stock, column, WatchlistModel::role(Role::Sort));
    case Column::Trend: {
        // Sorts by the month's change.
        const QList<double> prices = m_sparklines.value(stock.ticker);
        if (prices.size() < 2 || prices.constFirst() == 0)
            return {};
        return prices.constLast() / prices.constFirst() - 1;
    }
    case Column::Strategy:
        return stock.strategySpec();
    case Column::Rules:
        return stock.rules.isEmpty() ? QVariant() : QVariant(stock.rules.size());
    }
    return {};
}

QVariant WatchlistCells::distanceDecoration(const StockState &stock) const
{
    switch (WatchlistModel::proximity(stock)) {
    case StopProximity::Below:
        return m_belowIcon;
    case StopProximity::Near:
        return m_nearIcon;
    default:
        return {};
    }
}

// Bold for a distance near or below the stop; italic for a delayed price.
QVariant WatchlistCells::font(const StockState &stock, Column column) const
{
    const StopProximity near = WatchlistModel::proximity(stock);
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
QVariant WatchlistCells::distanceForeground(const StockState &stock) const
{
    const std::optional<double> distance = stock.distanceToStopPercent();
    if (!distance)
        return {};
    if (WatchlistModel::proximity(stock) == StopProximity::Below)
        return QColor(0xb0, 0x00, 0x20);
    const double closeness = std::clamp(*distance / kGreenAtPercent, 0.0, 1.0);
    const double hue = 120.0 / 360.0 * closeness; // 0 = red, 1/3 = green
    return QColor::fromHslF(static_cast<float>(hue), 0.9f, 0.33f);
}

QVariant WatchlistCells::toolTip(const StockState &stock, Column column) const
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
        switch (WatchlistModel::proximity(stock)) {
        case StopProximity::Below:
            return tr("The last price is below the stop.");
        case StopProximity::Near:
            return tr("The last price is within %1% of the stop.")
                .arg(QLocale().toString(WatchlistModel::kNearStopPercent, 'f', 0));
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
    case Column::Rules:
        return stock.rules.isEmpty()
                   ? tr("No alert rules beside the stop. Edit Rules\u2026 adds some.")
                   : tr("Alert rules beside the stop:\n%1").arg(stock.rules.join(QLatin1Char('\n')));
    case Column::LastAlert:
        if (stock.lastAlertAt.isValid())
            return QLocale().toString(stock.lastAlertAt.toLocalTime(), QLocale::LongFormat);
        return tr("No alert raised yet.");
    case Column::Trend: {
        const QList<double> prices = m_sparklines.value(stock.ticker);
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

QString WatchlistCells::rulesText(const QStringList &rules)
{
    constexpr qsizetype kRulesShown = 2;
    if (rules.size() <= kRulesShown)
        return rules.join(QStringLiteral(", "));
    return tr("%n rules", nullptr, int(rules.size()));
}

QString WatchlistCells::notFoundText(const StockState &stock)
{
    return tr("Questrade has no listing for %1. Remove it and add the ticker as Questrade writes it "
              "(for example RY.TO for Toronto).")
        .arg(stock.ticker);
}

// The position columns; an invalid QVariant for other columns and roles, so data() goes on.
QVariant WatchlistCells::positionData(const StockState &stock, Column column, int role) const
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
