#include "demo/HttpMessage.h"

#include <QDateTime>
#include <QLocale>

namespace trailguard::http {

namespace {

// RFC 9110 tchar: the characters allowed in methods and header names.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Visible ASCII or obs-text, no spaces or controls: what a request-target may hold.
bool isTargetChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u != 0x7f;
}

// Header values: visible characters, spaces and tabs, obs-text; no other controls.
bool isValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return c == '\t' || (u >= 0x20 && u != 0x7f);
}

ParseResult error(int status, const char *message)
{
    ParseResult result;
    result.status = ParseStatus::Error;
    result.errorStatus = status;
    result.errorMessage = QByteArray(message);
    return result;
}

// Where the header block ends: the index after the blank line and that index's distance from
// `from`, or -1 when there is no blank line yet. Accepts CRLF CRLF and, leniently, LF LF.
qsizetype headerEnd(const QByteArray &buffer, qsizetype from)
{
    const qsizetype crlf = buffer.indexOf("\r\n\r\n", from);
    const qsizetype lf = buffer.indexOf("\n\n", from);
    if (crlf < 0 && lf < 0)
        return -1;
    if (lf < 0 || (crlf >= 0 && crlf < lf))
        return crlf + 4;
    return lf + 2;
}

bool parseContentLength(QByteArrayView text, qint64 *length)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    *length = value;
    return true;
}

} // namespace

QByteArray Request::header(QByteArrayView name) const
{
    const QByteArray lower = name.toByteArray().toLower();
    for (const auto &[key, value] : headers) {
        if (key == lower)
            return value;
    }
    return {};
}

bool Request::hasHeader(QByteArrayView name) const
{
    const QByteArray lower = name.toByteArray().toLower();
    for (const auto &[key, value] : headers) {
        if (key == lower)
            return true;
    }
    return false;
}

bool Request::keepAlive() const
{
    bool close = false;
    bool keep = false;
    for (const auto &[key, value] : headers) {
        if (key != "connection")
            continue;
        for (const QByteArray &option : value.split(',')) {
            const QByteArray token = option.trimmed().toLower();
            close = close || token == "close";
            keep = keep || token == "keep-alive";
        }
    }
    if (close)
        return false;
    return version == "HTTP/1.1" || keep;
}

ParseResult RequestParser::parse(const QByteArray &buffer)
{
    // RFC 9112 §2.2: ignore empty lines before the request line.
    qsizetype start = 0;
    while (start < buffer.size() && (buffer.at(start) == '\r' || buffer.at(start) == '\n') && start < 64)
        ++start;

    const qsizetype end = headerEnd(buffer, start);
    if (end < 0) {
        if (buffer.size() - start > kMaxHeaderBytes)
            return error(431, "Request header fields too large");
        return {};
    }
    if (end - start > kMaxHeaderBytes)
        return error(431, "Request header fields too large");

    QList<QByteArray> lines = buffer.mid(start, end - start).split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    if (lines.isEmpty())
        return error(400, "Empty request");

    ParseResult result;
    Request &request = result.request;

    // Request line: method SP request-target SP HTTP-version
    const QList<QByteArray> parts = lines.constFirst().split(' ');
    if (parts.size() != 3)
        return error(400, "Malformed request line");
    request.method = parts.at(0);
    request.target = parts.at(1);
    request.version = parts.at(2);
    if (!isToken(request.method))
        return error(400, "Malformed method");
    if (request.target.size() > kMaxTargetBytes)
        return error(414, "URI too long");
    if (request.target.isEmpty())
        return error(400, "Missing request target");
    for (const char c : std::as_const(request.target)) {
        if (!isTargetChar(c))
            return error(400, "Malformed request target");
    }
    if (!request.version.startsWith("HTTP/"))
        return error(400, "Malformed HTTP version");
    if (request.version != "HTTP/1.1" && request.version != "HTTP/1.0")
        return error(505, "HTTP version not supported");

    // Header fields.
    bool haveLength = false;
    qint64 contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty() || line.startsWith(' ') || line.startsWith('\t'))
            return error(400, "Malformed header line"); // includes obsolete line folding
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return error(400, "Malformed header line");
        const QByteArray name = line.left(colon);
        if (!isToken(name))
            return error(400, "Malformed header name");
        const QByteArray value = line.mid(colon + 1).trimmed();
        for (const char c : value) {
            if (!isValueChar(c))
                return error(400, "Malformed header value");
        }
        const QByteArray lower = name.toLower();
        if (lower == "content-length") {
            qint64 length = 0;
            if (!parseContentLength(value, &length))
                return error(400, "Malformed Content-Length");
            if (haveLength && length != contentLength)
                return error(400, "Conflicting Content-Length");
            haveLength = true;
            contentLength = length;
        } else if (lower == "transfer-encoding") {
            return error(501, "Transfer-Encoding is not supported");
        }
        request.headers.append({lower, value});
    }
    if (contentLength > kMaxBodyBytes)
        return error(413, "Request too large");

    const qint64 available = buffer.size() - end;
    if (available < contentLength) {
        result.status = ParseStatus::Incomplete;
        result.expectsContinue = request.header("expect").toLower() == "100-continue";
        result.request = Request();
        return result;
    }
    request.body = buffer.mid(end, contentLength);
    result.status = ParseStatus::Complete;
    result.consumed = end + contentLength;
    return result;
}

QByteArray Response::header(QByteArrayView name) const
{
    const QByteArray lower = name.toByteArray().toLower();
    for (const auto &[key, value] : headers) {
        if (key.toLower() == lower)
            return value;
    }
    return {};
}

QByteArray Response::serialize(bool keepAlive) const
{
    QByteArray out;
    out.reserve(body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Date: " +
           QLocale::c()
               .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
               .toLatin1() +
           "\r\n";
    out += "Server: FakeQuestrade\r\n";
    if (!body.isEmpty() || !contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n")
                     : QByteArrayLiteral("Connection: close\r\n");
    for (const auto &[key, value] : headers)
        out += key + ": " + value + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 414:
        return QByteArrayLiteral("URI Too Long");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    case 505:
        return QByteArrayLiteral("HTTP Version Not Supported");
    default:
        return QByteArrayLiteral("Unknown");
    }
}

} // namespace trailguard::http
