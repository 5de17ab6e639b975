#include "runners/GuardianCore.h"
#include "runners/FinishTokenExchange.h"

#include "alerts/AlertOutbox.h"
#include "alerts/DailyDigest.h"
#include "alerts/HealthWatch.h"
#include "alerts/OutboxDispatcher.h"
#include "demo/SimulatedMarket.h"
#include "monitor/BrokerSession.h"
#include "monitor/MonitorLogging.h"
#include "monitor/StreamSession.h"
#include "portfolio/Portfolio.h"
#include "portfolio/PortfolioImport.h"
#include "portfolio/PortfolioSync.h"
#include "runners/DataFolderLock.h"
#include "runners/DemoSetup.h"
#include "runners/PriceHistory.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/Redact.h"
#include "settings/AppPaths.h"
#include "settings/Settings.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/HoldingRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QCoreApplication>
#include <QTimer>

namespace trailguard::Runners {

namespace {
class Guardian {
    Q_DECLARE_TR_FUNCTIONS(Guardian)
};
// The settings key of "Use streaming quotes" (default true, see Settings.cpp).
constexpr char kUseStreamingKey[] = "quotes/useStreaming";
} // namespace

// Declared in the order they are built; destroyed in reverse.
struct GuardianCore::Parts {
    AppPaths paths;
    std::unique_ptr<DataFolderLock> lock; // held from the first step to the last
    std::unique_ptr<Database> database;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<StockRepository> stocks;
    std::unique_ptr<WatchlistService> watchlist;
    std::unique_ptr<SimulatedMarket> market;
    SecretStoreChoice secrets;
    std::unique_ptr<BrokerSession> session;
    std::unique_ptr<AlertRepository> alerts;
    std::unique_ptr<OutboxDispatcher> dispatcher;
    std::unique_ptr<AlertOutbox> outbox;
    std::unique_ptr<DailyDigest> digest;
    std::unique_ptr<HealthWatch> health;
    std::unique_ptr<PriceHistory> history;       // quotes recorded, daily candles backfilled, retention
    std::unique_ptr<StreamSession> stream;       // real-time quotes; the monitor polls while it is down
    std::unique_ptr<HoldingRepository> holdings; // imported positions, kept current while connected
    std::unique_ptr<Portfolio> portfolio;
    std::unique_ptr<PortfolioImport> portfolioImport;
    std::unique_ptr<PortfolioSync> portfolioSync;
    ChannelSet channels;
    // Channels replaced by a settings reload, kept until the dispatcher is idle: a channel destroyed during
    // its send would never call the dispatcher back.
    std::vector<ChannelSet> retiredChannels;
    std::chrono::seconds settingsInterval{0}; // the check interval the settings had when last applied
    bool firstState = true;
    bool dispatcherStarted = false;
    QStringList waitingForKeychain; // enabled channels whose secret could not be read yet
    QTimer keychainRetry;
};

GuardianCore::GuardianCore(Options options, SecretRedactor &redactor, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_redactor(redactor)
    , m_parts(std::make_unique<Parts>())
{}

GuardianCore::~GuardianCore()
{
    stop();
    if (m_parts->settings)
        m_parts->settings->sync();
}

Status GuardianCore::open()
{
    Parts &p = *m_parts;
    const bool demo = m_options.global.demo;
    const auto paths = AppPaths::resolve(DemoSetup::dataDir(m_options.global));
    if (!paths.ok())
        return paths.error();
    p.paths = paths.value();
    // Before anything reads or writes the folder: a second monitor would rotate the one token chain and send
    // every alert again.
    auto lock = DataFolderLock::acquire(p.paths.dataDir, modeName());
    if (!lock.ok()) {
        m_dataFolderInUse = lock.error().code == DataFolderLock::kInUse;
        return lock.error();
    }
    p.lock = std::move(lock).value();
    auto database = Database::open(p.paths.databaseFile());
    if (!database.ok())
        return database.error();
    p.database = std::move(database).value();
    p.settings = Settings::forFile(p.paths.settingsFile);
    p.stocks = std::make_unique<StockRepository>(p.database->connection());
    p.watchlist = std::make_unique<WatchlistService>(*p.stocks, m_clock);

    // The demo market runs in this process and is reached through the very same client path.
    BrokerSession::Options sessionOptions{QuestradeAuth::Options::fromEnvironment(m_options.environment), {}};
    sessionOptions.auth.redactor = &m_redactor;
    SecretStore *secretStore = m_options.secretStore;
    if (demo) {
        p.market = DemoSetup::startMarket();
        if (!p.market)
            return Error{ErrorCode::NetworkError,
                         Guardian::tr("The demo market could not open a port on 127.0.0.1.")};
        p.secrets.store = std::make_unique<MemorySecretStore>();
        sessionOptions.auth.loginUrlOverride = p.market->server()->loginUrl().toString();
        if (Status added = DemoSetup::addDemoTickers(*p.watchlist); !added.ok())
            return added;
    } else if (!secretStore) {
        p.secrets = createSecretStore(m_options.environment, p.paths.dataDir);
    }
    if (!secretStore)
        secretStore = p.secrets.store.get();
    p.session = std::make_unique<BrokerSession>(*secretStore, *p.watchlist, m_clock, sessionOptions);
    Monitor &monitor = p.session->monitor();
    monitor.setInterval(startInterval());
    monitor.setRepeatPolicy(p.settings->repeatPolicy());
    monitor.setIncludeExtendedHours(p.settings->includeExtendedHours());
    p.settingsInterval = p.settings->checkInterval();
    // Scheduled checks only while a watched market is open (--once and Check Now always check); the demo
    // market trades whenever the demo runs.
    p.session->enableMarketHours(!demo && p.settings->value("monitor/marketHoursOnly").toBool(),
                                 p.settings->closeGraceMinutes());

    // Alerts: every breach is stored with its deliveries in the cycle's transaction, then sent (and retried)
    // by the dispatcher.
    p.alerts = std::make_unique<AlertRepository>(p.database->connection());
    // This process holds the folder's lock: claims still in the outbox are those of a process that died.
    if (const Result<int> freed = p.alerts->releaseAllClaims(); !freed.ok())
        return freed.error();
    else if (freed.value() > 0)
        qCInfo(lcMonitor) << "Deliveries left claimed by a process that ended mid-send are due again:"
                          << freed.value();
    p.dispatcher = std::make_unique<OutboxDispatcher>(*p.alerts, m_clock);
    p.outbox = std::make_unique<AlertOutbox>(*p.alerts, *p.dispatcher, m_clock);
    p.outbox->setQuietHours(ChannelSettings::quietHours(*p.settings));
    p.digest = std::make_unique<DailyDigest>(*p.watchlist, *p.outbox, m_clock);
    if (m_options.mode != Mode::Once)
        p.digest->setOptions(ChannelSettings::digestOptions(*p.settings));
    p.health = std::make_unique<HealthWatch>(*p.outbox, m_clock);
    wireHealth();
    monitor.setBreachRecorder([outbox = p.outbox.get()](const Breach &breach, const StockState &stock) {
        return outbox->recordBreach(breach, stock.currency);
    });
    if (m_options.mode != Mode::Window) {
        // A misconfigured channel stops a headless run: silence would be worse.
        ChannelSet channels =
            channelsFromEnvironment(m_options.environment, &p.session->network(), &m_redactor);
        if (!channels.problems.isEmpty())
            return Error{ErrorCode::InvalidSetting, channels.problems.join(QLatin1Char('\n'))};
        setChannels(std::move(channels));
    } else {
        // The window records an alert for every channel its settings turn on, whether or not that channel's
        // secret has been read yet: a keychain that is slow or failing delays deliveries, never loses them.
        p.outbox->setChannelIds(ChannelSettings::enabledChannelIds(*p.settings));
        p.keychainRetry.setSingleShot(true);
        connect(&p.keychainRetry, &QTimer::timeout, this, &GuardianCore::loadChannelsFromSettings);
    }

    // Price history: every processed quote recorded; a long run also backfills daily candles and folds old
    // quotes; --once only records.
    p.history = std::make_unique<PriceHistory>(*p.database, *p.session, *p.watchlist, *p.settings, m_clock);
    p.history->start(m_options.mode != Mode::Once);
    // Streaming quotes unless --once, --no-stream or the setting says otherwise; polling covers the gaps.
    if (m_options.mode == Mode::Window || (m_options.mode == Mode::Headless && !m_options.global.noStream))
        p.stream =
            std::make_unique<StreamSession>(*p.session, *p.watchlist, m_clock, StreamSession::Options{});

    // Portfolio: positions imported from the window stay current in every long-running mode.
    p.holdings = std::make_unique<HoldingRepository>(p.database->connection());
    p.portfolio = std::make_unique<Portfolio>(*p.holdings);
    if (Status loaded = p.portfolio->reload(); !loaded.ok())
        qCWarning(lcMonitor).noquote() << loaded.error().message;
    p.portfolioImport = std::make_unique<PortfolioImport>(p.session->client(), *p.watchlist, *p.holdings,
                                                          *p.portfolio, m_clock);
    p.portfolioSync = std::make_unique<PortfolioSync>(p.session->client(), *p.watchlist, *p.holdings,
                                                      *p.portfolio, m_clock);
    if (demo)
        p.portfolioSync->setInterval(std::chrono::seconds(30));
    if (m_options.mode != Mode::Once) {
        connect(&p.session->auth(), &QuestradeAuth::stateChanged, p.portfolioSync.get(),
                [sync = p.portfolioSync.get()](ConnectionState state) {
                    if (state == ConnectionState::Connected && !sync->isActive())
                        sync->start();
                    else if (state == ConnectionState::NotConfigured ||
                             state == ConnectionState::Disconnected)
                        sync->stop();
                });
    }
    return success();
}

std::chrono::seconds GuardianCore::startInterval() const
{
    // --interval wins, then the demo's own, then the settings (default 5 min).
    if (m_options.global.intervalSeconds)
        return std::chrono::seconds(*m_options.global.intervalSeconds);
    if (m_options.global.demo)
        return std::chrono::seconds(DemoSetup::kIntervalSeconds);
    return m_parts->settings->checkInterval();
}

bool GuardianCore::streamingWanted() const
{
    return m_parts->stream && !m_options.global.noStream &&
           m_parts->settings->value(kUseStreamingKey).toBool();
}

void GuardianCore::wireHealth()
{
    Parts &p = *m_parts;
    Monitor &monitor = p.session->monitor();
    HealthWatch *health = p.health.get();
    health->setMarketOpenCheck(
        [&monitor] { return !monitor.marketState().known || monitor.marketState().open; });
    connect(&p.session->auth(), &QuestradeAuth::stateChanged, health, &HealthWatch::connectionStateChanged);
    connect(&monitor, &Monitor::cycleFinished, health, [health, &monitor](const CycleReport &report) {
        health->cycleFinished(report, monitor.interval());
    });
    // While streaming, polls are rare backups: streamed prices count as prices too.
    connect(&monitor, &Monitor::quotesApplied, health,
            [health](QuoteOrigin origin, const QuoteBatchReport &report) {
                if (origin == QuoteOrigin::Stream && report.quoted > 0)
                    health->quotesReceived();
            });
    connect(p.dispatcher.get(), &OutboxDispatcher::idle, this, [this] {
        // Later: idle may be emitted from inside a retired channel's callback.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_parts->dispatcher->isBusy())
                    m_parts->retiredChannels.clear();
            },
            Qt::QueuedConnection);
    });
}

