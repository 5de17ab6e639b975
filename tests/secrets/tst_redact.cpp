#include "secrets/Redact.h"

#include <QLoggingCategory>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

using namespace trailguard;

namespace {

Q_LOGGING_CATEGORY(lcRedactTest, "trailguard.test.redact")

// What reached the handler installed before the redactor's: where the log would have gone.
QStringList gCaptured;
QMutex gCapturedMutex;

void captureHandler(QtMsgType, const QMessageLogContext &, const QString &message)
{
    QMutexLocker lock(&gCapturedMutex);
    gCaptured.append(message);
}

QStringList captured()
{
    QMutexLocker lock(&gCapturedMutex);
    return gCaptured;
}

// Installs captureHandler for one test function and puts QTest's own handler back afterwards.
class CaptureScope {
public:
    CaptureScope()
    {
        {
            QMutexLocker lock(&gCapturedMutex);
            gCaptured.clear();
        }
        m_previous = qInstallMessageHandler(captureHandler);
    }
    ~CaptureScope() { qInstallMessageHandler(m_previous); }
    CaptureScope(const CaptureScope &) = delete;
    CaptureScope &operator=(const CaptureScope &) = delete;

private:
    QtMessageHandler m_previous = nullptr;
};

} // namespace

class RedactTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void redactsSecrets_data();
    void redactsSecrets();
    void redactorIgnoresShortSecrets();
    void redactorForgetsRemovedSecrets();
    void redactorIsThreadSafe();
    void messageHandlerRedactsEveryLogLine();
    void messageHandlerIsRemovedWithRedactor();
};

void RedactTest::redactsSecrets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<QByteArray>>("secrets");
    QTest::addColumn<QString>("expected");
    const QList<QByteArray> token = {"Rf7kQ9xLm2"};
    QTest::newRow("inside a sentence")
        << "refresh token Rf7kQ9xLm2 accepted" << token << "refresh token [redacted] accepted";
    QTest::newRow("inside a word") << "token=Rf7kQ9xLm2&grant" << token << "token=[redacted]&grant";
    QTest::newRow("every occurrence")
        << "Rf7kQ9xLm2 then Rf7kQ9xLm2" << token << "[redacted] then [redacted]";
    QTest::newRow("absent") << "nothing to hide" << token << "nothing to hide";
    QTest::newRow("no secrets") << "Rf7kQ9xLm2" << QList<QByteArray>() << "Rf7kQ9xLm2";
    QTest::newRow("empty secret ignored") << "abc" << QList<QByteArray>{QByteArray()} << "abc";
    QTest::newRow("several") << "access AAA111bbb refresh CCC222ddd"
                             << QList<QByteArray>{"AAA111bbb", "CCC222ddd"}
                             << "access [redacted] refresh [redacted]";
    QTest::newRow("one inside another")
        << "token abcdef-ghijkl end" << QList<QByteArray>{"abcdef", "abcdef-ghijkl"}
        << "token [redacted] end";
    QTest::newRow("percent-encoded in a URL")
        << "GET /oauth2/token?refresh_token=a%2Fb%2Bc%3Dd%3D HTTP/1.1" << QList<QByteArray>{"a/b+c=d="}
        << "GET /oauth2/token?refresh_token=[redacted] HTTP/1.1";
    QTest::newRow("percent-encoded, lower case")
        << "refresh_token=a%2fb%2bc%3dd%3d&x=1" << QList<QByteArray>{"a/b+c=d="}
        << "refresh_token=[redacted]&x=1";
    QTest::newRow("non-ASCII") << QStringLiteral("mot de passe: d\u00e9j\u00e0-vu-42!")
                               << QList<QByteArray>{QStringLiteral("d\u00e9j\u00e0-vu-42").toUtf8()}
                               << "mot de passe: [redacted]!";
}

void RedactTest::redactsSecrets()
{
    QFETCH(QString, text);
    QFETCH(QList<QByteArray>, secrets);
    QFETCH(QString, expected);
    QCOMPARE(redact(text, secrets), expected);
}

void RedactTest::redactorIgnoresShortSecrets()
{
    SecretRedactor redactor;
    redactor.addSecret("abc12"); // 5 characters: would hide ordinary words
    redactor.addSecret("abc123");
    QCOMPARE(redactor.redact(QStringLiteral("abc12 and abc123")), QStringLiteral("abc12 and [redacted]"));
}

void RedactTest::redactorForgetsRemovedSecrets()
{
    SecretRedactor redactor;
    redactor.addSecret("old-token-123");
    redactor.addSecret("new-token-456");
    redactor.addSecret("new-token-456"); // twice is once
    redactor.removeSecret("old-token-123");
    QCOMPARE(redactor.redact(QStringLiteral("old-token-123 new-token-456")),
             QStringLiteral("old-token-123 [redacted]"));
}

void RedactTest::redactorIsThreadSafe()
{
    SecretRedactor redactor;
    redactor.addSecret("first-secret");
    auto adder = QtConcurrent::run([&redactor] {
        for (int i = 0; i < 500; ++i)
            redactor.addSecret("added-secret-" + QByteArray::number(i));
    });
    for (int i = 0; i < 500; ++i)
        QCOMPARE(redactor.redact(QStringLiteral("x first-secret x")), QStringLiteral("x [redacted] x"));
    adder.waitForFinished();
    QCOMPARE(redactor.redact(QStringLiteral("added-secret-499")), QStringLiteral("[redacted]"));
}

void RedactTest::messageHandlerRedactsEveryLogLine()
{
    CaptureScope scope;
    SecretRedactor redactor;
    redactor.installMessageHandler();
    redactor.addSecret("Rf7kQ9xLm2"); // added after installation: still redacted
    QLoggingCategory::setFilterRules(QStringLiteral("trailguard.test.redact.debug=true"));

    qWarning("refresh failed for token %s", "Rf7kQ9xLm2");
    qCDebug(lcRedactTest) << "sending" << QByteArray("Authorization: Bearer Rf7kQ9xLm2");
    qInfo() << "nothing secret here";
    auto fromWorker = QtConcurrent::run([] { qCritical("worker saw Rf7kQ9xLm2"); });
    fromWorker.waitForFinished();

    const QStringList lines = captured();
    QCOMPARE(lines.size(), 4);
    for (const auto &line : lines)
        QVERIFY2(!line.contains(QStringLiteral("Rf7kQ9xLm2")), qPrintable(line));
    QCOMPARE(lines.at(0), QStringLiteral("refresh failed for token [redacted]"));
    QVERIFY2(lines.at(1).contains(QStringLiteral("Bearer [redacted]")), qPrintable(lines.at(1)));
    QCOMPARE(lines.at(2), QStringLiteral("nothing secret here"));
    QCOMPARE(lines.at(3), QStringLiteral("worker saw [redacted]"));
    QLoggingCategory::setFilterRules(QString());
}

void RedactTest::messageHandlerIsRemovedWithRedactor()
{
    CaptureScope scope;
    {
        SecretRedactor redactor;
        redactor.installMessageHandler();
        redactor.addSecret("Rf7kQ9xLm2");
        qWarning("one Rf7kQ9xLm2");
    }
    qWarning("two Rf7kQ9xLm2"); // the capture handler is back in charge, unfiltered
    QCOMPARE(captured(), QStringList({QStringLiteral("one [redacted]"), QStringLiteral("two Rf7kQ9xLm2")}));
}

QTEST_GUILESS_MAIN(RedactTest)
#include "tst_redact.moc"
