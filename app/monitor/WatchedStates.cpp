#include "monitor/WatchedStates.h"

#include "watchlist/WatchlistService.h"

#include <algorithm>

namespace trailguard {

WatchedStates::WatchedStates(WatchlistService &watchlist, QObject *parent)
    : QObject(parent)
    , m_watchlist(watchlist)
{
    // Emitted after each commit, so the copy never holds what the database refused.
    connect(&m_watchlist, &WatchlistService::stockAdded, this, &WatchedStates::put);
    connect(&m_watchlist, &WatchlistService::stockChanged, this, &WatchedStates::put);
    connect(&m_watchlist, &WatchlistService::stocksChanged, this, [this](const QList<StockState> &stocks) {
        for (const StockState &stock : stocks)
            put(stock);
    });
    connect(&m_watchlist, &WatchlistService::stockRemoved, this, &WatchedStates::remove);
}

Status WatchedStates::reload()
{
    // The version first: a write landing between the two reads is seen again next time, never missed.
    m_loaded = false; // a failed read is tried again on next use rather than served stale
    const Result<qint64> version = m_watchlist.dataVersion();
    if (!version.ok())
        return version.error();
    Result<QList<StockState>> stocks = m_watchlist.stocks();
    if (!stocks.ok())
        return stocks.error();
    m_states = std::move(stocks).value();
    m_dataVersion = version.value();
    m_loaded = true;
    rebuildIndexes();
    return success();
}

Status WatchedStates::reloadIfChangedElsewhere()
{
    if (!m_loaded)
        return reload();
    const Result<qint64> version = m_watchlist.dataVersion();
    if (!version.ok())
        return version.error();
    return version.value() == m_dataVersion ? success() : reload();
}

Status WatchedStates::ensureLoaded()
{
    return m_loaded ? success() : reload();
}

Result<QList<StockState>> WatchedStates::all()
{
    if (const Status loaded = ensureLoaded(); !loaded.ok())
        return loaded.error();
    return m_states;
}

Result<QList<StockState>> WatchedStates::quotedBy(const QList<BrokerQuote> &quotes)
{
    if (const Status loaded = ensureLoaded(); !loaded.ok())
        return loaded.error();
    QList<qsizetype> rows;
    rows.reserve(quotes.size());
    for (const BrokerQuote &quote : quotes)
        rows.append(m_rowsOfSymbol.value(quote.symbolId));
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QList<StockState> states;
    states.reserve(rows.size());
    for (qsizetype row : std::as_const(rows))
        states.append(m_states.at(row));
    return states;
}

void WatchedStates::put(const StockState &stock)
{
    if (!m_loaded)
        return; // read whole on first use
    const auto found = m_rowOfTicker.constFind(stock.ticker);
    if (found == m_rowOfTicker.cend()) {
        const auto at = std::lower_bound(
            m_states.begin(), m_states.end(), stock.ticker,
            [](const StockState &held, const QString &ticker) { return held.ticker < ticker; });
        m_states.insert(at, stock);
        rebuildIndexes();
        return;
    }
    const qsizetype row = *found;
    StockState &held = m_states[row];
    if (held.symbolId != stock.symbolId) {
        // Moved between listings (the first look-up of every ticker): only its own index entries change.
        if (held.symbolId) {
            auto rows = m_rowsOfSymbol.find(*held.symbolId);
            if (rows != m_rowsOfSymbol.end()) {
                rows->removeOne(row);
                if (rows->isEmpty())
                    m_rowsOfSymbol.erase(rows);
            }
        }
        if (stock.symbolId) {
            QList<qsizetype> &rows = m_rowsOfSymbol[*stock.symbolId];
            rows.insert(std::lower_bound(rows.begin(), rows.end(), row), row);
        }
    }
    held = stock;
}

void WatchedStates::remove(const QString &ticker)
{
    const qsizetype row = m_rowOfTicker.value(ticker, -1);
    if (row < 0)
        return;
    m_states.removeAt(row);
    rebuildIndexes();
}

void WatchedStates::rebuildIndexes()
{
    m_rowOfTicker.clear();
    m_rowsOfSymbol.clear();
    m_rowOfTicker.reserve(m_states.size());
    for (qsizetype row = 0; row < m_states.size(); ++row) {
        const StockState &stock = m_states.at(row);
        m_rowOfTicker.insert(stock.ticker, row);
        if (stock.symbolId)
            m_rowsOfSymbol[*stock.symbolId].append(row);
    }
}

} // namespace trailguard
