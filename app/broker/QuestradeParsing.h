#pragma once

#include "broker/BrokerTypes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <QUrl>

#include <optional>

// Defensive readers for Questrade's JSON (questrade-api.md §1-§5, §9). Every reader checks the types it
// relies on and answers MalformedResponse with a message instead of guessing: a wrong price is worse
// than no price. Fields we do not rely on are optional.
namespace trailguard::QuestradeParsing {

// The login host's 200 answer.
struct TokenAnswer {
    QByteArray accessToken;
    QByteArray refreshToken;
    QUrl apiServer;
    qint64 expiresInSeconds = 0;
};

// An API host error body {"code": 1017, "message": "..."}; `code` may come as a number or a string.
struct ApiError {
    std::optional<int> code;
    QString message;
};

// One entry of v1/symbols/search.
struct SymbolCandidate {
    QString symbol;
    qint64 symbolId = 0;
    QString description;
    QString securityType;
    QString listingExchange;
    QString currency;
    std::optional<bool> isQuotable;
};

// An id (symbolId, expires_in, an error code): a positive whole number up to 9e15, sent as a JSON number or
// a numeric string; anything else (a fraction, a number beyond qint64, text) is no id.
std::optional<qint64> readId(const QJsonValue &value);

// The body as a JSON object, or MalformedResponse.
Result<QJsonObject> parseObject(const QByteArray &body);

// access_token, refresh_token, api_server and a positive expires_in, all required.
Result<TokenAnswer> parseTokenAnswer(const QByteArray &body);
// Just the refresh_token of a token answer that failed parseTokenAnswer, so a rotated token is not lost.
QByteArray salvageRefreshToken(const QByteArray &body);

// {code, message} when the body has that shape.
std::optional<ApiError> parseApiError(const QByteArray &body);

// Questrade's times ("2024-05-14T15:59:58.812000-04:00") in UTC; invalid when absent, null or not a time.
QDateTime parseTime(const QJsonValue &value);
// The same for a time's text.
QDateTime parseTimeText(const QString &text);

// {"symbols": [...]} from v1/symbols/search.
Result<QList<SymbolCandidate>> parseSymbolSearch(const QJsonObject &object);
// One record of {"quotes": [...]}: symbolId is required, lastTradePrice and lastTradePriceTrHrs are
// numbers or null (a null, missing or zero price is "no trade"), isHalted and delay are flags.
Result<BrokerQuote> parseQuote(const QJsonValue &record);
// {"quotes": [...]} from v1/markets/quotes (or a streamed message). Only a missing list fails the whole
// answer: a malformed record (see parseQuote) is dropped and logged with its symbol, and the other
// records are read.
Result<QList<BrokerQuote>> parseQuotes(const QJsonObject &object);
// The same from the answer's bytes: read straight into the quotes when the answer is plain
// (QuoteAnswerScanner), else through parseObject() and parseQuotes(), whose results it always equals.
Result<QList<BrokerQuote>> parseQuotesAnswer(const QByteArray &body);
// {"markets": [...]} from v1/markets.
Result<QList<MarketSession>> parseMarkets(const QJsonObject &object);
// {"time": "..."} from v1/time.
Result<QDateTime> parseServerTime(const QJsonObject &object);

// {"candles": [...]} from v1/markets/candles/{id} (§4), in the server's order. start and end must be
// times and open/high/low/close numbers; a candle whose prices are null (no trade) is left out.
Result<QList<Candle>> parseCandles(const QJsonObject &object);

// The interval's name in the candles query ("OneMinute", "FiveMinutes", ..., "OneDay", "OneWeek").
QString candleIntervalName(CandleInterval interval);
// The interval a name stands for, of those Trailguard uses.
std::optional<CandleInterval> candleIntervalFromName(const QString &name);
// A time as a query parameter: whole seconds with Questrade's Eastern offset, as in the docs' example
// ("2014-10-01T00:00:00-05:00"); whole seconds keep the argument short (error 1003).
QString queryTime(const QDateTime &time);

// {"accounts": [...]} from v1/accounts. `number` must be there (as text; a JSON number is taken as its
// digits); the other fields are optional.
Result<QList<BrokerAccount>> parseAccounts(const QJsonObject &object);
// {"positions": [...]} from v1/accounts/{number}/positions. symbol, symbolId and a finite openQuantity
// are required; every other field is optional and read with the real, lower-case `openPnl`/`closedPnl`
// (the documented `openPnL`/`closedPnL` are accepted too). A value of the wrong type is left out.
Result<QList<BrokerPosition>> parsePositions(const QJsonObject &object);

} // namespace trailguard::QuestradeParsing
