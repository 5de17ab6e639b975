#include "ApiFixture.h"
#include "WebhookReceiver.h"
#include "alerts/ChannelSettings.h"
#include "alerts/telegram/TelegramConfig.h"
#include "alerts/webhooks/NtfyConfig.h"
#include "fakes/FakeTelegramBotApi.h"

using namespace trailguard;
using trailguard::test::ApiFixture;
using trailguard::test::WebhookReceiver;

namespace {
const QByteArray kPassword = "smtp-Pa55word-never-shown";
// On this computer, where nothing listens: a test send fails at once instead of reaching discord.com.
const QByteArray kWebhook = "http://127.0.0.1:1/api/webhooks/123456/webhookT0kenNeverShown";
const QByteArray kTopic = "topicNeverShown42";
const QByteArray kNtfyToken = "tk_ntfyTokenNeverShown";
const QByteArray kBotToken = "17017:TelegramBotTokenNeverShown_0123456789";
} // namespace

// The settings endpoints through ApiEndpoints::handle: plain values and "…Set" flags, never a secret; PATCH
// with the dialog's validation, applied at once; replacing a secret; "Send test".
class ApiSettingsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void readShowsPlainValuesAndWhetherSecretsAreSet();
    void noResponseEverHoldsASecret();
    void patchIsValidatedSavedAndApplied();
    void patchSetsTheAckModeAndPublicUrl();
    void patchRefusesBadInput_data();
    void patchRefusesBadInput();
    void putReplacesASecretWithoutEchoingIt();
    void putRefusesBadInput();
    void sendTestAnswersWhenTheTestIsDone();
    void sendTestOfAnUnknownOrUnconfiguredChannel();
    void telegramChatTokenAndSendTest();

private:
    bool storeSecret(const QString &key, const QByteArray &value);
    QByteArray readSecret(const QString &key);
    void storeAllSecrets();
    std::unique_ptr<ApiFixture> m_api;
};

void ApiSettingsTest::init()
{
    m_api = std::make_unique<ApiFixture>();
    QCOMPARE(m_api->open(), QString());
}

void ApiSettingsTest::cleanup()
{
    m_api.reset();
}

bool ApiSettingsTest::storeSecret(const QString &key, const QByteArray &value)
{
    std::optional<bool> stored;
    m_api->m_secrets.write(key, value, nullptr, [&stored](const Status &status) { stored = status.ok(); });
    QElapsedTimer timer;
    timer.start();
    while (!stored && timer.elapsed() < 5000)
        QTest::qWait(5);
    return stored.value_or(false);
}

QByteArray ApiSettingsTest::readSecret(const QString &key)
{
    std::optional<QByteArray> read;
    m_api->m_secrets.read(key, nullptr, [&read](Result<QByteArray> value) {
        read = value.ok() ? value.value() : QByteArray();
    });
    QElapsedTimer timer;
    timer.start();
    while (!read && timer.elapsed() < 5000)
        QTest::qWait(5);
    return read.value_or(QByteArray());
}

void ApiSettingsTest::storeAllSecrets()
{
    QVERIFY(storeSecret(EmailConfig::passwordSecretKey(), kPassword));
    QVERIFY(storeSecret(QString::fromLatin1(ChannelSettings::kDiscordWebhookKey), kWebhook));
    QVERIFY(storeSecret(NtfyConfig::topicSecretKey(), kTopic));
    QVERIFY(storeSecret(NtfyConfig::accessTokenSecretKey(), kNtfyToken));
    QVERIFY(storeSecret(TelegramConfig::botTokenSecretKey(), kBotToken));
}

