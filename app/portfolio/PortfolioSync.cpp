#include "portfolio/PortfolioSync.h"

#include "portfolio/Portfolio.h"
#include "portfolio/PortfolioLogging.h"
#include "portfolio/PositionFetcher.h"
#include "storage/HoldingRepository.h"
#include "watchlist/WatchlistService.h"

#include <QCoreApplication>
#include <QSet>

namespace trailguard {

namespace {
class PortfolioSyncText {
    Q_DECLARE_TR_FUNCTIONS(PortfolioSync)
};
} // namespace

PortfolioSync::PortfolioSync(QuestradeClient &client, WatchlistService &watchlist,
                             HoldingRepository &holdings, Portfolio &portfolio, const Clock &clock,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_watchlist(watchlist)
    , m_holdings(holdings)
    , m_portfolio(portfolio)
    , m_clock(clock)
    , m_timer(clock.createTimer())
{
    m_timer->setInterval(m_interval);
    connect(m_timer.get(), &ClockTimer::timeout, this, &PortfolioSync::syncNow);
}

void PortfolioSync::setInterval(std::chrono::seconds interval)
{
    m_interval = std::max(interval, std::chrono::seconds(1));
    m_timer->setInterval(m_interval);
}

void PortfolioSync::start()
{
    m_timer->start();
    syncNow();
}

void PortfolioSync::stop()
{
    m_timer->stop();
}

void PortfolioSync::syncNow()
{
    if (m_syncing)
        return;
    const auto accounts = m_holdings.accounts();
    if (!accounts.ok()) {
        PortfolioSyncReport report;
        report.problems.append(accounts.error().message);
        Q_EMIT syncFinished(report);
        return;
    }
    if (accounts.value().isEmpty())
        return;
    QStringList numbers;
    for (const PortfolioAccount &account : accounts.value())
        numbers.append(account.number);

    m_syncing = true;
    Q_EMIT syncStarted();
    PositionFetcher::fetchAll(
        m_client, numbers, this, [this, numbers](const PositionFetcher::AccountResults &results) {
            m_syncing = false;
            PortfolioSyncReport report;
            report.accounts = int(numbers.size());
            const auto before = m_holdings.all();
            QSet<QString> heldBefore;
            if (before.ok()) {
                for (const Holding &holding : before.value())
                    heldBefore.insert(holding.ticker);
            }
            const QStringList watched = watchedTickers();
            const QDateTime now = m_clock.now().toUTC();
            for (const QString &number : numbers) {
                const Result<QList<BrokerPosition>> &result = results.at(number);
                if (!result.ok()) {
                    qCWarning(lcPortfolio).noquote()
                        << "Positions of account" << number << "not synced:" << result.error().message;
                    report.problems.append(
                        PortfolioSyncText::tr("Account %1: %2").arg(number, result.error().message));
                    continue;
                }
                const Status stored = m_holdings.replaceHoldings(
                    number, PositionFetcher::holdingsOf(number, result.value(), watched, now), now);
                if (!stored.ok()) {
                    report.problems.append(stored.error().message);
                    continue;
                }
                ++report.accountsUpdated;
            }
            if (Status reloaded = m_portfolio.reload(); !reloaded.ok())
                report.problems.append(reloaded.error().message);

            const QStringList heldNow = m_portfolio.heldTickers();
            for (const QString &ticker : std::as_const(heldBefore)) {
                if (!heldNow.contains(ticker) && watched.contains(ticker))
                    report.disappeared.append(ticker);
            }
            report.disappeared.sort();
            qCInfo(lcPortfolio).noquote() << QStringLiteral("Positions synced: %1 of %2 account(s)")
                                                 .arg(report.accountsUpdated)
                                                 .arg(report.accounts);
            if (!report.disappeared.isEmpty())
                qCInfo(lcPortfolio).noquote() << "No longer held in the imported accounts:"
                                              << report.disappeared.join(QStringLiteral(", "));
            Q_EMIT syncFinished(report);
            if (!report.disappeared.isEmpty())
                Q_EMIT positionsDisappeared(report.disappeared);
        });
}

QStringList PortfolioSync::watchedTickers() const
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
