#include "alerts/webhooks/NtfyConfig.h"

#include <QTest>

using namespace trailguard;

class TestNtfyConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fromTopicOrUrl_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("server"); // empty when refused
        QTest::addColumn<QString>("topic");  // when accepted; else part of the message

        QTest::newRow("topic") << QStringLiteral("trailguard-alerts") << QStringLiteral("https://ntfy.sh")
                               << QStringLiteral("trailguard-alerts");
        QTest::newRow("topic with spaces around")
            << QStringLiteral("  my_topic1 \n") << QStringLiteral("https://ntfy.sh")
            << QStringLiteral("my_topic1");
        QTest::newRow("64 characters") << QString(64, QLatin1Char('a')) << QStringLiteral("https://ntfy.sh")
                                       << QString(64, QLatin1Char('a'));
        QTest::newRow("full URL") << QStringLiteral("https://ntfy.example.com/mytopic")
                                  << QStringLiteral("https://ntfy.example.com") << QStringLiteral("mytopic");
        QTest::newRow("full URL, trailing slash")
            << QStringLiteral("https://ntfy.example.com/mytopic/")
            << QStringLiteral("https://ntfy.example.com") << QStringLiteral("mytopic");
        QTest::newRow("full URL, port")
            << QStringLiteral("https://ntfy.example.com:8443/mytopic")
            << QStringLiteral("https://ntfy.example.com:8443") << QStringLiteral("mytopic");
        QTest::newRow("server under a path")
            << QStringLiteral("https://example.com/ntfy/alerts") << QStringLiteral("https://example.com/ntfy")
            << QStringLiteral("alerts");
        QTest::newRow("ntfy.sh URL") << QStringLiteral("https://ntfy.sh/abc")
                                     << QStringLiteral("https://ntfy.sh") << QStringLiteral("abc");
        QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:8080/t")
                                       << QStringLiteral("http://127.0.0.1:8080") << QStringLiteral("t");

        QTest::newRow("empty") << QString() << QString() << QStringLiteral("is empty");
        QTest::newRow("space in topic")
            << QStringLiteral("my topic") << QString() << QStringLiteral("not a valid ntfy topic");
        QTest::newRow("65 characters")
            << QString(65, QLatin1Char('a')) << QString() << QStringLiteral("not a valid ntfy topic");
        QTest::newRow("non-ASCII topic")
            << QStringLiteral("alertes-été") << QString() << QStringLiteral("not a valid ntfy topic");
        QTest::newRow("URL without scheme") << QStringLiteral("ntfy.sh/mytopic") << QString()
                                            << QStringLiteral("https://ntfy.example.com/mytopic");
        QTest::newRow("http elsewhere")
            << QStringLiteral("http://ntfy.example.com/mytopic") << QString() << QStringLiteral("https://");
        QTest::newRow("no topic in URL")
            << QStringLiteral("https://ntfy.example.com/") << QString() << QStringLiteral("has no topic");
        QTest::newRow("bad topic in URL") << QStringLiteral("https://ntfy.example.com/my%20topic")
                                          << QString() << QStringLiteral("is not valid");
        QTest::newRow("query") << QStringLiteral("https://ntfy.sh/mytopic?auth=abc") << QString()
                               << QStringLiteral("must not contain '?'");
    }
    void fromTopicOrUrl()
    {
        QFETCH(QString, input);
        QFETCH(QString, server);
        QFETCH(QString, topic);
        const Result<NtfyConfig> config = NtfyConfig::fromTopicOrUrl(input);
        if (server.isEmpty()) {
            QVERIFY2(!config.ok(), "accepted");
            QCOMPARE(config.error().code, ErrorCode::InvalidSetting);
            QVERIFY2(config.error().message.contains(topic), qPrintable(config.error().message));
            return;
        }
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        QCOMPARE(config.value().server, QUrl(server));
        QCOMPARE(config.value().topic, topic);
        QVERIFY(config.value().accessToken.isEmpty());
    }

    void urls()
    {
        NtfyConfig config;
        config.topic = QStringLiteral("alerts");
        QCOMPARE(config.server, QUrl(QStringLiteral("https://ntfy.sh")));
        QCOMPARE(config.publishUrl(), QUrl(QStringLiteral("https://ntfy.sh/")));
        QCOMPARE(config.topicUrl(), QUrl(QStringLiteral("https://ntfy.sh/alerts")));
        QCOMPARE(config.redactedUrl(), QStringLiteral("ntfy.sh/al…"));

        config.server = QUrl(QStringLiteral("https://example.com:8443/ntfy/"));
        QCOMPARE(config.publishUrl(), QUrl(QStringLiteral("https://example.com:8443/ntfy/")));
        QCOMPARE(config.topicUrl(), QUrl(QStringLiteral("https://example.com:8443/ntfy/alerts")));
        QCOMPARE(config.redactedUrl(), QStringLiteral("example.com:8443/ntfy/al…"));
    }

    void validate_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("says"); // empty when valid
        QTest::newRow("default server")
            << QStringLiteral("https://ntfy.sh") << QStringLiteral("t") << QByteArray() << QString();
        QTest::newRow("token") << QStringLiteral("https://ntfy.sh") << QStringLiteral("t")
                               << QByteArray("tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2") << QString();
        QTest::newRow("empty topic") << QStringLiteral("https://ntfy.sh") << QString() << QByteArray()
                                     << QStringLiteral("topic is empty");
        QTest::newRow("bad topic") << QStringLiteral("https://ntfy.sh") << QStringLiteral("a/b")
                                   << QByteArray() << QStringLiteral("\"a/b\" is not valid");
        QTest::newRow("http server") << QStringLiteral("http://ntfy.sh") << QStringLiteral("t")
                                     << QByteArray()
                                     << QStringLiteral("The ntfy server URL must start with https://");
        QTest::newRow("server with query") << QStringLiteral("https://ntfy.sh/?x=1") << QStringLiteral("t")
                                           << QByteArray() << QStringLiteral("'?'");
        QTest::newRow("no server") << QString() << QStringLiteral("t") << QByteArray()
                                   << QStringLiteral("The ntfy server URL is empty");
        QTest::newRow("token with a line break")
            << QStringLiteral("https://ntfy.sh") << QStringLiteral("t") << QByteArray("tk_abc\r\nX-Evil: 1")
            << QStringLiteral("access token");
        QTest::newRow("token with a space") << QStringLiteral("https://ntfy.sh") << QStringLiteral("t")
                                            << QByteArray("tk abc") << QStringLiteral("access token");
    }
    void validate()
    {
        QFETCH(QString, server);
        QFETCH(QString, topic);
        QFETCH(QByteArray, token);
        QFETCH(QString, says);
        NtfyConfig config;
        config.server = QUrl(server);
        config.topic = topic;
        config.accessToken = token;
        const Status status = config.validate();
        QVERIFY2(status.ok() == says.isEmpty(),
                 status.ok() ? "accepted" : qPrintable(status.error().message));
        if (!status.ok()) {
            QCOMPARE(status.error().code, ErrorCode::InvalidSetting);
            QVERIFY2(status.error().message.contains(says), qPrintable(status.error().message));
            if (!token.isEmpty())
                QVERIFY(!status.error().message.contains(QString::fromUtf8(token)));
        }
    }

    void environment_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("configured");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("topic");
        QTest::newRow("unset") << QString() << QString() << false << QString() << QString();
        QTest::newRow("blank") << QStringLiteral("  ") << QStringLiteral("tk_x") << false << QString()
                               << QString();
        QTest::newRow("topic") << QStringLiteral("mytopic") << QString() << true
                               << QStringLiteral("https://ntfy.sh") << QStringLiteral("mytopic");
        QTest::newRow("full URL and token")
            << QStringLiteral("https://ntfy.example.com/mytopic") << QStringLiteral("tk_secret123") << true
            << QStringLiteral("https://ntfy.example.com") << QStringLiteral("mytopic");
    }
    void environment()
    {
        QFETCH(QString, channel);
        QFETCH(QString, token);
        QFETCH(bool, configured);
        QFETCH(QString, server);
        QFETCH(QString, topic);
        QProcessEnvironment environment;
        if (!channel.isNull())
            environment.insert(QStringLiteral("NTFY_CHANNEL"), channel);
        if (!token.isNull())
            environment.insert(QStringLiteral("NTFY_TOKEN"), token);
        const Result<std::optional<NtfyConfig>> config = NtfyConfig::fromEnvironment(environment);
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        QCOMPARE(config.value().has_value(), configured);
        if (configured) {
            QCOMPARE(config.value()->server, QUrl(server));
            QCOMPARE(config.value()->topic, topic);
            QCOMPARE(config.value()->accessToken, token.toUtf8());
        }
    }

    void environmentErrorsNameTheVariable()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("NTFY_CHANNEL"), QStringLiteral("not/a topic"));
        Result<std::optional<NtfyConfig>> config = NtfyConfig::fromEnvironment(environment);
        QVERIFY(!config.ok());
        QVERIFY2(config.error().message.startsWith(QStringLiteral("NTFY_CHANNEL: ")),
                 qPrintable(config.error().message));

        environment.insert(QStringLiteral("NTFY_CHANNEL"), QStringLiteral("mytopic"));
        environment.insert(QStringLiteral("NTFY_TOKEN"), QStringLiteral("tk secret"));
        config = NtfyConfig::fromEnvironment(environment);
        QVERIFY(!config.ok());
        QVERIFY2(config.error().message.startsWith(QStringLiteral("NTFY_TOKEN: ")),
                 qPrintable(config.error().message));
        QVERIFY(!config.error().message.contains(QStringLiteral("tk secret")));
    }

    void ackModeFromTheEnvironment()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("NTFY_CHANNEL"), QStringLiteral("mytopic"));
        QCOMPARE(NtfyConfig::fromEnvironment(environment).value()->ackMode, NtfyConfig::AckMode::Automatic);
        environment.insert(QStringLiteral("NTFY_ACK_MODE"), QStringLiteral(" Dashboard "));
        QCOMPARE(NtfyConfig::fromEnvironment(environment).value()->ackMode, NtfyConfig::AckMode::Dashboard);
        environment.insert(QStringLiteral("NTFY_ACK_MODE"), QStringLiteral("off"));
        QCOMPARE(NtfyConfig::fromEnvironment(environment).value()->ackMode, NtfyConfig::AckMode::Off);
        environment.insert(QStringLiteral("NTFY_ACK_MODE"), QStringLiteral("sometimes"));
        const Result<std::optional<NtfyConfig>> config = NtfyConfig::fromEnvironment(environment);
        QVERIFY(!config.ok());
        QVERIFY2(config.error().message.startsWith(QStringLiteral("NTFY_ACK_MODE: ")),
                 qPrintable(config.error().message));
    }

    void effectiveAckMode()
    {
        NtfyConfig config;
        QCOMPARE(config.effectiveAckMode(), NtfyConfig::AckMode::Reply); // automatic, no dashboard
        config.dashboardUrl = QUrl(QStringLiteral("https://guard.example.net"));
        QCOMPARE(config.effectiveAckMode(), NtfyConfig::AckMode::Dashboard);
        config.ackMode = NtfyConfig::AckMode::Reply;
        QCOMPARE(config.effectiveAckMode(), NtfyConfig::AckMode::Reply);
        config.ackMode = NtfyConfig::AckMode::Off;
        QCOMPARE(config.effectiveAckMode(), NtfyConfig::AckMode::Off);
        config.ackMode = NtfyConfig::AckMode::Dashboard;
        config.dashboardUrl = QUrl();
        QCOMPARE(config.effectiveAckMode(), NtfyConfig::AckMode::Reply);
        for (const auto mode : {NtfyConfig::AckMode::Automatic, NtfyConfig::AckMode::Dashboard,
                                NtfyConfig::AckMode::Reply, NtfyConfig::AckMode::Off})
            QCOMPARE(NtfyConfig::parseAckMode(NtfyConfig::ackModeName(mode)), std::optional(mode));
    }
};

QTEST_GUILESS_MAIN(TestNtfyConfig)
#include "tst_ntfyconfig.moc"
