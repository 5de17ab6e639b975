#pragma once

#include "common/Result.h"
#include "domain/Holding.h"
#include "domain/StockState.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QStringList>

#include <optional>

namespace trailguard {

class HoldingRepository;

// What the picked accounts hold of one ticker, all accounts together.
struct TickerPosition {
    QString ticker;
    double quantity = 0;
    std::optional<double> marketValue;       // sum of the known values
    std::optional<double> openPnl;           // sum of the known values
    std::optional<double> averageEntryPrice; // weighted by quantity
    QString currency;
    QStringList accounts; // account numbers holding it
    QDateTime updatedAt;  // the oldest of the holdings' times (UTC)

    bool operator==(const TickerPosition &) const = default;
};

// The imported holdings, read from storage, combined per ticker for the table and the totals. Reloaded by
// the import and the sync, which then announce the change.
class Portfolio : public QObject {
    Q_OBJECT
public:
    explicit Portfolio(HoldingRepository &repository, QObject *parent = nullptr);

    // Reads the accounts and holdings again and emits changed().
    Status reload();

    QList<PortfolioAccount> accounts() const { return m_accounts; }
    QList<Holding> holdings() const { return m_holdings; }
    // Every ticker held, each once.
    QStringList heldTickers() const;
    std::optional<TickerPosition> positionOf(const QString &ticker) const;

    // The combined position of each ticker in `holdings`.
    static QHash<QString, TickerPosition> combine(const QList<Holding> &holdings);
    // The market value of the watched tickers held, per currency ("CAD" → 12,345.67). A stock's own
    // currency (known once the monitor resolved it) wins over the one guessed from the listing.
    QMap<QString, double> watchedValueByCurrency(const QList<StockState> &watched) const;

    HoldingRepository &repository() { return m_repository; }

Q_SIGNALS:
    void changed();

private:
    HoldingRepository &m_repository;
    QList<PortfolioAccount> m_accounts;
    QList<Holding> m_holdings;
    QHash<QString, TickerPosition> m_byTicker;
};

} // namespace trailguard
