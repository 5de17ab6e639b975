#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace trailguard {

class PriceHistoryRepository;

// The watchlist's "last month" sparklines from the stored history: per ticker, the last price of each
// day (exchange time) of the 30 days before `now`, oldest first; empty when nothing is stored.
namespace SparklineHistory {

using Sparklines = QHash<QString, QList<double>>;

// On the caller's connection.
QList<double> lastMonth(const PriceHistoryRepository &history, const QString &ticker, const QDateTime &now);
Sparklines lastMonth(const PriceHistoryRepository &history, const QStringList &tickers, const QDateTime &now);
// One batch on a connection of its own (for a worker thread: connections belong to one thread).
Result<Sparklines> loadLastMonth(const QString &databaseFile, const QStringList &tickers,
                                 const QDateTime &now);

} // namespace SparklineHistory

} // namespace trailguard