void ApiSettingsTest::readShowsPlainValuesAndWhetherSecretsAreSet()
{
    auto before = m_api->request("GET", QStringLiteral("settings"));
    QVERIFY(before);
    QCOMPARE(before->status, 200);
    QJsonObject channels = ApiFixture::body(before).value(QStringLiteral("channels")).toObject();
    QCOMPARE(channels.value(QStringLiteral("email")).toObject().value(QStringLiteral("passwordSet")).toBool(),
             false);
    QCOMPARE(channels.value(QStringLiteral("ntfy")).toObject().value(QStringLiteral("topicSet")).toBool(),
             false);
    QCOMPARE(ApiFixture::body(before).value(QStringLiteral("checkIntervalSeconds")).toInt(), 300);
    QCOMPARE(ApiFixture::body(before).value(QStringLiteral("repeatPolicy")).toString(),
             QStringLiteral("daily"));

    storeAllSecrets();
    m_api->m_settings->setEmailFrom(QStringLiteral("bot@example.com"));
    m_api->m_settings->setNtfyServer(QUrl(QStringLiteral("https://ntfy.example.com")));
    auto after = m_api->request("GET", QStringLiteral("settings"));
    QVERIFY(after);
    QCOMPARE(after->status, 200);
    channels = ApiFixture::body(after).value(QStringLiteral("channels")).toObject();
    const QJsonObject email = channels.value(QStringLiteral("email")).toObject();
    QCOMPARE(email.value(QStringLiteral("passwordSet")).toBool(), true);
    QCOMPARE(email.value(QStringLiteral("from")).toString(), QStringLiteral("bot@example.com"));
    QVERIFY(!email.contains(QStringLiteral("password")));
    QCOMPARE(
        channels.value(QStringLiteral("discord")).toObject().value(QStringLiteral("webhookUrlSet")).toBool(),
        true);
    const QJsonObject ntfy = channels.value(QStringLiteral("ntfy")).toObject();
    QCOMPARE(ntfy.value(QStringLiteral("topicSet")).toBool(), true);
    QCOMPARE(ntfy.value(QStringLiteral("accessTokenSet")).toBool(), true);
    QCOMPARE(ntfy.value(QStringLiteral("server")).toString(), QStringLiteral("https://ntfy.example.com"));
}

void ApiSettingsTest::patchSetsTheAckModeAndPublicUrl()
{
    auto before = m_api->request("GET", QStringLiteral("settings"));
    QVERIFY(before);
    QJsonObject channels = ApiFixture::body(before).value(QStringLiteral("channels")).toObject();
    QCOMPARE(channels.value(QStringLiteral("ntfy")).toObject().value(QStringLiteral("ackMode")).toString(),
             QString()); // automatic
    QCOMPARE(channels.value(QStringLiteral("publicUrl")).toString(), QString());

    // (Not in a raw string: moc reads "//" there as a comment.)
    auto patched = m_api->request(
        "PATCH", QStringLiteral("settings"),
        "{\"channels\":{\"publicUrl\":\"https://guard.example.net:8443\",\"ntfy\":{\"ackMode\":\"reply\"}}}");
    QVERIFY(patched);
    QCOMPARE(patched->status, 200);
    channels = ApiFixture::body(patched).value(QStringLiteral("channels")).toObject();
    QCOMPARE(channels.value(QStringLiteral("ntfy")).toObject().value(QStringLiteral("ackMode")).toString(),
             QStringLiteral("reply"));
    QCOMPARE(channels.value(QStringLiteral("publicUrl")).toString(),
             QStringLiteral("https://guard.example.net:8443"));
    QCOMPARE(m_api->m_settings->ntfyAckMode(), QStringLiteral("reply"));
    QCOMPARE(m_api->m_settings->webPublicUrl(), QUrl(QStringLiteral("https://guard.example.net:8443")));

    // Plain http off this computer, or an unknown mode: refused, nothing saved.
    for (const char *body : {"{\"channels\":{\"publicUrl\":\"http://guard.example.net\"}}",
                             R"({"channels":{"ntfy":{"ackMode":"sometimes"}}})"}) {
        auto refused = m_api->request("PATCH", QStringLiteral("settings"), body);
        QVERIFY(refused);
        QCOMPARE(refused->status, 400);
    }
    QCOMPARE(m_api->m_settings->ntfyAckMode(), QStringLiteral("reply"));
    QCOMPARE(m_api->m_settings->webPublicUrlText(), QStringLiteral("https://guard.example.net:8443"));
}

