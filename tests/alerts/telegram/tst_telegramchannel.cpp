#include "WebhookTesting.h"
#include "alerts/telegram/TelegramChannel.h"
#include "fakes/FakeTelegramBotApi.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>

using namespace trailguard;
using namespace trailguard::test;
using namespace std::chrono_literals;
using Outcome = DeliveryResult::Outcome;

namespace {
const QByteArray kToken = QByteArrayLiteral("987654321:TestTokenForTheFakeBotApi_abc-XYZ");
constexpr qint64 kChat = 5550001;
} // namespace

class TestTelegramChannel : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakeTelegramBotApi> m_api;
    QNetworkAccessManager m_network;

    TelegramConfig config() const
    {
        TelegramConfig config;
        config.botToken = kToken;
        config.chatId = QString::number(kChat);
        config.apiUrl = m_api->url();
        return config;
    }

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<FakeTelegramBotApi>(kToken);
        QVERIFY(m_api->listen());
    }
    void cleanup() { m_api.reset(); }

    void deliversABreachWithItsButtons()
    {
        TelegramChannel channel(&m_network, config());
        AlertMessage message = breachMessage();
        message.alertId = 17;
        message.ackCode = QStringLiteral("17-AAAAAAAAAAAAAAAAAAAAAA");
        message.ackUrl = QUrl(QStringLiteral("https://guard.example.com/ack/17-AAAAAAAAAAAAAAAAAAAAAA"));
        const auto result = sendAndWait(channel, message);
        QVERIFY2(result && result->outcome == Outcome::Delivered, describe(result));

        const auto sent = m_api->calls(QStringLiteral("sendMessage"));
        QCOMPARE(sent.size(), 1);
        const QJsonObject params = sent.first().params;
        QCOMPARE(params.value(QLatin1String("chat_id")).toInteger(), kChat);
        QCOMPARE(params.value(QLatin1String("parse_mode")).toString(), QStringLiteral("HTML"));
        const QString text = params.value(QLatin1String("text")).toString();
        QVERIFY2(text.startsWith(QStringLiteral("<b>Stop-loss breach: SHOP.TO 92.10 &lt; stop 95.40")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("<b>Price</b>: 92.10 CAD")));
        const QJsonArray row = params.value(QLatin1String("reply_markup"))
                                   .toObject()
                                   .value(QLatin1String("inline_keyboard"))
                                   .toArray()
                                   .first()
                                   .toArray();
        QCOMPARE(row.size(), 2);
        QCOMPARE(row.at(0).toObject().value(QLatin1String("text")).toString(), QStringLiteral("Acknowledge"));
        QCOMPARE(row.at(0).toObject().value(QLatin1String("callback_data")).toString(),
                 QStringLiteral("ack:17-AAAAAAAAAAAAAAAAAAAAAA"));
        QCOMPARE(row.at(1).toObject().value(QLatin1String("url")).toString(), message.ackUrl.toString());
    }

    void escapesHtmlAndSaysReminder()
    {
        AlertMessage message = breachMessage();
        message.subject = QStringLiteral("<script>&</script>");
        message.text = QStringLiteral("a < b & c > d");
        message.escalationStep = 2;
        const QString text = TelegramChannel::htmlText(message);
        QVERIFY2(text.startsWith(QStringLiteral("<b>&lt;script&gt;&amp;&lt;/script&gt;</b>")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("a &lt; b &amp; c &gt; d")));
        QVERIFY(text.contains(QStringLiteral("reminder 2")));
        QVERIFY(!TelegramChannel::htmlText(breachMessage()).contains(QStringLiteral("reminder")));
    }

    void noButtonsWithoutCodeOrPublicUrl()
    {
        AlertMessage message = breachMessage();
        QVERIFY(!TelegramChannel::payload(message, QJsonValue(1)).contains(QLatin1String("reply_markup")));
        message.ackUrl = QUrl(QStringLiteral("http://127.0.0.1:8080/ack/1-x")); // Telegram refuses such links
        QVERIFY(!TelegramChannel::payload(message, QJsonValue(1)).contains(QLatin1String("reply_markup")));
        message.ackCode = QString(70, QLatin1Char('a')); // beyond callback_data's 64 bytes
        QVERIFY(!TelegramChannel::payload(message, QJsonValue(1)).contains(QLatin1String("reply_markup")));
    }

    void longTextIsCut()
    {
        AlertMessage message = breachMessage();
        message.kind = AlertMessage::Kind::Digest;
        QStringList lines;
        for (int i = 0; i < 400; ++i)
            lines.append(QStringLiteral("Line %1 with <some> text").arg(i));
        message.text = lines.join(QLatin1Char('\n'));
        const QString text = TelegramChannel::htmlText(message);
        QVERIFY(text.size() <= TelegramChannel::kMaxTextLength);
        QVERIFY(text.endsWith(QStringLiteral("\n…")));
    }

    void outcomes_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("reasonPart");
        QTest::addColumn<int>("retryAfter"); // -1: none

        QTest::newRow("ok") << "" << int(Outcome::Delivered) << "" << -1;
        QTest::newRow("429") << "429" << int(Outcome::RetryLater) << "limiting" << 7;
        QTest::newRow("500") << "500" << int(Outcome::RetryLater) << "HTTP 500" << -1;
        QTest::newRow("blocked") << "blocked" << int(Outcome::Failed) << "press Start" << -1;
        QTest::newRow("chat not found") << "nochat" << int(Outcome::Failed) << "check the chat id" << -1;
        QTest::newRow("wrong token") << "token" << int(Outcome::Failed) << "@BotFather" << -1;
        QTest::newRow("server gone") << "closed" << int(Outcome::RetryLater) << "Could not reach" << -1;
    }
    void outcomes()
    {
        QFETCH(QString, fault);
        QFETCH(int, outcome);
        QFETCH(QString, reasonPart);
        QFETCH(int, retryAfter);
        TelegramConfig cfg = config();
        if (fault == QLatin1String("429"))
            m_api->failNext(QStringLiteral("sendMessage"), 429,
                            QStringLiteral("Too Many Requests: retry after 7"), 7);
        else if (fault == QLatin1String("500"))
            m_api->failNext(QStringLiteral("sendMessage"), 500, QStringLiteral("Internal Server Error"));
        else if (fault == QLatin1String("blocked"))
            m_api->setBlocked(true);
        else if (fault == QLatin1String("nochat"))
            m_api->setChatExists(false);
        else if (fault == QLatin1String("token"))
            cfg.botToken = QByteArrayLiteral("987654321:SomeOtherTokenThatIsWrong_000");
        else if (fault == QLatin1String("closed"))
            m_api->close();
        TelegramChannel channel(&m_network, cfg);
        channel.setTimeout(5s);
        LogRecorder log;
        const auto result = sendAndWait(channel, breachMessage());
        QVERIFY(result);
        QCOMPARE(int(result->outcome), outcome);
        QVERIFY2(result->reason.contains(reasonPart), describe(result));
        QCOMPARE(result->retryAfter.has_value(), retryAfter >= 0);
        if (retryAfter >= 0)
            QCOMPARE(result->retryAfter->count(), retryAfter);
        for (const QString &line : log.messages())
            QVERIFY2(!line.contains(QString::fromLatin1(cfg.botToken)), qPrintable(line));
        QVERIFY(!result->reason.contains(QString::fromLatin1(cfg.botToken)));
    }

    void invalidConfigFailsWithoutARequest()
    {
        TelegramConfig cfg = config();
        cfg.chatId.clear();
        TelegramChannel channel(&m_network, cfg);
        const auto result = sendAndWait(channel, breachMessage());
        QVERIFY(result && result->outcome == Outcome::Failed);
        QVERIFY(result->reason.contains(QStringLiteral("chat id")));
        QCOMPARE(m_api->calls().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTelegramChannel)
#include "tst_telegramchannel.moc"
