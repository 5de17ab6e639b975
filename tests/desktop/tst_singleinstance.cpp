// One window per user and data folder, tested on the real executable: the first launch opens the demo
// market's window (minimised to the tray when there is one), a second launch with the same --data-dir
// exits 0 and the first one raises its window; commands run beside it; another data folder is another
// instance; a crash (SIGKILL) leaves a stale lock and socket that do not block the next start; SIGTERM
// quits cleanly and saves the window layout.
//
// Inside scripts/headless-session.sh the processes use xcb with a real tray, and "the first shows its
// window" is checked on the X server (xdotool: a viewable window of that process). Elsewhere they run
// offscreen and the check is the first process's log line.

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <csignal>

namespace {
constexpr int kStartMs = 30'000;
constexpr int kCommandMs = 30'000;
const QString kListening = QStringLiteral("Listening for later launches");
const QString kRaising = QStringLiteral("Another launch asked for the window");
const QString kCycleDone = QStringLiteral("Cycle done");

bool inGuiSession()
{
    return qgetenv("TRAILGUARD_GUI_SESSION") == "1" && !qEnvironmentVariableIsEmpty("DISPLAY");
}

// A started trailguard process whose stderr is collected as it comes.
class App {
public:
    App(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        m_process.setProcessEnvironment(environment);
        m_process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
        m_process.setArguments(arguments);
        m_process.start();
    }
    ~App()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QProcess &process() { return m_process; }
    QString log()
    {
        m_log += QString::fromUtf8(m_process.readAllStandardError());
        return m_log;
    }
    // Waits until the log contains `text` (or the process ends).
    bool waitForLog(const QString &text, int timeoutMs = kStartMs)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (!log().contains(text)) {
            if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
                return log().contains(text);
            m_process.waitForReadyRead(100);
        }
        return true;
    }

private:
    QProcess m_process;
    QString m_log;
};

struct Finished {
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QString out;
    QString err;
};
} // namespace

