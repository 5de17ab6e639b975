#include "runners/GuardianCore.h"
#include "runners/FinishTokenExchange.h"
#include "runners/RunnersLogging.h"

#include "demo/SimulatedMarket.h"
#include "monitor/BrokerSession.h"
#include "monitor/StreamSession.h"
#include "portfolio/Portfolio.h"
#include "portfolio/PortfolioImport.h"
#include "portfolio/PortfolioSync.h"
#include "runners/DataFolderLock.h"
#include "runners/DemoSetup.h"
#include "runners/GuardianAlerts.h"
#include "runners/GuardianSettings.h"
#include "runners/GuardianTelegram.h"
#include "runners/GuardianWiring.h"
#include "runners/PriceHistory.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/Redact.h"
#include "settings/AppPaths.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "storage/HoldingRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QCoreApplication>

namespace trailguard::Runners {

namespace {
class Guardian {
    Q_DECLARE_TR_FUNCTIONS(Guardian)
};

GuardianSettings::Scope settingsScope(GuardianCore::Mode mode)
{
    switch (mode) {
    case GuardianCore::Mode::Window:
        return GuardianSettings::Scope::Window;
    case GuardianCore::Mode::Headless:
        return GuardianSettings::Scope::Headless;
    case GuardianCore::Mode::Once:
        return GuardianSettings::Scope::Once;
    }
    return GuardianSettings::Scope::Window;
}
} // namespace

// Declared in the order they are built; destroyed in reverse.
struct GuardianCore::Parts {
    AppPaths paths;
    std::unique_ptr<DataFolderLock> lock; // held from the first step to the last
    std::unique_ptr<Database> database;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<GuardianSettings> applied; // what of the settings the running core follows
    std::unique_ptr<StockRepository> stocks;
    std::unique_ptr<WatchlistService> watchlist;
    std::unique_ptr<SimulatedMarket> market;
    SecretStoreChoice secrets;
    std::unique_ptr<BrokerSession> session;
    std::unique_ptr<GuardianAlerts> alerting;    // outbox, dispatcher, channels, acknowledgements, escalation
    std::unique_ptr<PriceHistory> history;       // quotes recorded, daily candles backfilled, retention
    std::unique_ptr<StreamSession> stream;       // real-time quotes; the monitor polls while it is down
    std::unique_ptr<HoldingRepository> holdings; // imported positions, kept current while connected
    std::unique_ptr<Portfolio> portfolio;
    std::unique_ptr<PortfolioImport> portfolioImport;
    std::unique_ptr<PortfolioSync> portfolioSync;

    GuardianSettings::Targets settingsTargets()
    {
        return {*session,     alerting->outbox(), alerting->digest(),
                stream.get(), &alerting->gate(),  &alerting->dispatcher()};
    }
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
    p.applied =
        std::make_unique<GuardianSettings>(*p.settings, m_options.global, settingsScope(m_options.mode));
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
    p.session = std::make_unique<BrokerSession>(secrets(), *p.watchlist, m_clock, sessionOptions);

    if (Status opened = openAlerts(); !opened.ok())
        return opened;

    // Price history: every processed quote recorded; a long run also backfills daily candles and folds old
    // quotes; --once only records.
    p.history = std::make_unique<PriceHistory>(*p.database, *p.session, *p.watchlist, *p.settings, m_clock);
    p.history->start(m_options.mode != Mode::Once);
    // Streaming quotes unless --once, --no-stream or the setting says otherwise; polling covers the gaps.
    if (m_options.mode == Mode::Window || (m_options.mode == Mode::Headless && !m_options.global.noStream))
        p.stream =
            std::make_unique<StreamSession>(*p.session, *p.watchlist, m_clock, StreamSession::Options{});

