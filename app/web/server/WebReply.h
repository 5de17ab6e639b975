#pragma once

#include "web/ApiTypes.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

class QHttpServerResponder;

namespace trailguard::Web {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// The answer to one HTTP request, sent at once or later (a log-in answers once Argon2 is done, an endpoint
// when its work is). Every answer carries the security headers; API answers are never cached. Writing to a
// socket the client has closed does nothing.
class WebReply {
public:
    WebReply(QHttpServerResponder responder, QTcpSocket *socket);
    ~WebReply();
    WebReply(const WebReply &) = delete;
    WebReply &operator=(const WebReply &) = delete;

    bool isOpen() const;
    QTcpSocket *socket() const { return m_socket; }
    bool isSent() const { return m_sent; }

    void send(int status, const QByteArray &contentType, const QByteArray &body,
              const HeaderList &headers = {});
    // A HEAD request's answer: the headers `send` would write, without the body.
    void sendHeadersOnly(int status, const QByteArray &contentType, const QByteArray &body,
                         const HeaderList &headers = {});
    // JSON under /api/: `Cache-Control: no-store`.
    void sendApi(const ApiResponse &response, const HeaderList &headers = {});
    void sendError(int status, const QString &message, const HeaderList &headers = {});

    // Server-Sent Events: the headers now, then events as they come (no length: the stream ends when the
    // connection does).
    void startEventStream();
    void writeStreamData(const QByteArray &data);
    // Ends the connection (an event stream whose log-in ended).
    void close();

    // The headers every answer carries (CSP without inline script, no sniffing, no referrer, no framing).
    static const HeaderList &securityHeaders();

private:
    void writeHead(int status, const HeaderList &headers);

    std::unique_ptr<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    bool m_sent = false;
};

} // namespace trailguard::Web
