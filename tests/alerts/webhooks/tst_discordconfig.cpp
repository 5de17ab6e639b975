#include "alerts/webhooks/DiscordConfig.h"

#include <QTest>

using namespace trailguard;

namespace {
const QString kToken = QStringLiteral("Zt9-secret_TOKEN");

QProcessEnvironment environmentWith(const QString &value)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("WEB_HOOK_URL"), value);
    return environment;
}
} // namespace

class TestDiscordConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validate_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("says"); // part of the message when refused

        const QString https = QStringLiteral("https://discord.com/api/webhooks/123456789/") + kToken;
        QTest::newRow("discord.com") << https << true << QString();
        QTest::newRow("trailing slash") << https + QLatin1Char('/') << true << QString();
        QTest::newRow("thread_id query") << https + QStringLiteral("?thread_id=42") << true << QString();
        QTest::newRow("versioned API")
            << QStringLiteral("https://discord.com/api/v10/webhooks/1/") + kToken << true << QString();
        QTest::newRow("discordapp.com")
            << QStringLiteral("https://discordapp.com/api/webhooks/1/") + kToken << true << QString();
        QTest::newRow("ptb.discord.com")
            << QStringLiteral("https://ptb.discord.com/api/webhooks/1/") + kToken << true << QString();
        QTest::newRow("other https host, any path")
            << QStringLiteral("https://relay.example.org/hooks/abc") << true << QString();
        QTest::newRow("loopback http")
            << QStringLiteral("http://127.0.0.1:8080/api/webhooks/1/") + kToken << true << QString();
        QTest::newRow("localhost http") << QStringLiteral("http://localhost/hook") << true << QString();

        QTest::newRow("http example.com") << QStringLiteral("http://example.com/api/webhooks/1/") + kToken
                                          << false << QStringLiteral("https://");
        QTest::newRow("http discord.com") << QStringLiteral("http://discord.com/api/webhooks/1/") + kToken
                                          << false << QStringLiteral("https://");
        QTest::newRow("no token") << QStringLiteral("https://discord.com/api/webhooks/123456789") << false
                                  << QStringLiteral("/api/webhooks/<id>/<token>");
        QTest::newRow("id not a number") << QStringLiteral("https://discord.com/api/webhooks/abc/") + kToken
                                         << false << QStringLiteral("/api/webhooks/<id>/<token>");
        QTest::newRow("channel link, not a webhook")
            << QStringLiteral("https://discord.com/channels/1/2") << false << QStringLiteral("Integrations");
        QTest::newRow("slack-compatible suffix")
            << https + QStringLiteral("/slack") << false << QStringLiteral("/api/webhooks/<id>/<token>");
        QTest::newRow("user info") << QStringLiteral("https://me:pw@discord.com/api/webhooks/1/") + kToken
                                   << false << QStringLiteral("user name or password");
        QTest::newRow("empty") << QString() << false << QStringLiteral("empty");
        QTest::newRow("not a URL") << QStringLiteral("webhook please") << false
                                   << QStringLiteral("not a valid URL");
        QTest::newRow("ftp") << QStringLiteral("ftp://discord.com/api/webhooks/1/") + kToken << false
                             << QStringLiteral("https://");
    }
    void validate()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        QFETCH(QString, says);
        const Status status = DiscordConfig{QUrl(url)}.validate();
        QVERIFY2(status.ok() == accepted, status.ok() ? "accepted" : qPrintable(status.error().message));
        if (!accepted) {
            QCOMPARE(status.error().code, ErrorCode::InvalidSetting);
            QVERIFY2(status.error().message.startsWith(QStringLiteral("The Discord webhook URL ")),
                     qPrintable(status.error().message));
            QVERIFY2(status.error().message.contains(says), qPrintable(status.error().message));
            QVERIFY2(!status.error().message.contains(kToken), "the message quotes the token");
        }
    }

    void redactedUrlHidesTheToken_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("discord") << QStringLiteral("https://discord.com/api/webhooks/123/") + kToken
                                 << QStringLiteral("discord.com/api/webhooks/…");
        QTest::newRow("loopback") << QStringLiteral("http://127.0.0.1:8080/api/webhooks/1/") + kToken
                                  << QStringLiteral("127.0.0.1:8080/api/webhooks/…");
        QTest::newRow("other path") << QStringLiteral("https://relay.example.org/hooks/") + kToken
                                    << QStringLiteral("relay.example.org/…");
        QTest::newRow("none") << QString() << QStringLiteral("(no webhook URL)");
    }
    void redactedUrlHidesTheToken()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        const DiscordConfig config{QUrl(url)};
        QCOMPARE(config.redactedUrl(), expected);
    }

    void tokenIsTheLastSegment()
    {
        QCOMPARE(DiscordConfig{QUrl(QStringLiteral("https://discord.com/api/webhooks/1/") + kToken +
                                    QLatin1Char('/'))}
                     .token(),
                 kToken.toUtf8());
        QVERIFY(DiscordConfig{}.token().isEmpty());
    }

    void environmentUnsetOrBlankMeansNoChannel()
    {
        Result<std::optional<DiscordConfig>> unset = DiscordConfig::fromEnvironment(QProcessEnvironment());
        QVERIFY(unset.ok());
        QVERIFY(!unset.value().has_value());
        Result<std::optional<DiscordConfig>> blank =
            DiscordConfig::fromEnvironment(environmentWith(QStringLiteral("  ")));
        QVERIFY(blank.ok());
        QVERIFY(!blank.value().has_value());
    }

    void environmentGivesTheWebhook()
    {
        const QString url = QStringLiteral("https://discord.com/api/webhooks/42/") + kToken;
        Result<std::optional<DiscordConfig>> config =
            DiscordConfig::fromEnvironment(environmentWith(QLatin1Char(' ') + url + QLatin1Char('\n')));
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        QVERIFY(config.value().has_value());
        QCOMPARE(config.value()->webhookUrl, QUrl(url));
    }

    void environmentErrorNamesTheVariable()
    {
        Result<std::optional<DiscordConfig>> config = DiscordConfig::fromEnvironment(
            environmentWith(QStringLiteral("http://example.com/api/webhooks/42/") + kToken));
        QVERIFY(!config.ok());
        QCOMPARE(config.error().code, ErrorCode::InvalidSetting);
        QVERIFY2(
            config.error().message.startsWith(QStringLiteral("WEB_HOOK_URL: The Discord webhook URL must")),
            qPrintable(config.error().message));
        QVERIFY(!config.error().message.contains(kToken));
    }
};

QTEST_GUILESS_MAIN(TestDiscordConfig)
#include "tst_discordconfig.moc"
