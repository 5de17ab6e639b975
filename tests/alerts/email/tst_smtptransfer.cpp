// SmtpTransfer without a network: how each libcurl result and SMTP reply is classified, and the URL.
// tst_emailchannel checks the same paths against real servers.

#include "alerts/email/SmtpTransfer.h"

#include <QTest>

#include <curl/curl.h>

using namespace trailguard;

Q_DECLARE_METATYPE(trailguard::DeliveryResult::Outcome)

namespace {

EmailConfig config()
{
    EmailConfig config = EmailConfig::preset(EmailConfig::Preset::Gmail);
    config.user = QStringLiteral("bot@gmail.com");
    config.password = QByteArrayLiteral("hunter2-app-password");
    config.from = QStringLiteral("bot@gmail.com");
    config.to = {QStringLiteral("me@example.com")};
    return config;
}

} // namespace

class TestSmtpTransfer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void serverUrl_data();
    void serverUrl();
};

void TestSmtpTransfer::classify_data()
{
    QTest::addColumn<int>("curlCode");
    QTest::addColumn<int>("responseCode");
    QTest::addColumn<QString>("serverReply");
    QTest::addColumn<QString>("curlError");
    QTest::addColumn<DeliveryResult::Outcome>("outcome");
    QTest::addColumn<QString>("reason"); // a part of it

    using O = DeliveryResult::Outcome;
    QTest::newRow("delivered") << int(CURLE_OK) << 250 << QStringLiteral("250 2.0.0 OK queued") << QString()
                               << O::Delivered << QString();

    // SMTP replies: 4xx later, 5xx never without the user.
    QTest::newRow("421 service not available")
        << int(CURLE_WEIRD_SERVER_REPLY) << 421
        << QStringLiteral("421 4.7.0 Try again later, closing connection")
        << QStringLiteral("Got unexpected smtp-server response: 421") << O::RetryLater
        << QStringLiteral("asked to try again later (421 4.7.0 Try again later, closing connection)");
    QTest::newRow("450 mailbox busy")
        << int(CURLE_SEND_ERROR) << 450 << QStringLiteral("450 4.2.1 Mailbox busy")
        << QStringLiteral("RCPT failed: 450") << O::RetryLater << QStringLiteral("450 4.2.1 Mailbox busy");
    QTest::newRow("451 local error") << int(CURLE_SEND_ERROR) << 451
                                     << QStringLiteral("451 4.3.0 Local error")
                                     << QStringLiteral("MAIL failed: 451") << O::RetryLater
                                     << QStringLiteral("451 4.3.0 Local error");
    QTest::newRow("452 storage") << int(CURLE_SEND_ERROR) << 452
                                 << QStringLiteral("452 4.3.1 Insufficient storage")
                                 << QStringLiteral("DATA failed: 452") << O::RetryLater
                                 << QStringLiteral("452 4.3.1 Insufficient storage");
    QTest::newRow("454 temporary auth failure")
        << int(CURLE_LOGIN_DENIED) << 454 << QStringLiteral("454 4.7.0 Temporary authentication failure")
        << QStringLiteral("Authentication failed: 454") << O::RetryLater
        << QStringLiteral("could not check the login for now (454 4.7.0 Temporary authentication failure)");
    QTest::newRow("535 login refused")
        << int(CURLE_LOGIN_DENIED) << 535 << QStringLiteral("535 5.7.8 Username and Password not accepted")
        << QStringLiteral("Authentication failed: 535") << O::Failed
        << QStringLiteral("The SMTP server refused the login (535 5.7.8 Username and Password not accepted): "
                          "check the user and the app password.");
    QTest::newRow("550 bad recipient")
        << int(CURLE_SEND_ERROR) << 550 << QStringLiteral("550 5.1.1 The email account does not exist")
        << QStringLiteral("RCPT failed: 550") << O::Failed
        << QStringLiteral("refused a recipient (550 5.1.1 The email account does not exist): check the To");
    QTest::newRow("553 bad sender") << int(CURLE_SEND_ERROR) << 553
                                    << QStringLiteral("553 5.7.1 Sender address rejected")
                                    << QStringLiteral("MAIL failed: 553") << O::Failed
                                    << QStringLiteral(
                                           "refused the sender (553 5.7.1 Sender address rejected)");
    QTest::newRow("530 login required")
        << int(CURLE_SEND_ERROR) << 530 << QStringLiteral("530 5.7.0 Authentication required")
        << QStringLiteral("MAIL failed: 530") << O::Failed << QStringLiteral("requires a login (530 5.7.0");
    QTest::newRow("554 after data") << int(CURLE_WEIRD_SERVER_REPLY) << 554
                                    << QStringLiteral("554 5.7.1 Message rejected as spam") << QString()
                                    << O::Failed
                                    << QStringLiteral(
                                           "refused the message (554 5.7.1 Message rejected as spam)");
    QTest::newRow("STARTTLS refused")
        << int(CURLE_USE_SSL_FAILED) << 502 << QStringLiteral("502 5.5.1 Command not implemented")
        << QStringLiteral("STARTTLS denied, code 502") << O::Failed
        << QStringLiteral("does not offer STARTTLS (502 5.5.1");
    QTest::newRow("reply without text") << int(CURLE_SEND_ERROR) << 552 << QString() << QString() << O::Failed
                                        << QStringLiteral("refused the message (552)");

    // No SMTP reply: the network and TLS.
    QTest::newRow("connection refused")
        << int(CURLE_COULDNT_CONNECT) << 0 << QString()
        << QStringLiteral("Failed to connect to smtp.gmail.com port 587") << O::RetryLater
        << QStringLiteral("Could not connect to the SMTP server "
                          "smtp.gmail.com:587");
    QTest::newRow("host not found") << int(CURLE_COULDNT_RESOLVE_HOST) << 0 << QString()
                                    << QStringLiteral("Could not resolve host: smtp.gmail.com")
                                    << O::RetryLater
                                    << QStringLiteral("Could not find the SMTP server smtp.gmail.com");
    QTest::newRow("timeout") << int(CURLE_OPERATION_TIMEDOUT) << 0 << QString()
                             << QStringLiteral("Connection timed out after 15001 milliseconds")
                             << O::RetryLater
                             << QStringLiteral("did not answer in time (Connection timed out");
    QTest::newRow("connection reset") << int(CURLE_RECV_ERROR) << 250 << QStringLiteral("250 OK")
                                      << QStringLiteral("Recv failure: Connection reset by peer")
                                      << O::RetryLater << QStringLiteral("broke off (Recv failure");
    QTest::newRow("nothing received") << int(CURLE_GOT_NOTHING) << 0 << QString() << QString()
                                      << O::RetryLater << QStringLiteral("broke off");
    QTest::newRow("TLS handshake failed")
        << int(CURLE_SSL_CONNECT_ERROR) << 0 << QString()
        << QStringLiteral("error:0A00010B:SSL routines::wrong version number") << O::RetryLater
        << QStringLiteral("check the security setting");
    QTest::newRow("certificate not trusted")
        << int(CURLE_PEER_FAILED_VERIFICATION) << 220 << QStringLiteral("220 Ready to start TLS")
        << QStringLiteral("SSL certificate problem: unable to get local issuer certificate") << O::Failed
        << QStringLiteral("presented a certificate that cannot be trusted (SSL certificate problem");
    QTest::newRow("CA file unusable")
        << int(CURLE_SSL_CACERT_BADFILE) << 0 << QString() << QStringLiteral("error setting certificate file")
        << O::Failed << QStringLiteral("The CA certificate file");
    QTest::newRow("no STARTTLS offered") << int(CURLE_USE_SSL_FAILED) << 250 << QStringLiteral("250 HELP")
                                         << QStringLiteral("STARTTLS not supported.") << O::Failed
                                         << QStringLiteral("does not offer STARTTLS");
    QTest::newRow("no common auth mechanism")
        << int(CURLE_LOGIN_DENIED) << 250 << QStringLiteral("250 AUTH CRAM-MD5")
        << QStringLiteral("No known authentication mechanisms supported!") << O::Failed
        << QStringLiteral("refused the login (No known authentication mechanisms supported!)");
    QTest::newRow("not an SMTP server") << int(CURLE_WEIRD_SERVER_REPLY) << 0 << QString()
                                        << QStringLiteral("Got unexpected smtp-server response: 0")
                                        << O::Failed << QStringLiteral("did not answer like an SMTP server");
    QTest::newRow("unknown error") << int(CURLE_HTTP2) << 0 << QString() << QString() << O::RetryLater
                                   << QStringLiteral("Sending to the SMTP server smtp.gmail.com:587 failed");
    QTest::newRow("cancelled") << int(CURLE_ABORTED_BY_CALLBACK) << 0 << QString() << QString()
                               << O::RetryLater << QStringLiteral("shutting down");
}

