// The fake Questrade stream (FakeQuoteStreamServer behind FakeQuestradeServer) with a raw QWebSocket
// client, so the wire format is checked independently of QuoteStream.
#include "demo/FakeQuoteStreamServer.h"
#include "fakes/TestQuestradeServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace trailguard;

namespace {
constexpr int kWaitMs = 10000;
constexpr qint64 kId = 34658;

struct Client {
    QWebSocket socket;
    QStringList messages;
    bool closed = false;

    Client()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived,
                         [this](const QString &message) { messages.append(message); });
        QObject::connect(&socket, &QWebSocket::disconnected, [this] { closed = true; });
    }
    QJsonObject message(qsizetype i) const
    {
        return QJsonDocument::fromJson(messages.at(i).toUtf8()).object();
    }
};
} // namespace

class FakeQuoteStreamServerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void portRequestAnswersTheStreamPort();
    void validTokenGetsSuccessSnapshotAndPushes();
    void invalidTokenIsClosed();
    void invalidUrlIsClosed();
    void partialRecordsCarryOnlyChanges();
    void silentAndDropFaults();
    void longRequestsAreRefused414();
    void connectionLimitRefusesTheNextSocket();
    void unresponsiveSocketAnswersNoPing();

private:
    QByteArray accessToken();
    QUrl streamUrl(const QString &ids) const;

    std::unique_ptr<test::TestQuestradeServer> m_server;
    QNetworkAccessManager m_network;
};

void FakeQuoteStreamServerTest::init()
{
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
    m_server->addSymbol({QStringLiteral("RY.TO"), kId, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("ROYAL BANK")});
    m_server->setPrice(kId, 131.44);
}

void FakeQuoteStreamServerTest::cleanup()
{
    m_server.reset();
}

QByteArray FakeQuoteStreamServerTest::accessToken()
{
    QUrl url = m_server->loginUrl();
    url.setPath(QStringLiteral("/oauth2/token"));
    url.setQuery(QStringLiteral("grant_type=refresh_token&refresh_token=") +
                 QString::fromLatin1(m_server->issueRefreshToken()));
    std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(url)));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, kWaitMs))
        return {};
    return QJsonDocument::fromJson(reply->readAll())
        .object()
        .value(QLatin1String("access_token"))
        .toString()
        .toLatin1();
}

QUrl FakeQuoteStreamServerTest::streamUrl(const QString &ids) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/markets/quotes?ids=%2&stream=true&mode=WebSocket")
                    .arg(m_server->streamServer()->port())
                    .arg(ids));
}

void FakeQuoteStreamServerTest::portRequestAnswersTheStreamPort()
{
    const QByteArray token = accessToken();
    QVERIFY(!token.isEmpty());
    QNetworkRequest request(QUrl(m_server->apiServer().toString() +
                                 QStringLiteral("v1/markets/quotes?ids=34658&stream=true&mode=WebSocket")));
    request.setRawHeader("Authorization", "Bearer " + token);
    std::unique_ptr<QNetworkReply> reply(m_network.get(request));
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, kWaitMs));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(body.value(QLatin1String("streamPort")).toInt(), int(m_server->streamServer()->port()));
    QCOMPARE(m_server->requests().constLast().category, FakeQuestradeServer::Category::MarketData);

    m_server->setStreamingOffered(false);
    std::unique_ptr<QNetworkReply> refused(m_network.get(request));
    QVERIFY(QTest::qWaitFor([&] { return refused->isFinished(); }, kWaitMs));
    QCOMPARE(refused->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
}

void FakeQuoteStreamServerTest::validTokenGetsSuccessSnapshotAndPushes()
{
    const QByteArray token = accessToken();
    Client client;
    client.socket.open(streamUrl(QStringLiteral("34658,999")));
    QTRY_COMPARE_WITH_TIMEOUT(client.socket.state(), QAbstractSocket::ConnectedState, kWaitMs);
    client.socket.sendTextMessage(QString::fromLatin1(token));
    QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 2, kWaitMs);
    QCOMPARE(client.message(0), QJsonObject({{QStringLiteral("success"), true}}));
    const QJsonArray snapshot = client.message(1).value(QLatin1String("quotes")).toArray();
    QCOMPARE(snapshot.size(), 1); // the unknown id is ignored
    QCOMPARE(snapshot.at(0).toObject().value(QLatin1String("lastTradePrice")).toDouble(), 131.44);
    QCOMPARE(snapshot.at(0).toObject().value(QLatin1String("symbol")).toString(), QStringLiteral("RY.TO"));

    m_server->setPrice(kId, 131.50);
    QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 3, kWaitMs);
    QCOMPARE(client.message(2)
                 .value(QLatin1String("quotes"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("lastTradePrice")),
             QJsonValue(131.50));
    QCOMPARE(m_server->streamServer()->authenticatedConnections(), 1);
}

