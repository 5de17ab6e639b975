#include "demo/FakeMarketState.h"

#include "demo/QuestradeJson.h"

#include <QJsonArray>

#include <algorithm>

namespace trailguard {

namespace endpoints = FakeQuestradeEndpoints;

void FakeMarketState::addSymbol(const Symbol &symbol)
{
    m_market[symbol.symbolId].symbol = symbol;
}

void FakeMarketState::setMissedByNameLookup(const QStringList &symbols)
{
    m_missedByNames.clear();
    for (const QString &symbol : symbols)
        m_missedByNames.insert(symbol.trimmed().toUpper());
}

void FakeMarketState::setQuote(qint64 symbolId, const Quote &quote)
{
    QuestradeJson::applyQuote(m_market[symbolId], quote);
}

std::optional<FakeMarketState::Quote> FakeMarketState::quote(qint64 symbolId) const
{
    const auto it = m_market.find(symbolId);
    if (it == m_market.end())
        return std::nullopt;
    if (it->second.quote)
        return it->second.quote;
    if (it->second.symbol)
        return Quote{}; // listed but never traded: no price
    return std::nullopt;
}

std::optional<QJsonObject> FakeMarketState::quoteRecord(qint64 symbolId) const
{
    const auto it = m_market.find(symbolId);
    if (it == m_market.end() || !it->second.symbol)
        return std::nullopt;
    return QuestradeJson::quote(it->second);
}

void FakeMarketState::setMaxIdsPerQuoteCall(int maximum)
{
    m_maxIdsPerQuoteCall = maximum;
}

void FakeMarketState::setMarketHours(const QDateTime &start, const QDateTime &end)
{
    if (start.isValid() && end.isValid())
        m_marketHours = std::make_pair(start, end);
    else
        m_marketHours.reset();
}

void FakeMarketState::setMarketSession(const QString &market, const QDateTime &start, const QDateTime &end)
{
    for (auto &entry : m_marketSessions) {
        if (entry.first == market) {
            entry.second = std::make_pair(start, end);
            return;
        }
    }
    m_marketSessions.append({market, std::make_pair(start, end)});
}

void FakeMarketState::clearMarketSessions()
{
    m_marketSessions.clear();
}

void FakeMarketState::setAccounts(const QList<Account> &accounts)
{
    m_accounts = accounts;
}

QList<FakeMarketState::Account> FakeMarketState::accounts() const
{
    return m_accounts;
}

void FakeMarketState::setPositions(const QString &accountNumber, const QList<Position> &positions)
{
    m_positions.insert(accountNumber, positions);
}

QList<FakeMarketState::Position> FakeMarketState::positions(const QString &accountNumber) const
{
    return m_positions.value(accountNumber);
}

void FakeMarketState::setCandles(qint64 symbolId, CandleInterval interval, QList<Candle> candles)
{
    std::sort(candles.begin(), candles.end(),
              [](const Candle &a, const Candle &b) { return a.start < b.start; });
    m_candleSeries[{symbolId, interval}] = std::move(candles);
}

http::Response FakeMarketState::answer(const endpoints::RouteMatch &match, const endpoints::Params &params,
                                       const QDateTime &now) const
{
    using endpoints::Route;
    switch (match.route) {
    case Route::Time:
        return endpoints::time(now);
    case Route::Markets:
        return markets(now);
    case Route::Quotes:
    case Route::QuoteById:
        return endpoints::quotes(m_market, match, params, m_maxIdsPerQuoteCall);
    case Route::Symbols:
    case Route::SymbolSearch:
    case Route::SymbolById:
        return endpoints::symbols(m_market, match, params, m_missedByNames);
    case Route::Accounts:
        return endpoints::accounts(m_accounts, 1000001);
    case Route::Positions:
        return endpoints::positions(m_accounts, m_positions, match);
    case Route::Candles:
        return endpoints::candles(m_market, m_candleSeries, match, params, now);
    case Route::Unknown:
        break;
    }
    return endpoints::apiError(404, 1001);
}

http::Response FakeMarketState::markets(const QDateTime &now) const
{
    const QTimeZone zone = QuestradeJson::torontoZone();
    const QDate today = now.toTimeZone(zone).date();
    const auto hours = m_marketHours.value_or(
        std::make_pair(QDateTime(today, QTime(9, 30), zone), QDateTime(today, QTime(16, 0), zone)));
    if (m_marketSessions.isEmpty())
        return endpoints::markets(hours.first, hours.second);
    QJsonArray array = QuestradeJson::markets(hours.first, hours.second);
    const auto timeOrNull = [](const QDateTime &time) {
        return time.isValid() ? QJsonValue(QuestradeJson::time(time)) : QJsonValue(QJsonValue::Null);
    };
    for (const auto &[name, session] : m_marketSessions) {
        qsizetype index = 0;
        while (index < array.size() &&
               array.at(index).toObject().value(QStringLiteral("name")).toString() != name)
            ++index;
        QJsonObject market = array.at(index < array.size() ? index : 0).toObject();
        market.insert(QStringLiteral("name"), name);
        const auto &[start, end] = session;
        market.insert(QStringLiteral("extendedStartTime"),
                      timeOrNull(start.isValid() ? start.addSecs(-qint64(2 * 3600 + 1800)) : QDateTime()));
        market.insert(QStringLiteral("startTime"), timeOrNull(start));
        market.insert(QStringLiteral("endTime"), timeOrNull(end));
        market.insert(QStringLiteral("extendedEndTime"),
                      timeOrNull(end.isValid() ? end.addSecs(qint64(4) * 3600) : QDateTime()));
        if (index < array.size())
            array.replace(index, market);
        else
            array.append(market);
    }
    return endpoints::jsonResponse(200, QJsonObject{{QStringLiteral("markets"), array}});
}

} // namespace trailguard
