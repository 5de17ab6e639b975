#pragma once

#include "broker/BrokerTypes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

class QNetworkReply;

#include <chrono>

namespace trailguard::QuestradeHttp {

// Servers limit the length of a request's query (IIS answers 414 above 2,048 characters by default):
// every query Trailguard sends stays within this many characters.
inline constexpr qsizetype kMaxQueryLength = 2000;
// The most bytes Trailguard reads of one answer; a larger one is aborted and reported as an error.
inline constexpr qint64 kMaxResponseBytes = qint64(32) * 1024 * 1024;
// Questrade's API error code for an access token that is expired or revoked (REST and stream alike).
inline constexpr int kInvalidTokenCode = 1017;

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

// `ids` cut, in order, into batches of at most `maxCount` ids each, whose comma-separated list plus
// `otherQueryLength` characters (the rest of the query: "ids=", "&stream=true"...) stays within
// `maxQueryLength`. An id too long to fit even alone still gets a batch of its own.
QList<QList<qint64>> idBatches(const QList<qint64> &ids, int maxCount, qsizetype otherQueryLength,
                               qsizetype maxQueryLength = kMaxQueryLength);

// Aborts `reply` as soon as it announces (Content-Length) or delivers more than `maxBytes`; afterwards
// replyTooLarge(reply) is true. Call right after sending, before the event loop runs.
void limitReplySize(QNetworkReply *reply, qint64 maxBytes = kMaxResponseBytes);
bool replyTooLarge(const QNetworkReply *reply);

// `text` with every URL query ("?...") replaced by "?…", so a Qt error text that quotes a URL never
// carries a token into a message or a log line.
QString withoutQueries(const QString &text);

} // namespace trailguard::QuestradeHttp
