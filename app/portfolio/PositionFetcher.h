#pragma once

#include "broker/BrokerTypes.h"
#include "common/Result.h"
#include "domain/Holding.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>
#include <map>

namespace trailguard {
class QuestradeClient;
}

// What the import and the sync share: fetching several accounts' positions, and turning one account's
// positions into the holdings Trailguard keeps.
namespace trailguard::PositionFetcher {

using AccountResults = std::map<QString, Result<QList<BrokerPosition>>>; // account number → its positions

// Fetches the positions of every account in `numbers` (in parallel, within the client's account rate
// limit) and calls `done` once with each account's own result. Nothing is called when `context` is gone.
void fetchAll(QuestradeClient &client, const QStringList &numbers, QObject *context,
              std::function<void(AccountResults)> done);

// The long stock positions of one account as holdings under the watchlist's tickers (see
// PositionMapping::tickerFor), positions of one ticker merged. Shorts, options and closed positions are
// left out.
QList<Holding> holdingsOf(const QString &accountNumber, const QList<BrokerPosition> &positions,
                          const QStringList &watchedTickers, const QDateTime &now);

} // namespace trailguard::PositionFetcher