void GuardianCore::setChannels(ChannelSet channels)
{
    Parts &p = *m_parts;
    p.retiredChannels.push_back(std::move(p.channels));
    p.channels = std::move(channels);
    p.dispatcher->setChannels(p.channels.pointers());
    if (!p.dispatcher->isBusy())
        p.retiredChannels.clear();
}

void GuardianCore::loadChannelsFromSettings()
{
    Parts &p = *m_parts;
    p.keychainRetry.stop();
    ChannelSettings::loadForSending(*p.settings, secrets(), this, [this](SendingChannelSettings loaded) {
        Parts &parts = *m_parts;
        Q_EMIT channelSettingsLoaded(loaded.data);
        ChannelSet channels = channelsFromSettings(loaded.data, &parts.session->network(), &m_redactor);
        if (!channels.problems.isEmpty())
            Q_EMIT channelProblem(channels.problems.join(QLatin1Char(' ')));
        setChannels(std::move(channels));
        setWaitingForKeychain(loaded.unreadable, loaded.readError);
        // The first start sends everything pending (earlier runs, breaches recorded while loading); later
        // loads only add channels, whose deliveries are due already, and keep every backoff.
        if (!parts.dispatcherStarted) {
            parts.dispatcherStarted = true;
            parts.dispatcher->start();
        } else {
            parts.dispatcher->wake();
        }
    });
}

