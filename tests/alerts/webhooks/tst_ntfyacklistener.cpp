// NtfyAckListener against an ntfy-compatible subscribe server on loopback: GET /<topic>/json answered with
// a stream of JSON lines (open, keepalive, message) written while the test runs, the connection closed by
// the server; reconnects with since=<last id> on a test clock; codes acknowledged once, forged ones refused.
#include "TestSupport.h"
#include "alerts/AlertOutbox.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "alerts/webhooks/NtfyAckListener.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/GuardianStateRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using namespace std::chrono_literals;

namespace {
// The part of ntfy's subscribe API the listener uses: each GET is recorded (request line and headers) and
// kept open as a stream the test writes JSON lines to, until the test closes it.
class FakeNtfyStream : public QObject {
public:
    struct Subscription {
        QByteArray target; // "/topic/json?since=all"
        QByteArray authorization;
    };

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    const QList<Subscription> &subscriptions() const { return m_subscriptions; }
    bool streaming() const { return m_stream && m_stream->state() == QAbstractSocket::ConnectedState; }

    void send(const QJsonObject &event)
    {
        if (m_stream)
            m_stream->write(QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n');
    }
    void sendOpen(const QString &topic)
    {
        send(event(QStringLiteral("open1"), QStringLiteral("open"), topic));
    }
    void sendKeepalive(const QString &topic)
    {
        send(event(QStringLiteral("keep1"), QStringLiteral("keepalive"), topic));
    }
    void sendMessage(const QString &topic, const QString &id, const QString &body)
    {
        QJsonObject message = event(id, QStringLiteral("message"), topic);
        message.insert(QStringLiteral("message"), body);
        send(message);
    }
    void closeStream()
    {
        if (m_stream)
            m_stream->disconnectFromHost();
    }

private:
    static QJsonObject event(const QString &id, const QString &kind, const QString &topic)
    {
        return {{QStringLiteral("id"), id},
                {QStringLiteral("time"), 1700000000},
                {QStringLiteral("event"), kind},
                {QStringLiteral("topic"), topic}};
    }

    void readRequest(QTcpSocket *socket)
    {
        QByteArray &buffer = m_pending[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> lines = buffer.left(buffer.indexOf("\r\n\r\n")).split('\n');
        Subscription subscription;
        subscription.target = lines.value(0).split(' ').value(1);
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("authorization:"))
                subscription.authorization = line.mid(14).trimmed();
        }
        m_subscriptions.append(subscription);
        m_pending.remove(socket);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson; charset=utf-8\r\n"
                      "Connection: close\r\n\r\n");
        m_stream = socket;
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_pending;
    QPointer<QTcpSocket> m_stream;
    QList<Subscription> m_subscriptions;
};

const QString kAckTopic = QStringLiteral("alerts-ack-0123456789abcdef");
} // namespace

class NtfyAckListenerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void streamUrl();
    void aCodeAcknowledgesOnceAndForgedOnesAreRefused();
    void reconnectsWithBackoffAndResumesSinceTheLastId();
    void aRestartResumesFromTheStoredId();

