#include "portfolio/Portfolio.h"

#include "storage/HoldingRepository.h"

namespace trailguard {

Portfolio::Portfolio(HoldingRepository &repository, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
{}

Status Portfolio::reload()
{
    const auto accounts = m_repository.accounts();
    if (!accounts.ok())
        return accounts.error();
    const auto holdings = m_repository.all();
    if (!holdings.ok())
        return holdings.error();
    m_accounts = accounts.value();
    m_holdings = holdings.value();
    m_byTicker = combine(m_holdings);
    Q_EMIT changed();
    return success();
}

QStringList Portfolio::heldTickers() const
{
    QStringList tickers = m_byTicker.keys();
    tickers.sort();
    return tickers;
}

std::optional<TickerPosition> Portfolio::positionOf(const QString &ticker) const
{
    const auto it = m_byTicker.constFind(ticker);
    if (it == m_byTicker.constEnd())
        return std::nullopt;
    return *it;
}

QHash<QString, TickerPosition> Portfolio::combine(const QList<Holding> &holdings)
{
    QHash<QString, TickerPosition> byTicker;
    QHash<QString, std::pair<double, double>> entryWeights; // ticker → (Σ price × qty, Σ qty)
    for (const Holding &holding : holdings) {
        TickerPosition &position = byTicker[holding.ticker];
        position.ticker = holding.ticker;
        position.quantity += holding.quantity;
        if (holding.marketValue)
            position.marketValue = position.marketValue.value_or(0.0) + *holding.marketValue;
        if (holding.openPnl)
            position.openPnl = position.openPnl.value_or(0.0) + *holding.openPnl;
        if (holding.averageEntryPrice && holding.quantity > 0) {
            auto &[cost, quantity] = entryWeights[holding.ticker];
            cost += *holding.averageEntryPrice * holding.quantity;
            quantity += holding.quantity;
        }
        if (position.currency.isEmpty())
            position.currency = holding.currency;
        if (!position.accounts.contains(holding.accountNumber))
            position.accounts.append(holding.accountNumber);
        if (!position.updatedAt.isValid() ||
            (holding.updatedAt.isValid() && holding.updatedAt < position.updatedAt))
            position.updatedAt = holding.updatedAt;
    }
    for (auto it = entryWeights.cbegin(); it != entryWeights.cend(); ++it) {
        if (it.value().second > 0)
            byTicker[it.key()].averageEntryPrice = it.value().first / it.value().second;
    }
    return byTicker;
}

QMap<QString, double> Portfolio::watchedValueByCurrency(const QList<StockState> &watched) const
{
    QMap<QString, double> totals;
    for (const StockState &stock : watched) {
        const auto position = m_byTicker.constFind(stock.ticker);
        if (position == m_byTicker.constEnd() || !position->marketValue)
            continue;
        const QString currency = !stock.currency.isEmpty() ? stock.currency : position->currency;
        totals[currency] += *position->marketValue;
    }
    return totals;
}

} // namespace trailguard
