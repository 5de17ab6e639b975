#pragma once

#include "broker/BrokerTypes.h"
#include "broker/SymbolMatching.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace trailguard {

// What Questrade said about one watchlist ticker.
struct SymbolLookup {
    std::optional<SymbolInfo> listing; // empty: Questrade has no such listing ("not found")
    QList<SymbolInfo> closest;         // when not found: the nearest listings Questrade answered, best first
                                       // (their `ticker` is written as users type it, e.g. "ABC.V")

    bool operator==(const SymbolLookup &) const = default;
};

// Turns watchlist tickers into Questrade listings (questrade-api.md §2 and its Corrections). The search
// answers 20 results a page and also matches description words, so "ENB.TO" can sit behind twenty
// "ENB.PF.*"/"ENB.PR.*" preferred series: each ticker is first looked up exactly with v1/symbols?names=,
// several names per call (the query kept under kMaxQueryLength characters). A ticker that look-up does
// not settle is searched with its full symbol, page after page (offset), until an exact match, a short
// page (the results ran out) or maxSearchPages. The listings seen on the way become the "closest
// listings" of a ticker that is not found. Found listings are remembered, so each ticker costs requests
// once. All requests go through `fetch` (the client's rate-limited GET; v1/symbols* is an account-bucket
// call).
class SymbolResolver {
    Q_DECLARE_TR_FUNCTIONS(SymbolResolver)
public:
    // IIS answers 414 from 2,048 characters of query; stay clearly below.
    static constexpr int kMaxQueryLength = 1999;

    struct Options {
        int maxQueryLength = kMaxQueryLength; // of one names= query, "names=" included
        int searchPageSize = 20;              // results of a full search page; fewer: the last page
        int maxSearchPages = 10;              // per ticker
        int closestCount = 5;                 // listings offered for a ticker that is not found
    };
    // Ticker → what Questrade said about it.
    using SymbolMap = QHash<QString, SymbolLookup>;
    using Done = std::function<void(Result<SymbolMap>)>;
    // One GET answer: the body, or the error; tooLong when the server found the request too long (413,
    // 414, 1003, 1005).
    struct Reply {
        Result<QJsonObject> body;
        bool tooLong = false;
    };
    using Fetch = std::function<void(const QString &path, const QString &query, std::function<void(Reply)>)>;

    SymbolResolver(Fetch fetch, Options options);

    // Calls `done` once with every distinct ticker of `tickers`, or with the first error (listings found
    // so far stay remembered). Synchronously when nothing needs the network.
    void resolve(const QStringList &tickers, Done done);
    // Forgets the remembered listings.
    void forget() { m_known.clear(); }

    // The names= queries for `symbols`, in order, each at most `maxQueryLength` characters long
    // ("names=A,B,C"); a symbol too long for any query gets one of its own.
    static QStringList lookupQueries(const QStringList &symbols, int maxQueryLength = kMaxQueryLength);
    // "ENB.XX was not found on Questrade. Closest listings: ENB.TO (Enbridge Inc), ENB (Enbridge Inc)."
    static QString notFoundMessage(const QString &ticker, const QList<SymbolInfo> &closest);

private:
    struct Job;
    struct Search;
    void lookUp(const std::shared_ptr<Job> &job, const QStringList &symbols);
    void search(const std::shared_ptr<Job> &job, const std::shared_ptr<Search> &search);
    void settle(const std::shared_ptr<Job> &job, const SymbolMatching::Query &query, SymbolLookup lookup);
    void finishOne(const std::shared_ptr<Job> &job);

    Fetch m_fetch;
    Options m_options;
    QHash<QString, SymbolInfo> m_known; // ticker → listing found earlier
};

} // namespace trailguard
