#include "WebhookReceiver.h"

#include "demo/LoopbackHttpServer.h"

#include <QJsonDocument>

namespace trailguard::test {

WebhookReceiver::Reply WebhookReceiver::Reply::json(int status, const QByteArray &body,
                                                    http::HeaderList headers)
{
    Reply reply;
    reply.status = status;
    reply.body = body;
    reply.headers = std::move(headers);
    return reply;
}

WebhookReceiver::Reply WebhookReceiver::Reply::empty(int status)
{
    Reply reply;
    reply.status = status;
    reply.contentType.clear();
    return reply;
}

QByteArray WebhookReceiver::Request::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool WebhookReceiver::Request::hasHeader(QByteArrayView name) const
{
    for (const auto &entry : headers) {
        if (QByteArrayView(entry.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QJsonObject WebhookReceiver::Request::json() const
{
    return QJsonDocument::fromJson(body).object();
}

WebhookReceiver::WebhookReceiver(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<LoopbackHttpServer>())
{
    m_server->setHandler([this](const http::Request &request) {
        Request recorded;
        recorded.method = request.method;
        const qsizetype question = request.target.indexOf('?');
        recorded.path = question < 0 ? request.target : request.target.left(question);
        recorded.query = question < 0 ? QByteArray() : request.target.mid(question + 1);
        recorded.headers = request.headers;
        recorded.body = request.body;
        m_requests.append(recorded);

        const Reply reply = m_script.isEmpty() ? m_default : m_script.takeFirst();
        if (reply.status >= 200 && reply.status < 300 && request.method != "GET")
            ++m_accepted;
        LoopbackHttpServer::Answer answer;
        answer.response.status = reply.status;
        answer.response.contentType = reply.contentType;
        answer.response.headers = reply.headers;
        answer.response.body = reply.body;
        answer.delayMs = reply.delayMs;
        Q_EMIT requestReceived();
        return answer;
    });
}

WebhookReceiver::~WebhookReceiver() = default;

bool WebhookReceiver::listen()
{
    if (!m_server || !m_server->listen())
        return false;
    m_port = m_server->port();
    return true;
}

QUrl WebhookReceiver::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
}

void WebhookReceiver::enqueue(const Reply &reply)
{
    m_script.append(reply);
}

void WebhookReceiver::setDefaultReply(const Reply &reply)
{
    m_default = reply;
}

void WebhookReceiver::close()
{
    m_server.reset();
}

} // namespace trailguard::test
