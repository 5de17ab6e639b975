#pragma once

#include "demo/HttpMessage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>

namespace trailguard {
class LoopbackHttpServer;
}

namespace trailguard::test {

// A webhook server on 127.0.0.1 for the channel tests: it records every request (method, path,
// query, headers, body) and answers each with the next scripted reply, or the default reply when the
// script is used up. close() stops it, so that later connections are refused.
class WebhookReceiver : public QObject {
    Q_OBJECT
public:
    struct Reply {
        int status = 200;
        QByteArray body;
        QByteArray contentType = QByteArrayLiteral("application/json");
        http::HeaderList headers; // extra response headers, e.g. Retry-After
        int delayMs = 0;          // answer this much later (for timeouts)

        static Reply json(int status, const QByteArray &body, http::HeaderList headers = {});
        static Reply empty(int status); // no body, no Content-Type (e.g. 204)
    };

    struct Request {
        QByteArray method;
        QByteArray path;  // without the query
        QByteArray query; // after '?', still percent-encoded
        http::HeaderList headers;
        QByteArray body;

        // The first value of a header (name in any case), or an empty array.
        QByteArray header(QByteArrayView name) const;
        bool hasHeader(QByteArrayView name) const;
        QJsonObject json() const;
    };

    explicit WebhookReceiver(QObject *parent = nullptr);
    ~WebhookReceiver() override;

    // Listens on a free port of 127.0.0.1.
    bool listen();
    quint16 port() const { return m_port; }
    // http://127.0.0.1:<port> + pathAndQuery ("/api/webhooks/1/abc").
    QUrl url(const QString &pathAndQuery = {}) const;

    void enqueue(const Reply &reply);
    void setDefaultReply(const Reply &reply);

    const QList<Request> &requests() const { return m_requests; }
    // Requests other than GET answered with a 2xx status: what the "server" accepted (a subscriber's GET,
    // such as ntfy's ack topic stream, is not counted).
    int acceptedCount() const { return m_accepted; }

    // Stops listening and drops every connection: connecting to port() is refused from now on.
    void close();

Q_SIGNALS:
    void requestReceived();

private:
    std::unique_ptr<LoopbackHttpServer> m_server;
    quint16 m_port = 0;
    QList<Reply> m_script;
    Reply m_default = Reply::json(200, QByteArrayLiteral("{}"));
    QList<Request> m_requests;
    int m_accepted = 0;
};

} // namespace trailguard::test

Q_DECLARE_METATYPE(trailguard::test::WebhookReceiver::Reply)
