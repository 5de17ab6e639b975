#include "portfolio/PortfolioImport.h"

#include "broker/QuestradeClient.h"
#include "portfolio/Portfolio.h"
#include "portfolio/PortfolioLogging.h"
#include "portfolio/PositionFetcher.h"
#include "storage/HoldingRepository.h"
#include "watchlist/WatchlistService.h"

#include <QCoreApplication>
#include <QPointer>

#include <algorithm>

namespace trailguard {

namespace {
class PortfolioImportText {
    Q_DECLARE_TR_FUNCTIONS(PortfolioImport)
};
} // namespace

PortfolioImport::PortfolioImport(QuestradeClient &client, WatchlistService &watchlist,
                                 HoldingRepository &holdings, Portfolio &portfolio, const Clock &clock,
                                 QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_watchlist(watchlist)
    , m_holdings(holdings)
    , m_portfolio(portfolio)
    , m_clock(clock)
{}

void PortfolioImport::fetchAccounts(QObject *context, std::function<void(Result<QList<BrokerAccount>>)> done)
{
    m_client.fetchAccounts(context ? context : this, std::move(done));
}

void PortfolioImport::preview(const QList<BrokerAccount> &accounts, QObject *context,
                              std::function<void(Result<ImportPreview>)> done)
{
    QStringList numbers;
    for (const BrokerAccount &account : accounts)
        numbers.append(account.number);
    QPointer<PortfolioImport> self(this);
    PositionFetcher::fetchAll(
        m_client, numbers, context ? context : this,
        [self, accounts, numbers, done = std::move(done)](const PositionFetcher::AccountResults &results) {
            if (!self)
                return;
            ImportPreview preview;
            preview.accounts = accounts;
            preview.fetchedAt = self->m_clock.now().toUTC();
            const QStringList watched = self->watchedTickers();
            QHash<QString, QList<BrokerPosition>> positions;
            for (const QString &number : numbers) {
                const Result<QList<BrokerPosition>> &result = results.at(number);
                if (!result.ok()) {
                    done(Error{result.error().code,
                               PortfolioImportText::tr("The positions of account %1 could not be "
                                                       "read: %2")
                                   .arg(number, result.error().message)});
                    return;
                }
                positions.insert(number, result.value());
                preview.holdings.insert(
                    number, PositionFetcher::holdingsOf(number, result.value(), watched, preview.fetchedAt));
            }
            preview.candidates = candidatesFrom(positions, watched);
            done(preview);
        });
}

QList<ImportCandidate> PortfolioImport::candidatesFrom(const QHash<QString, QList<BrokerPosition>> &positions,
                                                       const QStringList &watchedTickers)
{
    QList<ImportCandidate> candidates;
    QStringList numbers = positions.keys();
    numbers.sort();
    QHash<QString, std::pair<double, double>> entryWeights; // key → (Σ price × qty, Σ qty)
    for (const QString &number : std::as_const(numbers)) {
        for (const BrokerPosition &position : positions.value(number)) {
            const PositionMapping::Kind kind = PositionMapping::kindOf(position);
            const bool stock = kind == PositionMapping::Kind::Stock;
            const QString ticker =
                stock ? PositionMapping::tickerFor(position.symbol, watchedTickers) : position.symbol;
            auto it = std::find_if(candidates.begin(), candidates.end(), [&](const ImportCandidate &c) {
                return c.ticker == ticker && c.kind == kind;
            });
            if (it == candidates.end()) {
                ImportCandidate candidate;
                candidate.ticker = ticker;
                candidate.symbol = position.symbol;
                candidate.kind = kind;
                candidate.currency = PositionMapping::currencyFor(position.symbol);
                candidate.watched = stock && watchedTickers.contains(ticker);
                candidates.append(candidate);
                it = std::prev(candidates.end());
            }
            it->quantity += position.openQuantity;
            if (position.currentMarketValue)
                it->marketValue = it->marketValue.value_or(0.0) + *position.currentMarketValue;
            if (position.openPnl)
                it->openPnl = it->openPnl.value_or(0.0) + *position.openPnl;
            if (!it->accounts.contains(number))
                it->accounts.append(number);
            if (position.averageEntryPrice && *position.averageEntryPrice > 0 && position.openQuantity != 0) {
                auto &[cost, quantity] =
                    entryWeights[ticker + QLatin1Char('\n') + QString::number(int(kind))];
                cost += *position.averageEntryPrice * std::abs(position.openQuantity);
                quantity += std::abs(position.openQuantity);
            }
        }
    }
    for (ImportCandidate &candidate : candidates) {
        const auto weights =
            entryWeights.value(candidate.ticker + QLatin1Char('\n') + QString::number(int(candidate.kind)));
        if (weights.second > 0)
            candidate.averageEntryPrice = weights.first / weights.second;
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const ImportCandidate &a, const ImportCandidate &b) {
                         if (a.importable() != b.importable())
                             return a.importable();
                         return a.ticker < b.ticker;
                     });
    return candidates;
}

Result<ImportSummary> PortfolioImport::apply(const ImportPreview &preview, const QStringList &tickers,
                                             double ratio)
{
    ImportSummary summary;
    for (const ImportCandidate &candidate : preview.candidates) {
        if (!candidate.importable() || !tickers.contains(candidate.ticker))
            continue;
        if (candidate.watched) {
            summary.updated.append(candidate.ticker);
            continue;
        }
        const Result<StockState> added =
            m_watchlist.add(candidate.ticker, ratio, candidate.averageEntryPrice);
        if (added.ok()) {
            summary.added.append(candidate.ticker);
        } else if (added.error().code == ErrorCode::DuplicateTicker) {
            summary.updated.append(candidate.ticker); // added meanwhile (another window, the CLI)
        } else {
            summary.failed.append(candidate.ticker);
            summary.problems.append(added.error().message);
        }
    }

    const QDateTime now = m_clock.now().toUTC();
    for (const BrokerAccount &account : preview.accounts) {
        if (Status saved = m_holdings.saveAccount(PortfolioAccount{account.number, account.type, now, {}});
            !saved.ok())
            return saved.error();
        if (Status stored = m_holdings.replaceHoldings(account.number, preview.holdings.value(account.number),
                                                       preview.fetchedAt.isValid() ? preview.fetchedAt : now);
            !stored.ok())
            return stored.error();
    }
    if (Status reloaded = m_portfolio.reload(); !reloaded.ok())
        return reloaded.error();
    qCInfo(lcPortfolio).noquote() << "Imported positions of" << preview.accounts.size() << "account(s): added"
                                  << summary.added.join(QStringLiteral(", ")) << "- updated"
                                  << summary.updated.join(QStringLiteral(", "));
    return summary;
}

QStringList PortfolioImport::watchedTickers() const
{
    QStringList tickers;
    const auto stocks = m_watchlist.stocks();
    if (stocks.ok()) {
        for (const StockState &stock : stocks.value())
            tickers.append(stock.ticker);
    }
    return tickers;
}

} // namespace trailguard
