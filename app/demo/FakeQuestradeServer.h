#pragma once

#include "broker/BrokerTypes.h"
#include "common/Clock.h"
#include "demo/HttpMessage.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

#include <memory>
#include <optional>

namespace trailguard {

class FakeQuoteStreamServer;

// A Questrade stand-in on loopback that follows ../shared/questrade-api.md: the OAuth token endpoint
// with single-use refresh-token rotation and access-token expiry, symbol search and look-up, batched
// Level 1 quotes, markets and time, the rate-limit headers and 429s. Used by `trailguard --demo` and by
// the tests, which attach faults and a request log through Hooks (TestQuestradeServer in
// tests/support/fakes). Plain HTTP/1.1 over QTcpServer, so dropped connections and malformed bodies are
// easy to produce.
// Where the contract leaves room (order of checks, unknown ids, what faults use up, ...), the choices
// are listed at the top of FakeQuestradeRouting.cpp and in FakeQuestradeEndpoints.h.
class FakeQuestradeServer : public QObject {
    Q_OBJECT
public:
    enum class Category { Account, MarketData, Login };

    struct Symbol {
        QString symbol; // Questrade symbology: "SHOP.TO", "ABC.VN", "AAPL"
        qint64 symbolId = 0;
        QString currency;        // "CAD" / "USD"
        QString listingExchange; // "TSX", "TSXV", "CNSX", "NEO", "NYSE", "NASDAQ"
        QString description;
    };

    struct Quote {
        std::optional<double> lastTradePrice; // any session (extended hours too); empty: sent as JSON null
        QDateTime lastTradeTime;              // sent with six fractional digits and an Eastern offset
        bool halted = false;
        int delay = 0;
        // `lastTradePriceTrHrs`, the regular session's last trade: lastTradePrice unless
        // separateRegularPrice, then regularTradePrice (empty: JSON null). An extended-hours trade is a
        // lastTradePrice that differs from it. (Addition to the agreed API.)
        bool separateRegularPrice = false;
        std::optional<double> regularTradePrice;
    };

    // An account of v1/accounts (questrade-api.md §6).
    struct Account {
        QString number; // text, e.g. "26598145"
        QString type = QStringLiteral("Margin");
        QString status = QStringLiteral("Active");
        bool isPrimary = false;
        bool isBilling = false;
    };

    // A position of v1/accounts/{number}/positions; empty optionals are left out of the JSON.
    struct Position {
        QString symbol;
        qint64 symbolId = 0;
        double openQuantity = 0;
        std::optional<double> closedQuantity;
        std::optional<double> currentMarketValue;
        std::optional<double> currentPrice;
        std::optional<double> averageEntryPrice;
        std::optional<double> openPnl;
        std::optional<double> closedPnl;
        std::optional<double> dayPnl;
        std::optional<double> totalCost;
        std::optional<bool> isRealTime;
        std::optional<bool> isUnderReorg;
        // Fields sent as JSON null instead of their value or of being left out ("openQuantity",
        // "currentMarketValue", "averageEntryPrice", "totalCost", ...): the real server does both
        // (questrade-api.md §6, corrections).
        QStringList nullFields;
    };

    struct Request {
        QString method;
        QString path;  // "/v1/markets/quotes"
        QString query; // "ids=1,2,3"
        Category category = Category::Account;
        int status = 0;
        QByteArray userAgent;
        QDateTime receivedAt; // UTC, with milliseconds
    };

    explicit FakeQuestradeServer(QObject *parent = nullptr);
    ~FakeQuestradeServer() override;

    // Listens on 127.0.0.1 (port 0: any free port).
    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl loginUrl() const;  // http://127.0.0.1:PORT  (POST or GET /oauth2/token)
    QUrl apiServer() const; // http://127.0.0.1:PORT/ — what the token answer gives as api_server

    // --- tokens -------------------------------------------------------------------------------
    // A fresh refresh token the token endpoint accepts exactly once.
    QByteArray issueRefreshToken();
    // Accepts this exact refresh token once, e.g. one with reserved characters ("a+b/c=d&e") to check
    // that a client URL-encodes it. (Addition to the agreed API.)
    void addRefreshToken(const QByteArray &token);
    // The server's "now" (token expiry, rate-limit windows, request times; not owned): tests move it
    // instead of sleeping. The system clock unless set.
    void setClock(const Clock &clock);
    void setAccessTokenLifetime(int seconds); // expires_in; default 1800
    void expireAccessTokens();                // current access tokens now answer 401 / 1017
    void revokeAll();                         // refresh and access tokens are all rejected
    int tokenExchanges() const;               // successful refreshes so far

