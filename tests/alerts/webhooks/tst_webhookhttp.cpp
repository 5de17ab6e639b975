#include "TrailguardVersion.h"
#include "WebhookTesting.h"
#include "alerts/webhooks/WebhookHttp.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace trailguard;
using namespace std::chrono_literals;

using OptionalSeconds = std::optional<std::chrono::seconds>;
Q_DECLARE_METATYPE(OptionalSeconds)

class TestWebhookHttp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void requestCarriesTheHeaders()
    {
        const QNetworkRequest request = WebhookHttp::makePostRequest(
            QUrl(QStringLiteral("https://a.example/hook")), QByteArrayLiteral("application/json"), 1500ms);
        QCOMPARE(request.header(QNetworkRequest::ContentTypeHeader).toByteArray(),
                 QByteArray("application/json"));
        QCOMPARE(request.header(QNetworkRequest::UserAgentHeader).toByteArray(),
                 QByteArray("Trailguard/" TRAILGUARD_VERSION " (+https://github.com/trailguard/trailguard)"));
        QCOMPARE(request.rawHeader("Accept"), QByteArray("application/json"));
        QCOMPARE(request.transferTimeout(), 1500);
        QCOMPARE(request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
                 int(QNetworkRequest::ManualRedirectPolicy));
    }

    void validateUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << QStringLiteral("https://hooks.example.com/x") << true;
        QTest::newRow("HTTPS upper case") << QStringLiteral("HTTPS://hooks.example.com/x") << true;
        QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:8080/x") << true;
        QTest::newRow("http 127.3.2.1") << QStringLiteral("http://127.3.2.1/x") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:8080/x") << true;
        QTest::newRow("http ::1") << QStringLiteral("http://[::1]:8080/x") << true;
        QTest::newRow("http elsewhere") << QStringLiteral("http://example.com/x") << false;
        QTest::newRow("http LAN") << QStringLiteral("http://192.168.1.20/x") << false;
        QTest::newRow("http localhost lookalike")
            << QStringLiteral("http://localhost.evil.example/x") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/x") << false;
        QTest::newRow("user info") << QStringLiteral("https://me:secret@hooks.example.com/x") << false;
        QTest::newRow("no host") << QStringLiteral("https://") << false;
        QTest::newRow("no scheme") << QStringLiteral("hooks.example.com/x") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void validateUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        const Status status = WebhookHttp::validateUrl(QUrl(url), QStringLiteral("The test URL"));
        QCOMPARE(status.ok(), accepted);
        if (!accepted) {
            QCOMPARE(status.error().code, ErrorCode::InvalidSetting);
            QVERIFY2(status.error().message.startsWith(QStringLiteral("The test URL ")),
                     qPrintable(status.error().message));
            QVERIFY2(!status.error().message.contains(QStringLiteral("secret")),
                     qPrintable(status.error().message));
        }
    }

    void validateUrlSaysWhatIsWrong()
    {
        const QString what = QStringLiteral("The test URL");
        QVERIFY(WebhookHttp::validateUrl(QUrl(), what).error().message.contains(QStringLiteral("empty")));
        QVERIFY(WebhookHttp::validateUrl(QUrl(QStringLiteral("http://example.com/x")), what)
                    .error()
                    .message.contains(QStringLiteral("https://")));
        QVERIFY(WebhookHttp::validateUrl(QUrl(QStringLiteral("https://a:b@example.com/x")), what)
                    .error()
                    .message.contains(QStringLiteral("user name or password")));
    }

    void parseRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<OptionalSeconds>("expected");
        QTest::newRow("seconds") << QByteArray("2") << OptionalSeconds(2s);
        QTest::newRow("zero") << QByteArray("0") << OptionalSeconds(0s);
        QTest::newRow("fraction rounds up") << QByteArray("1.5") << OptionalSeconds(2s);
        QTest::newRow("tiny fraction rounds up") << QByteArray("0.001") << OptionalSeconds(1s);
        QTest::newRow("spaces") << QByteArray(" 3 ") << OptionalSeconds(3s);
        QTest::newRow("absent") << QByteArray() << OptionalSeconds();
        QTest::newRow("garbage") << QByteArray("soon") << OptionalSeconds();
        QTest::newRow("negative") << QByteArray("-5") << OptionalSeconds();
        QTest::newRow("absurd") << QByteArray("99999999") << OptionalSeconds();
        QTest::newRow("date, 90 s ahead")
            << QByteArray("Mon, 09 Mar 2026 19:31:30 GMT") << OptionalSeconds(90s);
        QTest::newRow("date, past") << QByteArray("Mon, 09 Mar 2026 19:00:00 GMT") << OptionalSeconds(0s);
        QTest::newRow("date, bad") << QByteArray("Mon, 39 Mar 2026 19:31:30 GMT") << OptionalSeconds();
    }
    void parseRetryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(OptionalSeconds, expected);
        const QDateTime now(QDate(2026, 3, 9), QTime(19, 30), QTimeZone::utc());
        const OptionalSeconds actual = WebhookHttp::parseRetryAfter(header, now);
        QCOMPARE(actual.has_value(), expected.has_value());
        if (expected)
            QCOMPARE(actual->count(), expected->count());
    }

    void secondsRoundedUp()
    {
        QCOMPARE(WebhookHttp::secondsRoundedUp(1.5)->count(), 2);
        QCOMPARE(WebhookHttp::secondsRoundedUp(2.0)->count(), 2);
        QCOMPARE(WebhookHttp::secondsRoundedUp(0.0)->count(), 0);
        QVERIFY(!WebhookHttp::secondsRoundedUp(-0.5));
        QVERIFY(!WebhookHttp::secondsRoundedUp(std::numeric_limits<double>::quiet_NaN()));
        QVERIFY(!WebhookHttp::secondsRoundedUp(std::numeric_limits<double>::infinity()));
    }

    void truncated_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short") << QStringLiteral("abc") << 5 << QStringLiteral("abc");
        QTest::newRow("exact") << QStringLiteral("abcde") << 5 << QStringLiteral("abcde");
        QTest::newRow("long") << QStringLiteral("abcdefgh") << 5 << QStringLiteral("abcd…");
        QTest::newRow("zero") << QStringLiteral("abc") << 0 << QString();
        QTest::newRow("one") << QStringLiteral("abc") << 1 << QStringLiteral("…");
        // "ab😀cd": the cut would fall inside the emoji's surrogate pair, so the emoji goes whole.
        QTest::newRow("surrogate pair") << QStringLiteral("ab😀cd") << 4 << QStringLiteral("ab…");
        QTest::newRow("surrogate pair kept") << QStringLiteral("ab😀cd") << 5 << QStringLiteral("ab😀…");
    }
    void truncated()
    {
        QFETCH(QString, text);
        QFETCH(int, maxLength);
        QFETCH(QString, expected);
        const QString actual = WebhookHttp::truncated(text, maxLength);
        QCOMPARE(actual, expected);
        QVERIFY(actual.size() <= maxLength);
        QVERIFY(actual.isEmpty() || !actual.back().isHighSurrogate());
    }

    void truncatedUtf8_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("maxBytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fits") << QStringLiteral("été") << 5 << QStringLiteral("été");
        QTest::newRow("ascii cut") << QStringLiteral("abcdefgh") << 6 << QStringLiteral("abc…");
        // 8 bytes into 6: 3 are left before the 3-byte "…", and the third is half of the second "é".
        QTest::newRow("two-byte char not split") << QStringLiteral("éééé") << 6 << QStringLiteral("é…");
        QTest::newRow("emoji not split") << QStringLiteral("a📉📉") << 7 << QStringLiteral("a…");
        QTest::newRow("too small") << QStringLiteral("abcdef") << 2 << QString();
    }
    void truncatedUtf8()
    {
        QFETCH(QString, text);
        QFETCH(int, maxBytes);
        QFETCH(QString, expected);
        const QString actual = WebhookHttp::truncatedUtf8(text, maxBytes);
        QCOMPARE(actual, expected);
        QVERIFY(actual.toUtf8().size() <= maxBytes);
    }

    void serverTextIsOneSafeLine()
    {
        QCOMPARE(WebhookHttp::serverText(QStringLiteral("  Invalid\r\nWebhook\tToken\x01 ")),
                 QStringLiteral("Invalid Webhook Token"));
        const QString long_ = WebhookHttp::serverText(QString(1000, QLatin1Char('x')));
        QCOMPARE(long_.size(), 300);
        QVERIFY(long_.endsWith(QStringLiteral("…")));
    }

    void unreachableIsAlwaysRetryLater_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<bool>("timedOut");
        QTest::addColumn<QString>("says");
        QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError) << false
                                 << QStringLiteral("connection was refused");
        QTest::newRow("host not found")
            << int(QNetworkReply::HostNotFoundError) << false << QStringLiteral("could not be found");
        QTest::newRow("timeout") << int(QNetworkReply::OperationCanceledError) << true
                                 << QStringLiteral("no answer within 3 s");
        QTest::newRow("tls") << int(QNetworkReply::SslHandshakeFailedError) << false
                             << QStringLiteral("secure connection failed (certificate expired)");
        QTest::newRow("other") << int(QNetworkReply::UnknownNetworkError) << false
                               << QStringLiteral("certificate expired");
    }
    void unreachableIsAlwaysRetryLater()
    {
        QFETCH(int, error);
        QFETCH(bool, timedOut);
        QFETCH(QString, says);
        WebhookHttp::Response response;
        response.error = QNetworkReply::NetworkError(error);
        response.timedOut = timedOut;
        response.errorText = QStringLiteral("certificate expired");
        const DeliveryResult result = WebhookHttp::unreachable(QStringLiteral("Discord"), response, 2500ms);
        QCOMPARE(result.outcome, DeliveryResult::Outcome::RetryLater);
        QVERIFY(!result.retryAfter);
        QVERIFY2(result.reason.startsWith(QStringLiteral("Could not reach Discord: ")),
                 qPrintable(result.reason));
        QVERIFY2(result.reason.contains(says), qPrintable(result.reason));
    }
};

QTEST_GUILESS_MAIN(TestWebhookHttp)
#include "tst_webhookhttp.moc"
