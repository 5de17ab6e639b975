#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <chrono>

namespace trailguard::test {

// How a run of the real `trailguard` process ended.
struct ProcessRun {
    bool finished = false; // false: it did not start, or was killed at the deadline
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QString out;
    QString err;

    bool exitedNormally() const { return finished && exitStatus == QProcess::NormalExit; }
};

// Starts `process` (set up, not started) and waits for it with the event loop turning, because the fake
// servers it talks to live in this process: never a blocking waitForFinished. Killed at `timeout`.
ProcessRun runToEnd(QProcess &process, std::chrono::milliseconds timeout = std::chrono::seconds(60));

// This process's environment without the variables that configure Trailguard's account, secrets and
// alert channels (a developer's own must never leak into a test), and with TRAILGUARD_LOGIN_URL set to the
// fake Questrade server at `loginUrl`.
QProcessEnvironment guardianEnvironment(const QUrl &loginUrl);

// A port of 127.0.0.1 that nothing listens on now, for a server the real process starts (--web), or 0.
quint16 freeLoopbackPort();

} // namespace trailguard::test
