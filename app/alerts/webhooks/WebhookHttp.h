#pragma once

#include "alerts/AlertChannel.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

// The HTTP rules the Discord and ntfy channels share: which URLs are allowed, the request they send,
// Retry-After, safe truncation, and what to say when no HTTP answer came back.
namespace trailguard::WebhookHttp {

inline constexpr std::chrono::milliseconds kDefaultTimeout{20000};
// More of an answer than this is never read: error bodies are small.
inline constexpr qsizetype kMaxResponseBytes = 64 * 1024;

// "Trailguard/<version> (+https://github.com/trailguard/trailguard)".
QByteArray userAgent();

// True when the URL's host is "localhost", 127.0.0.0/8 or ::1.
bool isLoopback(const QUrl &url);

// Success when `url` is https://, or http:// to a loopback host, with a host and no user name or
// password; otherwise an InvalidSetting error whose message starts with `what` ("The Discord webhook
// URL") and never quotes the URL (it may hold a secret).
Status validateUrl(const QUrl &url, const QString &what);

// A POST of `contentType` with our User-Agent, Accept: application/json, a transfer timeout and no
// automatic redirects (a redirect would carry the body, and a token, to wherever it points).
QNetworkRequest makePostRequest(const QUrl &url, const QByteArray &contentType,
                                std::chrono::milliseconds timeout);

// A Retry-After header: delta-seconds, or an HTTP-date relative to `now`. Empty when absent or
// unreadable; an instant in the past gives 0 s.
std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &now);

// Seconds as a server gives them (Discord's retry_after: 1.5) rounded up; empty for a negative,
// non-finite or absurd (over a day) value.
std::optional<std::chrono::seconds> secondsRoundedUp(double seconds);

// `text` cut to at most `maxLength` UTF-16 code units, ending with "…" when cut; never splits a
// surrogate pair, so the result is valid for limits counted in code units or in code points.
QString truncated(const QString &text, qsizetype maxLength);

// `text` cut so that its UTF-8 form has at most `maxBytes` bytes, ending with "…" when cut; never
// splits a character.
QString truncatedUtf8(const QString &text, qsizetype maxBytes);

// A server's own words, made safe to show: one line, no control characters, at most 300 characters.
QString serverText(const QString &text);

// What came back from one request, read once from the QNetworkReply.
struct Response {
    int status = 0; // 0 when no HTTP answer arrived
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool timedOut = false;
    QString errorText; // Qt's description, with the request's secrets replaced by "[redacted]"
    QByteArray body;   // at most kMaxResponseBytes
    QByteArray retryAfter;
};

// Reads `reply` (finished) into a Response; `secrets` are removed from Qt's error text.
Response readResponse(QNetworkReply &reply, const QList<QByteArray> &secrets, bool timedOut);

// The result when `service` ("Discord") gave no HTTP answer: always RetryLater, with what happened.
DeliveryResult unreachable(const QString &service, const Response &response,
                           std::chrono::milliseconds timeout);

} // namespace trailguard::WebhookHttp
