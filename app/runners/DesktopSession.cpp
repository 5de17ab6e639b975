#include "runners/DesktopSession.h"

#include "CoreBinding.h"
#include "MainWindow.h"
#include "TrayIcon.h"
#include "alerts/AlertOutbox.h"
#include "alerts/ChannelFactory.h"
#include "alerts/ChannelSettings.h"
#include "alerts/DailyDigest.h"
#include "alerts/HealthWatch.h"
#include "alerts/OutboxDispatcher.h"
#include "common/Clock.h"
#include "demo/SimulatedMarket.h"
#include "history/ChartDataProvider.h"
#include "history/HistoryProgressIndicator.h"
#include "history/PriceHistory.h"
#include "history/PriceHistoryImportController.h"
#include "monitor/BrokerSession.h"
#include "monitor/StreamSession.h"
#include "portfolio/Portfolio.h"
#include "portfolio/PortfolioImport.h"
#include "portfolio/PortfolioSync.h"
#include "replay/BacktestRunner.h"
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
#include "welcome/WelcomeWizard.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QStatusBar>

namespace trailguard::Runners {

namespace {
class Desktop {
    Q_DECLARE_TR_FUNCTIONS(Desktop)
};
// The settings key of "Use streaming quotes" (default true, see Settings.cpp).
constexpr char kUseStreamingKey[] = "quotes/useStreaming";
} // namespace

// Declared in the order they are built; destroyed in reverse.
struct DesktopSession::Parts {
    SystemClock clock;
    std::unique_ptr<Database> database;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<StockRepository> stocks;
    std::unique_ptr<WatchlistService> watchlist;
    std::unique_ptr<SimulatedMarket> market;
    SecretStoreChoice secrets;
    std::unique_ptr<BrokerSession> session;
    // Imported positions (File > Import Positions…), kept current while connected.
    std::unique_ptr<HoldingRepository> holdings;
    std::unique_ptr<Portfolio> portfolio;
    std::unique_ptr<PortfolioImport> portfolioImport;
    std::unique_ptr<PortfolioSync> portfolioSync;
    std::unique_ptr<StreamSession> stream;        // real-time quotes; the monitor polls while it is down
    std::unique_ptr<PriceHistory> history;        // quotes recorded, daily candles backfilled, retention
    std::unique_ptr<ChartDataProvider> chartData; // the window's chart and sparklines, from the history
    std::unique_ptr<AlertRepository> alerts;
    std::unique_ptr<OutboxDispatcher> dispatcher;
    std::unique_ptr<AlertOutbox> outbox;
    std::unique_ptr<HealthWatch> health;
    std::unique_ptr<DailyDigest> digest;
    ChannelSet channels;
    // Channels replaced by a settings reload, kept until the dispatcher is idle: a channel destroyed during
    // its send would never call the dispatcher back.
    std::vector<ChannelSet> retiredChannels;
    std::chrono::seconds settingsInterval{0}; // the check interval the settings had when last applied
    std::unique_ptr<ui::MainWindow> window;
    std::unique_ptr<ui::TrayIcon> tray;
    bool firstState = true;
};

DesktopSession::DesktopSession(Options options, SecretRedactor &redactor, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_redactor(redactor)
    , m_parts(std::make_unique<Parts>())
{}

DesktopSession::~DesktopSession()
{
    if (m_parts->session)
        m_parts->session->monitor().stop();
    if (m_parts->dispatcher)
        m_parts->dispatcher->stop();
    if (m_parts->settings)
        m_parts->settings->sync();
}

Status DesktopSession::start()
{
    Parts &p = *m_parts;
    Cli::GlobalOptions global = m_options.global;
    global.demo = m_options.demo;
    const auto paths = AppPaths::resolve(DemoSetup::dataDir(global));
    if (!paths.ok())
        return paths.error();
    auto database = Database::open(paths.value().databaseFile());
    if (!database.ok())
        return database.error();
    p.database = std::move(database).value();
    p.settings = Settings::forFile(paths.value().settingsFile);
    p.stocks = std::make_unique<StockRepository>(p.database->connection());
    p.watchlist = std::make_unique<WatchlistService>(*p.stocks, p.clock);

    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    BrokerSession::Options sessionOptions{QuestradeAuth::Options::fromEnvironment(environment), {}};
    sessionOptions.auth.redactor = &m_redactor;
    if (m_options.demo) {
        p.market = DemoSetup::startMarket();
        if (!p.market)
            return Error{ErrorCode::NetworkError,
                         Desktop::tr("The demo market could not open a port on 127.0.0.1.")};
        p.secrets.store = std::make_unique<MemorySecretStore>();
        sessionOptions.auth.loginUrlOverride = p.market->server()->loginUrl().toString();
        if (Status added = DemoSetup::addDemoTickers(*p.watchlist); !added.ok())
            return added;
    } else {
        p.secrets = createSecretStore(environment, paths.value().dataDir);
    }
    p.session = std::make_unique<BrokerSession>(*p.secrets.store, *p.watchlist, p.clock, sessionOptions);
    Monitor &monitor = p.session->monitor();
    const auto interval = m_options.global.intervalSeconds
                              ? std::chrono::seconds(*m_options.global.intervalSeconds)
                              : (m_options.demo ? std::chrono::seconds(DemoSetup::kIntervalSeconds)
                                                : p.settings->checkInterval());
    monitor.setInterval(interval);
    monitor.setRepeatPolicy(p.settings->repeatPolicy());
    // The demo market trades whenever the demo runs.
    p.session->enableMarketHours(
        !m_options.demo && p.settings->value("monitor/marketHoursOnly").toBool(),
        std::chrono::minutes(p.settings->value("monitor/closeGraceMinutes").toInt()));

    p.alerts = std::make_unique<AlertRepository>(p.database->connection());
    p.dispatcher = std::make_unique<OutboxDispatcher>(*p.alerts, p.clock);
    p.outbox = std::make_unique<AlertOutbox>(*p.alerts, *p.dispatcher, p.clock);
    p.outbox->setQuietHours(ChannelSettings::quietHours(*p.settings));
    p.digest = std::make_unique<DailyDigest>(*p.watchlist, *p.outbox, p.clock);
    p.digest->setOptions(ChannelSettings::digestOptions(*p.settings));
    p.health = std::make_unique<HealthWatch>(*p.outbox, p.clock);
    p.health->setMarketOpenCheck(
        [&monitor] { return !monitor.marketState().known || monitor.marketState().open; });
    connect(&p.session->auth(), &QuestradeAuth::stateChanged, p.health.get(),
            &HealthWatch::connectionStateChanged);
    connect(&monitor, &Monitor::cycleFinished, p.health.get(),
            [health = p.health.get(), &monitor](const CycleReport &report) {
                health->cycleFinished(report, monitor.interval());
            });
    // While streaming, polls are rare backups: streamed prices count as prices too.
    connect(&monitor, &Monitor::quotesApplied, p.health.get(),
            [health = p.health.get()](QuoteOrigin origin, const QuoteBatchReport &report) {
                if (origin == QuoteOrigin::Stream && report.quoted > 0)
                    health->quotesReceived();
            });
    connect(p.dispatcher.get(), &OutboxDispatcher::deliveryFinished, p.health.get(),
            [health = p.health.get()](const Delivery &delivery, const DeliveryResult &result) {
                health->deliveryFinished(delivery.channel,
                                         result.outcome == DeliveryResult::Outcome::Delivered, result.reason);
            });
    monitor.setBreachRecorder([outbox = p.outbox.get()](const Breach &breach, const StockState &stock) {
        return outbox->recordBreach(breach, stock.currency);
    });

    p.history = std::make_unique<PriceHistory>(*p.database, *p.session, *p.watchlist, *p.settings, p.clock);
    p.history->start();

    p.window = std::make_unique<ui::MainWindow>(*p.watchlist, *p.settings);
    {
        auto *historyProgress = new ui::HistoryProgressIndicator(p.window.get());
        p.window->statusBar()->addPermanentWidget(historyProgress);
        connect(&p.history->backfill(), &CandleBackfill::progressChanged, historyProgress,
                &ui::HistoryProgressIndicator::setProgress);
        // File > Import Price History… (the controller belongs to the window).
        auto *importer = new ui::PriceHistoryImportController(
            *p.window, p.database->filePath(), [window = p.window.get()] { return window->currentTicker(); },
            p.window.get());
        // The chart and the sparklines read the stored history; new history shows at once.
        p.chartData = std::make_unique<ChartDataProvider>(p.history->repository(), *p.watchlist, *p.alerts);
        p.window->setChartProvider(
            [chart = p.chartData.get()](const QString &ticker) { return chart->series(ticker); });
        p.window->setSparklineProvider([chart = p.chartData.get(), clock = &p.clock](const QString &ticker) {
            return chart->lastMonth(ticker, clock->now());
        });
        connect(importer, &ui::PriceHistoryImportController::imported, p.window.get(),
                &ui::MainWindow::refreshChart);
        connect(&p.history->backfill(), &CandleBackfill::finished, p.window.get(),
                &ui::MainWindow::refreshChart);
    }
    // Backtest… replays the ticker's stored daily candles (all of them; the window picks the period).
    p.window->setBacktestDataProvider(
        [history = p.history.get()](const QString &ticker) -> Result<QList<PriceRow>> {
            const QDateTime from(QDate(1900, 1, 1), QTime(0, 0), Qt::UTC);
            const QDateTime to(QDate(9999, 1, 1), QTime(0, 0), Qt::UTC);
            const Result<QList<StoredCandle>> candles =
                history->repository().candles(ticker, CandleInterval::OneDay, from, to);
            if (!candles)
                return candles.error();
            return Backtest::rowsFromCandles(ticker, candles.value());
        });
    p.tray = std::make_unique<ui::TrayIcon>(*p.window);
    QApplication::setQuitOnLastWindowClosed(!p.tray->isAvailable());
    p.window->setHidesToTray(p.tray->isAvailable());
    p.window->setDemoMode(m_options.demo);
    p.window->setDemoAvailable(!m_options.demo);
    connect(p.window.get(), &ui::MainWindow::demoRequested, this, &DesktopSession::demoRequested);

    // The monitor runs while an account is connected (or reachable again soon); it waits otherwise.
    connect(&p.session->auth(), &QuestradeAuth::stateChanged, this, [this](ConnectionState state) {
        Parts &parts = *m_parts;
        Monitor &monitor = parts.session->monitor();
        const bool usable = state == ConnectionState::Connected || state == ConnectionState::Offline;
        if (usable && !monitor.isActive())
            monitor.start();
        else if ((state == ConnectionState::NotConfigured || state == ConnectionState::Disconnected) &&
                 monitor.isActive())
            monitor.stop();
        if (parts.firstState && state != ConnectionState::Connecting) {
            parts.firstState = false;
            if (state == ConnectionState::NotConfigured && !m_options.demo)
                Q_EMIT notConnectedAtStart();
        }
    });

    if (m_options.demo)
        p.session->auth().connectWithRefreshToken(p.market->server()->issueRefreshToken(),
                                                  BrokerEnvironment::Practice);
    else
        p.session->auth().bootstrapFromEnvironment(environment);
    ui::bindToCore(*p.window, *p.tray, p.session->auth(), monitor);
    // Streaming quotes by default (--no-stream or the setting turn it off); polling covers the gaps.
    p.stream = std::make_unique<StreamSession>(*p.session, *p.watchlist, p.clock, StreamSession::Options{});
    ui::bindQuoteFeed(*p.window, *p.stream);
    if (!m_options.global.noStream && p.settings->value(kUseStreamingKey).toBool())
        p.stream->start();
    connect(p.window.get(), &ui::MainWindow::settingsSaved, this, [this] {
        Parts &parts = *m_parts;
        const bool wanted = !m_options.global.noStream && parts.settings->value(kUseStreamingKey).toBool();
        if (wanted)
            parts.stream->start();
        else
            parts.stream->stop();
    });
    // Portfolio: the import dialog, the position columns and totals, and a sync every few minutes while
    // connected and with every Check Now.
    p.holdings = std::make_unique<HoldingRepository>(p.database->connection());
    p.portfolio = std::make_unique<Portfolio>(*p.holdings);
    if (Status loaded = p.portfolio->reload(); !loaded.ok())
        p.window->statusBar()->showMessage(loaded.error().message);
    p.portfolioImport = std::make_unique<PortfolioImport>(p.session->client(), *p.watchlist, *p.holdings,
                                                          *p.portfolio, p.clock);
    p.portfolioSync = std::make_unique<PortfolioSync>(p.session->client(), *p.watchlist, *p.holdings,
                                                      *p.portfolio, p.clock);
    if (m_options.demo)
        p.portfolioSync->setInterval(std::chrono::seconds(30));
    p.window->setPortfolioServices({p.portfolioImport.get(), p.portfolioSync.get(), p.portfolio.get()});
    connect(p.window.get(), &ui::MainWindow::checkNowRequested, p.portfolioSync.get(),
            &PortfolioSync::syncNow);
    connect(&p.session->auth(), &QuestradeAuth::stateChanged, p.portfolioSync.get(),
            [sync = p.portfolioSync.get()](ConnectionState state) {
                if (state == ConnectionState::Connected && !sync->isActive())
                    sync->start();
                else if (state == ConnectionState::NotConfigured || state == ConnectionState::Disconnected)
                    sync->stop();
            });
    wireSettingsAndHistory();
    connectChannels();
    // Start at login / --minimized: only the tray icon, when there is a tray to come back from.
    const bool minimized = m_options.global.minimized || p.settings->startMinimized();
    if (!minimized || !p.tray->isAvailable())
        p.window->show();
    if (!p.secrets.notice.isEmpty())
        p.window->statusBar()->showMessage(p.secrets.notice);
    // The welcome: on the first launch (not when starting minimised at login), or going on where it was
    // before the demo replaced the window.
    if (m_options.welcomePage)
        p.window->openWelcome(*m_options.welcomePage);
    else if (!minimized && !p.settings->value(ui::WelcomeWizard::kShownKey).toBool())
        p.window->openWelcome();
    return success();
}

void DesktopSession::raiseWindow()
{
    if (m_parts->window)
        m_parts->window->showAndRaise();
}

std::optional<int> DesktopSession::welcomePage() const
{
    const ui::WelcomeWizard *welcome = m_parts->window ? m_parts->window->welcomeWizard() : nullptr;
    if (!welcome || !welcome->isVisible())
        return std::nullopt;
    return welcome->currentId();
}

void DesktopSession::flushPendingWrites()
{
    if (m_parts->window)
        m_parts->window->saveWindowLayout();
    if (m_parts->settings)
        m_parts->settings->sync();
}

void DesktopSession::finishTokenExchange()
{
    if (m_parts->session)
        Runners::finishTokenExchange(m_parts->session->auth());
}

void DesktopSession::connectChannels()
{
    Parts &p = *m_parts;
    ChannelSettings::load(*p.settings, *p.secrets.store, this, [this](Result<ChannelSettingsData> data) {
        Parts &parts = *m_parts;
        if (!data.ok()) {
            parts.window->statusBar()->showMessage(data.error().message);
            return;
        }
        parts.tray->setBreachMessagesEnabled(data.value().trayEnabled);
        parts.retiredChannels.push_back(std::move(parts.channels));
        parts.channels = channelsFromSettings(data.value(), &parts.session->network(), &m_redactor);
        if (!parts.channels.problems.isEmpty())
            parts.window->statusBar()->showMessage(parts.channels.problems.join(QLatin1Char(' ')));
        parts.dispatcher->setChannels(parts.channels.pointers());
        if (!parts.dispatcher->isBusy())
            parts.retiredChannels.clear();
        parts.dispatcher->start();
    });
}

// The settings dialog (Settings…) and the alert history (Alert History…) of the window.
void DesktopSession::wireSettingsAndHistory()
{
    Parts &p = *m_parts;
    ui::SettingsDialog::Services services;
    services.secrets = p.secrets.store.get();
    services.test = {&p.session->network(), &p.clock, &m_redactor};
    services.tray = p.tray.get();
    p.window->setSettingsServices(services);
    p.settingsInterval = p.settings->checkInterval();
    connect(p.window.get(), &ui::MainWindow::settingsSaved, this, [this] {
        Parts &parts = *m_parts;
        Monitor &monitor = parts.session->monitor();
        monitor.setRepeatPolicy(parts.settings->repeatPolicy());
        // --interval wins; otherwise a changed interval applies at once (a demo keeps its own until then).
        if (!m_options.global.intervalSeconds && parts.settings->checkInterval() != parts.settingsInterval)
            monitor.setInterval(parts.settings->checkInterval());
        parts.settingsInterval = parts.settings->checkInterval();
        if (!m_options.demo) {
            parts.session->marketHours().setGracePeriod(
                std::chrono::minutes(parts.settings->value("monitor/closeGraceMinutes").toInt()));
            monitor.setPollOnlyWhileOpen(parts.settings->value("monitor/marketHoursOnly").toBool());
        }
        parts.outbox->setQuietHours(ChannelSettings::quietHours(*parts.settings));
        parts.digest->setOptions(ChannelSettings::digestOptions(*parts.settings));
        connectChannels();
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

    constexpr int kHistoryLength = 500;
    p.window->setAlertHistorySource([alerts = p.alerts.get()] { return alerts->recent(kHistoryLength); },
                                    [alerts = p.alerts.get(), clock = &p.clock](qint64 alertId) {
                                        return alerts->acknowledge(alertId, clock->now());
                                    });
    connect(p.dispatcher.get(), &OutboxDispatcher::deliveryFinished, p.window.get(),
            &ui::MainWindow::refreshAlertHistory);
}

} // namespace trailguard::Runners