void GuardianCore::setWaitingForKeychain(const QStringList &channelIds, const QString &readError)
{
    Parts &p = *m_parts;
    if (!channelIds.isEmpty()) {
        if (channelIds != p.waitingForKeychain)
            qCWarning(lcMonitor).noquote() << "Waiting for the keychain for"
                                           << channelIds.join(QStringLiteral(", ")) << "-" << readError;
        Q_EMIT channelProblem(
            Guardian::tr("Waiting for the keychain: the secret of %1 cannot be read yet (%2). "
                         "Its alerts are kept and sent as soon as it can be read.")
                .arg(channelIds.join(QStringLiteral(", ")), readError));
        p.keychainRetry.start(m_options.keychainRetry);
    }
    if (channelIds == p.waitingForKeychain)
        return;
    p.waitingForKeychain = channelIds;
    Q_EMIT waitingForKeychainChanged(channelIds);
}

QStringList GuardianCore::waitingForKeychain() const
{
    return m_parts->waitingForKeychain;
}

QString GuardianCore::modeName() const
{
    switch (m_options.mode) {
    case Mode::Window:
        return Guardian::tr("the window");
    case Mode::Headless:
        return QStringLiteral("--headless");
    case Mode::Once:
        return QStringLiteral("--headless --once");
    }
    return {};
}

