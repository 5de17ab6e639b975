#include "GuardianProcess.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTest>

namespace trailguard::test {

namespace {
constexpr int kStartMs = 10000;
constexpr int kPollMs = 20;
constexpr int kKillMs = 5000;
} // namespace

ProcessRun runToEnd(QProcess &process, std::chrono::milliseconds timeout)
{
    ProcessRun run;
    process.start();
    if (!process.waitForStarted(kStartMs))
        return run;
    const QDeadlineTimer deadline(timeout);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(kPollMs);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(kKillMs); // the killed process no longer needs our event loop
        return run;
    }
    run.finished = true;
    run.exitCode = process.exitCode();
    run.exitStatus = process.exitStatus();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QProcessEnvironment guardianEnvironment(const QUrl &loginUrl)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"refresh_token", "QUESTRADE_REFRESH_TOKEN", "STOP_LOSS", "encryption_key", "NTFY_CHANNEL",
          "NTFY_TOKEN", "WEB_HOOK_URL", "BOT_EMAIL", "USER_EMAIL", "EMAIL_PASSWORD", "PROVIDER", "SMTP_HOST"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("TRAILGUARD_LOGIN_URL"), loginUrl.toString());
    return environment;
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace trailguard::test
