#pragma once

#include "common/Result.h"
#include "domain/CycleReport.h"
#include "domain/StockState.h"

#include <QHash>

#include <functional>

namespace trailguard {

struct QuoteBatchEvaluation;
class WatchlistService;

// Saves what QuoteBatchEvaluator decided for one batch, inside one transaction: each new state with the
// alert for its breach in its own savepoint (a ticker whose state cannot be saved is reported alone and
// the others stay guarded), then the remaining breaches and the price history of the saved tickers.
class QuoteBatchSaver {
public:
    using BreachRecorder = std::function<Status(const Breach &breach, const StockState &stock)>;

    QuoteBatchSaver(WatchlistService &watchlist, const BreachRecorder &recordBreach,
                    const QuoteRecorder &recordQuotes);

    // What else the batch stores in its transaction once the states are saved, knowing the tickers whose
    // state was not (the alerts of the rules that fired, see RuleWatch).
    using AlsoInTransaction = std::function<Status(const QHash<QString, Error> &notSaved)>;

    // Fills report's breaches, notSaved, applied and updated; an error means nothing was saved.
    Status save(const QuoteBatchEvaluation &evaluation, QuoteOrigin origin, QuoteBatchReport &report,
                const AlsoInTransaction &alsoInTransaction = {}) const;

private:
    WatchlistService &m_watchlist;
    const BreachRecorder &m_recordBreach;
    const QuoteRecorder &m_recordQuotes;
};

} // namespace trailguard
