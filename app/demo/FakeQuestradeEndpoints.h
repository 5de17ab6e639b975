#pragma once

#include "broker/BrokerTypes.h"
#include "demo/HttpMessage.h"
#include "demo/QuestradeJson.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>

#include <map>
#include <optional>

// The API endpoints of the fake Questrade server, as pure functions from a request's parts to an
// answer: route matching, argument checks with the error codes of questrade-api.md §9, and bodies.
// Authentication, rate limits and faults are the server's business, not these functions'.
namespace trailguard::FakeQuestradeEndpoints {

using Market = std::map<qint64, QuestradeJson::Listing>;
using Params = QHash<QString, QString>;
// Candles set exactly by a test, per symbol and interval.
using CandleSeries = std::map<std::pair<qint64, CandleInterval>, QList<Candle>>;

enum class Route {
    Unknown,
    Time,
    Markets,
    Quotes,
    QuoteById,
    Symbols,
    SymbolSearch,
    SymbolById,
    Accounts,
    Positions,
    Candles,
};

struct RouteMatch {
    Route route = Route::Unknown;
    QString pathId; // the {id} of "markets/quotes/{id}", "symbols/{id}" "accounts/{id}/positions",
                    // "markets/candles/{id}"
};

// "1,2,3": positive integers without empty entries, duplicates dropped; empty when malformed.
std::optional<QList<qint64>> parseIds(const QString &text);
bool isListed(const Market &market, qint64 symbolId);

// Exact paths: "/v1/time/" and "//v1/time" are unknown, which catches URL-joining bugs.
RouteMatch matchRoute(const QString &path);

// application/x-www-form-urlencoded, also used for query strings ('+' is a space, as on the real
// server). The first occurrence of a key wins.
Params parseForm(const QByteArray &text);

QString errorMessage(int code);
http::Response jsonResponse(int status, const QJsonObject &object);
// API-host errors: JSON {code, message}.
http::Response apiError(int status, int code, const QString &message = {});
// Login-host errors: a bare status with opaque text ("Bad Request").
http::Response loginError(int status);

http::Response time(const QDateTime &now);
http::Response markets(const QDateTime &start, const QDateTime &end);
// markets/quotes?ids= leaves out unknown ids (200, possibly an empty list); markets/quotes/{id} answers
// 404/1019 for an unknown id and 400/1002 for several ids or with ?ids= as well. Duplicates are answered
// once. More than `maxIds` ids (when > 0): 400/1003.
http::Response quotes(const Market &market, const RouteMatch &match, const Params &params, int maxIds);
// The most results one symbols/search answer holds (questrade-api.md §2a, Corrections); `offset` pages on.
inline constexpr int kSearchPageSize = 20;
// symbols/search?prefix=[&offset=] matches on the base of the prefix ("ENB" of "ENB.TO", "BRK" of
// "BRK.B"): symbols that start with it, and listings with a description word that starts with it,
// case-insensitively; symbol matches first, then by symbol. So, as on the real server, "ENB.TO" sits
// behind "ENB.PF.A"… "ENB.PR.Y" and can be past the first page. At most kSearchPageSize results from
// `offset` (default 0). symbols?ids= / ?names= leave out unknown entries but answer 404/1019 when none
// is known; names= also leaves out the symbols of `missedByNames` (upper case; a switch for tests of the
// search fallback); both at once: 400/1002; neither: 400/1004.
http::Response symbols(const Market &market, const RouteMatch &match, const Params &params,
                       const QSet<QString> &missedByNames = {});

// --- candles (FakeQuestradeCandles.cpp) ---
// The most candles one markets/candles answer holds (questrade-api.md §4).
inline constexpr int kMaxCandlesPerAnswer = 2000;
// markets/candles/{id}?startTime=&endTime=&interval= (§4). The candles are the series set for the id and
// interval, else for a listed symbol and OneDay a generated one (generatedDailyCandles up to `now`), else
// none. Only candles overlapping [startTime, endTime) are answered, oldest first, the first and last
// clipped to the range. Missing arguments: 400/1004; a time without an offset, an unknown interval, or
// endTime <= startTime: 400/1002; an id neither listed nor given candles: 404/1019; more than
// kMaxCandlesPerAnswer candles: 400/1003 (the range is too wide).
http::Response candles(const Market &market, const CandleSeries &series, const RouteMatch &match,
                       const Params &params, const QDateTime &now);
// A deterministic daily series for a symbol: one candle per weekday from Eastern midnight to the next,
// for the days of [from, to] (dates in Toronto), shaped by the symbol id and the date only, and scaled so
// that the close on `today` is `anchor`. The candle of `today` ends at `now` (in progress).
QList<Candle> generatedDailyCandles(qint64 symbolId, double anchor, QDate from, QDate to,
                                    const QDateTime &now);

// v1/accounts: {"accounts": [...], "userId": ...}.
http::Response accounts(const QList<FakeQuestradeServer::Account> &accounts, qint64 userId);
// v1/accounts/{number}/positions: the positions set for that account (an empty list when none were
// set); an account that is not in `accounts`: 404/1018.
http::Response positions(const QList<FakeQuestradeServer::Account> &accounts,
                         const QHash<QString, QList<FakeQuestradeServer::Position>> &positions,
                         const RouteMatch &match);

} // namespace trailguard::FakeQuestradeEndpoints
