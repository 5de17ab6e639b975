#include "TrailguardVersion.h"
#include "broker/QuestradeHttp.h"

#include <QTest>

using namespace trailguard;

class TestQuestradeHttp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void userAgentNamesTrailguardAndItsVersion()
    {
        const QByteArray agent = QuestradeHttp::userAgent();
        QVERIFY(agent.startsWith("Trailguard/" TRAILGUARD_VERSION " "));
        QVERIFY(agent.contains("https://github.com/trailguard/trailguard"));
    }

    void requestCarriesTheHeaders()
    {
        const QNetworkRequest request = QuestradeHttp::makeRequest(
            QUrl(QStringLiteral("https://a.example/v1/time")), std::chrono::milliseconds(1500));
        QCOMPARE(request.rawHeader("Accept"), QByteArray("application/json"));
        QCOMPARE(request.header(QNetworkRequest::UserAgentHeader).toByteArray(), QuestradeHttp::userAgent());
        QCOMPARE(request.transferTimeout(), 1500);
    }

    void validateEndpoint_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << QStringLiteral("https://login.questrade.com") << true;
        QTest::newRow("https, own host") << QStringLiteral("https://questrade.example.org:8443/") << true;
        QTest::newRow("http loopback v4") << QStringLiteral("http://127.0.0.1:8080") << true;
        QTest::newRow("http loopback v4, other") << QStringLiteral("http://127.0.0.2:8080") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:8080") << true;
        QTest::newRow("http loopback v6") << QStringLiteral("http://[::1]:8080") << true;
        QTest::newRow("http elsewhere") << QStringLiteral("http://login.questrade.com") << false;
        QTest::newRow("http LAN") << QStringLiteral("http://192.168.1.10:8080") << false;
        QTest::newRow("http localhost lookalike") << QStringLiteral("http://localhost.evil.example") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << false;
        QTest::newRow("no host") << QStringLiteral("https://") << false;
        QTest::newRow("garbage") << QStringLiteral("not a url") << false;
    }
    void validateEndpoint()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        const Result<QUrl> result =
            QuestradeHttp::validateEndpoint(QUrl(url), QStringLiteral("The login URL"));
        QCOMPARE(result.ok(), accepted);
        if (!accepted) {
            QCOMPARE(result.error().code, ErrorCode::InvalidSetting);
            QVERIFY(result.error().message.contains(QStringLiteral("The login URL")));
        }
    }

    void loginUrl()
    {
        QCOMPARE(QuestradeHttp::loginUrl(BrokerEnvironment::Live, {}).value(),
                 QUrl(QStringLiteral("https://login.questrade.com")));
        QCOMPARE(QuestradeHttp::loginUrl(BrokerEnvironment::Practice, {}).value(),
                 QUrl(QStringLiteral("https://practicelogin.questrade.com")));
        QCOMPARE(
            QuestradeHttp::loginUrl(BrokerEnvironment::Live, QStringLiteral(" http://127.0.0.1:9 ")).value(),
            QUrl(QStringLiteral("http://127.0.0.1:9")));
        const Result<QUrl> refused =
            QuestradeHttp::loginUrl(BrokerEnvironment::Live, QStringLiteral("http://example.com"));
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("TRAILGUARD_LOGIN_URL")));
        QVERIFY(refused.error().message.contains(QStringLiteral("https://")));
    }

    void tokenRequestUrlEncodesTheToken()
    {
        const QUrl url = QuestradeHttp::tokenRequestUrl(QUrl(QStringLiteral("https://login.questrade.com/")),
                                                        "a+b/c=d&e f%");
        QCOMPARE(url.toEncoded(),
                 QByteArray("https://login.questrade.com/oauth2/token?grant_type=refresh_token&refresh_token="
                            "a%2Bb%2Fc%3Dd%26e%20f%25"));
    }

    void apiUrlJoinsOnce_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("documented") << QStringLiteral("https://api01.iq.questrade.com/")
                                    << QStringLiteral("v1/time") << QString()
                                    << QByteArray("https://api01.iq.questrade.com/v1/time");
        QTest::newRow("no trailing slash")
            << QStringLiteral("https://api01.iq.questrade.com") << QStringLiteral("v1/time") << QString()
            << QByteArray("https://api01.iq.questrade.com/v1/time");
        QTest::newRow("leading slash")
            << QStringLiteral("https://api01.iq.questrade.com/") << QStringLiteral("/v1/markets/quotes")
            << QStringLiteral("ids=1,2,3")
            << QByteArray("https://api01.iq.questrade.com/v1/markets/quotes?ids=1,2,3");
        QTest::newRow("port and loopback")
            << QStringLiteral("http://127.0.0.1:4242/") << QStringLiteral("v1/markets") << QString()
            << QByteArray("http://127.0.0.1:4242/v1/markets");
    }
    void apiUrlJoinsOnce()
    {
        QFETCH(QString, server);
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(QByteArray, expected);
        QCOMPARE(QuestradeHttp::apiUrl(QUrl(server), path, query).toEncoded(), expected);
    }

    void withoutQueriesHidesTokensInErrorTexts()
    {
        const QString text =
            QStringLiteral("Error transferring http://127.0.0.1:1/oauth2/token?grant_type=refresh_token"
                           "&refresh_token=SECRET123 - server replied: Bad Request");
        const QString cleaned = QuestradeHttp::withoutQueries(text);
        QVERIFY(!cleaned.contains(QStringLiteral("SECRET123")));
        QVERIFY(cleaned.contains(QStringLiteral("server replied: Bad Request")));
    }
};

QTEST_GUILESS_MAIN(TestQuestradeHttp)
#include "tst_questradehttp.moc"
