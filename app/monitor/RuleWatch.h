#pragma once

#include "common/Result.h"
#include "domain/AlertRule.h"
#include "domain/DailyBar.h"
#include "domain/RuleAlert.h"
#include "domain/StockState.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/RuleRepository.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>

#include <functional>

namespace trailguard {

// The live side of alert rules. A ticker's rules run on its stored daily closes (the backfilled daily
// candles, and the last recorded quote of days they miss) with the latest price as the provisional close
// of the quote's market day; a rule fires when AlertRules::firesOnLastBar says so, at most once per
// ticker, rule and market day (the rule_firings table, so across restarts too). The days before are read
// once per ticker and market day, and again when the ticker's rules change; tickers without rules cost
// nothing.
class RuleWatch {
public:
    // Stores one alert in the outbox, inside the caller's transaction.
    using AlertRecorder = std::function<Status(const RuleAlert &alert)>;

    // `db` is the monitor's connection (the cycle's transaction).
    explicit RuleWatch(QSqlDatabase db);

    void setAlertRecorder(AlertRecorder recorder) { m_recordAlert = std::move(recorder); }

    // The rules that fire at the latest prices of `states` (snoozed tickers left out), not yet recorded.
    QList<RuleAlert> evaluate(const QList<StockState> &states, const QDateTime &now);
    // Inside the cycle's transaction: records each alert whose ticker is not in `skipped` and whose rule
    // has not fired that market day yet, with its firing. The alerts recorded are appended to `recorded`.
    Status record(const QList<RuleAlert> &alerts, const QSet<QString> &skipped, QList<RuleAlert> &recorded);
    // After the transaction committed: the recorded alerts are not evaluated again that day.
    void committed(const QList<RuleAlert> &recorded);

    // The bars the rules of `ticker` see on `marketDay`, oldest first, without that day's own bar: the
    // daily candles before it, and the last recorded quote of each later day they miss.
    Result<QList<DailyBar>> barsBefore(const QString &ticker, const QDate &marketDay) const;

private:
    struct Day {
        QDate marketDay;
        QStringList specs; // the ticker's rules the cache was made for
        QList<AlertRule> rules;
        QList<DailyBar> bars; // the days before, then today's provisional bar
        QSet<QString> fired;  // rules that fired this market day
    };
    Day *dayOf(const StockState &stock, const QDate &marketDay);

    PriceHistoryRepository m_history;
    RuleRepository m_rules;
    AlertRecorder m_recordAlert;
    QHash<QString, Day> m_days;
};

} // namespace trailguard
