#pragma once

#include "broker/BrokerTypes.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "domain/Holding.h"
#include "portfolio/PositionMapping.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace trailguard {

class HoldingRepository;
class Portfolio;
class QuestradeClient;
class WatchlistService;

// One line of the import preview: what the picked accounts hold of one symbol, all accounts together.
struct ImportCandidate {
    QString ticker; // as it would be watched; for options and unsupported symbols, Questrade's symbol
    QString symbol; // Questrade's symbol
    PositionMapping::Kind kind = PositionMapping::Kind::Stock;
    double quantity = 0;
    std::optional<double> marketValue;
    std::optional<double> openPnl;
    std::optional<double> averageEntryPrice; // weighted by quantity across accounts
    QString currency;
    QStringList accounts;
    bool watched = false; // the ticker is on the watchlist already: it keeps its peak and entry

    bool importable() const { return kind == PositionMapping::Kind::Stock; }
};

// What the picked accounts hold, ready to show and to import.
struct ImportPreview {
    QList<BrokerAccount> accounts;
    QList<ImportCandidate> candidates;       // importable first, each group by ticker
    QHash<QString, QList<Holding>> holdings; // account number → its long stock holdings
    QDateTime fetchedAt;
};

struct ImportSummary {
    QStringList added;   // new on the watchlist, with the average entry price as the entry
    QStringList updated; // watched already: only the position data is new
    QStringList failed;  // could not be added (the messages are in `problems`)
    QStringList problems;
};

// "Import positions…": lists the login's accounts, previews what the picked ones hold, and imports the
// chosen symbols: each new ticker is added with its average entry price as the entry; a watched one
// keeps its peak, stop and entry and just gets its position data. The picked accounts are remembered,
// so PortfolioSync keeps their positions current.
class PortfolioImport : public QObject {
    Q_OBJECT
public:
    PortfolioImport(QuestradeClient &client, WatchlistService &watchlist, HoldingRepository &holdings,
                    Portfolio &portfolio, const Clock &clock, QObject *parent = nullptr);

    // The login's accounts (v1/accounts). `done` is dropped when `context` is gone.
    void fetchAccounts(QObject *context, std::function<void(Result<QList<BrokerAccount>>)> done);
    // The positions of `accounts`. Fails as a whole, naming the account, when one account's call fails.
    void preview(const QList<BrokerAccount> &accounts, QObject *context,
                 std::function<void(Result<ImportPreview>)> done);
    // Imports the importable candidates of `preview` whose ticker is in `tickers`; new tickers get the stop
    // `ratio`. Holdings of every picked account are stored (also those not imported) and the accounts are
    // remembered for the sync. Fails only when storage fails; a ticker that cannot be added is reported
    // in the summary.
    Result<ImportSummary> apply(const ImportPreview &preview, const QStringList &tickers, double ratio);

    // The candidates of positions fetched per account (pure; exposed for tests).
    static QList<ImportCandidate> candidatesFrom(const QHash<QString, QList<BrokerPosition>> &positions,
                                                 const QStringList &watchedTickers);

private:
    QStringList watchedTickers() const;

    QuestradeClient &m_client;
    WatchlistService &m_watchlist;
    HoldingRepository &m_holdings;
    Portfolio &m_portfolio;
    const Clock &m_clock;
};

} // namespace trailguard
