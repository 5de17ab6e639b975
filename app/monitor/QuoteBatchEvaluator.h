#pragma once

#include "broker/BrokerTypes.h"
#include "domain/CycleReport.h"
#include "domain/StockState.h"
#include "domain/StopLossEngine.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace trailguard {

// The rules one batch is judged by, and two questions only the market hours and the catch-up can answer
// (either may be left empty: nothing is stale, no gap is pending).
struct QuoteBatchRules {
    RepeatPolicy repeatPolicy = RepeatPolicy::DailyWhileBelow;
    bool includeExtendedHours = false;
    QuoteOrigin origin = QuoteOrigin::Poll;
    // The trade at `tradeTime` is from before the current session of the stock's market.
    std::function<bool(const StockState &stock, const QDateTime &tradeTime)> isStale;
    // Where a downtime gap the catch-up has yet to check starts for the stock; invalid when none.
    std::function<QDateTime(const StockState &stock, const QDateTime &now)> uncheckedGapStart;
};

// What a batch of quotes does to the watched stocks, decided before anything is saved.
struct QuoteBatchEvaluation {
    struct Note {
        QtMsgType level;
        QString text;
    };

    int quoted = 0;                         // stocks that got a quote
    QStringList quotedTickers;              // the same stocks, in watchlist order
    QList<StockState> changed;              // new states that differ from the current ones
    QList<StockState> changedFrom;          // the current state of each, in the same order
    QList<Breach> breaches;                 // to record and announce (snoozed tickers left out)
    QList<StockState> breachedStates;       // the new state of each breach, in the same order
    QList<RecordedQuote> trades;            // every trade with a price, extended hours included: the history
    QHash<QString, QString> engineWarnings; // ticker → what the engine warned about
    QList<Note> notes;                      // for the log
};

// The pure part of Monitor::applyQuotes: watched states + broker quotes + now → new states, breaches and
// trades to record. No I/O and no Qt objects, so every rule (regular session vs extended hours, stale
// trades, snooze, catch-up) is tested without a database or a server.
namespace QuoteBatchEvaluator {
QuoteBatchEvaluation evaluate(const QList<StockState> &states, const QList<BrokerQuote> &quotes,
                              const QDateTime &now, const QuoteBatchRules &rules);
// The log line of a breach: "Stop-loss breach: SHOP.TO 85.00 < stop 90.00 (peak 100.00, ratio 0.9)".
QString describeBreach(const Breach &breach);
} // namespace QuoteBatchEvaluator

} // namespace trailguard
