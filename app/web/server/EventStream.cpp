#include "web/server/EventStream.h"

#include "web/ApiTypes.h"
#include "web/server/ConnectionGuard.h"
#include "web/server/WebReply.h"

#include <QJsonDocument>

namespace trailguard::Web {

EventStream::EventStream(EventFeed *feed, std::chrono::milliseconds keepAlive, QObject *parent)
    : QObject(parent)
{
    if (feed) {
        connect(feed, &EventFeed::event, this,
                [this](const QByteArray &name, const QJsonObject &data) { broadcast(format(name, data)); });
    }
    connect(&m_keepAlive, &QTimer::timeout, this, [this] {
        recheck();
        broadcast(QByteArrayLiteral(": keep-alive\n\n"));
    });
    m_keepAlive.start(keepAlive);
}

QByteArray EventStream::format(const QByteArray &name, const QJsonObject &data)
{
    // Compact JSON holds no line break, so one data line carries it.
    return QByteArrayLiteral("event: ") + name + QByteArrayLiteral("\ndata: ") +
           QJsonDocument(data).toJson(QJsonDocument::Compact) + QByteArrayLiteral("\n\n");
}

void EventStream::add(const std::shared_ptr<WebReply> &reply, std::function<bool()> allowed)
{
    ConnectionGuard::becameStream(reply->socket());
    reply->startEventStream();
    m_listeners.append({reply, std::move(allowed)});
}

void EventStream::recheck()
{
    for (const Listener &listener : std::as_const(m_listeners)) {
        if (listener.reply->isOpen() && !listener.allowed())
            listener.reply->close();
    }
    dropClosed();
}

int EventStream::listenerCount()
{
    dropClosed();
    return int(m_listeners.size());
}

void EventStream::dropClosed()
{
    m_listeners.removeIf([](const Listener &listener) { return !listener.reply->isOpen(); });
}

void EventStream::broadcast(const QByteArray &text)
{
    dropClosed();
    for (const Listener &listener : std::as_const(m_listeners))
        listener.reply->writeStreamData(text);
}

} // namespace trailguard::Web
