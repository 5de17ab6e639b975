#pragma once

#include "broker/BrokerTypes.h"
#include "broker/CandleFetcher.h"
#include "broker/QuestradeHttp.h"
#include "broker/QuestradeTransport.h"
#include "broker/RateLimiter.h"
#include "broker/SymbolResolver.h"
#include "common/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace trailguard {

class QuestradeAuth;

// Questrade's REST market calls (questrade-api.md §2, §3, §5) for the watcher: a facade over the
// transport (QuestradeTransport: token, rate limit, retries, 401 → refresh and replay), the symbol
// look-up (SymbolResolver) and the candle fetcher (CandleFetcher); quotes and the small calls are made
// here. Answers are parsed defensively: anything unexpected is a MalformedResponse, never a crash or a
// wrong price. Every callback runs later, from the event loop, and is dropped when its `context` is
// destroyed.
class QuestradeClient : public QObject {
    Q_OBJECT
public:
    struct Options {
        int idsPerQuoteCall = 50; // symbol ids per v1/markets/quotes call (lowered by itself on 1003/413/414)
        // Whatever the count, a quote call's query stays within this many characters.
        qsizetype maxQueryLength = QuestradeHttp::kMaxQueryLength;
        // A larger answer is aborted and the call fails (never retried).
        qint64 maxResponseBytes = QuestradeHttp::kMaxResponseBytes;
        std::chrono::milliseconds requestTimeout{15000};
        int maxRetries = 4; // per request, for 5xx/network/timeout, and separately for 429
        std::chrono::milliseconds retryBaseDelay{1000}; // then ×2 per retry, plus up to 50% jitter
        std::chrono::milliseconds retryMaxDelay{30000};
        // Requests in flight per rate-limit category. Both categories together stay within the six
        // connections Qt opens per host, so a request is sent the moment the limiter grants it and
        // never waits in Qt's queue (from which a backlog would leave in one burst).
        int maxInFlight = 3;
        SymbolResolver::Options symbols; // batching and paging of the symbol look-up
    };
    // Ticker → its listing, or "not found" with the closest listings.
    using SymbolMap = SymbolResolver::SymbolMap;
    using SymbolsCallback = std::function<void(Result<SymbolMap>)>;
    using QuotesCallback = std::function<void(Result<QuoteBatch>)>;
    using MarketsCallback = std::function<void(Result<QList<MarketSession>>)>;
    using TimeCallback = std::function<void(Result<QDateTime>)>;
    using CandlesCallback = std::function<void(Result<QList<Candle>>)>;
    // Questrade answers at most this many candles per call (questrade-api.md §4).
    static constexpr int kMaxCandlesPerCall = CandleFetcher::kMaxCandlesPerCall;
    using AccountsCallback = std::function<void(Result<QList<BrokerAccount>>)>;
    using PositionsCallback = std::function<void(Result<QList<BrokerPosition>>)>;

    QuestradeClient(QNetworkAccessManager *network, QuestradeAuth &auth, RateLimiter &limiter,
                    Options options, QObject *parent = nullptr);
    ~QuestradeClient() override;

    // Resolves watchlist tickers to Questrade listings: exact v1/symbols?names= look-ups in batches, then
    // a paged search for what they miss (see SymbolResolver; ListingExchange says which suffix is which
    // exchange). Found listings are remembered, so each ticker is looked up once per client. Fails as a
    // whole on the first request that fails (listings found so far stay remembered).
    void resolveSymbols(const QStringList &tickers, QObject *context, SymbolsCallback done);
    // Level 1 quotes for `symbolIds` in batched calls of at most idsPerQuoteCall ids and maxQueryLength
    // query characters, split further when Questrade answers 1003/1005/413/414. A batch answered 404 /
    // 1019 (an id Questrade does not know) is halved until the unknown id stands alone: the others are
    // quoted and the unknown ones listed in QuoteBatch::unknownIds. A malformed record is dropped (and
    // logged), not the batch. The quotes come back in the order of `symbolIds` (ids Questrade did not
    // answer for are left out). Fails as a whole if any batch fails otherwise.
    void fetchQuotes(const QList<qint64> &symbolIds, QObject *context, QuotesCallback done);
    // Today's sessions of every market (v1/markets).
    void fetchMarkets(QObject *context, MarketsCallback done);
    // Questrade's clock (v1/time); also a cheap way to check that the connection works.
    void fetchServerTime(QObject *context, TimeCallback done);
    // The candles of one symbol in [start, end), oldest first (v1/markets/candles/{id}, §4). The range is
    // split into chunks of at most kMaxCandlesPerCall candles (see candleChunks) fetched one after the
    // other; a chunk Questrade still finds too large (1003/1005/413) is halved and retried. Candles
    // repeated across chunks are dropped, clipped pieces of one candle are joined, and the first and last
    // candle may be clipped to the range (the last may be in progress). Fails as a whole on the first
    // chunk that fails.
    void fetchCandles(qint64 symbolId, const QDateTime &start, const QDateTime &end, CandleInterval interval,
                      QObject *context, CandlesCallback done);
    // See CandleFetcher::chunks.
    static QList<std::pair<QDateTime, QDateTime>> candleChunks(const QDateTime &start, const QDateTime &end,
                                                               CandleInterval interval);
    // The port of the Level 1 WebSocket stream for `symbolIds` (questrade-api.md §7, step 1:
    // v1/markets/quotes?ids=...&stream=true&mode=WebSocket answers {"streamPort": N}); a market-data call.
    // Too many ids for the server (413/414/1003/1005) fails with RequestTooLong.
    using StreamPortCallback = std::function<void(Result<quint16>)>;
    void requestStreamPort(const QList<qint64> &symbolIds, QObject *context, StreamPortCallback done);
    // The accounts of the login (v1/accounts), an account-category call.
    void fetchAccounts(QObject *context, AccountsCallback done);
    // The positions of one account (v1/accounts/{number}/positions), an account-category call. An
    // unknown number fails with AccountNotFound (Questrade's 1018).
    void fetchPositions(const QString &accountNumber, QObject *context, PositionsCallback done);

    // Ids per quote call now: Options::idsPerQuoteCall, or less after a "too long" answer.
    int idsPerQuoteCall() const { return m_idsPerQuoteCall; }
    // Forgets the remembered listings, so the next resolveSymbols searches again.
    void forgetSymbols() { m_symbols.forget(); }

private:
    struct QuoteJob;

    void get(const QString &path, const QString &query, QuestradeTransport::AnswerCallback done,
             QuestradeTransport::BodyForm form = QuestradeTransport::BodyForm::Object);
    void requestQuotes(const std::shared_ptr<QuoteJob> &job, const QList<qint64> &ids);
    void finishQuotes(const std::shared_ptr<QuoteJob> &job);

    Options m_options;
    int m_idsPerQuoteCall;
    QuestradeTransport *m_transport; // a child
    CandleFetcher *m_candles;        // a child
    SymbolResolver m_symbols;
};

} // namespace trailguard
