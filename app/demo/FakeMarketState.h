#pragma once

#include "demo/FakeQuestradeEndpoints.h"
#include "demo/FakeQuestradeServer.h"

#include <QJsonObject>

#include <optional>
#include <utility>

namespace trailguard {

// What the fake server knows of the market and the accounts (listings and their quotes, candle series,
// today's sessions, accounts and positions), and the API answers built from it.
class FakeMarketState {
public:
    using Symbol = FakeQuestradeServer::Symbol;
    using Quote = FakeQuestradeServer::Quote;
    using Account = FakeQuestradeServer::Account;
    using Position = FakeQuestradeServer::Position;

    void addSymbol(const Symbol &symbol);
    void setMissedByNameLookup(const QStringList &symbols);
    void setQuote(qint64 symbolId, const Quote &quote);
    std::optional<Quote> quote(qint64 symbolId) const;
    // The markets/quotes record of a listed symbol, as the stream sends it.
    std::optional<QJsonObject> quoteRecord(qint64 symbolId) const;
    void setMaxIdsPerQuoteCall(int maximum);

    void setMarketHours(const QDateTime &start, const QDateTime &end);
    void setMarketSession(const QString &market, const QDateTime &start, const QDateTime &end);
    void clearMarketSessions();

    void setAccounts(const QList<Account> &accounts);
    QList<Account> accounts() const;
    void setPositions(const QString &accountNumber, const QList<Position> &positions);
    QList<Position> positions(const QString &accountNumber) const;

    void setCandles(qint64 symbolId, CandleInterval interval, QList<Candle> candles);

    // The answer of an API route other than the stream port, at `now`.
    http::Response answer(const FakeQuestradeEndpoints::RouteMatch &match,
                          const FakeQuestradeEndpoints::Params &params, const QDateTime &now) const;

private:
    http::Response markets(const QDateTime &now) const;

    FakeQuestradeEndpoints::Market m_market;
    FakeQuestradeEndpoints::CandleSeries m_candleSeries; // set by setCandles
    QSet<QString> m_missedByNames;                       // set by setMissedByNameLookup
    int m_maxIdsPerQuoteCall = 0;
    std::optional<std::pair<QDateTime, QDateTime>> m_marketHours;
    QList<std::pair<QString, std::pair<QDateTime, QDateTime>>> m_marketSessions; // per-market overrides
    QList<Account> m_accounts;
    QHash<QString, QList<Position>> m_positions; // account number -> its positions
};

} // namespace trailguard
