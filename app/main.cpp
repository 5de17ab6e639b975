// The composition root: the only place that builds the objects and passes them in.

#include "cli/CommandLine.h"
#include "runners/HeadlessRunner.h"
#include "secrets/Redact.h"
#include "common/Clock.h"
#include "common/Translations.h"
#include "settings/AppPaths.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include "MainWindow.h"
#include "TrayIcon.h"

#include <QApplication>
#include <QGuiApplication>
#include <QMessageBox>
#include <QTextStream>

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

int runDesktop(int argc, char *argv[])
{
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/trailguard.svg")));
    trailguard::Translations::install();

    const auto options = trailguard::Cli::parseWindowOptions(QCoreApplication::arguments());
    if (!options.ok()) {
        QTextStream(stderr) << options.error().message << Qt::endl;
        return 2;
    }
    const auto paths = trailguard::AppPaths::resolve(options.value().dataDir);
    if (!paths.ok())
        return showStartupError(paths.error().message);
    auto database = trailguard::Database::open(paths.value().databaseFile());
    if (!database.ok())
        return showStartupError(database.error().message);

    auto settings = trailguard::Settings::forFile(paths.value().settingsFile);
    trailguard::SystemClock clock;
    trailguard::StockRepository repository(database.value()->connection());
    trailguard::WatchlistService watchlist(repository, clock);

    trailguard::ui::MainWindow window(watchlist, *settings);
    trailguard::ui::TrayIcon tray(window);
    // With a tray, closing the window hides it there; without one, closing quits.
    QApplication::setQuitOnLastWindowClosed(!tray.isAvailable());
    window.setHidesToTray(tray.isAvailable());
    window.show();
    return QApplication::exec();
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
    return runDesktop(argc, argv);
}
