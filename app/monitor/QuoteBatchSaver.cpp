#include "monitor/QuoteBatchSaver.h"

#include "monitor/MonitorLogging.h"
#include "monitor/QuoteBatchEvaluator.h"
#include "watchlist/WatchlistService.h"

#include <QSet>

namespace trailguard {

QuoteBatchSaver::QuoteBatchSaver(WatchlistService &watchlist, const BreachRecorder &recordBreach,
                                 const QuoteRecorder &recordQuotes)
    : m_watchlist(watchlist)
    , m_recordBreach(recordBreach)
    , m_recordQuotes(recordQuotes)
{}

Status QuoteBatchSaver::save(const QuoteBatchEvaluation &evaluation, QuoteOrigin origin,
                             QuoteBatchReport &report, const AlsoInTransaction &alsoInTransaction) const
{
    report.breaches = evaluation.breaches;
    QList<RecordedQuote> recorded = evaluation.trades;
    QSet<QString> changedTickers;
    for (const StockState &state : evaluation.changed)
        changedTickers.insert(state.ticker);
    const auto recordBreachOf = [&](const QString &ticker) -> Status {
        for (qsizetype i = 0; m_recordBreach && i < evaluation.breaches.size(); ++i) {
            if (evaluation.breaches[i].ticker != ticker)
                continue;
            if (Status stored = m_recordBreach(evaluation.breaches[i], evaluation.breachedStates[i]);
                !stored.ok())
                return stored;
        }
        return success();
    };
    const auto afterAll = [&](const WatchlistService::NotSaved &notSaved) -> Status {
        for (const Breach &breach : evaluation.breaches) {
            if (changedTickers.contains(breach.ticker))
                continue; // recorded with its state
            if (Status stored = recordBreachOf(breach.ticker); !stored.ok())
                return stored;
        }
        if (alsoInTransaction) {
            if (Status also = alsoInTransaction(notSaved); !also.ok())
                return also;
        }
        recorded.removeIf([&](const RecordedQuote &held) { return notSaved.contains(held.quote.ticker); });
        if (m_recordQuotes && !recorded.isEmpty())
            return m_recordQuotes(recorded, origin);
        return success();
    };
    // Only the columns that changed are written (the states came from the monitor's copy of the database).
    const auto saved = m_watchlist.saveEach(
        evaluation.changed, [&](const StockState &state) { return recordBreachOf(state.ticker); }, afterAll,
        evaluation.changedFrom);
    if (!saved.ok())
        return saved.error();
    for (auto it = saved.value().cbegin(); it != saved.value().cend(); ++it) {
        qCWarning(lcMonitor).noquote() << "Could not save the new state of" << it.key()
                                       << "(the other tickers are saved):" << it.value().message;
        report.notSaved.insert(it.key(), it.value().message);
    }
    report.breaches.removeIf([&](const Breach &breach) { return report.notSaved.contains(breach.ticker); });
    for (const QString &ticker : evaluation.quotedTickers) {
        if (!report.notSaved.contains(ticker))
            report.applied.append(ticker);
    }
    report.updated = int(evaluation.changed.size() - report.notSaved.size());
    return success();
}

} // namespace trailguard