class TestSingleInstance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_runtime = m_dir->filePath(QStringLiteral("runtime"));
        QVERIFY(QDir().mkpath(m_runtime));
        QVERIFY(QFile::setPermissions(m_runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ExeOwner));
    }

    void cleanup() { m_dir.reset(); }

    void secondLaunchRaisesTheFirstAndExitsZero()
    {
        App first(windowArguments(dataDir()) << QStringLiteral("--minimized"), environment());
        QVERIFY2(first.waitForLog(kListening), qPrintable(first.log()));
        const bool x11 = inGuiSession();
        if (x11) {
            // Minimised to the tray: no window of it is viewable, even once its first check has run (a
            // window would have been shown before the check started).
            QVERIFY2(first.waitForLog(kCycleDone), qPrintable(first.log()));
            QVERIFY2(!hasVisibleWindow(first.process().processId()), qPrintable(first.log()));
        }

        const Finished second = run(windowArguments(dataDir()));
        QCOMPARE(second.status, QProcess::NormalExit);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.err.contains(QStringLiteral("already running")), qPrintable(second.err));

        QVERIFY2(first.waitForLog(kRaising), qPrintable(first.log()));
        QCOMPARE(first.process().state(), QProcess::Running);
        if (x11)
            QTRY_VERIFY_WITH_TIMEOUT(hasVisibleWindow(first.process().processId()), 10'000);
        // Only one listener: the second never claimed the folder.
        QCOMPARE(first.log().count(kListening), 1);
    }

    void commandsRunBesideTheWindow()
    {
        App first(windowArguments(dataDir()), environment());
        QVERIFY2(first.waitForLog(kListening), qPrintable(first.log()));

        const Finished version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("trailguard ")));
        const Finished help = run({QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("watch")));
        const Finished add = run({QStringLiteral("--data-dir"), dataDir(), QStringLiteral("watch"),
                                  QStringLiteral("add"), QStringLiteral("ry.to")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        const Finished list =
            run({QStringLiteral("--data-dir"), dataDir(), QStringLiteral("watch"), QStringLiteral("list")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QVERIFY(list.out.contains(QStringLiteral("RY.TO")));
        QVERIFY(!first.log().contains(kRaising));
        QCOMPARE(first.process().state(), QProcess::Running);
    }

    void anotherDataFolderIsAnotherInstance()
    {
        App first(windowArguments(dataDir()), environment());
        QVERIFY2(first.waitForLog(kListening), qPrintable(first.log()));
        App other(windowArguments(m_dir->filePath(QStringLiteral("other-data"))), environment());
        QVERIFY2(other.waitForLog(kListening), qPrintable(other.log()));
        QCOMPARE(other.process().state(), QProcess::Running);
        QVERIFY(!first.log().contains(kRaising));
    }

    void staleLockAndSocketAfterACrashDoNotBlock()
    {
        qint64 crashedPid = 0;
        {
            App crashed(windowArguments(dataDir()), environment());
            QVERIFY2(crashed.waitForLog(kListening), qPrintable(crashed.log()));
            crashedPid = crashed.process().processId();
            ::kill(pid_t(crashedPid), SIGKILL);
            QVERIFY(crashed.process().waitForFinished(5000));
        }
        // What the crash left behind: the socket and the lock file naming a dead process.
        const QStringList leftovers = QDir(m_runtime).entryList(QDir::System | QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.filter(QStringLiteral(".socket")).size() >= 2, qPrintable(leftovers.join(u' ')));

        App restarted(windowArguments(dataDir()), environment());
        QVERIFY2(restarted.waitForLog(kListening), qPrintable(restarted.log()));
        QCOMPARE(restarted.process().state(), QProcess::Running);
        const Finished second = run(windowArguments(dataDir()));
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(restarted.waitForLog(kRaising), qPrintable(restarted.log()));
    }

    void sigtermQuitsCleanlyAndKeepsTheLayout()
    {
        App first(windowArguments(dataDir()), environment());
        QVERIFY2(first.waitForLog(kListening), qPrintable(first.log()));
        const QString settings = QDir(dataDir()).filePath(QStringLiteral("demo/settings.ini"));
        ::kill(pid_t(first.process().processId()), SIGTERM);
        QVERIFY(first.process().waitForFinished(kStartMs));
        QCOMPARE(first.process().exitStatus(), QProcess::NormalExit);
        QVERIFY2(first.process().exitCode() == 0, qPrintable(first.log()));
        QFile file(settings);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings));
        QVERIFY(file.readAll().contains("mainWindowGeometry"));
        // The lock is released: the next launch is the first one again.
        App next(windowArguments(dataDir()), environment());
        QVERIFY2(next.waitForLog(kListening), qPrintable(next.log()));
    }

private:
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }

    static QStringList windowArguments(const QString &dataDir)
    {
        QStringList arguments{QStringLiteral("--data-dir"), dataDir, QStringLiteral("--demo")};
        if (!inGuiSession())
            arguments << QStringLiteral("-platform") << QStringLiteral("offscreen");
        return arguments;
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime);
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg-data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
        environment.insert(
            QStringLiteral("QT_LOGGING_RULES"),
            QStringLiteral("trailguard.runners.instance.info=true;trailguard.runners.info=true;"
                           "trailguard.monitor.info=true"));
        if (inGuiSession())
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        else
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return environment;
    }

    Finished run(const QStringList &arguments) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(TRAILGUARD_EXECUTABLE), arguments);
        Finished finished;
        if (!process.waitForFinished(kCommandMs)) {
            process.kill();
            process.waitForFinished();
            finished.err = QStringLiteral("timed out");
            return finished;
        }
        finished.exitCode = process.exitCode();
        finished.status = process.exitStatus();
        finished.out = QString::fromUtf8(process.readAllStandardOutput());
        finished.err = QString::fromUtf8(process.readAllStandardError());
        return finished;
    }

    // A viewable X11 window of the process (xdotool reads _NET_WM_PID and the map state).
    static bool hasVisibleWindow(qint64 pid)
    {
        QProcess xdotool;
        xdotool.start(QStringLiteral("xdotool"), {QStringLiteral("search"), QStringLiteral("--onlyvisible"),
                                                  QStringLiteral("--pid"), QString::number(pid)});
        if (!xdotool.waitForFinished(5000))
            return false;
        return xdotool.exitCode() == 0 && !xdotool.readAllStandardOutput().trimmed().isEmpty();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_runtime;
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
