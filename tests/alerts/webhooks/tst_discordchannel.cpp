#include "TrailguardVersion.h"
#include "WebhookReceiver.h"
#include "WebhookTesting.h"
#include "alerts/webhooks/DiscordChannel.h"

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
const QString kToken = QStringLiteral("Zt9-secret_TOKEN");
const QString kWebhookPath = QStringLiteral("/api/webhooks/123456789/") + kToken;

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// The body Discord must receive for breachMessage(), written out by hand.
QJsonObject expectedBreach()
{
    QFile file(QFINDTESTDATA("data/discord-breach.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject firstEmbed(const QJsonObject &payload)
{
    return payload.value(QLatin1String("embeds")).toArray().first().toObject();
}

WebhookReceiver::Reply rateLimited(const QByteArray &retryAfterBody, const QByteArray &retryAfterHeader)
{
    http::HeaderList headers;
    if (!retryAfterHeader.isEmpty())
        headers.append({QByteArrayLiteral("Retry-After"), retryAfterHeader});
    QByteArray body = R"({"message": "You are being rate limited.", "global": false)";
    if (!retryAfterBody.isEmpty())
        body += R"(, "retry_after": )" + retryAfterBody;
    body += '}';
    return WebhookReceiver::Reply::json(429, body, headers);
}
} // namespace

class TestDiscordChannel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_network = std::make_unique<QNetworkAccessManager>();
        m_receiver = std::make_unique<WebhookReceiver>();
        QVERIFY(m_receiver->listen());
        m_channel =
            std::make_unique<DiscordChannel>(m_network.get(), DiscordConfig{m_receiver->url(kWebhookPath)});
    }
    void cleanup()
    {
        m_channel.reset();
        m_receiver.reset();
        m_network.reset();
    }

    void identity()
    {
        QCOMPARE(m_channel->id(), QStringLiteral("discord"));
        QCOMPARE(m_channel->displayName(), QStringLiteral("Discord"));
        QCOMPARE(m_channel->timeout(), 20000ms);
    }

    void payloadIsTheExecuteWebhookContract()
    {
        QVERIFY2(!expectedBreach().isEmpty(), "data file missing");
        QCOMPARE(DiscordChannel::payload(breachMessage()), expectedBreach());
    }

    void colourFollowsTheKind_data()
    {
        QTest::addColumn<AlertMessage::Kind>("kind");
        QTest::addColumn<int>("colour");
        QTest::newRow("breach: red") << AlertMessage::Kind::Breach << 0xD32F2F;
        QTest::newRow("health: amber") << AlertMessage::Kind::Health << 0xFFA000;
        QTest::newRow("digest: blue") << AlertMessage::Kind::Digest << 0x1976D2;
        QTest::newRow("test: blue") << AlertMessage::Kind::Test << 0x1976D2;
    }
    void colourFollowsTheKind()
    {
        QFETCH(AlertMessage::Kind, kind);
        QFETCH(int, colour);
        AlertMessage message = breachMessage();
        message.kind = kind;
        QCOMPARE(firstEmbed(DiscordChannel::payload(message)).value(QLatin1String("color")).toInt(), colour);
    }

    void optionalPartsAreLeftOut()
    {
        AlertMessage message;
        message.kind = AlertMessage::Kind::Test;
        message.subject = QStringLiteral("Trailguard test");
        const QJsonObject embed = firstEmbed(DiscordChannel::payload(message));
        QCOMPARE(
            embed,
            parse(R"({"title": "Trailguard test", "color": 1668818, "footer": {"text": "Trailguard"}})"));
    }

    void emptyFieldsAndSubjectAreFilledIn()
    {
        AlertMessage message = breachMessage();
        message.subject.clear();
        message.fields = {{QString(), QStringLiteral("x")}, {QStringLiteral("Note"), QStringLiteral(" ")}};
        message.clickUrl = QUrl(QStringLiteral("javascript:alert(1)"));
        const QJsonObject embed = firstEmbed(DiscordChannel::payload(message));
        QCOMPARE(embed.value(QLatin1String("title")).toString(), QStringLiteral("Trailguard"));
        QCOMPARE(embed.value(QLatin1String("fields")).toArray(),
                 QJsonDocument::fromJson(R"([{"name": "—", "value": "x", "inline": true},
                                             {"name": "Note", "value": "—", "inline": true}])")
                     .array());
        QVERIFY(!embed.contains(QLatin1String("url")));
    }

    void limitsAreRespected()
    {
        AlertMessage message = breachMessage();
        // 255 letters then an emoji: cutting at 255 would split its surrogate pair.
        message.subject = QString(254, QLatin1Char('s')) + QStringLiteral("😀😀");
        message.text = QString(5000, QLatin1Char('t'));
        message.fields.clear();
        for (int i = 0; i < 30; ++i)
            message.fields.append(
                {QStringLiteral("F%1").arg(i), QString(i == 0 ? 2000 : 10, QLatin1Char('v'))});

        const QJsonObject embed = firstEmbed(DiscordChannel::payload(message));
        const QString title = embed.value(QLatin1String("title")).toString();
        QVERIFY(title.size() <= 256);
        QCOMPARE(title, QString(254, QLatin1Char('s')) + QStringLiteral("…"));
        const QJsonArray fields = embed.value(QLatin1String("fields")).toArray();
        QCOMPARE(fields.size(), 25);
        const QString firstValue = fields.first().toObject().value(QLatin1String("value")).toString();
        QCOMPARE(firstValue.size(), 1024);
        QVERIFY(firstValue.endsWith(QStringLiteral("…")));
        const QString description = embed.value(QLatin1String("description")).toString();
        QVERIFY(description.size() <= 4096);
        QVERIFY(description.endsWith(QStringLiteral("…")));

        qsizetype total = title.size() + description.size() + QStringLiteral("Trailguard").size();
        for (const QJsonValue &field : fields) {
            total += field.toObject().value(QLatin1String("name")).toString().size() +
                     field.toObject().value(QLatin1String("value")).toString().size();
        }
        QVERIFY2(total <= 6000, QByteArray::number(total));
    }

    void requestUrlAsksDiscordToWait()
    {
        QCOMPARE(DiscordChannel::requestUrl(QUrl(QStringLiteral("https://discord.com/api/webhooks/1/t"))),
                 QUrl(QStringLiteral("https://discord.com/api/webhooks/1/t?wait=true")));
        QCOMPARE(DiscordChannel::requestUrl(
                     QUrl(QStringLiteral("https://discord.com/api/webhooks/1/t?thread_id=9&wait=false"))),
                 QUrl(QStringLiteral("https://discord.com/api/webhooks/1/t?thread_id=9&wait=true")));
    }

    void sendPostsTheEmbed()
    {
        const std::optional<DeliveryResult> result = sendAndWait(*m_channel, breachMessage());
        QVERIFY2(result && result->outcome == Outcome::Delivered, describe(result));
        QVERIFY(result->reason.isEmpty());

        QCOMPARE(m_receiver->requests().size(), 1);
        const WebhookReceiver::Request &request = m_receiver->requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, kWebhookPath.toUtf8());
        QCOMPARE(request.query, QByteArray("wait=true"));
        QCOMPARE(request.header("content-type"), QByteArray("application/json"));
        QVERIFY2(request.header("user-agent").startsWith("Trailguard/" TRAILGUARD_VERSION),
                 request.header("user-agent"));
        QVERIFY(!request.hasHeader("authorization"));
        QCOMPARE(QJsonDocument::fromJson(request.body).object(), expectedBreach());
        QVERIFY2(request.body.contains(R"("timestamp":"2026-03-09T19:30:00.250Z")"), request.body);
    }

    void answers_data()
    {
        QTest::addColumn<WebhookReceiver::Reply>("reply");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<int>("retryAfter"); // -1: none
        QTest::addColumn<QString>("says");

        QTest::newRow("204") << WebhookReceiver::Reply::empty(204) << Outcome::Delivered << -1 << QString();
        QTest::newRow("200 with the message")
            << WebhookReceiver::Reply::json(200, R"({"id": "1", "type": 0, "content": ""})")
            << Outcome::Delivered << -1 << QString();
        QTest::newRow("429, retry_after 1.5")
            << rateLimited("1.5", {}) << Outcome::RetryLater << 2 << QStringLiteral("rate limiting");
        QTest::newRow("429, header longer")
            << rateLimited("1.5", "3") << Outcome::RetryLater << 3 << QStringLiteral("again in 3 s");
        QTest::newRow("429, header only") << rateLimited({}, "4") << Outcome::RetryLater << 4 << QString();
        QTest::newRow("429, no delay") << rateLimited({}, {}) << Outcome::RetryLater << -1 << QString();
        QTest::newRow("400 Invalid Webhook Token")
            << WebhookReceiver::Reply::json(400, R"({"message": "Invalid Webhook Token", "code": 50027})")
            << Outcome::Failed << -1 << QStringLiteral("Invalid Webhook Token");
        QTest::newRow("400 without code")
            << WebhookReceiver::Reply::json(400, R"({"message": "Invalid Webhook Token"})") << Outcome::Failed
            << -1 << QStringLiteral("(HTTP 400): Invalid Webhook Token.");
        QTest::newRow("404 Unknown Webhook")
            << WebhookReceiver::Reply::json(404, R"({"message": "Unknown Webhook", "code": 10015})")
            << Outcome::Failed << -1 << QStringLiteral("Unknown Webhook (Discord code 10015)");
        QTest::newRow("413 plain text") << WebhookReceiver::Reply::json(413, "Payload Too Large")
                                        << Outcome::Failed << -1 << QStringLiteral("Payload Too Large");
        QTest::newRow("500") << WebhookReceiver::Reply::json(500, R"({"message": "Internal Server Error"})")
                             << Outcome::RetryLater << -1 << QStringLiteral("HTTP 500");
        QTest::newRow("502") << WebhookReceiver::Reply::json(502, "") << Outcome::RetryLater << -1
                             << QStringLiteral("HTTP 502");
        QTest::newRow("503 with Retry-After")
            << WebhookReceiver::Reply::json(503, "",
                                            {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("7")}})
            << Outcome::RetryLater << 7 << QString();
        QTest::newRow("408") << WebhookReceiver::Reply::json(408, "") << Outcome::RetryLater << -1
                             << QString();
        QTest::newRow("301") << WebhookReceiver::Reply::json(301, "",
                                                             {{QByteArrayLiteral("Location"),
                                                               QByteArrayLiteral("https://x.example/")}})
                             << Outcome::Failed << -1 << QStringLiteral("redirect");
    }
    void answers()
    {
        QFETCH(WebhookReceiver::Reply, reply);
        QFETCH(Outcome, outcome);
        QFETCH(int, retryAfter);
        QFETCH(QString, says);
        m_receiver->enqueue(reply);
        LogRecorder logs;

        const std::optional<DeliveryResult> result = sendAndWait(*m_channel, breachMessage());
        QVERIFY2(result.has_value(), "no result");
        QCOMPARE(result->outcome, outcome);
        QCOMPARE(result->retryAfter.has_value(), retryAfter >= 0);
        if (retryAfter >= 0)
            QCOMPARE(result->retryAfter->count(), retryAfter);
        QVERIFY2(result->reason.contains(says), qPrintable(result->reason));
        QCOMPARE(result->reason.isEmpty(), outcome == Outcome::Delivered);
        QVERIFY2(!result->reason.contains(kToken), "the reason quotes the token");
        QCOMPARE(m_receiver->requests().size(), 1);
        const QStringList lines = logs.messages();
        for (const QString &line : lines)
            QVERIFY2(!line.contains(kToken), qPrintable(line));
        if (outcome != Outcome::Delivered) {
            QVERIFY2(lines.join(QLatin1Char('\n')).contains(QStringLiteral("/api/webhooks/…")),
                     "no redacted log line");
        }
    }

    void refusedConnectionIsRetried()
    {
        m_receiver->close();
        LogRecorder logs;
        const std::optional<DeliveryResult> result = sendAndWait(*m_channel, breachMessage());
        QVERIFY2(result && result->outcome == Outcome::RetryLater, describe(result));
        QVERIFY2(
            result->reason.contains(QStringLiteral("Could not reach Discord: the connection was refused")),
            qPrintable(result->reason));
        QVERIFY(!result->retryAfter);
        for (const QString &line : logs.messages())
            QVERIFY2(!line.contains(kToken), qPrintable(line));
    }

    void silenceTimesOutAndIsRetried()
    {
        WebhookReceiver::Reply late = WebhookReceiver::Reply::empty(204);
        late.delayMs = 10000;
        m_receiver->enqueue(late);
        m_channel->setTimeout(300ms);
        const std::optional<DeliveryResult> result = sendAndWait(*m_channel, breachMessage());
        QVERIFY2(result && result->outcome == Outcome::RetryLater, describe(result));
        QVERIFY2(result->reason.contains(QStringLiteral("no answer within 1 s")), qPrintable(result->reason));
    }

    void outageThenRecovery()
    {
        m_receiver->enqueue(WebhookReceiver::Reply::json(500, R"({"message": "Internal Server Error"})"));
        m_receiver->enqueue(WebhookReceiver::Reply::json(500, R"({"message": "Internal Server Error"})"));
        m_receiver->enqueue(WebhookReceiver::Reply::empty(204));

        QList<Outcome> outcomes;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const std::optional<DeliveryResult> result = sendAndWait(*m_channel, breachMessage());
            QVERIFY2(result.has_value(), "no result");
            outcomes.append(result->outcome);
        }
        QCOMPARE(outcomes, (QList<Outcome>{Outcome::RetryLater, Outcome::RetryLater, Outcome::Delivered}));
        QCOMPARE(m_receiver->requests().size(), 3);
        QCOMPARE(m_receiver->acceptedCount(), 1);
        for (const WebhookReceiver::Request &request : m_receiver->requests())
            QCOMPARE(request.json(), expectedBreach());
    }

    void invalidConfigurationFailsWithoutARequest_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<QString>("says");
        QTest::newRow("http elsewhere") << QUrl(QStringLiteral("http://example.com/api/webhooks/1/x"))
                                        << QStringLiteral("must start with https://");
        QTest::newRow("discord without token") << QUrl(QStringLiteral("https://discord.com/api/webhooks/1"))
                                               << QStringLiteral("/api/webhooks/<id>/<token>");
        QTest::newRow("none") << QUrl() << QStringLiteral("empty");
    }
    void invalidConfigurationFailsWithoutARequest()
    {
        QFETCH(QUrl, url);
        QFETCH(QString, says);
        m_channel->setConfig(DiscordConfig{url});
        QObject context;
        std::optional<DeliveryResult> result;
        int calls = 0;
        m_channel->send(breachMessage(), &context, [&](DeliveryResult r) {
            ++calls;
            result = std::move(r);
        });
        QVERIFY2(!result.has_value(), "the callback ran inside send()");
        QTRY_VERIFY(result.has_value());
        QCOMPARE(calls, 1);
        QCOMPARE(result->outcome, Outcome::Failed);
        QVERIFY2(result->reason.contains(says), qPrintable(result->reason));
        QVERIFY(m_receiver->requests().isEmpty());
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

    void destroyedChannelAbortsItsSend()
    {
        WebhookReceiver::Reply late = WebhookReceiver::Reply::empty(204);
        late.delayMs = 10000;
        m_receiver->enqueue(late);
        QSignalSpy finished(m_network.get(), &QNetworkAccessManager::finished);
        QObject context;
        bool called = false;
        m_channel->send(breachMessage(), &context, [&called](DeliveryResult) { called = true; });
        QTRY_COMPARE(m_receiver->requests().size(), 1);
        m_channel.reset();
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(!called);
    }

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<DiscordChannel> m_channel;
};

QTEST_GUILESS_MAIN(TestDiscordChannel)
#include "tst_discordchannel.moc"