void ApiSettingsTest::noResponseEverHoldsASecret()
{
    storeAllSecrets();
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("RY.TO"), 0.9).ok());
    QList<std::optional<Web::ApiResponse>> responses{
        m_api->request("GET", QStringLiteral("settings")),
        m_api->request("PATCH", QStringLiteral("settings"), R"({"checkIntervalSeconds":60})"),
        m_api->request("PATCH", QStringLiteral("settings"), R"({"channels":{"discord":{"enabled":true}}})"),
        m_api->request("PATCH", QStringLiteral("settings"), R"({"channels":{"email":{"enabled":true}}})"),
        m_api->request("PUT", QStringLiteral("settings/secrets/ntfy-access-token"),
                       R"({"value":"tk_ntfyTokenNeverShown"})"),
        m_api->request("PUT", QStringLiteral("settings/secrets/discord-webhook-url"),
                       R"({"value":"http://discord.com/api/webhooks/123456/webhookT0kenNeverShown"})"),
        m_api->request("POST", QStringLiteral("settings/channels/email/test")),
        m_api->request("POST", QStringLiteral("settings/channels/discord/test")), // 502: nothing listens
        m_api->request("GET", QStringLiteral("status")),
        m_api->request("GET", QStringLiteral("alerts")),
        m_api->request("GET", QStringLiteral("watchlist")),
    };
    QCOMPARE(responses.at(7)->status, 502);
    for (const auto &response : responses) {
        QVERIFY(response);
        for (const QByteArray &secret :
             {kPassword, kWebhook, QByteArray("webhookT0kenNeverShown"), kTopic, kNtfyToken, kBotToken})
            QVERIFY2(!response->body.contains(secret), response->body.constData());
    }
}

void ApiSettingsTest::patchIsValidatedSavedAndApplied()
{
    QSignalSpy changed(m_api->m_settings.get(), &Settings::changed);
    auto response = m_api->request("PATCH", QStringLiteral("settings"), R"({
        "checkIntervalSeconds": 60, "repeatPolicy": "once-per-breach",
        "quietHours": {"enabled": true, "start": "21:30", "end": "06:45"},
        "channels": {"tray": {"enabled": false},
                     "email": {"provider": "custom", "host": "127.0.0.1", "port": 2525, "security": "none",
                               "from": "bot@example.com", "to": ["me@example.com", "you@example.com"]},
                     "ntfy": {"server": "https://ntfy.example.com"}}})");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(m_api->m_applied, 1); // the running guardian applies them at once
    QVERIFY(!changed.isEmpty());
    const Settings &settings = *m_api->m_settings;
    QCOMPARE(settings.checkInterval(), std::chrono::seconds(60));
    QCOMPARE(settings.repeatPolicy(), RepeatPolicy::OncePerBreach);
    QCOMPARE(settings.quietHoursEnabled(), true);
    QCOMPARE(settings.quietHoursStart(), QTime(21, 30));
    QCOMPARE(settings.quietHoursEnd(), QTime(6, 45));
    QCOMPARE(settings.trayAlertsEnabled(), false);
    QCOMPARE(settings.emailHost(), QStringLiteral("127.0.0.1"));
    QCOMPARE(settings.emailPort(), 2525);
    QCOMPARE(settings.emailTo(), QStringLiteral("me@example.com, you@example.com"));
    QCOMPARE(settings.ntfyServer(), QUrl(QStringLiteral("https://ntfy.example.com")));
    const QJsonObject answered = ApiFixture::body(response);
    QCOMPARE(answered.value(QStringLiteral("checkIntervalSeconds")).toInt(), 60);
    QCOMPARE(
        answered.value(QStringLiteral("quietHours")).toObject().value(QStringLiteral("start")).toString(),
        QStringLiteral("21:30"));
}

void ApiSettingsTest::patchRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{") << QStringLiteral("not valid JSON");
    QTest::newRow("interval too short")
        << QByteArray(R"({"checkIntervalSeconds":4})") << QStringLiteral("5 to 3600");
    QTest::newRow("interval a string")
        << QByteArray(R"({"checkIntervalSeconds":"60"})") << QStringLiteral("whole number");
    QTest::newRow("bad policy") << QByteArray(R"({"repeatPolicy":"hourly"})")
                                << QStringLiteral("once-per-breach");
    QTest::newRow("bad quiet time") << QByteArray(R"({"quietHours":{"start":"25:00"}})")
                                    << QStringLiteral("HH:mm");
    QTest::newRow("quiet not an object") << QByteArray(R"({"quietHours":true})") << QStringLiteral("object");
    QTest::newRow("unknown key") << QByteArray(R"({"interval":60})") << QStringLiteral("interval");
    QTest::newRow("unknown channel") << QByteArray(R"({"channels":{"sms":{}}})") << QStringLiteral("sms");
    QTest::newRow("secret in a patch")
        << QByteArray(R"({"channels":{"email":{"password":"x"}}})") << QStringLiteral("password");
    QTest::newRow("email enabled without a server")
        << QByteArray(
               R"({"checkIntervalSeconds":60,"channels":{"email":{"enabled":true,"provider":"custom"}}})")
        << QStringLiteral("Email");
    QTest::newRow("bad security") << QByteArray(R"({"channels":{"email":{"security":"tls9"}}})")
                                  << QStringLiteral("starttls");
}

