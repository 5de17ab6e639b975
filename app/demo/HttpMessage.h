#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

namespace trailguard::http {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// One HTTP/1.x request as it came off the wire. Header names are lower-cased.
struct Request {
    QByteArray method;
    QByteArray target;  // raw request-target, e.g. "/v1/markets/quotes?ids=1,2"
    QByteArray version; // "HTTP/1.1" or "HTTP/1.0"
    HeaderList headers;
    QByteArray body;

    // The first value of a header (name in any case), or an empty array.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // HTTP/1.1 keeps the connection unless "Connection: close"; HTTP/1.0 only with "keep-alive".
    bool keepAlive() const;
};

enum class ParseStatus { Incomplete, Complete, Error };

struct ParseResult {
    ParseStatus status = ParseStatus::Incomplete;
    Request request;        // when Complete
    qsizetype consumed = 0; // bytes of the buffer that made up the request (when Complete)
    int errorStatus = 0;    // when Error: 400, 413, 414, 431, 501 or 505
    QByteArray errorMessage;
    bool expectsContinue = false; // Incomplete: headers are in and ask for "100 Continue"
};

// A small, strict HTTP/1.1 request parser. It is stateless: give it everything buffered so far and
// it says whether a whole request is there (and how many bytes it used), more is needed, or the
// input can never become a valid request. Leftover bytes after `consumed` belong to the next
// (pipelined) request. Chunked request bodies are not supported (501).
class RequestParser {
public:
    static constexpr qsizetype kMaxHeaderBytes = 16 * 1024; // request line + headers
    static constexpr qsizetype kMaxTargetBytes = 8 * 1024;  // request-target
    static constexpr qsizetype kMaxBodyBytes = 1024 * 1024; // Content-Length

    static ParseResult parse(const QByteArray &buffer);
};

// A response ready to be written.
struct Response {
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json; charset=utf-8");
    HeaderList headers; // extra headers, e.g. X-RateLimit-*
    QByteArray body;

    QByteArray header(QByteArrayView name) const;
    // Status line, Date, Content-Type, Content-Length, Connection, the extra headers and the body.
    QByteArray serialize(bool keepAlive) const;
};

QByteArray reasonPhrase(int status);

} // namespace trailguard::http
