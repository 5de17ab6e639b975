#include "web/server/WebReply.h"

#include <QHttpServerResponder>

namespace trailguard::Web {

WebReply::WebReply(QHttpServerResponder responder, QTcpSocket *socket)
    : m_responder(std::make_unique<QHttpServerResponder>(std::move(responder)))
    , m_socket(socket)
{}

WebReply::~WebReply() = default;

bool WebReply::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

const HeaderList &WebReply::securityHeaders()
{
    static const HeaderList headers{
        {QByteArrayLiteral("Content-Security-Policy"),
         QByteArrayLiteral(
             "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
             "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")},
        {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")},
        {QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer")},
        {QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY")},
    };
    return headers;
}

void WebReply::writeHead(int status, const HeaderList &headers)
{
    m_sent = true;
    m_responder->writeStatusLine(QHttpServerResponder::StatusCode(status));
    for (const auto &header : securityHeaders())
        m_responder->writeHeader(header.first, header.second);
    for (const auto &header : headers)
        m_responder->writeHeader(header.first, header.second);
}

void WebReply::send(int status, const QByteArray &contentType, const QByteArray &body,
                    const HeaderList &headers)
{
    if (m_sent || !isOpen())
        return;
    sendHeadersOnly(status, contentType, body, headers);
    m_responder->writeBody(body);
}

void WebReply::sendHeadersOnly(int status, const QByteArray &contentType, const QByteArray &body,
                               const HeaderList &headers)
{
    if (m_sent || !isOpen())
        return;
    HeaderList all = headers;
    if (!contentType.isEmpty())
        all.append({QByteArrayLiteral("Content-Type"), contentType});
    if (status != 204)
        all.append({QByteArrayLiteral("Content-Length"), QByteArray::number(body.size())});
    writeHead(status, all);
    m_responder->writeBody(QByteArray()); // the blank line that ends the headers
}

void WebReply::sendApi(const ApiResponse &response, const HeaderList &headers)
{
    HeaderList all = headers;
    all.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    send(response.status, response.body.isEmpty() ? QByteArray() : QByteArrayLiteral("application/json"),
         response.body, all);
}

void WebReply::sendError(int status, const QString &message, const HeaderList &headers)
{
    sendApi(ApiResponse::error(status, message), headers);
}

void WebReply::startEventStream()
{
    if (m_sent || !isOpen())
        return;
    writeHead(200, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")},
                    {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")},
                    {QByteArrayLiteral("X-Accel-Buffering"), QByteArrayLiteral("no")}});
    // The blank line that ends the headers, and a first comment so the client sees the stream open.
    m_responder->writeBody(QByteArrayLiteral(": stream open\n\n"));
}

void WebReply::close()
{
    if (isOpen())
        m_socket->disconnectFromHost();
}

void WebReply::writeStreamData(const QByteArray &data)
{
    if (isOpen())
        m_responder->writeBody(data);
}

} // namespace trailguard::Web