void GuardianCore::start()
{
    Parts &p = *m_parts;
    Monitor &monitor = p.session->monitor();
    if (m_options.mode == Mode::Window) {
        // The monitor runs while an account is connected (or reachable again soon); it waits otherwise.
        connect(&p.session->auth(), &QuestradeAuth::stateChanged, this,
                [this](ConnectionState state, const QString &message) {
                    Parts &parts = *m_parts;
                    Monitor &monitor = parts.session->monitor();
                    const bool usable =
                        state == ConnectionState::Connected || state == ConnectionState::Offline;
                    if (usable && !monitor.isActive())
                        monitor.start();
                    else if ((state == ConnectionState::NotConfigured ||
                              state == ConnectionState::Disconnected) &&
                             monitor.isActive())
                        monitor.stop();
                    if (parts.firstState && state != ConnectionState::Connecting) {
                        parts.firstState = false;
                        if (state == ConnectionState::NotConfigured && !m_options.global.demo)
                            Q_EMIT notConnectedAtStart(message);
                    }
                });
    }
    if (m_options.mode == Mode::Once) {
        connect(&monitor, &Monitor::cycleFinished, this, [this](const CycleReport &report) {
            const int exitCode = report.ok ? Cli::kExitSuccess : Cli::kExitFailure;
            // A cron-driven setup retries too: every pending delivery gets one attempt, due or not.
            m_parts->dispatcher->attemptAllPending([this, exitCode] { Q_EMIT onceFinished(exitCode); });
        });
    }

    if (m_options.global.demo)
        p.session->auth().connectWithRefreshToken(p.market->server()->issueRefreshToken(),
                                                  BrokerEnvironment::Practice);
    else
        p.session->auth().bootstrapFromEnvironment(m_options.environment);

    if (m_options.mode == Mode::Window) {
        if (streamingWanted())
            p.stream->start();
        loadChannelsFromSettings();
    } else {
        startHeadless();
    }
}

