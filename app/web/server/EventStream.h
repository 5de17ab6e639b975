#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

namespace trailguard::Web {

class EventFeed;
class WebReply;

// GET /api/v1/events: the Server-Sent Events transport. Each EventFeed event goes to every open stream as
// `event: NAME\ndata: JSON\n\n`; a `: keep-alive` comment every interval keeps proxies and phones from
// closing an idle one. Closed streams are dropped, and a stream whose log-in ended (the session logged out or
// expired, the token was revoked) is closed: at each keep-alive, and at once on recheck().
class EventStream : public QObject {
    Q_OBJECT
public:
    EventStream(EventFeed *feed, std::chrono::milliseconds keepAlive, QObject *parent = nullptr);

    // `allowed` says whether the stream's caller may still listen.
    void add(const std::shared_ptr<WebReply> &reply, std::function<bool()> allowed);
    int listenerCount();
    void recheck();

    static QByteArray format(const QByteArray &name, const QJsonObject &data);

private:
    void broadcast(const QByteArray &text);
    void dropClosed();

    struct Listener {
        std::shared_ptr<WebReply> reply;
        std::function<bool()> allowed;
    };
    QList<Listener> m_listeners;
    QTimer m_keepAlive;
};

} // namespace trailguard::Web
