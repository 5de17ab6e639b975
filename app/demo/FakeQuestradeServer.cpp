#include "demo/FakeQuestradeServer.h"

#include "demo/DemoLogging.h"
#include "demo/FakeQuestradeServerPrivate.h"

#include <algorithm>

// Request handling and the behaviour chosen where the contract leaves room: FakeQuestradeRouting.cpp.

namespace trailguard {

FakeQuestradeServer::FakeQuestradeServer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{}

FakeQuestradeServer::~FakeQuestradeServer() = default;

bool FakeQuestradeServer::listen(quint16 port)
{
    if (!d->http.listen(port)) {
        qCWarning(lcDemo) << "The fake Questrade server cannot listen on port" << port << ":"
                          << d->http.errorString();
        return false;
    }
    if (!d->stream->listen()) {
        qCWarning(lcDemo) << "The fake Questrade stream cannot listen on 127.0.0.1";
        return false;
    }
    qCInfo(lcDemo) << "Fake Questrade server listening on" << apiServer().toString();
    return true;
}

quint16 FakeQuestradeServer::port() const
{
    return d->http.port();
}

QUrl FakeQuestradeServer::loginUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

QUrl FakeQuestradeServer::apiServer() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port()));
}

QByteArray FakeQuestradeServer::issueRefreshToken()
{
    return d->tokens.issueRefreshToken();
}

void FakeQuestradeServer::addRefreshToken(const QByteArray &token)
{
    d->tokens.addRefreshToken(token);
}

void FakeQuestradeServer::setClock(const Clock &clock)
{
    d->clock = &clock;
    d->tokens.setClock(clock);
}

void FakeQuestradeServer::setAccessTokenLifetime(int seconds)
{
    d->tokens.setAccessTokenLifetime(seconds);
}

void FakeQuestradeServer::expireAccessTokens()
{
    d->tokens.expireAccessTokens();
}

void FakeQuestradeServer::revokeAll()
{
    d->tokens.revokeAll();
}

int FakeQuestradeServer::tokenExchanges() const
{
    return d->tokens.exchanges();
}

void FakeQuestradeServer::addSymbol(const Symbol &symbol)
{
    d->state.addSymbol(symbol);
}

void FakeQuestradeServer::setMissedByNameLookup(const QStringList &symbols)
{
    d->state.setMissedByNameLookup(symbols);
}

void FakeQuestradeServer::setQuote(qint64 symbolId, const Quote &quote)
{
    d->state.setQuote(symbolId, quote);
    d->stream->publish(symbolId);
}

void FakeQuestradeServer::setPrice(qint64 symbolId, double price)
{
    Quote quote;
    quote.lastTradePrice = price;
    quote.lastTradeTime = d->clock->now();
    setQuote(symbolId, quote);
}

std::optional<FakeQuestradeServer::Quote> FakeQuestradeServer::quote(qint64 symbolId) const
{
    return d->state.quote(symbolId);
}

void FakeQuestradeServer::setMarketHours(const QDateTime &start, const QDateTime &end)
{
    d->state.setMarketHours(start, end);
}

void FakeQuestradeServer::setMarketSession(const QString &market, const QDateTime &start,
                                           const QDateTime &end)
{
    d->state.setMarketSession(market, start, end);
}

void FakeQuestradeServer::clearMarketSessions()
{
    d->state.clearMarketSessions();
}

void FakeQuestradeServer::setAccounts(const QList<Account> &accounts)
{
    d->state.setAccounts(accounts);
}

QList<FakeQuestradeServer::Account> FakeQuestradeServer::accounts() const
{
    return d->state.accounts();
}

void FakeQuestradeServer::setPositions(const QString &accountNumber, const QList<Position> &positions)
{
    d->state.setPositions(accountNumber, positions);
}

QList<FakeQuestradeServer::Position> FakeQuestradeServer::positions(const QString &accountNumber) const
{
    return d->state.positions(accountNumber);
}

void FakeQuestradeServer::setCandles(qint64 symbolId, CandleInterval interval, QList<Candle> candles)
{
    d->state.setCandles(symbolId, interval, std::move(candles));
}

FakeQuoteStreamServer *FakeQuestradeServer::streamServer() const
{
    return d->stream;
}

void FakeQuestradeServer::setStreamingOffered(bool offered)
{
    d->streamingOffered = offered;
}

void FakeQuestradeServer::setRateLimits(Category category, int perSecond, int perHour)
{
    d->limiter(category).setLimits(perSecond, perHour);
}

void FakeQuestradeServer::setMaxIdsPerQuoteCall(int maximum)
{
    d->state.setMaxIdsPerQuoteCall(maximum);
}

void FakeQuestradeServer::setMaxQueryLength(int maximum)
{
    d->maxQueryLength = std::max(0, maximum);
}

int FakeQuestradeServer::connectionsAccepted() const
{
    return d->http.connectionsAccepted();
}

void FakeQuestradeServer::setHooks(Hooks *hooks)
{
    d->hooks = hooks;
}

} // namespace trailguard