void GuardianCore::startHeadless()
{
    // Make sure there is a usable token before the first cycle: without an account there is nothing to
    // watch, and headless mode cannot ask.
    m_parts->session->auth().withAccessToken(this, [this](Result<AccessGrant> grant) {
        Parts &parts = *m_parts;
        if (m_stopping)
            return; // the token came while quitting (finishTokenExchange): start nothing
        if (!grant.ok() && (grant.error().code == ErrorCode::NotConfigured ||
                            grant.error().code == ErrorCode::AuthRejected)) {
            Q_EMIT notConnectedAtStart(grant.error().message);
            return;
        }
        // Offline is not fatal: the monitor keeps trying and logs each failed check.
        Q_EMIT watching();
        if (m_options.mode == Mode::Once) {
            parts.session->monitor().checkNow();
            return;
        }
        parts.dispatcher->start(); // deliveries left pending by an earlier run go out now
        parts.session->monitor().start();
        if (streamingWanted())
            parts.stream->start();
    });
}

void GuardianCore::stop()
{
    m_stopping = true;
    if (m_parts->session)
        m_parts->session->monitor().stop();
    if (m_parts->dispatcher)
        m_parts->dispatcher->stop();
}

void GuardianCore::applySettings()
{
    Parts &p = *m_parts;
    Monitor &monitor = p.session->monitor();
    monitor.setRepeatPolicy(p.settings->repeatPolicy());
    monitor.setIncludeExtendedHours(p.settings->includeExtendedHours());
    // --interval wins; otherwise a changed interval applies at once (a demo keeps its own until then).
    if (!m_options.global.intervalSeconds && p.settings->checkInterval() != p.settingsInterval)
        monitor.setInterval(p.settings->checkInterval());
    p.settingsInterval = p.settings->checkInterval();
    if (!m_options.global.demo) {
        p.session->marketHours().setGracePeriod(p.settings->closeGraceMinutes());
        monitor.setPollOnlyWhileOpen(p.settings->value("monitor/marketHoursOnly").toBool());
    }
    p.outbox->setQuietHours(ChannelSettings::quietHours(*p.settings));
    if (m_options.mode != Mode::Once)
        p.digest->setOptions(ChannelSettings::digestOptions(*p.settings));
    if (m_options.mode == Mode::Window)
        p.outbox->setChannelIds(ChannelSettings::enabledChannelIds(*p.settings));
    if (p.stream) {
        if (streamingWanted())
            p.stream->start();
        else
            p.stream->stop();
    }
    if (m_options.mode == Mode::Window)
        loadChannelsFromSettings();
}

const AppPaths &GuardianCore::paths() const
{
    return m_parts->paths;
}
Database &GuardianCore::database()
{
    return *m_parts->database;
}
Settings &GuardianCore::settings()
{
    return *m_parts->settings;
}
WatchlistService &GuardianCore::watchlist()
{
    return *m_parts->watchlist;
}
SecretStore &GuardianCore::secrets()
{
    return m_options.secretStore ? *m_options.secretStore : *m_parts->secrets.store;
}
QString GuardianCore::secretStoreNotice() const
{
    return m_parts->secrets.notice;
}
SimulatedMarket *GuardianCore::market()
{
    return m_parts->market.get();
}
void GuardianCore::finishTokenExchange()
{
    if (m_parts->session)
        Runners::finishTokenExchange(m_parts->session->auth());
}

BrokerSession &GuardianCore::session()
{
    return *m_parts->session;
}
Monitor &GuardianCore::monitor()
{
    return m_parts->session->monitor();
}
StreamSession *GuardianCore::stream()
{
    return m_parts->stream.get();
}
PriceHistory &GuardianCore::history()
{
    return *m_parts->history;
}
AlertRepository &GuardianCore::alerts()
{
    return *m_parts->alerts;
}
OutboxDispatcher &GuardianCore::dispatcher()
{
    return *m_parts->dispatcher;
}
AlertOutbox &GuardianCore::outbox()
{
    return *m_parts->outbox;
}
HealthWatch &GuardianCore::health()
{
    return *m_parts->health;
}
DailyDigest &GuardianCore::digest()
{
    return *m_parts->digest;
}
HoldingRepository &GuardianCore::holdings()
{
    return *m_parts->holdings;
}
Portfolio &GuardianCore::portfolio()
{
    return *m_parts->portfolio;
}
PortfolioImport &GuardianCore::portfolioImport()
{
    return *m_parts->portfolioImport;
}
PortfolioSync &GuardianCore::portfolioSync()
{
    return *m_parts->portfolioSync;
}

} // namespace trailguard::Runners
