#pragma once

#include "common/Result.h"
#include "domain/StopPoint.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>

namespace trailguard {

class SqliteStatement;

// The peak and stop held with each raw quote (price_quotes.peak/stop) are stored only where they change:
// NULL means "as the quote before" (a NULL pair costs 2 bytes, a stored pair ~8), so a quote stays under 24
// bytes. A reader carries the last stored pair forward, seeded from the latest one before its window. So a
// writer never has to look far back, a pair is stored again when none of the ticker's last kLookBack quotes
// has one. Rows written before this rule (a pair on every quote) read the same. A quote without a held
// stop (the strategy has none yet) stores NULL too: the chart already kept drawing the last stop there.
// One connection, one thread, inside the caller's transaction; `ticker` must be in history_tickers.
class QuoteHeldStops {
public:
    struct Pair {
        double peak = 0;
        double stop = 0;
        bool operator==(const Pair &) const = default;
    };

    // What a quote of `ticker` at `timeMs` holding `held` stores in its peak and stop columns, and which
    // later quote, if any, must get its carried pair written out (a quote recorded out of time order).
    struct Insert {
        std::optional<Pair> stored;
        std::optional<qint64> fixTimeMs;
        Pair fixPair;
    };

    explicit QuoteHeldStops(QSqlDatabase db);

    Result<Insert> planInsert(const QString &ticker, qint64 timeMs, const std::optional<Pair> &held) const;
    // Writes the fix of `insert` (after the quote itself was written).
    Status applyFix(const QString &ticker, const Insert &insert);

    // The pair in force just before `timeMs`: the latest one stored before it, however far back.
    Result<std::optional<Pair>> before(const QString &ticker, qint64 timeMs) const;
    // The pairs stored with the quotes of `ticker` in [fromMs, toMs), oldest first (where they changed),
    // led by the pair in force at the window's first quote when that quote carries it from before.
    Result<QList<StopPoint>> inRange(const QString &ticker, qint64 fromMs, qint64 toMs) const;
    // Before the quotes older than `timeMs` are deleted: the first quote kept gets the pair it carried.
    Status keepCarriedPairAt(const QString &ticker, qint64 timeMs);

    // How many earlier quotes a writer looks at for the pair in force.
    static constexpr int kLookBack = 64;

private:
    Status writePair(const QString &ticker, qint64 timeMs, const Pair &pair);

    QSqlDatabase m_db;
    mutable std::shared_ptr<SqliteStatement> m_neighbours; // planInsert's, prepared on first use
};

} // namespace trailguard
