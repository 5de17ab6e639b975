// The real `trailguard --headless --web …`: it refuses to serve without a password, or without TLS on an
// address other computers reach (and says what to set); with a password it serves the dashboard.
#include "GuardianProcess.h"
#include "access/WebPassword.h"
#include "settings/Settings.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;

class WebStartupTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;

    QString dataDir() const { return m_folder.filePath(QStringLiteral("data")); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment =
            test::guardianEnvironment(QUrl(QStringLiteral("http://127.0.0.1:9/")));
        for (const char *name : {"TRAILGUARD_WEB_PASSWORD", "TRAILGUARD_WEB_CERT", "TRAILGUARD_WEB_KEY",
                                 "LANGUAGE", "LC_MESSAGES"})
            environment.remove(QString::fromLatin1(name));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        return environment;
    }

    test::ProcessRun runGuardian(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        QProcess process;
        process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
        process.setArguments(
            QStringList{QStringLiteral("--headless"), QStringLiteral("--data-dir"), dataDir()} + arguments);
        process.setProcessEnvironment(environment);
        return test::runToEnd(process, std::chrono::seconds(30));
    }

    static quint16 freePort()
    {
        QTcpServer probe;
        return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_folder.isValid()); }

    void refusesWithoutAPassword()
    {
        const test::ProcessRun run =
            runGuardian({QStringLiteral("--web"), QStringLiteral("127.0.0.1:0")}, environment());
        QVERIFY(run.exitedNormally());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("trailguard web password")) &&
                     run.err.contains(QStringLiteral("TRAILGUARD_WEB_PASSWORD")),
                 qPrintable(run.err));
    }

    void refusesAnyAddressWithoutTls()
    {
        {
            const std::unique_ptr<Settings> settings =
                Settings::forFile(QDir(dataDir()).filePath(QStringLiteral("settings.ini")));
            QVERIFY(QDir().mkpath(dataDir()));
            QVERIFY(WebPassword(*settings).set(QStringLiteral("a long enough password")).ok());
        }
        const test::ProcessRun run =
            runGuardian({QStringLiteral("--web"), QStringLiteral("0.0.0.0:0")}, environment());
        QVERIFY(run.exitedNormally());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("needs TLS")) &&
                     run.err.contains(QStringLiteral("--web-self-signed")),
                 qPrintable(run.err));
    }

    void refusesAShortPasswordFromTheEnvironment()
    {
        QProcessEnvironment environment = this->environment();
        environment.insert(QStringLiteral("TRAILGUARD_WEB_PASSWORD"), QStringLiteral("short"));
        const test::ProcessRun run =
            runGuardian({QStringLiteral("--web"), QStringLiteral("127.0.0.1:0")}, environment);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("TRAILGUARD_WEB_PASSWORD")), qPrintable(run.err));
    }

    void servesWithAPasswordFromTheEnvironment()
    {
        const quint16 port = freePort();
        QVERIFY(port != 0);
        QProcessEnvironment environment = this->environment();
        const QString password = QStringLiteral("container password 42");
        environment.insert(QStringLiteral("TRAILGUARD_WEB_PASSWORD"), password);
        QProcess process;
        process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
        process.setArguments({QStringLiteral("--headless"), QStringLiteral("--demo"),
                              QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--web"),
                              QStringLiteral("127.0.0.1:%1").arg(port)});
        process.setProcessEnvironment(environment);
        QByteArray err;
        connect(&process, &QProcess::readyReadStandardError, &process,
                [&] { err += process.readAllStandardError(); });
        process.start();
        QTRY_VERIFY2_WITH_TIMEOUT(err.contains("Web dashboard:"), err.constData(), 30'000);
        QVERIFY(err.contains(QStringLiteral("http://127.0.0.1:%1/").arg(port).toUtf8()));

        QNetworkAccessManager network;
        const auto status = [&](const QByteArray &method, const QString &path, const QByteArray &body,
                                const QByteArray &authorization = {}) {
            QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            if (!authorization.isEmpty())
                request.setRawHeader("Authorization", authorization);
            QNetworkReply *reply = network.sendCustomRequest(request, method, body);
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!reply->isFinished() && !finished.wait(20'000))
                return -1;
            reply->deleteLater();
            return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        };
        const auto logIn = [&](const QString &with) {
            return status("POST", QStringLiteral("/api/v1/session"),
                          QJsonDocument(QJsonObject{{QStringLiteral("password"), with}}).toJson());
        };
        QCOMPARE(logIn(password), 200);
        QVERIFY(!err.contains(password.toUtf8())); // never logged

        // The command line changes the password and the tokens of the running guardian (the demo keeps its
        // settings in DIR/demo).
        const auto cli = [&](const QStringList &arguments, const QByteArray &input = {}) {
            QProcess command;
            command.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
            command.setArguments(QStringList{QStringLiteral("--data-dir"),
                                             QDir(dataDir()).filePath(QStringLiteral("demo")),
                                             QStringLiteral("web")} +
                                 arguments);
            command.setProcessEnvironment(this->environment());
            connect(&command, &QProcess::started, &command, [&] {
                command.write(input);
                command.closeWriteChannel();
            });
            return test::runToEnd(command, std::chrono::seconds(30));
        };
        const test::ProcessRun token =
            cli({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("probe")});
        QCOMPARE(token.exitCode, 0);
        const QByteArray bearer = "Bearer " + token.out.trimmed().toLatin1();
        // Authenticated: no such endpoint (404), rather than 401.
        QCOMPARE(status("GET", QStringLiteral("/api/v1/no-such-endpoint"), {}, bearer), 404);
        QCOMPARE(cli({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("probe")}).exitCode,
                 0);
        QCOMPARE(status("GET", QStringLiteral("/api/v1/no-such-endpoint"), {}, bearer), 401);
        QCOMPARE(cli({QStringLiteral("password")}, "the new password\n").exitCode, 0);
        QCOMPARE(logIn(password), 401);
        QCOMPARE(logIn(QStringLiteral("the new password")), 200);

        QSignalSpy finished(&process, &QProcess::finished);
        process.terminate();
        QVERIFY(finished.wait(20'000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    }
};

QTEST_GUILESS_MAIN(WebStartupTest)
#include "tst_webstartup.moc"
