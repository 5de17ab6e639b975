#include "portfolio/PositionFetcher.h"

#include "broker/QuestradeClient.h"
#include "portfolio/PositionMapping.h"

#include <QPointer>

#include <memory>

namespace trailguard::PositionFetcher {

void fetchAll(QuestradeClient &client, const QStringList &numbers, QObject *context,
              std::function<void(AccountResults)> done)
{
    struct Job {
        AccountResults results;
        qsizetype pending = 0;
        std::function<void(AccountResults)> done;
    };
    auto job = std::make_shared<Job>();
    job->done = std::move(done);
    QStringList distinct = numbers;
    distinct.removeDuplicates();
    job->pending = distinct.size();
    if (distinct.isEmpty()) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            context,
            [guard, job] {
                if (guard)
                    job->done({});
            },
            Qt::QueuedConnection);
        return;
    }
    for (const QString &number : std::as_const(distinct)) {
        client.fetchPositions(number, context, [job, number](Result<QList<BrokerPosition>> positions) {
            job->results.insert_or_assign(number, std::move(positions));
            if (--job->pending == 0)
                job->done(job->results);
        });
    }
}

QList<Holding> holdingsOf(const QString &accountNumber, const QList<BrokerPosition> &positions,
                          const QStringList &watchedTickers, const QDateTime &now)
{
    QList<Holding> holdings;
    for (const BrokerPosition &position : positions) {
        if (PositionMapping::kindOf(position) != PositionMapping::Kind::Stock)
            continue;
        const QString ticker = PositionMapping::tickerFor(position.symbol, watchedTickers);
        const auto same = std::find_if(holdings.begin(), holdings.end(), [&ticker](const Holding &holding) {
            return holding.ticker == ticker;
        });
        if (same != holdings.end()) {
            // Two Questrade lines for one ticker (rare): one holding, entry weighted by quantity.
            const double quantity = same->quantity + position.openQuantity;
            if (same->averageEntryPrice && position.averageEntryPrice)
                same->averageEntryPrice = (*same->averageEntryPrice * same->quantity +
                                           *position.averageEntryPrice * position.openQuantity) /
                                          quantity;
            same->quantity = quantity;
            if (position.currentMarketValue)
                same->marketValue = same->marketValue.value_or(0.0) + *position.currentMarketValue;
            if (position.openPnl)
                same->openPnl = same->openPnl.value_or(0.0) + *position.openPnl;
            continue;
        }
        Holding holding;
        holding.accountNumber = accountNumber;
        holding.ticker = ticker;
        holding.symbol = position.symbol;
        holding.symbolId = position.symbolId;
        holding.quantity = position.openQuantity;
        holding.marketValue = position.currentMarketValue;
        holding.currentPrice = position.currentPrice;
        holding.averageEntryPrice = position.averageEntryPrice && *position.averageEntryPrice > 0
                                        ? position.averageEntryPrice
                                        : std::nullopt;
        holding.openPnl = position.openPnl;
        holding.currency = PositionMapping::currencyFor(position.symbol);
        holding.updatedAt = now;
        holdings.append(holding);
    }
    return holdings;
}

} // namespace trailguard::PositionFetcher
