#include "watchlist/WatchlistService.h"

#include "domain/AlertRule.h"
#include "domain/StopLossEngine.h"
#include "domain/Ticker.h"
#include "storage/Transaction.h"
#include "watchlist/WatchlistLogging.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace trailguard {

namespace {
class Watchlist {
    Q_DECLARE_TR_FUNCTIONS(Watchlist)
};

Error duplicateRule(const QString &ticker, const QString &spec)
{
    return Error{ErrorCode::InvalidArguments,
                 Watchlist::tr("%1 already has the rule %2; nothing was changed.").arg(ticker, spec)};
}
} // namespace

WatchlistService::WatchlistService(StockRepository &repository, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_clock(clock)
    , m_rules(repository.database())
{}

Result<QList<StockState>> WatchlistService::stocks() const
{
    return m_repository.all();
}

bool WatchlistService::changedElsewhere()
{
    const Result<qint64> current = m_repository.dataVersion();
    if (!current)
        return true; // cannot tell: read again
    const qint64 version = current.value();
    const bool changed = !m_dataVersion || *m_dataVersion != version;
    m_dataVersion = version;
    return changed;
}

Result<StockState> WatchlistService::add(const QString &tickerInput, double ratio,
                                         std::optional<double> entry, const QStringList &rules)
{
    const Result<QString> ticker = Ticker::normalize(tickerInput);
    if (!ticker.ok())
        return ticker.error();
    const Result<double> validRatio = StopRatio::validate(ratio);
    if (!validRatio.ok())
        return validRatio.error();
    if (entry && !Price::isUsable(*entry)) {
        return Error{ErrorCode::InvalidPrice,
                     Watchlist::tr("The entry price must be a number greater than 0, or left empty.")};
    }

    return add(ticker.value(), StopStrategy::trailing(ratio), entry, rules);
}

Result<StockState> WatchlistService::add(const QString &tickerInput, const StopStrategy &strategy,
                                         std::optional<double> entry, const QStringList &rules)
{
    const Result<QString> ticker = Ticker::normalize(tickerInput);
    if (!ticker.ok())
        return ticker.error();
    if (strategy.usesRatio()) {
        const Result<double> validRatio = StopRatio::validate(strategy.ratio);
        if (!validRatio.ok())
            return validRatio.error();
    }
    if (entry && !Price::isUsable(*entry)) {
        return Error{ErrorCode::InvalidPrice,
                     Watchlist::tr("The entry price must be a number greater than 0, or left empty.")};
    }

    const Result<QStringList> validRules = canonicalRules(ticker.value(), rules);
    if (!validRules.ok())
        return validRules.error();

    StockState stock = StopLossEngine::initialState(ticker.value(), strategy, entry, m_clock.now());
    stock.rules = validRules.value();
    if (Status inserted = m_repository.insert(stock); !inserted.ok())
        return inserted.error();
    qCInfo(lcWatchlist) << "Added" << stock.ticker << "strategy" << stock.strategySpec();
    Q_EMIT stockAdded(stock);
    return stock;
}

Result<StockState> WatchlistService::addRule(const QString &ticker, const QString &spec)
{
    const Result<StockState> current = load(ticker);
    if (!current.ok())
        return current;
    StockState next = current.value();
    const Result<QStringList> rule = canonicalRules(next.ticker, {spec});
    if (!rule.ok())
        return rule.error();
    if (next.rules.contains(rule.value().constFirst()))
        return duplicateRule(next.ticker, rule.value().constFirst());
    if (Status added = m_rules.add(next.ticker, rule.value().constFirst()); !added.ok())
        return added.error();
    next.rules += rule.value();
    qCInfo(lcWatchlist) << "Added rule" << next.rules.constLast() << "to" << next.ticker;
    Q_EMIT stockChanged(next);
    return next;
}

Result<StockState> WatchlistService::removeRule(const QString &ticker, const QString &spec)
{
    const Result<StockState> current = load(ticker);
    if (!current.ok())
        return current;
    StockState next = current.value();
    const Result<AlertRule> rule = AlertRule::parse(spec);
    const QString canonical = rule.ok() ? rule.value().spec() : spec.trimmed();
    if (!next.rules.contains(canonical)) {
        const QString message = next.rules.isEmpty()
                                    ? Watchlist::tr("%1 has no rules; nothing was changed.").arg(next.ticker)
                                    : Watchlist::tr("%1 has no rule %2; its rules are: %3.")
                                          .arg(next.ticker, canonical, next.rules.join(QStringLiteral(", ")));
        return Error{ErrorCode::InvalidArguments, message};
    }
    const Result<bool> removed = m_rules.remove(next.ticker, canonical);
    if (!removed.ok())
        return removed.error();
    next.rules.removeAll(canonical);
    qCInfo(lcWatchlist) << "Removed rule" << canonical << "from" << next.ticker;
    Q_EMIT stockChanged(next);
    return next;
}

Result<StockState> WatchlistService::changeStrategy(const QString &ticker, const StopStrategy &strategy)
{
    const Result<StockState> current = load(ticker);
    if (!current.ok())
        return current;
    if (current.value().strategySpec() == strategy.spec())
        return current; // the same strategy: keep its running state
    return store(StopLossEngine::changeStrategy(current.value(), strategy));
}

Status WatchlistService::remove(const QString &tickerInput)
{
    const Result<QString> ticker = Ticker::normalize(tickerInput);
    if (!ticker.ok())
        return ticker.error();
    if (Status removed = m_repository.remove(ticker.value()); !removed.ok())
        return removed;
    qCInfo(lcWatchlist) << "Removed" << ticker.value();
    Q_EMIT stockRemoved(ticker.value());
    return success();
}

Result<StockState> WatchlistService::changeRatio(const QString &ticker, double ratio)
{
    const Result<StockState> current = load(ticker);
    if (!current.ok())
        return current;
    const Result<StockState> next = StopLossEngine::changeRatio(current.value(), ratio);
    if (!next.ok())
        return next;
    return store(next.value());
}

Result<StockState> WatchlistService::resetPeak(const QString &ticker)
{
    const Result<StockState> current = load(ticker);
    if (!current.ok())
        return current;
    return store(StopLossEngine::resetPeak(current.value()));
}

Result<StockState> WatchlistService::changeEntry(const QString &ticker, std::optional<double> entry)
{
    if (entry && !Price::isUsable(*entry)) {
        return Error{ErrorCode::InvalidPrice,
                     Watchlist::tr("The entry price must be a number greater than 0, or left empty.")};
    }
    const Result<StockState> current = load(ticker);
    if (!current.ok())
        return current;
    StockState next = current.value();
    next.entry = entry;
    if (!next.lastPrice) { // nothing tracked yet: start as add() would, from the entry
        const StockState fresh =
            StopLossEngine::initialState(next.ticker, next.strategy, entry, m_clock.now());
        next.peak = fresh.peak;
        next.stop = fresh.stop;
        next.strategyState = fresh.strategyState;
    }
    return store(next);
}

Result<StockState> WatchlistService::snooze(const QString &ticker, int days)
{
    if (days < 1 || days > 365)
        return Error{ErrorCode::InvalidArguments, Watchlist::tr("Snooze for 1 to 365 days.")};
    const Result<StockState> current = load(ticker);
    if (!current.ok())
        return current;
    StockState next = current.value();
    next.snoozedUntil = m_clock.now().toUTC().addDays(days);
    return store(next);
}

Result<StockState> WatchlistService::unsnooze(const QString &ticker)
{
    const Result<StockState> current = load(ticker);
    if (!current.ok())
        return current;
    StockState next = current.value();
    next.snoozedUntil = QDateTime();
    return store(next);
}

Status WatchlistService::saveCycle(const QList<StockState> &updated,
                                   const std::function<Status()> &alsoInTransaction)
{
    if (updated.isEmpty() && !alsoInTransaction)
        return success();
    const Status saved = inTransaction(m_repository.database(), [&]() -> Status {
        if (Status stocks = m_repository.updateAll(updated); !stocks.ok())
            return stocks;
        return alsoInTransaction ? alsoInTransaction() : success();
    });
    if (!saved.ok())
        return saved;
    Q_EMIT stocksChanged(updated);
    return success();
}

Status WatchlistService::updateOne(const QList<StockState> &updated, const QList<StockState> &stored,
                                   qsizetype at)
{
    if (stored.isEmpty())
        return m_repository.update(updated.at(at));
    return m_repository.updateChanged(stored.at(at), updated.at(at));
}

Result<WatchlistService::NotSaved> WatchlistService::saveEach(
    const QList<StockState> &updated, const std::function<Status(const StockState &)> &withEach,
    const std::function<Status(const NotSaved &notSaved)> &afterAll, const QList<StockState> &stored)
{
    Q_ASSERT(stored.isEmpty() || stored.size() == updated.size());
    bool oneFailed = false;
    const Status done = inTransaction(m_repository.database(), [&]() -> Status {
        for (qsizetype at = 0; at < updated.size(); ++at) {
            Status one = updateOne(updated, stored, at);
            if (one.ok() && withEach)
                one = withEach(updated.at(at));
            if (!one.ok()) {
                oneFailed = true;
                return one; // rolls the batch back; saved again below, one savepoint per row
            }
        }
        return afterAll ? afterAll(NotSaved()) : success();
    });
    QList<StockState> saved = updated;
    NotSaved notSaved;
    if (oneFailed) {
        saved.clear();
        const Result<NotSaved> each = saveEachInSavepoints(updated, withEach, afterAll, stored, saved);
        if (!each.ok())
            return each.error();
        notSaved = each.value();
    } else if (!done.ok()) {
        return done.error();
    }
    if (!saved.isEmpty())
        Q_EMIT stocksChanged(saved);
    return notSaved;
}

Result<WatchlistService::NotSaved>
WatchlistService::saveEachInSavepoints(const QList<StockState> &updated,
                                       const std::function<Status(const StockState &)> &withEach,
                                       const std::function<Status(const NotSaved &notSaved)> &afterAll,
                                       const QList<StockState> &stored, QList<StockState> &saved)
{
    NotSaved notSaved;
    const Status done = inTransaction(m_repository.database(), [&]() -> Status {
        for (qsizetype at = 0; at < updated.size(); ++at) {
            const StockState &stock = updated.at(at);
            // A nested Transaction is a savepoint: rolling it back keeps the other tickers' writes.
            const Status one = inTransaction(m_repository.database(), [&]() -> Status {
                if (Status state = updateOne(updated, stored, at); !state.ok())
                    return state;
                return withEach ? withEach(stock) : success();
            });
            if (one.ok())
                saved.append(stock);
            else
                notSaved.insert(stock.ticker, one.error());
        }
        return afterAll ? afterAll(notSaved) : success();
    });
    if (!done.ok()) {
        saved.clear();
        return done.error();
    }
    return notSaved;
}

Result<StockState> WatchlistService::load(const QString &tickerInput) const
{
    const Result<QString> ticker = Ticker::normalize(tickerInput);
    if (!ticker.ok())
        return ticker.error();
    const auto found = m_repository.find(ticker.value());
    if (!found.ok())
        return found.error();
    if (!found.value()) {
        return Error{ErrorCode::UnknownTicker,
                     Watchlist::tr("%1 is not on the watchlist.").arg(ticker.value())};
    }
    return *found.value();
}

// The specs in canonical form, refusing a bad one and a repeated one (the message names the ticker).
Result<QStringList> WatchlistService::canonicalRules(const QString &ticker, const QStringList &specs) const
{
    QStringList canonical;
    for (const QString &spec : specs) {
        const Result<AlertRule> rule = AlertRule::parse(spec);
        if (!rule.ok())
            return rule.error();
        const QString text = rule.value().spec();
        if (canonical.contains(text))
            return duplicateRule(ticker, text);
        canonical.append(text);
    }
    return canonical;
}

Result<StockState> WatchlistService::store(const StockState &next)
{
    if (Status updated = m_repository.update(next); !updated.ok())
        return updated.error();
    Q_EMIT stockChanged(next);
    return next;
}

} // namespace trailguard