private:
    qint64 breach();
    NtfyConfig config() const;
    std::unique_ptr<NtfyAckListener> makeListener();

    QTemporaryDir m_dir;
    ManualClock m_clock{test::utc(2026, 11, 24, 15)};
    std::unique_ptr<Database> m_database;
    std::unique_ptr<AlertRepository> m_alerts;
    std::unique_ptr<OutboxDispatcher> m_dispatcher;
    std::unique_ptr<AlertOutbox> m_outbox;
    std::unique_ptr<AlertAcknowledger> m_acknowledger;
    std::unique_ptr<GuardianStateRepository> m_state;
    std::shared_ptr<const AckCodes> m_codes;
    std::unique_ptr<FakeNtfyStream> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void NtfyAckListenerTest::init()
{
    QVERIFY(m_dir.isValid());
    auto database = Database::open(m_dir.filePath(
        QStringLiteral("trailguard-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
    QVERIFY(database.ok());
    m_database = std::move(database).value();
    m_alerts = std::make_unique<AlertRepository>(m_database->connection());
    m_dispatcher = std::make_unique<OutboxDispatcher>(*m_alerts, m_clock);
    m_outbox = std::make_unique<AlertOutbox>(*m_alerts, *m_dispatcher, m_clock);
    m_outbox->setChannelIds({QStringLiteral("ntfy")});
    m_acknowledger = std::make_unique<AlertAcknowledger>(*m_alerts, *m_dispatcher, m_clock);
    m_codes = std::make_shared<const AckCodes>(AckCodes::newKey());
    m_acknowledger->setAckCodes(m_codes);
    m_state = std::make_unique<GuardianStateRepository>(m_database->connection());
    m_server = std::make_unique<FakeNtfyStream>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void NtfyAckListenerTest::cleanup()
{
    m_network.reset();
    m_server.reset();
    m_acknowledger.reset();
    m_outbox.reset();
    m_dispatcher.reset();
    m_state.reset();
    m_alerts.reset();
    m_database.reset();
}

qint64 NtfyAckListenerTest::breach()
{
    const QDateTime now = m_clock.now();
    if (!m_outbox
             ->recordBreach(Breach{QStringLiteral("SHOP.TO"), 92.1, 106, 95.4, 0.9, now, now.date()},
                            QStringLiteral("CAD"))
             .ok())
        return 0;
    return m_alerts->recent(1).value().constFirst().id;
}

NtfyConfig NtfyAckListenerTest::config() const
{
    NtfyConfig ntfy;
    ntfy.server = m_server->url();
    ntfy.topic = QStringLiteral("alerts");
    ntfy.ackTopic = kAckTopic;
    ntfy.accessToken = QByteArrayLiteral("tk_listenerToken1234567890");
    return ntfy;
}

std::unique_ptr<NtfyAckListener> NtfyAckListenerTest::makeListener()
{
    return std::make_unique<NtfyAckListener>(m_network.get(), m_clock, *m_state, *m_acknowledger);
}

void NtfyAckListenerTest::streamUrl()
{
    NtfyConfig ntfy;
    ntfy.server = QUrl(QStringLiteral("https://example.com/ntfy/"));
    ntfy.topic = QStringLiteral("alerts");
    ntfy.ackTopic = kAckTopic;
    QCOMPARE(
        NtfyAckListener::streamUrl(ntfy, QString()),
        QUrl(QStringLiteral("https://example.com/ntfy/") + kAckTopic + QStringLiteral("/json?since=all")));
    QCOMPARE(NtfyAckListener::streamUrl(ntfy, QStringLiteral("hwQ2YpKdmg")),
             QUrl(QStringLiteral("https://example.com/ntfy/") + kAckTopic +
                  QStringLiteral("/json?since=hwQ2YpKdmg")));
    // A new ack topic: the topic, "-ack-", 16 random characters, within ntfy's 64.
    const QString made = NtfyConfig::newAckTopic(QString(60, QLatin1Char('t')));
    QVERIFY(NtfyConfig::isValidTopic(made));
    QCOMPARE(made.size(), NtfyConfig::kMaxTopicLength);
    QVERIFY(NtfyConfig::newAckTopic(QStringLiteral("alerts")) !=
            NtfyConfig::newAckTopic(QStringLiteral("alerts")));
}

void NtfyAckListenerTest::aCodeAcknowledgesOnceAndForgedOnesAreRefused()
{
    const qint64 id = breach();
    QVERIFY(id > 0);
    auto listener = makeListener();
    QSignalSpy subscribed(listener.get(), &NtfyAckListener::subscribed);
    QSignalSpy acknowledged(listener.get(), &NtfyAckListener::acknowledged);
    QSignalSpy refused(listener.get(), &NtfyAckListener::refused);
    listener->start(config());
    QTRY_VERIFY(m_server->streaming());
    QCOMPARE(m_server->subscriptions().size(), 1);
    QCOMPARE(m_server->subscriptions().first().target,
             (QStringLiteral("/") + kAckTopic + QStringLiteral("/json?since=all")).toUtf8());
    QCOMPARE(m_server->subscriptions().first().authorization,
             QByteArray("Bearer tk_listenerToken1234567890"));

    m_server->sendOpen(kAckTopic);
    QTRY_COMPARE(subscribed.size(), 1);
    m_server->sendKeepalive(kAckTopic);
    // A forged code, then the genuine one (as ntfy's http action publishes it, with a line break), then
    // again.
    m_server->sendMessage(kAckTopic, QStringLiteral("m1"),
                          QString::number(id) + QLatin1Char('-') + QString(22, QLatin1Char('A')));
    m_server->sendMessage(kAckTopic, QStringLiteral("m2"), m_codes->codeFor(id) + QLatin1Char('\n'));
    m_server->sendMessage(kAckTopic, QStringLiteral("m3"), m_codes->codeFor(id));
    QTRY_COMPARE(refused.size(), 2);
    QCOMPARE(acknowledged.size(), 1);
    QCOMPARE(acknowledged.first().at(0).toLongLong(), id);
    QVERIFY(refused.first().at(0).toString().contains(QStringLiteral("not valid")));
    QVERIFY(refused.last().at(0).toString().contains(QStringLiteral("already acknowledged")));
    const AlertRecord stored = *m_alerts->find(id).value();
    QCOMPARE(stored.ackSource, AckSource::ntfy());
    QCOMPARE(m_state->value(NtfyAckListener::lastIdKey()).value(),
             std::optional<QString>(QStringLiteral("m3")));
}

void NtfyAckListenerTest::reconnectsWithBackoffAndResumesSinceTheLastId()
{
    const qint64 first = breach();
    auto listener = makeListener();
    QSignalSpy ended(listener.get(), &NtfyAckListener::streamEnded);
    QSignalSpy acknowledged(listener.get(), &NtfyAckListener::acknowledged);
    listener->start(config());
    QTRY_VERIFY(m_server->streaming());
    m_server->sendOpen(kAckTopic);
    m_server->sendMessage(kAckTopic, QStringLiteral("a1"), m_codes->codeFor(first));
    QTRY_COMPARE(acknowledged.size(), 1);

    // The server ends a healthy stream: back after 1 s, resuming after the last message.
    m_server->closeStream();
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(listener->scheduledRetry(), 1s);
    QCOMPARE(m_server->subscriptions().size(), 1);
    m_clock.advance(999ms);
    QTest::qWait(20);
    QCOMPARE(m_server->subscriptions().size(), 1); // not before its time
    m_clock.advance(1ms);
    QTRY_COMPARE(m_server->subscriptions().size(), 2);
    QCOMPARE(m_server->subscriptions().last().target,
             (QStringLiteral("/") + kAckTopic + QStringLiteral("/json?since=a1")).toUtf8());

    // Streams that end without saying anything wait longer each time: 2 s, 4 s, 8 s…
    for (const std::chrono::seconds expected : {2s, 4s, 8s}) {
        QTRY_VERIFY(m_server->streaming());
        const qsizetype before = m_server->subscriptions().size();
        const qsizetype endedBefore = ended.size();
        m_server->closeStream();
        QTRY_COMPARE(ended.size(), endedBefore + 1);
        QCOMPARE(listener->scheduledRetry(), expected);
        m_clock.advance(expected);
        QTRY_COMPARE(m_server->subscriptions().size(), before + 1);
    }

    // A message on the resumed stream still acknowledges.
    const qint64 second = breach();
    QTRY_VERIFY(m_server->streaming());
    m_server->sendOpen(kAckTopic);
    m_server->sendMessage(kAckTopic, QStringLiteral("a2"), m_codes->codeFor(second));
    QTRY_COMPARE(acknowledged.size(), 2);
    QCOMPARE(acknowledged.last().at(0).toLongLong(), second);

    listener->stop();
    QTRY_VERIFY(!m_server->streaming());
    m_clock.advance(60s);
    QTest::qWait(20);
    QCOMPARE(m_server->subscriptions().size(), 5);
}

void NtfyAckListenerTest::aRestartResumesFromTheStoredId()
{
    QVERIFY(m_state->setValue(NtfyAckListener::lastIdKey(), QStringLiteral("kept42")).ok());
    auto listener = makeListener();
    listener->start(config());
    QTRY_COMPARE(m_server->subscriptions().size(), 1);
    QCOMPARE(m_server->subscriptions().first().target,
             (QStringLiteral("/") + kAckTopic + QStringLiteral("/json?since=kept42")).toUtf8());

    // Without an ack topic there is nothing to listen to.
    listener->stop();
    NtfyConfig none = config();
    none.ackTopic.clear();
    listener->start(none);
    QVERIFY(!listener->isListening());
}

QTEST_GUILESS_MAIN(NtfyAckListenerTest)
#include "tst_ntfyacklistener.moc"
