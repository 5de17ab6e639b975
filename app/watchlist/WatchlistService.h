#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "domain/StockState.h"
#include "storage/RuleRepository.h"
#include "storage/StockRepository.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace trailguard {

// The watchlist's use cases, shared by the window and the CLI: validate input, apply the engine's
// rules for user edits, persist, and announce what changed.
class WatchlistService : public QObject {
    Q_OBJECT
public:
    WatchlistService(StockRepository &repository, const Clock &clock, QObject *parent = nullptr);

    Result<QList<StockState>> stocks() const;
    // Changes when another connection (the CLI, another process, a worker) wrote to the database: a copy of
    // stocks() is still current while it stays the same and every change made here is followed through the
    // signals below. See StockRepository::dataVersion.
    Result<qint64> dataVersion() const { return m_repository.dataVersion(); }
    // Whether another connection (the CLI, another process) committed to the database since the last call
    // (true the first time): SQLite's `PRAGMA data_version`, so a periodic check for edits made elsewhere
    // costs one tiny query instead of reading the whole watchlist.
    bool changedElsewhere();

    // Validates and adds a ticker. `tickerInput` is user text (trimmed and upper-cased here). `rules` are
    // alert rule specs (see AlertRule::parse), all checked before anything is saved: one bad or repeated
    // rule and nothing is added.
    Result<StockState> add(const QString &tickerInput, double ratio,
                           std::optional<double> entry = std::nullopt, const QStringList &rules = {});
    // The same with any stop strategy (already parsed, see StopStrategy::parse).
    Result<StockState> add(const QString &tickerInput, const StopStrategy &strategy,
                           std::optional<double> entry = std::nullopt, const QStringList &rules = {});
    // Adds an alert rule to the ticker (stored as AlertRule::spec(), after its other rules); refuses a bad
    // spec and one the ticker already has.
    Result<StockState> addRule(const QString &ticker, const QString &spec);
    // Removes one of the ticker's rules (any spelling that parses to it); refuses one it does not have.
    Result<StockState> removeRule(const QString &ticker, const QString &spec);
    // Switches the ticker to another strategy (its running state starts afresh; the same spec changes
    // nothing).
    Result<StockState> changeStrategy(const QString &ticker, const StopStrategy &strategy);
    Status remove(const QString &tickerInput);
    Result<StockState> changeRatio(const QString &ticker, double ratio);
    Result<StockState> resetPeak(const QString &ticker);
    // Sets (or, with nullopt, clears) the purchase price. Before any price was seen it seeds the peak, as at
    // add(); afterwards the running peak and stop are kept.
    Result<StockState> changeEntry(const QString &ticker, std::optional<double> entry);
    // No alerts for `ticker` for the next `days` days (1-365); prices are still tracked.
    Result<StockState> snooze(const QString &ticker, int days);
    Result<StockState> unsnooze(const QString &ticker);

    // Persists the states produced by one monitoring cycle, all in one transaction, together with whatever
    // `alsoInTransaction` writes (the breaches those states raised).
    Status saveCycle(const QList<StockState> &updated, const std::function<Status()> &alsoInTransaction = {});
    // The same, but each state in its own savepoint together with what `withEach` writes for it (its
    // breach's alert): a state that cannot be saved is rolled back alone and returned (ticker → why), and
    // the others are saved all the same. `afterAll` runs last in the same transaction, knowing which were
    // not saved; its failure (or the commit's) saves nothing and is the error returned. (All are first
    // tried without the savepoints, which cost as much as the rows; only a batch with a failing row is
    // saved again, one savepoint per row.) `stored`, when given, holds each stock as it is stored (same
    // order as `updated`): only the columns that differ are written.
    using NotSaved = QHash<QString, Error>;
    Result<NotSaved> saveEach(const QList<StockState> &updated,
                              const std::function<Status(const StockState &)> &withEach,
                              const std::function<Status(const NotSaved &notSaved)> &afterAll,
                              const QList<StockState> &stored = {});

Q_SIGNALS:
    void stockAdded(const trailguard::StockState &stock);
    void stockChanged(const trailguard::StockState &stock);
    void stocksChanged(const QList<trailguard::StockState> &stocks);
    void stockRemoved(const QString &ticker);

private:
    Result<NotSaved> saveEachInSavepoints(const QList<StockState> &updated,
                                          const std::function<Status(const StockState &)> &withEach,
                                          const std::function<Status(const NotSaved &notSaved)> &afterAll,
                                          const QList<StockState> &stored, QList<StockState> &saved);
    Status updateOne(const QList<StockState> &updated, const QList<StockState> &stored, qsizetype at);
    Result<StockState> load(const QString &ticker) const;
    Result<StockState> store(const StockState &next);
    Result<QStringList> canonicalRules(const QString &ticker, const QStringList &specs) const;

    StockRepository &m_repository;
    const Clock &m_clock;
    RuleRepository m_rules;
    std::optional<qint64> m_dataVersion;
};

} // namespace trailguard