    // --- market -------------------------------------------------------------------------------
    // Listed for v1/symbols (ids=, names=, {id}) and v1/symbols/search, which answers 20 results a page
    // (offset pages on) and matches the base of the prefix in symbols and description words, so an
    // issuer's preferred series can push its common shares past the first page (questrade-api.md §2a).
    void addSymbol(const Symbol &symbol);
    // v1/symbols?names= leaves these symbols out as if unknown; the search still finds them. For tests of
    // the search fallback. (Addition to the agreed API.)
    void setMissedByNameLookup(const QStringList &symbols);
    void setQuote(qint64 symbolId, const Quote &quote);
    void setPrice(qint64 symbolId, double price); // last trade now, not halted, no delay
    // The latest quote; an empty Quote for a listed symbol never priced; nothing for an unknown id.
    std::optional<Quote> quote(qint64 symbolId) const;
    // Today's sessions for TSX, TSXV, NYSE and NASDAQ (default: open 09:30-16:00 Toronto today).
    void setMarketHours(const QDateTime &start, const QDateTime &end);
    // One market's regular session, over setMarketHours for that market (a market not in the list, e.g.
    // "CNSX", is added): an early close is an earlier end; invalid times are sent as JSON null (a holiday),
    // and times dated another day say the market does not trade today either. (Addition to the agreed API.)
    void setMarketSession(const QString &market, const QDateTime &start, const QDateTime &end);
    void clearMarketSessions();

    // --- accounts and positions (§6) ------------------------------------------------------------
    // The accounts v1/accounts lists (none by default); positions of any other number answer 404/1018.
    void setAccounts(const QList<Account> &accounts);
    QList<Account> accounts() const;
    // The positions of one account (replacing earlier ones); an account never given positions has none.
    void setPositions(const QString &accountNumber, const QList<Position> &positions);
    QList<Position> positions(const QString &accountNumber) const;

    // --- candles (v1/markets/candles/{id}, questrade-api.md §4) --------------------------------------
    // Exactly these candles for the symbol and interval (replacing any set before), whether or not the
    // symbol is listed. Without them a listed symbol has a generated daily series (deterministic, ending
    // today) and no candles of other intervals. Answers hold only the requested [startTime, endTime),
    // at most 2,000 candles (more: 400/1003); see FakeQuestradeEndpoints::candles.
    void setCandles(qint64 symbolId, CandleInterval interval, QList<Candle> candles);

    // --- streaming (questrade-api.md §7) ---------------------------------------------------------
    // markets/quotes?ids=...&stream=true&mode=WebSocket answers {"streamPort": N} (a market-data call) for
    // the WebSocket server on 127.0.0.1 that streamServer() runs, with its fault switches. setQuote and
    // setPrice push to its subscribers. mode=RawSocket, or setStreamingOffered(false): 400/1002. A query
    // longer than 2,000 characters: 414 with a bare text body (a front end's answer, not Questrade's JSON).
    FakeQuoteStreamServer *streamServer() const;
    void setStreamingOffered(bool offered);

    // --- rate limits ----------------------------------------------------------------------------
    // Per second and per hour, per category, enforced with 429 + code 1006 and the X-RateLimit-*
    // headers (hourly counter only, as the real server). /v1/symbols* count as Account calls.
    void setRateLimits(Category category, int perSecond, int perHour);
    // More ids than this in one markets/quotes call answers 400 / 1003 (default: no limit).
    void setMaxIdsPerQuoteCall(int maximum);
    // A query string (after '?', as sent) longer than this is refused with 414 before anything else is
    // checked, on every path, as IIS does. Default kIisMaxQueryLength; 0: no limit.
    static constexpr int kIisMaxQueryLength = 2048;
    void setMaxQueryLength(int maximum);

    // TCP connections accepted so far, to check that a client reuses keep-alive connections.
    // (Addition to the agreed API.)
    int connectionsAccepted() const;

    // What a test-only layer (tests/support/fakes: fault plan, request log) does to the traffic; the demo
    // runs without. Each call is made on the server's thread for every parsed request, in this order.
    class Hooks {
    public:
        virtual ~Hooks() = default;
        // true: close the connection without an answer; nothing else happens.
        virtual bool dropConnection(const Request &request) = 0;
        // An answer to send instead of carrying the request out, or nothing.
        virtual std::optional<http::Response> answerInstead(const Request &request) = 0;
        // The answer of a request that was carried out, to be changed in place.
        virtual void alterAnswer(const Request &request, http::Response &response) = 0;
        // How long to hold the answer back.
        virtual int answerDelayMs(const Request &request) = 0;
        // The answer left, or the connection was dropped (status 0).
        virtual void answered(const Request &request) = 0;
    };
    // Not owned; nullptr detaches.
    void setHooks(Hooks *hooks);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace trailguard
