#pragma once

#include "common/Result.h"
#include "domain/AlertRule.h"
#include "domain/DailyBar.h"
#include "domain/RuleAlert.h"
#include "domain/StockState.h"
#include "monitor/RuleDayReader.h"
#include "storage/RuleRepository.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
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
//
// The read (about a millisecond a ticker) runs on a worker with its own connection, so the first quotes of
// a market day never stall the monitor's thread: a ticker whose days are still being read is evaluated
// when they arrive, at each price quoted meanwhile in turn (so no firing is lost), and what fires then is
// stored in a transaction of its own (alertsRecorded). The `--once` run reads on the caller's thread.
class RuleWatch : public QObject {
    Q_OBJECT
public:
    enum class Reading {
        OnWorker, // the default; a database without a file (":memory:") is read in place anyway
        InPlace,  // synchronous, for a run that ends after one cycle
    };

    // Stores one alert in the outbox, inside the caller's transaction.
    using AlertRecorder = std::function<Status(const RuleAlert &alert)>;

    // `db` is the monitor's connection (the cycle's transaction); the worker opens its file again.
    explicit RuleWatch(QSqlDatabase db, Reading reading = Reading::OnWorker, QObject *parent = nullptr);
    ~RuleWatch() override;

    void setAlertRecorder(AlertRecorder recorder) { m_recordAlert = std::move(recorder); }

    // The rules that fire at the latest prices of `states` (snoozed tickers left out), not yet recorded.
    // Tickers whose days are not read yet are left for when they arrive.
    QList<RuleAlert> evaluate(const QList<StockState> &states, const QDateTime &now);
    // Inside the cycle's transaction: records each alert whose ticker is not in `skipped` and whose rule
    // has not fired that market day yet, with its firing. The alerts recorded are appended to `recorded`.
    Status record(const QList<RuleAlert> &alerts, const QSet<QString> &skipped, QList<RuleAlert> &recorded);
    // After the transaction committed: the recorded alerts are not evaluated again that day.
    void committed(const QList<RuleAlert> &recorded);

    // Tickers whose days are being read (or waiting for the worker).
    bool isReading() const { return m_running || !m_queued.isEmpty(); }
    // Reads started on the worker so far (each a batch of tickers).
    int readsStarted() const { return m_readsStarted; }

    // See RuleDayReader::barsBefore; on the monitor's connection (for tests and comparisons).
    Result<QList<DailyBar>> barsBefore(const QString &ticker, const QDate &marketDay) const;

Q_SIGNALS:
    // Rules evaluated when their days arrived from the worker fired, and these alerts were stored.
    void alertsRecorded(const QList<trailguard::RuleAlert> &alerts);
    // A batch of tickers' days arrived and was evaluated (after alertsRecorded, if any fired).
    void daysRead();

private:
    struct Day {
        QDate marketDay;
        QStringList specs; // the ticker's rules the cache was made for
        QList<AlertRule> rules;
        QList<DailyBar> bars;      // the days before, then today's provisional bar (alone while reading)
        QSet<QString> fired;       // rules that fired this market day
        quint64 serial = 0;        // the read that fills it
        bool ready = false;        // the days before have arrived
        QList<StockState> waiting; // while reading: each state quoted, judged in order when they arrive
    };
    Day *dayOf(const StockState &stock, const QDate &marketDay);
    QList<RuleAlert> evaluateDay(const Day &day, const StockState &stock,
                                 const QSet<QString> &alsoFired = {});
    void apply(const QList<RuleDayReader::Reply> &replies);
    void startReading();
    void recordLate(const QList<RuleAlert> &alerts);

    QSqlDatabase m_db;
    QString m_databaseFile; // empty: read in place
    RuleRepository m_rules;
    AlertRecorder m_recordAlert;
    QHash<QString, Day> m_days;
    QList<RuleDayReader::Request> m_queued;
    quint64 m_nextSerial = 0;
    bool m_running = false;
    bool m_startScheduled = false;
    int m_readsStarted = 0;
};

} // namespace trailguard
