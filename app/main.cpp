// The composition root: the only place that builds the objects and passes them in.

#include "cli/CommandLine.h"
#include "common/Clock.h"
#include "common/Translations.h"
#include "runners/DesktopSession.h"
#include "runners/HeadlessRunner.h"
#include "secrets/Redact.h"

#include <QApplication>
#include <QGuiApplication>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>

#include <functional>
#include <memory>

#include <cstdio>

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("trailguard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRAILGUARD_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Trailguard"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.trailguard.Trailguard"));
}

int runCommandLine(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trailguard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRAILGUARD_VERSION));
    trailguard::Translations::install();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return trailguard::Cli::run(QCoreApplication::arguments(), out, err);
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

    // The demo replaces the real session for this run when asked for (banner button), or when no account
    // is connected and --demo-if-not-connected was given. Sessions are swapped from the event loop, never
    // from inside one of their own signals.
    std::unique_ptr<DesktopSession> session;
    std::function<trailguard::Status(bool)> open = [&](bool demo) -> trailguard::Status {
        QApplication::setQuitOnLastWindowClosed(false);
        session.reset();
        session = std::make_unique<DesktopSession>(DesktopSession::Options{options.value(), demo}, redactor);
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
    if (const auto opened = open(options.value().demo); !opened.ok())
        return showStartupError(opened.error().message);
    const int result = QApplication::exec();
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
        return runCommandLine(argc, argv);
    return runDesktop(argc, argv, redactor);
}
