#pragma once

#include "demo/HttpMessage.h"
#include "demo/QuestradeJson.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <map>

// The API endpoints of the fake Questrade server, as pure functions from a request's parts to an
// answer: route matching, argument checks with the error codes of questrade-api.md §9, and bodies.
// Authentication, rate limits and faults are the server's business, not these functions'.
namespace trailguard::FakeQuestradeEndpoints {

using Market = std::map<qint64, QuestradeJson::Listing>;
using Params = QHash<QString, QString>;

enum class Route { Unknown, Time, Markets, Quotes, QuoteById, Symbols, SymbolSearch, SymbolById };

struct RouteMatch {
    Route route = Route::Unknown;
    QString pathId; // the {id} of "markets/quotes/{id}" and "symbols/{id}"
};

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
// symbols/search?prefix= matches the symbol or the description from the start, case-insensitively,
// symbol matches first. symbols?ids= / ?names= leave out unknown entries but answer 404/1019 when none
// is known; both at once: 400/1002; neither: 400/1004.
http::Response symbols(const Market &market, const RouteMatch &match, const Params &params);

} // namespace trailguard::FakeQuestradeEndpoints
