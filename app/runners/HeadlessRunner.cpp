#include "runners/HeadlessRunner.h"

#include "alerts/AlertOutbox.h"
#include "alerts/ChannelFactory.h"
#include "alerts/ChannelSettings.h"
#include "alerts/DailyDigest.h"
#include "alerts/HealthWatch.h"
#include "alerts/OutboxDispatcher.h"
#include "cli/CommandLine.h"
#include "common/Clock.h"
#include "common/Translations.h"
#include "common/UnixSignalWatcher.h"
#include "demo/SimulatedMarket.h"
#include "history/PriceHistory.h"
#include "monitor/BrokerSession.h"
#include "monitor/MonitorLogging.h"
#include "monitor/StreamSession.h"
#include "portfolio/Portfolio.h"
#include "portfolio/PortfolioSync.h"
#include "runners/DemoSetup.h"
#include "runners/FinishTokenExchange.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/Redact.h"
#include "secrets/SecretStoreFactory.h"
#include "settings/AppPaths.h"
#include "settings/Settings.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/HoldingRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

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

    const auto paths = AppPaths::resolve(DemoSetup::dataDir(options.value()));
    if (!paths.ok())
        return fail(paths.error().message);
    auto database = Database::open(paths.value().databaseFile());
    if (!database.ok())
        return fail(database.error().message);

    const auto settings = Settings::forFile(paths.value().settingsFile);
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    SystemClock clock;
    StockRepository repository(database.value()->connection());
    WatchlistService watchlist(repository, clock);

    // The demo market runs in this process and is reached through the very same client path.
    std::unique_ptr<SimulatedMarket> market;
    SecretStoreChoice secrets;
    BrokerSession::Options sessionOptions{QuestradeAuth::Options::fromEnvironment(environment), {}};
    sessionOptions.auth.redactor = &redactor;
    if (options.value().demo) {
        market = DemoSetup::startMarket();
        if (!market)
            return fail(Headless::tr("The demo market could not open a port on 127.0.0.1."));
        secrets.store = std::make_unique<MemorySecretStore>();
        sessionOptions.auth.loginUrlOverride = market->server()->loginUrl().toString();
        if (const Status added = DemoSetup::addDemoTickers(watchlist); !added.ok())
            return fail(added.error().message);
    } else {
        secrets = createSecretStore(environment, paths.value().dataDir);
        if (!secrets.notice.isEmpty())
            qCWarning(lcMonitor).noquote() << secrets.notice;
    }

    BrokerSession session(*secrets.store, watchlist, clock, sessionOptions);
    Monitor &monitor = session.monitor();

    // Alerts: every breach is stored with its deliveries in the cycle's transaction, then sent (and
    // retried) by the dispatcher. A misconfigured channel stops the run: silence would be worse.
    ChannelSet channels = channelsFromEnvironment(environment, &session.network(), &redactor);
    if (!channels.problems.isEmpty())
        return fail(channels.problems.join(QLatin1Char('\n')));
    AlertRepository alerts(database.value()->connection());
    OutboxDispatcher dispatcher(alerts, clock);
    dispatcher.setChannels(channels.pointers());
    AlertOutbox outbox(alerts, dispatcher, clock);
    outbox.setQuietHours(ChannelSettings::quietHours(*settings));
    DailyDigest digest(watchlist, outbox, clock);
    if (!options.value().once)
        digest.setOptions(ChannelSettings::digestOptions(*settings));
    monitor.setBreachRecorder([&outbox](const Breach &breach, const StockState &stock) {
        return outbox.recordBreach(breach, stock.currency);
    });
    // Price history: every processed quote recorded; a long run also backfills daily candles (progress in
    // the log) and folds old quotes; --once only records.
    PriceHistory history(*database.value(), session, watchlist, *settings, clock);
    history.start(!options.value().once);
    HealthWatch health(outbox, clock);
    QObject::connect(&session.auth(), &QuestradeAuth::stateChanged, &health,
                     &HealthWatch::connectionStateChanged);
    QObject::connect(
        &monitor, &Monitor::cycleFinished, &health,
        [&health, &monitor](const CycleReport &report) { health.cycleFinished(report, monitor.interval()); });
    // While streaming, polls are rare backups: streamed prices count as prices too.
    QObject::connect(&monitor, &Monitor::quotesApplied, &health,
                     [&health](QuoteOrigin origin, const QuoteBatchReport &report) {
                         if (origin == QuoteOrigin::Stream && report.quoted > 0)
                             health.quotesReceived();
                     });
    QObject::connect(&dispatcher, &OutboxDispatcher::deliveryFinished, &health,
                     [&health](const Delivery &delivery, const DeliveryResult &result) {
                         health.deliveryFinished(delivery.channel,
                                                 result.outcome == DeliveryResult::Outcome::Delivered,
                                                 result.reason);
                     });
    if (channels.channels.empty())
        qCWarning(lcMonitor).noquote()
            << Headless::tr("No alert channel is configured: breaches are only logged. "
                            "Set NTFY_CHANNEL, WEB_HOOK_URL or BOT_EMAIL/USER_EMAIL.");
    else
        qCInfo(lcMonitor).noquote() << "Alert channels:"
                                    << dispatcher.channelIds().join(QStringLiteral(", "));
    const int defaultInterval =
        options.value().demo ? DemoSetup::kIntervalSeconds : int(Monitor::kDefaultInterval.count());
    monitor.setInterval(std::chrono::seconds(options.value().intervalSeconds.value_or(defaultInterval)));
    monitor.setRepeatPolicy(settings->repeatPolicy());
    // Scheduled checks only while a watched market is open (--once always checks); the state is logged.
    session.enableMarketHours(!options.value().demo && settings->value("monitor/marketHoursOnly").toBool(),
                              std::chrono::minutes(settings->value("monitor/closeGraceMinutes").toInt()));
    health.setMarketOpenCheck(
        [&monitor] { return !monitor.marketState().known || monitor.marketState().open; });
    // Streaming quotes whenever Questrade offers them, unless --no-stream; --once is one poll, never a
    // stream.
    std::unique_ptr<StreamSession> stream;
    if (!options.value().once && !options.value().noStream)
        stream = std::make_unique<StreamSession>(session, watchlist, clock, StreamSession::Options{});

    QObject::connect(&session.auth(), &QuestradeAuth::stateChanged, &app,
                     [](ConnectionState, const QString &message) {
                         if (!message.isEmpty())
                             qCInfo(lcMonitor).noquote() << "Questrade:" << message;
                     });

    // Positions imported from the desktop app stay current here too. A position that disappeared cannot
    // be asked about: its ticker stays watched, and the log says so.
    HoldingRepository holdings(database.value()->connection());
    Portfolio portfolio(holdings);
    if (const Status loaded = portfolio.reload(); !loaded.ok())
        qCWarning(lcMonitor).noquote() << loaded.error().message;
    PortfolioSync portfolioSync(session.client(), watchlist, holdings, portfolio, clock);
    QObject::connect(
        &portfolioSync, &PortfolioSync::positionsDisappeared, &app, [](const QStringList &tickers) {
            qCInfo(lcMonitor).noquote() << QStringLiteral("No longer held: %1; still watching (remove with "
                                                          "`trailguard watch remove`)")
                                               .arg(tickers.join(QStringLiteral(", ")));
        });
    if (!options.value().once) {
        QObject::connect(&session.auth(), &QuestradeAuth::stateChanged, &portfolioSync,
                         [&portfolioSync](ConnectionState state) {
                             if (state == ConnectionState::Connected && !portfolioSync.isActive())
                                 portfolioSync.start();
                             else if (state == ConnectionState::NotConfigured ||
                                      state == ConnectionState::Disconnected)
                                 portfolioSync.stop();
                         });
    }

    int exitCode = Cli::kExitSuccess;
    const bool once = options.value().once;
    QObject::connect(&monitor, &Monitor::cycleFinished, &app, [&](const CycleReport &report) {
        if (!once)
            return;
        exitCode = report.ok ? Cli::kExitSuccess : Cli::kExitFailure;
        // A cron-driven setup retries too: every pending delivery gets one attempt, due or not.
        dispatcher.attemptAllPending([] { QCoreApplication::quit(); });
    });

    bool stopping = false;
    UnixSignalWatcher unixSignals({SIGTERM, SIGINT});
    QObject::connect(&unixSignals, &UnixSignalWatcher::signalReceived, &app, [&](int signalNumber) {
        qCInfo(lcMonitor).noquote() << "Stopping on signal" << signalNumber;
        stopping = true;
        monitor.stop();
        dispatcher.stop();
        QCoreApplication::quit();
    });

    // Make sure there is a usable token before the first cycle: without an account there is nothing to
    // watch, and headless mode cannot ask, so it says what to do and stops.
    if (options.value().demo)
        session.auth().connectWithRefreshToken(market->server()->issueRefreshToken(),
                                               BrokerEnvironment::Practice);
    else
        session.auth().bootstrapFromEnvironment(environment);
    session.auth().withAccessToken(&app, [&](Result<AccessGrant> grant) {
        if (stopping)
            return; // the token came while quitting (finishTokenExchange): start nothing
        if (!grant.ok() && (grant.error().code == ErrorCode::NotConfigured ||
                            grant.error().code == ErrorCode::AuthRejected)) {
            QTextStream(stderr)
                << grant.error().message << '\n'
                << Headless::tr("Trailguard is not connected to Questrade. Set refresh_token (or "
                                "QUESTRADE_REFRESH_TOKEN) to a refresh token from Questrade's API centre, or "
                                "connect once from the desktop app. Try --demo to see it work.")
                << Qt::endl;
            exitCode = Cli::kExitFailure;
            QCoreApplication::quit();
            return;
        }
        // Offline is not fatal: the monitor keeps trying and logs each failed check.
        qCInfo(lcMonitor).noquote() << QStringLiteral("Watching %1 in %2; checking every %3 s")
                                           .arg(QDir::toNativeSeparators(paths.value().databaseFile()))
                                           .arg(options.value().demo ? Headless::tr("the demo market")
                                                                     : Headless::tr("Questrade"))
                                           .arg(monitor.interval().count());
        if (once) {
            monitor.checkNow();
        } else {
            dispatcher.start(); // deliveries left pending by an earlier run go out now
            monitor.start();
            if (stream)
                stream->start();
            else
                qCInfo(lcMonitor).noquote() << QStringLiteral("Quote mode: polling every %1 s (--no-stream)")
                                                   .arg(monitor.interval().count());
        }
    });

    const int loopResult = QCoreApplication::exec();
    finishTokenExchange(session.auth());
    return loopResult != 0 ? loopResult : exitCode;
}

} // namespace trailguard::Runners