void ApiSettingsTest::patchRefusesBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    auto response = m_api->request("PATCH", QStringLiteral("settings"), body);
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    const QString error = ApiFixture::body(response).value(QStringLiteral("error")).toString();
    QVERIFY2(error.contains(message, Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(m_api->m_applied, 0);
    QCOMPARE(m_api->m_settings->checkInterval(), std::chrono::seconds(300)); // nothing saved
    QCOMPARE(m_api->m_settings->emailEnabled(), false);
}

void ApiSettingsTest::putReplacesASecretWithoutEchoingIt()
{
    auto response = m_api->request("PUT", QStringLiteral("settings/secrets/ntfy-topic"),
                                   QByteArray(R"({"value":")") + kTopic + R"("})");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY(!response->body.contains(kTopic));
    QCOMPARE(ApiFixture::body(response)
                 .value(QStringLiteral("channels"))
                 .toObject()
                 .value(QStringLiteral("ntfy"))
                 .toObject()
                 .value(QStringLiteral("topicSet"))
                 .toBool(),
             true);
    QCOMPARE(readSecret(NtfyConfig::topicSecretKey()), kTopic);
    QCOMPARE(m_api->m_applied, 1);

    auto password = m_api->request("PUT", QStringLiteral("settings/secrets/email-password"),
                                   QByteArray(R"({"value":")") + kPassword + R"("})");
    QVERIFY(password);
    QCOMPARE(password->status, 200);
    QCOMPARE(readSecret(EmailConfig::passwordSecretKey()), kPassword);
    QCOMPARE(readSecret(NtfyConfig::topicSecretKey()), kTopic); // the others are kept
}

void ApiSettingsTest::putRefusesBadInput()
{
    auto unknown =
        m_api->request("PUT", QStringLiteral("settings/secrets/questrade-token"), R"({"value":"x"})");
    QVERIFY(unknown);
    QCOMPARE(unknown->status, 404);
    auto noValue = m_api->request("PUT", QStringLiteral("settings/secrets/ntfy-topic"), R"({"value":5})");
    QVERIFY(noValue);
    QCOMPARE(noValue->status, 400);
    auto badJson = m_api->request("PUT", QStringLiteral("settings/secrets/ntfy-topic"), "value");
    QVERIFY(badJson);
    QCOMPARE(badJson->status, 400);
    auto badTopic =
        m_api->request("PUT", QStringLiteral("settings/secrets/ntfy-topic"), R"({"value":"a b/c"})");
    QVERIFY(badTopic);
    QCOMPARE(badTopic->status, 400);
    auto read = m_api->request("GET", QStringLiteral("settings/secrets/ntfy-topic"));
    QVERIFY(read);
    QCOMPARE(read->status, 405); // never read back
    QCOMPARE(m_api->m_applied, 0);
    QVERIFY(readSecret(NtfyConfig::topicSecretKey()).isEmpty());
}

void ApiSettingsTest::sendTestAnswersWhenTheTestIsDone()
{
    WebhookReceiver receiver;
    QVERIFY(receiver.listen());
    m_api->m_settings->setNtfyServer(receiver.url());
    QVERIFY(storeSecret(NtfyConfig::topicSecretKey(), kTopic));

    auto delivered = m_api->request("POST", QStringLiteral("settings/channels/ntfy/test"));
    QVERIFY(delivered);
    QCOMPARE(delivered->status, 200);
    QCOMPARE(ApiFixture::body(delivered).value(QStringLiteral("delivered")).toBool(), true);
    QCOMPARE(receiver.requests().size(), 1);
    QCOMPARE(receiver.requests().constFirst().json().value(QStringLiteral("topic")).toString(),
             QString::fromLatin1(kTopic));

    receiver.enqueue(WebhookReceiver::Reply::json(403, R"({"error":"forbidden"})"));
    auto refused = m_api->request("POST", QStringLiteral("settings/channels/ntfy/test"));
    QVERIFY(refused);
    QCOMPARE(refused->status, 502);
    QVERIFY(!ApiFixture::body(refused).value(QStringLiteral("error")).toString().isEmpty());
    QVERIFY(!refused->body.contains(kTopic));
}

void ApiSettingsTest::sendTestOfAnUnknownOrUnconfiguredChannel()
{
    auto unknown = m_api->request("POST", QStringLiteral("settings/channels/pigeon/test"));
    QVERIFY(unknown);
    QCOMPARE(unknown->status, 404);
    auto unconfigured = m_api->request("POST", QStringLiteral("settings/channels/discord/test"));
    QVERIFY(unconfigured);
    QCOMPARE(unconfigured->status, 400);
    QVERIFY(ApiFixture::body(unconfigured)
                .value(QStringLiteral("error"))
                .toString()
                .contains(QStringLiteral("Discord")));
}

// Telegram like the other channels: enabled and chat id as plain values, the bot token only as "botTokenSet"
// (replaced through PUT, never sent back), and "Send test" through the (fake) Bot API.
void ApiSettingsTest::telegramChatTokenAndSendTest()
{
    test::FakeTelegramBotApi bot(kBotToken);
    QVERIFY(bot.listen());
    m_api->m_settings->setTelegramApiUrl(bot.url());
    auto before = m_api->request("GET", QStringLiteral("settings"));
    QVERIFY(before);
    QJsonObject telegram = ApiFixture::body(before)
                               .value(QStringLiteral("channels"))
                               .toObject()
                               .value(QStringLiteral("telegram"))
                               .toObject();
    QCOMPARE(telegram.value(QStringLiteral("enabled")).toBool(true), false);
    QCOMPARE(telegram.value(QStringLiteral("chatId")).toString(QStringLiteral("?")), QString());
    QCOMPARE(telegram.value(QStringLiteral("botTokenSet")).toBool(true), false);

    auto badToken = m_api->request("PUT", QStringLiteral("settings/secrets/telegram-bot-token"),
                                   R"({"value":"not a token"})");
    QVERIFY(badToken);
    QCOMPARE(badToken->status, 400);
    auto token = m_api->request("PUT", QStringLiteral("settings/secrets/telegram-bot-token"),
                                QByteArray(R"({"value":")") + kBotToken + R"("})");
    QVERIFY(token);
    QCOMPARE(token->status, 200);
    QVERIFY(!token->body.contains(kBotToken));
    QCOMPARE(readSecret(TelegramConfig::botTokenSecretKey()), kBotToken);

    auto badChat = m_api->request("PATCH", QStringLiteral("settings"),
                                  R"({"channels":{"telegram":{"enabled":true,"chatId":"not a chat"}}})");
    QVERIFY(badChat);
    QCOMPARE(badChat->status, 400);
    QVERIFY(!m_api->m_settings->telegramEnabled());
    auto patched = m_api->request("PATCH", QStringLiteral("settings"),
                                  R"({"channels":{"telegram":{"enabled":true,"chatId":"7770017"}}})");
    QVERIFY(patched);
    QCOMPARE(patched->status, 200);
    QVERIFY(!patched->body.contains(kBotToken));
    telegram = ApiFixture::body(patched)
                   .value(QStringLiteral("channels"))
                   .toObject()
                   .value(QStringLiteral("telegram"))
                   .toObject();
    QCOMPARE(telegram.value(QStringLiteral("enabled")).toBool(), true);
    QCOMPARE(telegram.value(QStringLiteral("chatId")).toString(), QStringLiteral("7770017"));
    QCOMPARE(telegram.value(QStringLiteral("botTokenSet")).toBool(), true);
    QVERIFY(m_api->m_settings->telegramEnabled());
    QCOMPARE(m_api->m_settings->telegramChatId(), QStringLiteral("7770017"));

    auto sent = m_api->request("POST", QStringLiteral("settings/channels/telegram/test"));
    QVERIFY(sent);
    QCOMPARE(sent->status, 200);
    QCOMPARE(ApiFixture::body(sent).value(QStringLiteral("delivered")).toBool(), true);
    QCOMPARE(bot.callCount(QStringLiteral("sendMessage")), 1);
    QCOMPARE(bot.calls(QStringLiteral("sendMessage"))
                 .constFirst()
                 .params.value(QStringLiteral("chat_id"))
                 .toInteger(),
             7770017);

    bot.setBlocked(true); // 403 from the Bot API: the test says it failed, without the token
    auto refused = m_api->request("POST", QStringLiteral("settings/channels/telegram/test"));
    QVERIFY(refused);
    QCOMPARE(refused->status, 502);
    QVERIFY(!refused->body.contains(kBotToken));
}

QTEST_GUILESS_MAIN(ApiSettingsTest)
#include "tst_apisettings.moc"
