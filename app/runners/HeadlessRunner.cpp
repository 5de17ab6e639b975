#include "runners/HeadlessRunner.h"
#include "runners/RunnersLogging.h"

#include "TrailguardVersion.h"
#include "alerts/OutboxDispatcher.h"
#include "cli/CommandLine.h"
#include "common/Translations.h"
#include "common/UnixSignalWatcher.h"
#include "monitor/BrokerSession.h"
#include "portfolio/PortfolioSync.h"
#include "runners/GuardianAlerts.h"
#include "runners/GuardianCore.h"
#include "runners/GuardianWeb.h"
#include "settings/AppPaths.h"
#include "web/server/WebDashboard.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QTextStream>

#include <csignal>

namespace trailguard::Runners {

namespace {
class Headless {
    Q_DECLARE_TR_FUNCTIONS(Headless)
};

int fail(const QString &message, int code = Cli::kExitFailure)
{
    QTextStream(stderr) << message << Qt::endl;
    return code;
}
} // namespace

int runHeadless(int argc, char *argv[], SecretRedactor &redactor)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trailguard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRAILGUARD_VERSION));
    Translations::install();
    // One line per event, with time and category; tokens are redacted by the installed handler.
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-dd hh:mm:ss} %{if-warning}warning: %{endif}"
                                      "%{if-critical}error: %{endif}[%{category}] %{message}"));
    QLoggingCategory::setFilterRules(QStringLiteral("trailguard.*.debug=false"));

    const auto options = Cli::parseHeadlessOptions(QCoreApplication::arguments());
    if (!options.ok())
        return fail(options.error().message, Cli::kExitUsage);
    const bool once = options.value().once;

    GuardianCore::Options coreOptions;
    coreOptions.mode = once ? GuardianCore::Mode::Once : GuardianCore::Mode::Headless;
    coreOptions.global = options.value();
    GuardianCore core(std::move(coreOptions), redactor);
    if (const Status opened = core.open(); !opened.ok())
        return fail(opened.error().message,
                    core.dataFolderInUse() ? Cli::kExitDataFolderInUse : Cli::kExitFailure);

    // The web dashboard, when asked for: it refuses to start without a password, or without TLS on an
    // address other computers reach, and so does the guardian.
    std::unique_ptr<Web::WebDashboard> dashboard;
    if (!once) {
        auto started = startWebDashboard(core);
        if (!started.ok())
            return fail(started.error().message);
        dashboard = std::move(started).value(); // its URL (and fingerprint) are logged
    }

    // The log is this mode's only output.
    if (!core.secretStoreNotice().isEmpty())
        qCWarning(lcRunners).noquote() << core.secretStoreNotice();
    if (core.alerting().dispatcher().channelIds().isEmpty())
        qCWarning(lcRunners).noquote()
            << Headless::tr("No alert channel is configured: breaches are only logged. "
                            "Set NTFY_CHANNEL, WEB_HOOK_URL, TELEGRAM_BOT_TOKEN/TELEGRAM_CHAT_ID or "
                            "BOT_EMAIL/USER_EMAIL.");
    else
        qCInfo(lcRunners).noquote() << "Alert channels:"
                                    << core.alerting().dispatcher().channelIds().join(QStringLiteral(", "));
    QObject::connect(&core.session().auth(), &QuestradeAuth::stateChanged, &app,
                     [](ConnectionState, const QString &message) {
                         if (!message.isEmpty())
                             qCInfo(lcRunners).noquote() << "Questrade:" << message;
                     });
    // A position that disappeared cannot be asked about: its ticker stays watched, and the log says so.
    QObject::connect(
        &core.portfolioSync(), &PortfolioSync::positionsDisappeared, &app, [](const QStringList &tickers) {
            qCInfo(lcRunners).noquote() << QStringLiteral("No longer held: %1; still watching (remove with "
                                                          "`trailguard watch remove`)")
                                               .arg(tickers.join(QStringLiteral(", ")));
        });

    int exitCode = Cli::kExitSuccess;
    QObject::connect(&core, &GuardianCore::onceFinished, &app, [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::quit();
    });
    QObject::connect(&core, &GuardianCore::notConnectedAtStart, &app, [&exitCode](const QString &message) {
        QTextStream(stderr) << message << '\n'
                            << Headless::tr(
                                   "Trailguard is not connected to Questrade. Set refresh_token (or "
                                   "QUESTRADE_REFRESH_TOKEN) to a refresh token from Questrade's API "
                                   "centre, or connect once from the desktop app. Try --demo to see it "
                                   "work.")
                            << Qt::endl;
        exitCode = Cli::kExitFailure;
        QCoreApplication::quit();
    });
    QObject::connect(&core, &GuardianCore::watching, &app, [&core, once] {
        Monitor &monitor = core.monitor();
        qCInfo(lcRunners).noquote() << QStringLiteral("Watching %1 in %2; checking every %3 s")
                                           .arg(QDir::toNativeSeparators(core.paths().databaseFile()))
                                           .arg(core.options().global.demo ? Headless::tr("the demo market")
                                                                           : Headless::tr("Questrade"))
                                           .arg(monitor.interval().count());
        if (!once && !core.stream())
            qCInfo(lcRunners).noquote() << QStringLiteral("Quote mode: polling every %1 s (--no-stream)")
                                               .arg(monitor.interval().count());
    });

    UnixSignalWatcher unixSignals({SIGTERM, SIGINT});
    QObject::connect(&unixSignals, &UnixSignalWatcher::signalReceived, &app, [&core](int signalNumber) {
        qCInfo(lcRunners).noquote() << "Stopping on signal" << signalNumber;
        core.stop();
        QCoreApplication::quit();
    });

    core.start();
    const int loopResult = QCoreApplication::exec();
    core.finishTokenExchange();
    return loopResult != 0 ? loopResult : exitCode;
}

} // namespace trailguard::Runners
