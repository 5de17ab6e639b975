#pragma once

#include "common/Result.h"
#include "domain/DailyBar.h"

#include <QDate>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace trailguard {

class PriceHistoryRepository;

// What a ticker's alert rules need from the database once per market day: the bars of the days before it
// and which of its rules already fired that day. RuleWatch reads it on a worker thread (a connection of its
// own, see readOnOwnConnection) so the monitor's thread never waits for the candles.
namespace RuleDayReader {

struct Request {
    QString ticker;
    QDate marketDay;
    QStringList specs;  // canonical specs of the rules to look up
    quint64 serial = 0; // RuleWatch's tag: a reply for an older request is dropped
};

struct Reply {
    Request request;
    Result<QList<DailyBar>> bars = QList<DailyBar>();
    QSet<QString> fired; // specs that already fired on request.marketDay
};

// The bars the rules of `ticker` see on `marketDay`, oldest first, without that day's own bar: the daily
// candles before it, and the last recorded quote of each later day they miss.
Result<QList<DailyBar>> barsBefore(const PriceHistoryRepository &history, const QString &ticker,
                                   const QDate &marketDay);

// Every request on `db` (the calling thread's connection).
QList<Reply> read(const QSqlDatabase &db, const QList<Request> &requests);
// The same on a connection to `databaseFile` opened (and closed) on the calling thread: for a worker.
QList<Reply> readOnOwnConnection(const QString &databaseFile, const QList<Request> &requests);

} // namespace RuleDayReader

} // namespace trailguard
