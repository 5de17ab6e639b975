#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

namespace trailguard::Web {

class EventFeed;
class WebReply;

// GET /api/v1/events: the Server-Sent Events transport. Each EventFeed event goes to every open stream as
// `event: NAME\ndata: JSON\n\n`; a `: keep-alive` comment every interval keeps proxies and phones from
// closing an idle one. Closed streams are dropped.
class EventStream : public QObject {
    Q_OBJECT
public:
    EventStream(EventFeed *feed, std::chrono::milliseconds keepAlive, QObject *parent = nullptr);

    void add(const std::shared_ptr<WebReply> &reply);
    int listenerCount();

    static QByteArray format(const QByteArray &name, const QJsonObject &data);

private:
    void broadcast(const QByteArray &text);
    void dropClosed();

    QList<std::shared_ptr<WebReply>> m_listeners;
    QTimer m_keepAlive;
};

} // namespace trailguard::Web