void TestSmtpTransfer::classify()
{
    QFETCH(int, curlCode);
    QFETCH(int, responseCode);
    QFETCH(QString, serverReply);
    QFETCH(QString, curlError);
    QFETCH(DeliveryResult::Outcome, outcome);
    QFETCH(QString, reason);

    const DeliveryResult result =
        SmtpTransfer::classify({curlCode, responseCode, serverReply, curlError}, config());
    QCOMPARE(result.outcome, outcome);
    if (outcome == DeliveryResult::Outcome::Delivered)
        QVERIFY(result.reason.isEmpty());
    else
        QVERIFY2(result.reason.contains(reason), qPrintable(result.reason));
    QVERIFY(!result.retryAfter.has_value());
}

void TestSmtpTransfer::serverUrl_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<EmailConfig::Security>("security");
    QTest::addColumn<QString>("url");

    QTest::newRow("starttls") << QStringLiteral("smtp.gmail.com") << 587 << EmailConfig::Security::StartTls
                              << QStringLiteral("smtp://smtp.gmail.com:587");
    QTest::newRow("ssl") << QStringLiteral("smtp.example.com") << 465 << EmailConfig::Security::SslTls
                         << QStringLiteral("smtps://smtp.example.com:465");
    QTest::newRow("none") << QStringLiteral("127.0.0.1") << 2525 << EmailConfig::Security::None
                          << QStringLiteral("smtp://127.0.0.1:2525");
    QTest::newRow("IPv6") << QStringLiteral("::1") << 25 << EmailConfig::Security::None
                          << QStringLiteral("smtp://[::1]:25");
}

void TestSmtpTransfer::serverUrl()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(EmailConfig::Security, security);
    QFETCH(QString, url);

    EmailConfig settings = config();
    settings.host = host;
    settings.port = port;
    settings.security = security;
    QCOMPARE(SmtpTransfer::serverUrl(settings), url);
}

QTEST_GUILESS_MAIN(TestSmtpTransfer)
#include "tst_smtptransfer.moc"