void FakeQuoteStreamServerTest::invalidTokenIsClosed()
{
    Client client;
    client.socket.open(streamUrl(QStringLiteral("34658")));
    QTRY_COMPARE_WITH_TIMEOUT(client.socket.state(), QAbstractSocket::ConnectedState, kWaitMs);
    client.socket.sendTextMessage(QStringLiteral("Bearer not-a-token"));
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, kWaitMs);
    QCOMPARE(client.socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QVERIFY(client.messages.isEmpty());
    QCOMPARE(m_server->streamServer()->tokensRefused(), 1);

    // A valid token refused by the fault switch is closed the same way.
    m_server->streamServer()->setRefuseTokens(true);
    Client second;
    second.socket.open(streamUrl(QStringLiteral("34658")));
    QTRY_COMPARE_WITH_TIMEOUT(second.socket.state(), QAbstractSocket::ConnectedState, kWaitMs);
    second.socket.sendTextMessage(QString::fromLatin1(accessToken()));
    QTRY_VERIFY_WITH_TIMEOUT(second.closed, kWaitMs);
    QVERIFY(second.messages.isEmpty());
}

void FakeQuoteStreamServerTest::invalidUrlIsClosed()
{
    Client client;
    client.socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/markets/quotes?ids=34658")
                                .arg(m_server->streamServer()->port())));
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, kWaitMs);
    QVERIFY(client.messages.isEmpty());
}

void FakeQuoteStreamServerTest::partialRecordsCarryOnlyChanges()
{
    m_server->streamServer()->setPartialRecords(true);
    Client client;
    client.socket.open(streamUrl(QStringLiteral("34658")));
    QTRY_COMPARE_WITH_TIMEOUT(client.socket.state(), QAbstractSocket::ConnectedState, kWaitMs);
    client.socket.sendTextMessage(QString::fromLatin1(accessToken()));
    QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 2, kWaitMs);
    QVERIFY(client.message(1)
                .value(QLatin1String("quotes"))
                .toArray()
                .at(0)
                .toObject()
                .contains(QLatin1String("symbol"))); // the snapshot is full
    m_server->setPrice(kId, 131.60);
    QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 3, kWaitMs);
    const QJsonObject record = client.message(2).value(QLatin1String("quotes")).toArray().at(0).toObject();
    QCOMPARE(record.value(QLatin1String("symbolId")).toInteger(), kId);
    QCOMPARE(record.value(QLatin1String("lastTradePrice")).toDouble(), 131.60);
    QVERIFY(!record.contains(QLatin1String("symbol")));
    QVERIFY(!record.contains(QLatin1String("isHalted")));
}

void FakeQuoteStreamServerTest::silentAndDropFaults()
{
    test::TestQuoteStream &server = *m_server->streamServer();
    server.setSilent(true);
    Client client;
    client.socket.open(streamUrl(QStringLiteral("34658")));
    QTRY_COMPARE_WITH_TIMEOUT(client.socket.state(), QAbstractSocket::ConnectedState, kWaitMs);
    client.socket.sendTextMessage(QString::fromLatin1(accessToken()));
    QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 1, kWaitMs); // {"success":true} only
    m_server->setPrice(kId, 130.0);
    // A quote would have been written before the pong to a ping sent after the price moved.
    QSignalSpy pongs(&client.socket, &QWebSocket::pong);
    client.socket.ping();
    QTRY_COMPARE_WITH_TIMEOUT(pongs.count(), 1, kWaitMs);
    QCOMPARE(client.messages.size(), 1);

    server.dropAllConnections();
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, kWaitMs);
}

