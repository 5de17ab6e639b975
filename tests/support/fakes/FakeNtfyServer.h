#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace trailguard::test {

// An ntfy server on 127.0.0.1 with the parts of ntfy's API the guardian uses, both ends of one topic as
// ntfy.sh does: JSON publishing (POST / with {"topic":…}), plain publishing (POST /<topic>, the body is the
// message: what the "Acknowledge" reply action sends), and subscribing (GET /<topic>/json: an "open" event,
// then one JSON line per message published to that topic while the stream is open). Each publish is
// answered 200 with the message's JSON and closes its connection.
class FakeNtfyServer : public QObject {
    Q_OBJECT
public:
    struct Publish {
        QString topic;
        QByteArray path;
        QJsonObject json; // the JSON publish; for a plain one: {"topic", "message"}
    };

    explicit FakeNtfyServer(QObject *parent = nullptr);
    ~FakeNtfyServer() override;

    bool listen();
    QUrl url(const QString &path = {}) const; // http://127.0.0.1:<port><path>

    // Every publish, in order (JSON and plain).
    const QList<Publish> &published() const { return m_published; }
    // The JSON publishes to `topic`.
    QList<QJsonObject> publishedTo(const QString &topic) const;
    // The topics with a stream open now.
    QStringList subscribedTopics() const;

Q_SIGNALS:
    void publishReceived();

private:
    void readRequest(QTcpSocket *socket);
    void publish(const QString &topic, const QString &message);

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_pending;
    QList<QPair<QString, QPointer<QTcpSocket>>> m_streams; // topic, subscriber
    QList<Publish> m_published;
    int m_nextId = 1;
};

} // namespace trailguard::test
