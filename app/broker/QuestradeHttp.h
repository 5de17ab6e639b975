#pragma once

#include "broker/BrokerTypes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

#include <chrono>

namespace trailguard::QuestradeHttp {

// The environment variable that replaces Questrade's login host (self-hosting, tests, --demo).
inline constexpr char kLoginUrlVariable[] = "TRAILGUARD_LOGIN_URL";

// "Trailguard/<version> (+https://github.com/trailguard/trailguard)", sent with every request.
QByteArray userAgent();

// True when the URL's host is "localhost", 127.0.0.0/8 or ::1.
bool isLoopback(const QUrl &url);

// `url` when it is https://, or http:// to a loopback host; otherwise an error that names `what`.
Result<QUrl> validateEndpoint(const QUrl &url, const QString &what);

// Questrade's login host for `environment`, or `overrideUrl` (TRAILGUARD_LOGIN_URL) when not empty,
// validated with validateEndpoint.
Result<QUrl> loginUrl(BrokerEnvironment environment, const QString &overrideUrl);

// {login}/oauth2/token?grant_type=refresh_token&refresh_token=<token, percent-encoded>.
QUrl tokenRequestUrl(const QUrl &loginUrl, const QByteArray &refreshToken);

// api_server + `path` ("v1/markets/quotes") + `encodedQuery`: stray backslashes in api_server are
// dropped and exactly one '/' joins the two.
QUrl apiUrl(const QUrl &apiServer, const QString &path, const QString &encodedQuery = {});

// A GET request with Accept: application/json, our User-Agent and a transfer timeout.
QNetworkRequest makeRequest(const QUrl &url, std::chrono::milliseconds timeout);

// `text` with every URL query ("?...") replaced by "?…", so a Qt error text that quotes a URL never
// carries a token into a message or a log line.
QString withoutQueries(const QString &text);

} // namespace trailguard::QuestradeHttp