void FakeQuoteStreamServerTest::longRequestsAreRefused414()
{
    // 300 ids of seven digits: a query of about 2,430 characters.
    QStringList texts;
    for (int id = 2000001; id <= 2000300; ++id)
        texts.append(QString::number(id));
    const QString ids = texts.join(QLatin1Char(','));
    const QByteArray token = accessToken();
    QNetworkRequest request(QUrl(m_server->apiServer().toString() + QStringLiteral("v1/markets/quotes?ids=") +
                                 ids + QStringLiteral("&stream=true&mode=WebSocket")));
    request.setRawHeader("Authorization", "Bearer " + token);
    std::unique_ptr<QNetworkReply> reply(m_network.get(request));
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, kWaitMs));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 414);
    QCOMPARE(m_server->requests().constLast().status, 414);

    // The socket URL: the opening handshake is answered 414, no socket opens.
    Client client;
    QSignalSpy errors(&client.socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    client.socket.open(streamUrl(ids));
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), kWaitMs);
    QVERIFY2(client.socket.errorString().contains(QStringLiteral("414")),
             qPrintable(client.socket.errorString()));
    QCOMPARE(m_server->streamServer()->handshakesRefused(), 1);
    QCOMPARE(m_server->streamServer()->connectionsAccepted(), 0);
    QVERIFY(m_server->streamServer()->urlLengths().constLast() > 2000);

    // Just under the limit still opens.
    Client shortClient;
    shortClient.socket.open(streamUrl(texts.mid(0, 200).join(QLatin1Char(','))));
    QTRY_COMPARE_WITH_TIMEOUT(shortClient.socket.state(), QAbstractSocket::ConnectedState, kWaitMs);
    QVERIFY(m_server->streamServer()->urlLengths().constLast() < 2000);
}

void FakeQuoteStreamServerTest::connectionLimitRefusesTheNextSocket()
{
    test::TestQuoteStream &server = *m_server->streamServer();
    server.setMaxConnections(1);
    Client first;
    first.socket.open(streamUrl(QStringLiteral("34658")));
    QTRY_COMPARE_WITH_TIMEOUT(first.socket.state(), QAbstractSocket::ConnectedState, kWaitMs);
    Client second;
    QSignalSpy errors(&second.socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    second.socket.open(streamUrl(QStringLiteral("34658")));
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), kWaitMs);
    QVERIFY2(second.socket.errorString().contains(QStringLiteral("503")),
             qPrintable(second.socket.errorString()));
    QCOMPARE(server.handshakesRefused(), 1);
    QCOMPARE(server.openConnections(), 1);
}

void FakeQuoteStreamServerTest::unresponsiveSocketAnswersNoPing()
{
    test::TestQuoteStream &server = *m_server->streamServer();
    Client client;
    QSignalSpy pongs(&client.socket, &QWebSocket::pong);
    client.socket.open(streamUrl(QStringLiteral("34658")));
    QTRY_COMPARE_WITH_TIMEOUT(client.socket.state(), QAbstractSocket::ConnectedState, kWaitMs);
    client.socket.sendTextMessage(QString::fromLatin1(accessToken()));
    QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 2, kWaitMs);
    client.socket.ping();
    QTRY_COMPARE_WITH_TIMEOUT(pongs.count(), 1, kWaitMs);

    server.setUnresponsive(true);
    client.socket.ping();
    m_server->setPrice(kId, 129.0);
    // A client that connects now is answered at once: once its pong is back, the first one's would be too.
    Client other;
    QSignalSpy otherPongs(&other.socket, &QWebSocket::pong);
    other.socket.open(streamUrl(QStringLiteral("34658")));
    QTRY_COMPARE_WITH_TIMEOUT(other.socket.state(), QAbstractSocket::ConnectedState, kWaitMs);
    other.socket.sendTextMessage(QString::fromLatin1(accessToken()));
    QTRY_COMPARE_WITH_TIMEOUT(other.messages.size(), 2, kWaitMs);
    other.socket.ping();
    QTRY_COMPARE_WITH_TIMEOUT(otherPongs.count(), 1, kWaitMs);
    QCOMPARE(pongs.count(), 1);
    QCOMPARE(client.messages.size(), 2);
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);

    // Back to life: the ping read late is answered.
    server.setUnresponsive(false);
    client.socket.ping();
    QTRY_VERIFY_WITH_TIMEOUT(pongs.count() >= 2, kWaitMs);
}

QTEST_GUILESS_MAIN(FakeQuoteStreamServerTest)
#include "tst_fakequotestreamserver.moc"