    openPortfolio();
    return success();
}

// Alerts: the outbox first, then the settings (escalation, quiet hours, digest) reach it, then the channels.
Status GuardianCore::openAlerts()
{
    Parts &p = *m_parts;
    p.alerting = std::make_unique<GuardianAlerts>(GuardianAlerts::Needs{
        *p.database, *p.settings, *p.watchlist, *p.session, secrets(), m_redactor, m_clock,
        m_options.environment, m_options.global.demo, m_options.mode == Mode::Window,
        m_options.mode != Mode::Once, m_options.keychainRetry});
    connect(p.alerting.get(), &GuardianAlerts::channelSettingsLoaded, this,
            &GuardianCore::channelSettingsLoaded);
    connect(p.alerting.get(), &GuardianAlerts::channelProblem, this, &GuardianCore::channelProblem);
    connect(p.alerting.get(), &GuardianAlerts::waitingForKeychainChanged, this,
            &GuardianCore::waitingForKeychainChanged);
    if (Status opened = p.alerting->openOutbox(); !opened.ok())
        return opened;
    // Headless: TRAILGUARD_ESCALATION wins over the file; either one invalid stops the start.
    if (m_options.mode != Mode::Window) {
        if (Status escalation = p.applied->useEscalationFromEnvironment(m_options.environment);
            !escalation.ok())
            return escalation;
    }
    p.applied->applyAtOpen(p.settingsTargets());
    return p.alerting->openChannels([this] {
        return GuardianTelegram::statusText(m_parts->alerting->health(), m_parts->session->monitor(),
                                            m_parts->stream.get());
    });
}

// Portfolio: positions imported from the window stay current in every long-running mode.
void GuardianCore::openPortfolio()
{
    Parts &p = *m_parts;
    p.holdings = std::make_unique<HoldingRepository>(p.database->connection());
    p.portfolio = std::make_unique<Portfolio>(*p.holdings);
    if (Status loaded = p.portfolio->reload(); !loaded.ok())
        qCWarning(lcRunners).noquote() << loaded.error().message;
    p.portfolioImport = std::make_unique<PortfolioImport>(p.session->client(), *p.watchlist, *p.holdings,
                                                          *p.portfolio, m_clock);
    p.portfolioSync = std::make_unique<PortfolioSync>(p.session->client(), *p.watchlist, *p.holdings,
                                                      *p.portfolio, m_clock);
    if (m_options.global.demo)
        p.portfolioSync->setInterval(std::chrono::seconds(30));
    if (m_options.mode != Mode::Once)
        GuardianWiring::syncPortfolioWhileConnected(*p.portfolioSync, *p.session);
}

QStringList GuardianCore::waitingForKeychain() const
{
    return m_parts->alerting ? m_parts->alerting->waitingForKeychain() : QStringList{};
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
    if (m_options.mode == Mode::Window) {
        GuardianWiring::runMonitorWhileConnected(
            *p.session, this, [this](ConnectionState state, const QString &message) {
                if (state == ConnectionState::NotConfigured && !m_options.global.demo)
                    Q_EMIT notConnectedAtStart(message);
            });
    }
    if (m_options.mode == Mode::Once) {
        connect(&p.session->monitor(), &Monitor::cycleFinished, this, [this](const CycleReport &report) {
            const int exitCode = report.ok ? Cli::kExitSuccess : Cli::kExitFailure;
            // A cron-driven setup retries too: every pending delivery gets one attempt, due or not.
            m_parts->alerting->dispatcher().attemptAllPending(
                [this, exitCode] { Q_EMIT onceFinished(exitCode); });
        });
    }

    p.alerting->startTelegram();
    if (m_options.global.demo)
        p.session->auth().connectWithRefreshToken(p.market->server()->issueRefreshToken(),
                                                  BrokerEnvironment::Practice);
    else
        p.session->auth().bootstrapFromEnvironment(m_options.environment);

    if (m_options.mode == Mode::Window) {
        if (p.applied->streamingWanted(p.stream.get()))
            p.stream->start();
        p.alerting->channels().loadFromSettings();
        // Settings saved by the window apply at once (channels wait for applySettings: secrets changed too).
        p.applied->followChanges([this] { return m_parts->settingsTargets(); });
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
        parts.alerting->dispatcher().start(); // deliveries left pending by an earlier run go out now
        parts.session->monitor().start();
        if (parts.applied->streamingWanted(parts.stream.get()))
            parts.stream->start();
    });
}

void GuardianCore::stop()
{
    m_stopping = true;
    if (m_parts->session)
        m_parts->session->monitor().stop();
    if (m_parts->alerting)
        m_parts->alerting->stop();
}

void GuardianCore::applySettings()
{
    Parts &p = *m_parts;
    p.applied->applyChanges(p.settingsTargets());
    if (m_options.mode == Mode::Window)
        p.alerting->channels().loadFromSettings();
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
GuardianAlerts &GuardianCore::alerting()
{
    return *m_parts->alerting;
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
