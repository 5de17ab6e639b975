// The composition root: the only place that builds the objects and passes them in.

#include "TrailguardVersion.h"
#include "cli/CommandLine.h"
#include "common/Clock.h"
#include "common/Translations.h"
#include "common/UnixSignalWatcher.h"
#include "history/HistoryConversionDialog.h"
#include "runners/DesktopSession.h"
#include "runners/HeadlessRunner.h"
#include "runners/RunnersLogging.h"
#include "runners/SingleInstance.h"
#include "secrets/Redact.h"
#include "settings/AppPaths.h"
#include "storage/HistoryConversion.h"

#include <QApplication>
#include <QGuiApplication>
#include <QMessageBox>
#include <QSessionManager>
#include <QTextStream>
#include <QTimer>

#include <functional>
#include <memory>

#include <csignal>
#include <cstdio>

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("trailguard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRAILGUARD_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Trailguard"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.trailguard.Trailguard"));
}

int runCommandLine(int argc, char *argv[], trailguard::SecretRedactor &redactor)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trailguard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRAILGUARD_VERSION));
    trailguard::Translations::install();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return trailguard::Cli::run(QCoreApplication::arguments(), out, err, &redactor);
}

int showStartupError(const QString &message)
{
    QTextStream(stderr) << message << Qt::endl;
    QMessageBox::critical(nullptr, QObject::tr("Trailguard cannot start"), message);
    return 1;
}

int runDesktop(int argc, char *argv[], trailguard::SecretRedactor &redactor)
{
    using trailguard::Runners::DesktopSession;
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/trailguard.svg")));
    trailguard::Translations::install();

    const auto options = trailguard::Cli::parseWindowOptions(QCoreApplication::arguments());
    if (!options.ok()) {
        QTextStream(stderr) << options.error().message << Qt::endl;
        return trailguard::Cli::kExitUsage;
    }

    // Quit from the tray, SIGTERM/SIGINT/SIGHUP and the end of the desktop session all leave through the
    // event loop, so the session is torn down in order (monitor, outbox, settings) at the end. Watched from
    // the start: a signal during start-up is handled once the loop runs.
    trailguard::UnixSignalWatcher unixSignals({SIGTERM, SIGINT, SIGHUP});
    QObject::connect(&unixSignals, &trailguard::UnixSignalWatcher::signalReceived, &app,
                     [](int signalNumber) {
                         qCInfo(lcRunners, "Quitting on signal %d", signalNumber);
                         QCoreApplication::quit();
                     });
    // One window per user and data folder: a second launch raises the first and exits 0.
    trailguard::Runners::SingleInstance instance(options.value().dataDir);
    switch (instance.claim()) {
    case trailguard::Runners::SingleInstance::Role::Primary:
        break;
    case trailguard::Runners::SingleInstance::Role::Forwarded:
        return trailguard::Cli::kExitSuccess;
    case trailguard::Runners::SingleInstance::Role::Unreachable:
        QTextStream(stderr) << QObject::tr("Trailguard is already running for this data folder but does not "
                                           "answer; close it (or end it) and try again.")
                            << Qt::endl;
        return trailguard::Cli::kExitFailure;
    }

    // The demo replaces the real session for this run when asked for (banner button), or when no account
    // is connected and --demo-if-not-connected was given. Sessions are swapped from the event loop, never
    // from inside one of their own signals.
    std::unique_ptr<DesktopSession> session;
    std::function<trailguard::Status(bool)> open = [&](bool demo) -> trailguard::Status {
        QApplication::setQuitOnLastWindowClosed(false);
        DesktopSession::Options sessionOptions{options.value(), demo, {}};
        sessionOptions.welcomePage = session ? session->welcomePage() : std::nullopt;
        session.reset();
        session = std::make_unique<DesktopSession>(sessionOptions, redactor);
        const auto switchToDemo = [&] {
            QTimer::singleShot(0, &app, [&] {
                if (const auto opened = open(true); !opened.ok())
                    showStartupError(opened.error().message);
            });
        };
        QObject::connect(session.get(), &DesktopSession::demoRequested, &app, switchToDemo);
        if (!demo && options.value().demoIfNotConnected)
            QObject::connect(session.get(), &DesktopSession::notConnectedAtStart, &app, switchToDemo);
        return session->start();
    };
    // 0 when the first session started, else the exit code (the error was shown).
    const auto startFirstSession = [&]() -> int {
        if (const auto opened = open(options.value().demo); !opened.ok()) {
            // Another process (--headless, the systemd service, a cron --once) watches this folder: say
            // which.
            const bool inUse = session && session->dataFolderInUse();
            showStartupError(opened.error().message);
            return inUse ? trailguard::Cli::kExitDataFolderInUse : trailguard::Cli::kExitFailure;
        }
        return 0;
    };
    // History of an older version is converted first, on a worker with a progress dialog; then the session
    // starts (a failed conversion is reported by the session's own open).
    // (The demo's own folder is new: nothing to convert.)
    QString databaseFile;
    if (!options.value().demo) {
        if (const auto paths = trailguard::AppPaths::resolve(options.value().dataDir); paths.ok())
            databaseFile = paths.value().databaseFile();
    }
    if (!databaseFile.isEmpty() && trailguard::HistoryConversion::isPendingForFile(databaseFile)) {
        QApplication::setQuitOnLastWindowClosed(false);
        auto *conversion = new trailguard::ui::HistoryConversionDialog(databaseFile);
        QObject::connect(conversion, &trailguard::ui::HistoryConversionDialog::conversionFinished, &app,
                         [&, conversion] {
                             conversion->deleteLater();
                             if (const int failed = startFirstSession())
                                 QCoreApplication::exit(failed);
                         });
        conversion->start();
    } else if (const int failed = startFirstSession()) {
        return failed;
    }
    QObject::connect(&instance, &trailguard::Runners::SingleInstance::activationRequested, &app, [&] {
        if (session)
            session->raiseWindow();
    });
    // On logout the session manager first asks for the data: the window layout and the settings are
    // written at once.
#ifndef QT_NO_SESSIONMANAGER
    QObject::connect(&app, &QGuiApplication::commitDataRequest, &app, [&](QSessionManager &) {
        if (session)
            session->flushPendingWrites();
    });
#endif
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&] {
        if (session)
            session->flushPendingWrites();
    });
    const int result = QApplication::exec();
    if (session)
        session->finishTokenExchange();
    session.reset();
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    // First of all: every log line of the run passes through the redactor, so no token can reach stderr.
    trailguard::SecretRedactor redactor;
    redactor.installMessageHandler();

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (trailguard::Cli::wantsHeadless(arguments))
        return trailguard::Runners::runHeadless(argc, argv, redactor);
    if (!trailguard::Cli::wantsWindow(arguments))
        return runCommandLine(argc, argv, redactor);
    return runDesktop(argc, argv, redactor);
}
