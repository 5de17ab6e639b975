#include "TrailguardVersion.h"
#include "WebhookReceiver.h"
#include "WebhookTesting.h"
#include "alerts/webhooks/NtfyChannel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace trailguard;
using namespace trailguard::test;
using namespace std::chrono_literals;
using Outcome = DeliveryResult::Outcome;

namespace {
const QString kTopic = QStringLiteral("trailguard-test_1");
const QByteArray kToken = QByteArrayLiteral("tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2");

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// What ntfy must receive for breachMessage() published to kTopic, written out by hand.
QJsonObject expectedBreach()
{
    QFile file(QFINDTESTDATA("data/ntfy-breach.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray ntfyError(int status, const char *error)
{
    return "{\"code\":" + QByteArray::number(status * 100 + 1) + ",\"http\":" + QByteArray::number(status) +
           ",\"error\":\"" + error + "\",\"link\":\"https://ntfy.sh/docs/publish/\"}";
}
} // namespace

class TestNtfyChannel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_network = std::make_unique<QNetworkAccessManager>();
        m_receiver = std::make_unique<WebhookReceiver>();
        QVERIFY(m_receiver->listen());
        m_receiver->setDefaultReply(WebhookReceiver::Reply::json(
            200, R"({"id":"hwQ2YpKdmg","time":1635528741,"event":"message","topic":"trailguard-test_1"})"));
        m_channel = std::make_unique<NtfyChannel>(m_network.get(), config());
    }
    void cleanup()
    {
        m_channel.reset();
        m_receiver.reset();
        m_network.reset();
    }

    void identity()
    {
        QCOMPARE(m_channel->id(), QStringLiteral("ntfy"));
        QCOMPARE(m_channel->displayName(), QStringLiteral("ntfy"));
    }

    void payloadIsTheJsonPublishContract()
    {
        QVERIFY2(!expectedBreach().isEmpty(), "data file missing");
        QCOMPARE(NtfyChannel::payload(breachMessage(), kTopic), expectedBreach());
    }

    void priority_data()
    {
        QTest::addColumn<AlertMessage::Kind>("kind");
        QTest::addColumn<AlertMessage::Priority>("priority");
        QTest::addColumn<int>("expected");
        QTest::newRow("breach") << AlertMessage::Kind::Breach << AlertMessage::Priority::High << 4;
        QTest::newRow("breach marked low is still high")
            << AlertMessage::Kind::Breach << AlertMessage::Priority::Low << 4;
        QTest::newRow("health, normal: default")
            << AlertMessage::Kind::Health << AlertMessage::Priority::Normal << 3;
        QTest::newRow("health, low") << AlertMessage::Kind::Health << AlertMessage::Priority::Low << 2;
        QTest::newRow("digest, low") << AlertMessage::Kind::Digest << AlertMessage::Priority::Low << 2;
        QTest::newRow("test, high") << AlertMessage::Kind::Test << AlertMessage::Priority::High << 4;
    }
    void priority()
    {
        QFETCH(AlertMessage::Kind, kind);
        QFETCH(AlertMessage::Priority, priority);
        QFETCH(int, expected);
        AlertMessage message = breachMessage();
        message.kind = kind;
        message.priority = priority;
        QCOMPARE(NtfyChannel::priority(message), expected);
        QCOMPARE(NtfyChannel::payload(message, kTopic).value(QLatin1String("priority")).toInt(), expected);
    }

    void optionalPartsAreLeftOut()
    {
        AlertMessage message;
        message.kind = AlertMessage::Kind::Health;
        message.priority = AlertMessage::Priority::Normal;
        message.subject = QStringLiteral("Questrade unreachable");
        message.tags = {QStringLiteral(" ")};
        message.clickUrl = QUrl(QStringLiteral("file:///etc/passwd"));
        QCOMPARE(NtfyChannel::payload(message, kTopic),
                 parse(R"({"topic": "trailguard-test_1", "title": "Questrade unreachable",
                           "message": "Questrade unreachable", "priority": 3})"));
    }

    void urgentEscalationIsPriorityFiveWithAReminderTitle()
    {
        AlertMessage message = breachMessage();
        message.escalationStep = 2;
        message.urgent = true;
        const QJsonObject json = NtfyChannel::payload(message, kTopic);
        QCOMPARE(json.value(QLatin1String("priority")).toInt(), 5);
        QCOMPARE(json.value(QLatin1String("title")).toString(),
                 QStringLiteral("Reminder 2: ") + breachMessage().subject);
        QCOMPARE(NtfyChannel::payload(breachMessage(), kTopic).value(QLatin1String("title")).toString(),
                 breachMessage().subject);
    }

    // The actions per ack mode: what ntfy's "actions" array (publish as JSON) must hold.
    void ackActionsPerMode_data()
    {
        QTest::addColumn<NtfyConfig::AckMode>("mode");
        QTest::addColumn<QString>("dashboard");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("expected");
        const QString dashboard = QStringLiteral("https://guard.example.net:8443");
        QTest::newRow("automatic with a dashboard: POST to the code-ack API")
            << NtfyConfig::AckMode::Automatic << dashboard << QByteArray()
            << QByteArray(R"([{"action":"http","label":"Acknowledge","method":"POST","clear":true,
                              "url":"@DASHBOARD@/api/v1/ack/7-CODE"},
                             {"action":"view","label":"Open dashboard","url":"@DASHBOARD@"}])");
        QTest::newRow("automatic without a dashboard: reply to the ack topic")
            << NtfyConfig::AckMode::Automatic << QString() << QByteArray()
            << QByteArray(R"([{"action":"http","label":"Acknowledge","method":"POST","clear":true,
                              "url":"@NTFY@/trailguard-test_1-ack-abc","body":"7-CODE"}])");
        QTest::newRow("reply carries the access token")
            << NtfyConfig::AckMode::Reply << dashboard << kToken
            << QByteArray(R"([{"action":"http","label":"Acknowledge","method":"POST","clear":true,
                              "url":"@NTFY@/trailguard-test_1-ack-abc","body":"7-CODE",
                              "headers":{"Authorization":"Bearer tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2"}},
                             {"action":"view","label":"Open dashboard","url":"@DASHBOARD@"}])");
        QTest::newRow("dashboard without a public URL falls back to reply")
            << NtfyConfig::AckMode::Dashboard << QString() << QByteArray()
            << QByteArray(R"([{"action":"http","label":"Acknowledge","method":"POST","clear":true,
                              "url":"@NTFY@/trailguard-test_1-ack-abc","body":"7-CODE"}])");
        QTest::newRow("off: only the dashboard link")
            << NtfyConfig::AckMode::Off << dashboard << QByteArray()
            << QByteArray(R"([{"action":"view","label":"Open dashboard","url":"@DASHBOARD@"}])");
        QTest::newRow("off without a dashboard: no actions")
            << NtfyConfig::AckMode::Off << QString() << QByteArray() << QByteArray();
    }
    void ackActionsPerMode()
    {
        QFETCH(NtfyConfig::AckMode, mode);
        QFETCH(QString, dashboard);
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, expected);
        NtfyConfig ntfy;
        ntfy.topic = kTopic;
        ntfy.ackTopic = kTopic + QStringLiteral("-ack-abc");
        ntfy.ackMode = mode;
        ntfy.accessToken = token;
        ntfy.dashboardUrl = QUrl(dashboard);
        AlertMessage message = breachMessage();
        message.ackCode = QStringLiteral("7-CODE");
        const QJsonObject json = NtfyChannel::payload(message, ntfy);
        if (expected.isEmpty()) {
            QVERIFY(!json.contains(QLatin1String("actions")));
        } else {
            // (Placeholders in the rows: moc reads "//" inside a raw string as a comment.)
            expected.replace("@DASHBOARD@", "https://guard.example.net:8443")
                .replace("@NTFY@", "https://ntfy.sh");
            QCOMPARE(json.value(QLatin1String("actions")).toArray(),
                     QJsonDocument::fromJson(expected).array());
        }
        // Everything else is the plain publish.
        QJsonObject rest = json;
        rest.remove(QLatin1String("actions"));
        QCOMPARE(rest, expectedBreach());
    }

    void aDeliveredReplyButtonIsAnnounced()
    {
        NtfyConfig configured = config();
        configured.ackTopic = kTopic + QStringLiteral("-ack-abc");
        configured.ackMode = NtfyConfig::AckMode::Reply;
        m_channel->setConfig(configured);
        QSignalSpy offered(m_channel.get(), &NtfyChannel::replyButtonOffered);
        QVERIFY(sendAndWait(*m_channel, breachMessage())->outcome ==
                Outcome::Delivered); // no code: no button
        QCOMPARE(offered.size(), 0);
        AlertMessage message = breachMessage();
        message.ackCode = QStringLiteral("7-CODE");
        m_receiver->enqueue(WebhookReceiver::Reply::json(500, "{}"));
        QVERIFY(sendAndWait(*m_channel, message)->outcome == Outcome::RetryLater);
        QCOMPARE(offered.size(), 0); // not out yet
        QVERIFY(sendAndWait(*m_channel, message)->outcome == Outcome::Delivered);
        QCOMPARE(offered.size(), 1);
        const QJsonArray actions =
            m_receiver->requests().last().json().value(QLatin1String("actions")).toArray();
        QCOMPARE(actions.first().toObject().value(QLatin1String("body")).toString(),
                 QStringLiteral("7-CODE"));
    }

    void noAckButtonWithoutACode()
    {
        NtfyConfig ntfy;
        ntfy.topic = kTopic;
        ntfy.ackTopic = kTopic + QStringLiteral("-ack-abc");
        ntfy.ackMode = NtfyConfig::AckMode::Reply;
        QVERIFY(!NtfyChannel::payload(breachMessage(), ntfy).contains(QLatin1String("actions")));
    }

    void longTextIsCut()
    {
        AlertMessage message = breachMessage();
        message.text = QString(3000, QChar(0x00E9)); // 6000 bytes of "é"
        const QString sent = NtfyChannel::payload(message, kTopic).value(QLatin1String("message")).toString();
        QVERIFY(sent.toUtf8().size() <= NtfyChannel::kMaxMessageBytes);
        QVERIFY(sent.endsWith(QStringLiteral("…")));
        QVERIFY(sent.startsWith(QString(100, QChar(0x00E9))));
    }

    void sendPublishesJsonToTheServerRoot()
    {
        const std::optional<DeliveryResult> result = sendAndWait(*m_channel, breachMessage());
        QVERIFY2(result && result->outcome == Outcome::Delivered, describe(result));

        QCOMPARE(m_receiver->requests().size(), 1);
        const WebhookReceiver::Request &request = m_receiver->requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/"));
        QVERIFY(request.query.isEmpty());
        QCOMPARE(request.header("content-type"), QByteArray("application/json"));
        QVERIFY2(request.header("user-agent").startsWith("Trailguard/" TRAILGUARD_VERSION),
                 request.header("user-agent"));
        QVERIFY2(!request.hasHeader("authorization"), "a token was sent though none is configured");
        QCOMPARE(request.json(), expectedBreach());
    }

    void serverUnderAPath()
    {
        NtfyConfig prefixed = config();
        prefixed.server = m_receiver->url(QStringLiteral("/ntfy"));
        m_channel->setConfig(prefixed);
        const std::optional<DeliveryResult> result = sendAndWait(*m_channel, breachMessage());
        QVERIFY2(result && result->outcome == Outcome::Delivered, describe(result));
        QCOMPARE(m_receiver->requests().first().path, QByteArray("/ntfy/"));
    }

    void accessTokenIsSentAsBearer()
    {
        NtfyConfig withToken = config();
        withToken.accessToken = kToken;
        m_channel->setConfig(withToken);
        LogRecorder logs;
        m_receiver->enqueue(WebhookReceiver::Reply::json(500, ntfyError(500, "internal server error")));

        const std::optional<DeliveryResult> first = sendAndWait(*m_channel, breachMessage());
        QVERIFY2(first && first->outcome == Outcome::RetryLater, describe(first));
        const std::optional<DeliveryResult> second = sendAndWait(*m_channel, breachMessage());
        QVERIFY2(second && second->outcome == Outcome::Delivered, describe(second));

        QCOMPARE(m_receiver->requests().size(), 2);
        for (const WebhookReceiver::Request &request : m_receiver->requests())
            QCOMPARE(request.header("authorization"), QByteArray("Bearer ") + kToken);
        QVERIFY(!first->reason.contains(QString::fromLatin1(kToken)));
        for (const QString &line : logs.messages())
            QVERIFY2(!line.contains(QString::fromLatin1(kToken)), qPrintable(line));
    }

    void nonAsciiSurvives()
    {
        AlertMessage message = breachMessage();
        message.subject = QStringLiteral("Arrêt déclenché : ÉLAN.TO ↓ 92,10 $ 📉");
        message.text = QStringLiteral("Cours 92,10 $ < stop 95,40 $ — « vendre » ?");
        message.tags = {QStringLiteral("chart_with_downwards_trend"), QStringLiteral("ÉLAN.TO")};
        const std::optional<DeliveryResult> result = sendAndWait(*m_channel, message);
        QVERIFY2(result && result->outcome == Outcome::Delivered, describe(result));

        const WebhookReceiver::Request &request = m_receiver->requests().first();
        QVERIFY(request.body.contains(QStringLiteral("Arrêt déclenché : ÉLAN.TO ↓ 92,10 $ 📉").toUtf8()));
        const QJsonObject json = request.json();
        QCOMPARE(json.value(QLatin1String("title")).toString(), message.subject);
        QCOMPARE(json.value(QLatin1String("message")).toString(), message.text);
        QCOMPARE(json.value(QLatin1String("tags")).toArray().last().toString(), QStringLiteral("ÉLAN.TO"));
        // Nothing that needs RFC 2047 goes in a header.
        for (const auto &header : request.headers) {
            for (const char c : header.second)
                QVERIFY2(static_cast<unsigned char>(c) < 0x80, header.first + ": " + header.second);
        }
    }

    void answers_data()
    {
        QTest::addColumn<bool>("withToken");
        QTest::addColumn<WebhookReceiver::Reply>("reply");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<int>("retryAfter"); // -1: none
        QTest::addColumn<QString>("says");

        using Reply = WebhookReceiver::Reply;
        QTest::newRow("200") << false << Reply::json(200, "{}") << Outcome::Delivered << -1 << QString();
        QTest::newRow("401 with token")
            << true << Reply::json(401, ntfyError(401, "unauthorized")) << Outcome::Failed << -1
            << QStringLiteral("refused the access token (HTTP 401: unauthorized)");
        QTest::newRow("403 with token")
            << true << Reply::json(403, ntfyError(403, "forbidden")) << Outcome::Failed << -1
            << QStringLiteral("refused the access token (HTTP 403: forbidden)");
        QTest::newRow("403 without token")
            << false << Reply::json(403, ntfyError(403, "forbidden")) << Outcome::Failed << -1
            << QStringLiteral("needs an access token");
        QTest::newRow("413") << false << Reply::json(413, ntfyError(413, "request entity too large"))
                             << Outcome::Failed << -1 << QStringLiteral("too large");
        QTest::newRow("400 with ntfy's error")
            << false << Reply::json(400, ntfyError(400, "invalid request: bad priority")) << Outcome::Failed
            << -1 << QStringLiteral("(HTTP 400): invalid request: bad priority.");
        QTest::newRow("429") << false << Reply::json(429, ntfyError(429, "limit reached: too many requests"))
                             << Outcome::RetryLater << -1 << QStringLiteral("HTTP 429");
        QTest::newRow("429 with Retry-After")
            << false
            << Reply::json(429, ntfyError(429, "limit reached"),
                           {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("30")}})
            << Outcome::RetryLater << 30 << QString();
        QTest::newRow("500") << false << Reply::json(500, ntfyError(500, "internal server error"))
                             << Outcome::RetryLater << -1 << QStringLiteral("HTTP 500");
        QTest::newRow("507") << false << Reply::json(507, "") << Outcome::RetryLater << -1
                             << QStringLiteral("HTTP 507");
        QTest::newRow("302") << false
                             << Reply::json(
                                    302, "",
                                    {{QByteArrayLiteral("Location"), QByteArrayLiteral("https://x/")}})
                             << Outcome::Failed << -1 << QStringLiteral("redirect");
    }
    void answers()
    {
        QFETCH(bool, withToken);
        QFETCH(WebhookReceiver::Reply, reply);
        QFETCH(Outcome, outcome);
        QFETCH(int, retryAfter);
        QFETCH(QString, says);
        NtfyConfig configured = config();
        if (withToken)
            configured.accessToken = kToken;
        m_channel->setConfig(configured);
        m_receiver->enqueue(reply);

        const std::optional<DeliveryResult> result = sendAndWait(*m_channel, breachMessage());
        QVERIFY2(result.has_value(), "no result");
        QCOMPARE(result->outcome, outcome);
        QCOMPARE(result->retryAfter.has_value(), retryAfter >= 0);
        if (retryAfter >= 0)
            QCOMPARE(result->retryAfter->count(), retryAfter);
        QVERIFY2(result->reason.contains(says), qPrintable(result->reason));
        QCOMPARE(result->reason.isEmpty(), outcome == Outcome::Delivered);
        QCOMPARE(m_receiver->requests().size(), 1);
        QCOMPARE(m_receiver->requests().first().hasHeader("authorization"), withToken);
    }

    void refusedConnectionIsRetried()
    {
        m_receiver->close();
        const std::optional<DeliveryResult> result = sendAndWait(*m_channel, breachMessage());
        QVERIFY2(result && result->outcome == Outcome::RetryLater, describe(result));
        QVERIFY2(result->reason.contains(QStringLiteral("Could not reach ntfy: the connection was refused")),
                 qPrintable(result->reason));
    }

    void silenceTimesOutAndIsRetried()
    {
        WebhookReceiver::Reply late = WebhookReceiver::Reply::json(200, "{}");
        late.delayMs = 10000;
        m_receiver->enqueue(late);
        m_channel->setTimeout(300ms);
        const std::optional<DeliveryResult> result = sendAndWait(*m_channel, breachMessage());
        QVERIFY2(result && result->outcome == Outcome::RetryLater, describe(result));
        QVERIFY2(result->reason.contains(QStringLiteral("no answer within 1 s")), qPrintable(result->reason));
    }

    void outageThenRecovery()
    {
        m_receiver->enqueue(WebhookReceiver::Reply::json(500, ntfyError(500, "internal server error")));
        m_receiver->enqueue(WebhookReceiver::Reply::json(502, "<html>Bad Gateway</html>"));
        m_receiver->enqueue(WebhookReceiver::Reply::json(200, "{}"));

        QList<Outcome> outcomes;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const std::optional<DeliveryResult> result = sendAndWait(*m_channel, breachMessage());
            QVERIFY2(result.has_value(), "no result");
            outcomes.append(result->outcome);
        }
        QCOMPARE(outcomes, (QList<Outcome>{Outcome::RetryLater, Outcome::RetryLater, Outcome::Delivered}));
        QCOMPARE(m_receiver->requests().size(), 3);
        QCOMPARE(m_receiver->acceptedCount(), 1);
    }

    void invalidConfigurationFailsWithoutARequest_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("says");
        QTest::newRow("bad topic") << QStringLiteral("no/slashes") << QByteArray()
                                   << QStringLiteral("is not valid");
        QTest::newRow("no topic") << QString() << QByteArray() << QStringLiteral("topic is empty");
        QTest::newRow("token with a line break")
            << kTopic << QByteArray("tk\nX: y") << QStringLiteral("access token");
    }
    void invalidConfigurationFailsWithoutARequest()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, token);
        QFETCH(QString, says);
        NtfyConfig invalid = config();
        invalid.topic = topic;
        invalid.accessToken = token;
        m_channel->setConfig(invalid);
        QObject context;
        std::optional<DeliveryResult> result;
        m_channel->send(breachMessage(), &context, [&result](DeliveryResult r) { result = std::move(r); });
        QVERIFY2(!result.has_value(), "the callback ran inside send()");
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->outcome, Outcome::Failed);
        QVERIFY2(result->reason.contains(says), qPrintable(result->reason));
        QVERIFY(m_receiver->requests().isEmpty());
    }

    void httpsIsRequiredAwayFromLoopback()
    {
        NtfyConfig plain = config();
        plain.server = QUrl(QStringLiteral("http://ntfy.example.com"));
        m_channel->setConfig(plain);
        const std::optional<DeliveryResult> result = sendAndWait(*m_channel, breachMessage());
        QVERIFY2(result && result->outcome == Outcome::Failed, describe(result));
        QVERIFY2(result->reason.contains(QStringLiteral("https://")), qPrintable(result->reason));
    }

    void destroyedContextDropsTheCallback()
    {
        QSignalSpy finished(m_network.get(), &QNetworkAccessManager::finished);
        bool called = false;
        {
            QObject context;
            m_channel->send(breachMessage(), &context, [&called](DeliveryResult) { called = true; });
        }
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_receiver->requests().size(), 1);
        QVERIFY(!called);
    }

private:
    NtfyConfig config() const
    {
        NtfyConfig config;
        config.server = m_receiver->url();
        config.topic = kTopic;
        return config;
    }

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<NtfyChannel> m_channel;
};

QTEST_GUILESS_MAIN(TestNtfyChannel)
#include "tst_ntfychannel.moc"
