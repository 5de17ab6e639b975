#pragma once

#include "broker/BrokerTypes.h"
#include "common/Result.h"
#include "domain/StockState.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace trailguard {

class WatchlistService;

// The monitor's copy of the watched stocks' states, so a streamed quote costs the same with 10 or 5,000
// tickers watched. The database stays the truth: the copy is read once (and again when another
// connection — the CLI, another process — wrote to the database), and follows every change
// WatchlistService makes after its commit (user edits, saved batches), so nothing is written around it.
class WatchedStates : public QObject {
    Q_OBJECT
public:
    explicit WatchedStates(WatchlistService &watchlist, QObject *parent = nullptr);

    // Reads the whole watchlist again.
    Status reload();
    // Reads it again only when another connection changed the database since the last read (cheap to ask).
    Status reloadIfChangedElsewhere();

    // Every watched state, in watchlist order (read on first use).
    Result<QList<StockState>> all();
    // The states of the stocks that `quotes` are for, in watchlist order: what one batch needs, without
    // visiting the others.
    Result<QList<StockState>> quotedBy(const QList<BrokerQuote> &quotes);

private:
    Status ensureLoaded();
    void put(const StockState &stock);
    void remove(const QString &ticker);
    void rebuildIndexes();

    WatchlistService &m_watchlist;
    bool m_loaded = false;
    qint64 m_dataVersion = -1;
    QList<StockState> m_states;                     // in watchlist order (by ticker)
    QHash<QString, qsizetype> m_rowOfTicker;        // ticker → index in m_states
    QHash<qint64, QList<qsizetype>> m_rowsOfSymbol; // symbol id → indexes (a listing may be watched twice)
};

} // namespace trailguard
