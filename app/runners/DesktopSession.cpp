#include "runners/DesktopSession.h"

#include "BreachNotifier.h"
#include "CoreBinding.h"
#include "MainWindow.h"
#include "TrayIcon.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "charts/StoredChartReader.h"
#include "history/HistoryProgressIndicator.h"
#include "history/PriceHistoryImportController.h"
#include "history/SparklineHistory.h"
#include "monitor/BrokerSession.h"
#include "monitor/StreamSession.h"
#include "portfolio/Portfolio.h"
#include "portfolio/PortfolioImport.h"
#include "portfolio/PortfolioSync.h"
#include "replay/BacktestRunner.h"
#include "runners/GuardianAlerts.h"
#include "runners/GuardianCore.h"
#include "runners/GuardianWeb.h"
#include "runners/PriceHistory.h"
#include "runners/RunnersLogging.h"
#include "settings/Settings.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "web/server/WebDashboard.h"
#include "welcome/WelcomeWizard.h"

#include <QApplication>
#include <QStatusBar>

namespace trailguard::Runners {

// Declared in the order they are built; destroyed in reverse.
struct DesktopSession::Parts {
    std::unique_ptr<GuardianCore> core;
    std::unique_ptr<ui::MainWindow> window;
    std::unique_ptr<ui::TrayIcon> tray;
    std::unique_ptr<ui::BreachNotifier> breachNotifier;
    std::unique_ptr<Web::WebDashboard> web; // only when web/listen is set
};

DesktopSession::DesktopSession(Options options, SecretRedactor &redactor, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_redactor(redactor)
    , m_parts(std::make_unique<Parts>())
{}

DesktopSession::~DesktopSession()
{
    if (m_parts->core)
        m_parts->core->stop();
}

Status DesktopSession::start()
{
    Parts &p = *m_parts;
    GuardianCore::Options coreOptions;
    coreOptions.mode = GuardianCore::Mode::Window;
    coreOptions.global = m_options.global;
    coreOptions.global.demo = m_options.demo;
    p.core = std::make_unique<GuardianCore>(std::move(coreOptions), m_redactor);
    if (Status opened = p.core->open(); !opened.ok())
        return opened;
    GuardianCore &core = *p.core;

    p.window = std::make_unique<ui::MainWindow>(core.watchlist(), core.settings());
    {
        auto *historyProgress = new ui::HistoryProgressIndicator(p.window.get());
        p.window->statusBar()->addPermanentWidget(historyProgress);
        connect(&core.history().backfill(), &CandleBackfill::progressChanged, historyProgress,
                &ui::HistoryProgressIndicator::setProgress);
        // File > Import Price History… (the controller belongs to the window).
        auto *importer = new ui::PriceHistoryImportController(
            *p.window, core.database().filePath(),
            [window = p.window.get()] { return window->currentTicker(); }, p.window.get());
        // The chart and the sparklines read the stored history (new history shows at once). The chart reads
        // on its own worker thread and connection, never on the GUI thread.
        p.window->setChartSource(ui::storedChartReader(core.database().filePath()));
        // The sparklines load in batches on a worker, with a connection of its own; "now" is read here.
        p.window->setSparklineProvider(
            [file = core.database().filePath(), clock = &core.clock()](const QStringList &tickers) {
                return [file, tickers, now = clock->now()] {
                    Result<SparklineHistory::Sparklines> sparklines =
                        SparklineHistory::loadLastMonth(file, tickers, now);
                    return sparklines ? std::move(sparklines).value() : SparklineHistory::Sparklines{};
                };
            });
        connect(importer, &ui::PriceHistoryImportController::imported, p.window.get(),
                &ui::MainWindow::refreshChart);
        connect(&core.history().backfill(), &CandleBackfill::finished, p.window.get(),
                &ui::MainWindow::refreshChart);
    }
    // Backtest… replays the ticker's stored daily candles (all of them; the window picks the period). The
    // window reads them on a worker thread, so on a connection of its own.
    p.window->setBacktestDataProvider(
        [file = core.database().filePath()](const QString &ticker) -> Result<QList<PriceRow>> {
            const Result<std::unique_ptr<Database>> database = Database::open(file);
            if (!database)
                return database.error();
            const PriceHistoryRepository repository(database.value()->connection());
            const QDateTime from(QDate(1900, 1, 1), QTime(0, 0), Qt::UTC);
            const QDateTime to(QDate(9999, 1, 1), QTime(0, 0), Qt::UTC);
            const Result<QList<StoredCandle>> candles =
                repository.candles(ticker, CandleInterval::OneDay, from, to);
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
    connect(&core, &GuardianCore::notConnectedAtStart, this, &DesktopSession::notConnectedAtStart);
    p.breachNotifier = std::make_unique<ui::BreachNotifier>(
        *p.tray, ui::BreachNotifier::Services{&core.alerting().alerts(), &core.alerting().acknowledger(),
                                              &core.watchlist()});
    // The channels' outputs: the tray's own switch, and problems in the status bar.
    connect(&core, &GuardianCore::channelSettingsLoaded, p.breachNotifier.get(),
            [notifier = p.breachNotifier.get()](const ChannelSettingsData &data) {
                notifier->setEnabled(data.trayEnabled);
            });
    connect(&core, &GuardianCore::channelProblem, p.window.get(),
            [window = p.window.get()](const QString &message) { window->statusBar()->showMessage(message); });

    ui::bindToCore(*p.window, core.session().auth(), core.monitor());
    // Breaches pop up about their recorded alert, with actions where the desktop shows them.
    connect(&core.monitor(), &Monitor::breachDetected, p.breachNotifier.get(),
            &ui::BreachNotifier::showBreach);
    connect(p.breachNotifier.get(), &ui::BreachNotifier::alertRequested, p.window.get(),
            &ui::MainWindow::showAlert);
    connect(p.breachNotifier.get(), &ui::BreachNotifier::tickerRequested, p.window.get(),
            &ui::MainWindow::showTicker);
    connect(p.breachNotifier.get(), &ui::BreachNotifier::statusMessage, p.window.get(),
            [window = p.window.get()](const QString &message) { window->statusBar()->showMessage(message); });
    ui::bindQuoteFeed(*p.window, *core.stream());
    // Portfolio: the import dialog, the position columns and totals, and a sync with every Check Now.
    p.window->setPortfolioServices({&core.portfolioImport(), &core.portfolioSync(), &core.portfolio()});
    connect(p.window.get(), &ui::MainWindow::checkNowRequested, &core.portfolioSync(),
            &PortfolioSync::syncNow);
    wireSettingsAndHistory();
    core.start();
    // The web dashboard, when web/listen asks for it; the window works on without it.
    if (auto web = startWebDashboard(core); web.ok()) {
        p.web = std::move(web).value();
    } else {
        qCWarning(lcRunners).noquote() << web.error().message;
        p.window->statusBar()->showMessage(web.error().message);
    }
    // Start at login / --minimized: only the tray icon, when there is a tray to come back from.
    const bool minimized = m_options.global.minimized || core.settings().startMinimized();
    if (!minimized || !p.tray->isAvailable())
        p.window->show();
    if (!core.secretStoreNotice().isEmpty())
        p.window->statusBar()->showMessage(core.secretStoreNotice());
    // The welcome: on the first launch (not when starting minimised at login), or going on where it was
    // before the demo replaced the window.
    if (m_options.welcomePage)
        p.window->openWelcome(*m_options.welcomePage);
    else if (!minimized && !core.settings().welcomeShown())
        p.window->openWelcome();
    return success();
}

bool DesktopSession::dataFolderInUse() const
{
    return m_parts->core && m_parts->core->dataFolderInUse();
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

void DesktopSession::finishTokenExchange()
{
    if (m_parts->core)
        m_parts->core->finishTokenExchange();
}

void DesktopSession::flushPendingWrites()
{
    if (m_parts->window)
        m_parts->window->saveWindowLayout();
    if (m_parts->core)
        m_parts->core->settings().sync();
}

// The settings dialog (Settings…) and the alert history (Alert History…) of the window.
void DesktopSession::wireSettingsAndHistory()
{
    Parts &p = *m_parts;
    GuardianCore &core = *p.core;
    ui::SettingsDialog::Services services;
    services.secrets = &core.secrets();
    services.test = {&core.session().network(), &core.clock(), &m_redactor};
    services.tray = p.tray.get();
    p.window->setSettingsServices(services);
    connect(p.window.get(), &ui::MainWindow::settingsSaved, &core, &GuardianCore::applySettings);

    constexpr int kHistoryLength = 500;
    // The window reads the history on a worker, on a connection of its own; a delivery whose channel waits
    // for the keychain (known here, on the GUI thread) says so in the history.
    const auto recentAlerts = [&core]() -> ui::AlertHistoryModel::LoadJob {
        return [file = core.database().filePath(),
                waiting = core.waitingForKeychain()]() -> Result<QList<AlertRecord>> {
            const Result<std::unique_ptr<Database>> database = Database::open(file);
            if (!database)
                return database.error();
            auto records = AlertRepository(database.value()->connection()).recent(kHistoryLength);
            if (!records.ok() || waiting.isEmpty())
                return records;
            QList<AlertRecord> list = std::move(records).value();
            for (AlertRecord &record : list) {
                for (Delivery &delivery : record.deliveries) {
                    if (delivery.status == Delivery::Status::Pending && waiting.contains(delivery.channel))
                        delivery.lastError = tr("waiting for the keychain");
                }
            }
            return list;
        };
    };
    // Through the acknowledger, like every other path: recorded once, its escalation stopped, the dashboard
    // told (through the dispatcher).
    p.window->setAlertHistorySource(
        recentAlerts, [acknowledger = &core.alerting().acknowledger()](qint64 alertId) -> Status {
            const Result<AlertAcknowledger::Outcome> acknowledged =
                acknowledger->acknowledge(alertId, AckSource::window());
            if (!acknowledged.ok())
                return acknowledged.error();
            return success();
        });
    connect(&core.alerting().dispatcher(), &OutboxDispatcher::deliveryFinished, p.window.get(),
            &ui::MainWindow::refreshAlertHistory);
    connect(&core, &GuardianCore::waitingForKeychainChanged, p.window.get(),
            &ui::MainWindow::refreshAlertHistory);
    // Acknowledged, or an escalation step no longer needed: the history shows it at once.
    connect(&core.alerting().dispatcher(), &OutboxDispatcher::alertChanged, p.window.get(),
            &ui::MainWindow::refreshAlertHistory);
}

} // namespace trailguard::Runners
