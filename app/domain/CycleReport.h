#pragma once

#include "common/Result.h"
#include "domain/StockState.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace trailguard {

// What one monitoring cycle did. Here, below the monitor, because health alerts and the price history
// read it too.
struct CycleReport {
    QDateTime startedAt;
    QDateTime finishedAt;
    bool ok = false;
    QString error;    // translated, says what went wrong; empty when ok
    int watched = 0;  // stocks on the watchlist
    int resolved = 0; // tickers looked up this cycle (found or not)
    int quoted = 0;   // stocks that got a quote
    int updated = 0;  // stocks whose state changed and were saved
    QList<Breach> breaches;
    QStringList notFound; // tickers whose symbol id Questrade no longer knows (now marked not found)
    // Tickers whose new state could not be saved (ticker → why, translated): the other tickers were saved
    // and stay guarded. `applied`: the tickers whose quote was applied and saved (or changed nothing).
    QHash<QString, QString> notSaved;
    QStringList applied;
};

// Where a batch of quotes came from.
enum class QuoteOrigin { Poll, Stream, CatchUp };

// What applying one batch of quotes did.
struct QuoteBatchReport {
    int quoted = 0;  // stocks that got a quote
    int updated = 0; // stocks whose state changed and were saved
    QList<Breach> breaches;
    QHash<QString, QString> notSaved; // as in CycleReport
    QStringList applied;
};

// A processed quote with a usable price, for the price history, with the peak and stop its ticker held
// right after the engine applied it (unset while the strategy has none).
struct RecordedQuote {
    Quote quote;
    std::optional<double> peak = std::nullopt;
    std::optional<double> stop = std::nullopt;
};

// Called by the monitor with every processed quote that carried a usable price, inside the transaction
// that saves the states they produced (the price history, and the stop line of the chart). A failure
// rolls the batch back.
using QuoteRecorder = std::function<Status(const QList<RecordedQuote> &quotes, QuoteOrigin origin)>;

} // namespace trailguard
