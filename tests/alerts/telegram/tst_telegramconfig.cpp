#include "alerts/ChannelFactory.h"
#include "alerts/telegram/TelegramChannel.h"
#include "alerts/telegram/TelegramConfig.h"
#include "secrets/Redact.h"

#include <QTest>

using namespace trailguard;

namespace {
const QByteArray kToken = QByteArrayLiteral("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");

TelegramConfig validConfig()
{
    TelegramConfig config;
    config.botToken = kToken;
    config.chatId = QStringLiteral("123456789");
    return config;
}
} // namespace

class TestTelegramConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validates_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("chat");
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("problem"); // a part of the message, empty when valid

        QTest::newRow("valid user chat") << kToken << "123456789"
                                         << "https://api.telegram.org"
                                         << "";
        QTest::newRow("valid group") << kToken << "-1001234567890"
                                     << "https://api.telegram.org"
                                     << "";
        QTest::newRow("valid channel") << kToken << "@trailguard_alerts"
                                       << "https://api.telegram.org"
                                       << "";
        QTest::newRow("self-hosted") << kToken << "42"
                                     << "https://bots.example.com/tg"
                                     << "";
        QTest::newRow("loopback http") << kToken << "42"
                                       << "http://127.0.0.1:8081"
                                       << "";
        QTest::newRow("no token") << QByteArray() << "42"
                                  << "https://api.telegram.org"
                                  << "@BotFather";
        QTest::newRow("token without colon")
            << QByteArrayLiteral("123456789AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw") << "42"
            << "https://api.telegram.org"
            << "copy it again";
        QTest::newRow("token with space")
            << QByteArrayLiteral("123456789:AAHdqTcvCH1vGWJx SeofSAs0K5PALDsaw") << "42"
            << "https://api.telegram.org"
            << "copy it again";
        QTest::newRow("no chat") << kToken << ""
                                 << "https://api.telegram.org"
                                 << "chat id is empty";
        QTest::newRow("chat with letters") << kToken << "12ab"
                                           << "https://api.telegram.org"
                                           << "not valid";
        QTest::newRow("channel without @") << kToken << "trailguard"
                                           << "https://api.telegram.org"
                                           << "not valid";
        QTest::newRow("plain http elsewhere") << kToken << "42"
                                              << "http://bots.example.com"
                                              << "https://";
        QTest::newRow("query in api") << kToken << "42"
                                      << "https://api.telegram.org/?x=1"
                                      << "'?'";
    }
    void validates()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, chat);
        QFETCH(QString, api);
        QFETCH(QString, problem);
        TelegramConfig config;
        config.botToken = token;
        config.chatId = chat;
        config.apiUrl = QUrl(api);
        const Status status = config.validate();
        if (problem.isEmpty()) {
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        } else {
            QVERIFY(!status.ok());
            QVERIFY2(status.error().message.contains(problem), qPrintable(status.error().message));
            QVERIFY(!status.error().message.contains(QString::fromLatin1(kToken)));
        }
    }

    void methodUrlHoldsTheTokenAndTargetHidesIt()
    {
        TelegramConfig config = validConfig();
        config.apiUrl = QUrl(QStringLiteral("https://bots.example.com/tg/"));
        QCOMPARE(config.methodUrl(QStringLiteral("getMe")).toString(),
                 QStringLiteral("https://bots.example.com/tg/bot%1/getMe").arg(QString::fromLatin1(kToken)));
        const QString target = config.redactedTarget(QStringLiteral("getMe"));
        QCOMPARE(target, QStringLiteral("bots.example.com/tg/bot12…/getMe"));
        QCOMPARE(config.botId(), QStringLiteral("123456789"));
    }

    void chatIdJsonAndMatching()
    {
        TelegramConfig config = validConfig();
        config.chatId = QStringLiteral("-1001234567890");
        QVERIFY(config.chatIdJson().isDouble());
        QCOMPARE(config.chatIdJson().toInteger(), -1001234567890LL);
        QVERIFY(config.isConfiguredChat(-1001234567890LL, {}));
        QVERIFY(!config.isConfiguredChat(1001234567890LL, {}));
        config.chatId = QStringLiteral("@Trailguard_Alerts");
        QCOMPARE(config.chatIdJson().toString(), QStringLiteral("@Trailguard_Alerts"));
        QVERIFY(config.isConfiguredChat(-100, QStringLiteral("trailguard_alerts")));
        QVERIFY(!config.isConfiguredChat(-100, QStringLiteral("someone_else")));
        QVERIFY(!config.isConfiguredChat(-100, {}));
    }

    void fromEnvironment_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("chat");
        QTest::addColumn<QString>("api");
        QTest::addColumn<bool>("configured");
        QTest::addColumn<QString>("variable"); // named in the error, empty when fine

        QTest::newRow("unset") << ""
                               << ""
                               << "" << false << "";
        QTest::newRow("token and chat") << QString::fromLatin1(kToken) << "42"
                                        << "" << true << "";
        QTest::newRow("fake server") << QString::fromLatin1(kToken) << "42"
                                     << "http://127.0.0.1:9" << true << "";
        QTest::newRow("token only") << QString::fromLatin1(kToken) << ""
                                    << "" << false << "TELEGRAM_CHAT_ID";
        QTest::newRow("chat only") << ""
                                   << "42"
                                   << "" << false << "TELEGRAM_BOT_TOKEN";
        QTest::newRow("bad token") << "nonsense"
                                   << "42"
                                   << "" << false << "TELEGRAM_BOT_TOKEN";
        QTest::newRow("remote http") << QString::fromLatin1(kToken) << "42"
                                     << "http://example.com" << false << "TELEGRAM_API_URL";
    }
    void fromEnvironment()
    {
        QFETCH(QString, token);
        QFETCH(QString, chat);
        QFETCH(QString, api);
        QFETCH(bool, configured);
        QFETCH(QString, variable);
        QProcessEnvironment environment;
        if (!token.isEmpty())
            environment.insert(QStringLiteral("TELEGRAM_BOT_TOKEN"), token);
        if (!chat.isEmpty())
            environment.insert(QStringLiteral("TELEGRAM_CHAT_ID"), chat);
        if (!api.isEmpty())
            environment.insert(QStringLiteral("TELEGRAM_API_URL"), api);
        const auto config = TelegramConfig::fromEnvironment(environment);
        if (!variable.isEmpty()) {
            QVERIFY(!config.ok());
            QVERIFY2(config.error().message.startsWith(variable), qPrintable(config.error().message));
            return;
        }
        QVERIFY(config.ok());
        QCOMPARE(config.value().has_value(), configured);
        if (configured) {
            QCOMPARE(config.value()->chatId, chat);
            QCOMPARE(config.value()->apiUrl, api.isEmpty() ? TelegramConfig::defaultApiUrl() : QUrl(api));
        }
    }

    void channelFactoryAddsTelegramAndRemembersTheToken()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("TELEGRAM_BOT_TOKEN"), QString::fromLatin1(kToken));
        environment.insert(QStringLiteral("TELEGRAM_CHAT_ID"), QStringLiteral("-100200300"));
        SecretRedactor redactor;
        const ChannelSet set = channelsFromEnvironment(environment, nullptr, &redactor);
        QVERIFY(set.problems.isEmpty());
        QCOMPARE(set.channels.size(), size_t(1));
        QCOMPARE(set.channels.front()->id(), QStringLiteral("telegram"));
        QVERIFY(!redactor.redact(QString::fromLatin1(kToken)).contains(QString::fromLatin1(kToken)));

        environment.insert(QStringLiteral("TELEGRAM_CHAT_ID"), QStringLiteral("not a chat"));
        const ChannelSet broken = channelsFromEnvironment(environment, nullptr, nullptr);
        QVERIFY(broken.channels.empty());
        QCOMPARE(broken.problems.size(), 1);
        QVERIFY(broken.problems.first().startsWith(QStringLiteral("TELEGRAM_CHAT_ID")));
    }
};

QTEST_GUILESS_MAIN(TestTelegramConfig)
#include "tst_telegramconfig.moc"
