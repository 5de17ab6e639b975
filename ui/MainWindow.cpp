#include "MainWindow.h"

#include "AddTickerForm.h"
#include "Banner.h"
#include "ConnectionBanner.h"
#include "ConnectionStatus.h"
#include "CycleCostLabel.h"
#include "Formatting.h"
#include "MainWindowActions.h"
#include "MainWindowDialogs.h"
#include "StatusPanel.h"
#include "TickerCommands.h"
#include "WatchlistModel.h"
#include "WatchlistTableView.h"
#include "WindowLayout.h"
#include "charts/ChartIndicators.h"
#include "charts/PriceChartPanel.h"

#include "domain/StockState.h"
#include "domain/Ticker.h"
#include "history/ChartSeries.h"
#include "monitor/Monitor.h"
#include "portfolio/Portfolio.h"
#include "settings/Settings.h"
#include "watchlist/WatchlistService.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace trailguard::ui {

namespace {
constexpr int kStatusTimeoutMs = 10'000;
constexpr int kChartRefreshDelayMs = 250;
} // namespace

MainWindow::MainWindow(WatchlistService &watchlist, Settings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_watchlist(watchlist)
    , m_settings(settings)
    , m_model(new WatchlistModel(watchlist, this))
    , m_addForm(new AddTickerForm(watchlist, settings.defaultRatio(), this))
    , m_filterLineEdit(new QLineEdit(this))
    , m_tableView(new WatchlistTableView(*m_model, this))
    , m_tickerCountLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Watchlist"));

    m_addForm->setObjectName(QStringLiteral("addTickerForm"));

    m_filterLineEdit->setObjectName(QStringLiteral("filterLineEdit"));
    m_filterLineEdit->setPlaceholderText(tr("Filter tickers"));
    m_filterLineEdit->setClearButtonEnabled(true);
    m_filterLineEdit->setAccessibleName(tr("Filter tickers"));
    m_filterLineEdit->setAccessibleDescription(tr("Shows only the tickers that contain this text (Ctrl+F)"));
    connect(m_filterLineEdit, &QLineEdit::textChanged, m_tableView, &WatchlistTableView::setFilterText);

    createBanners();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_demoBanner);
    layout->addWidget(m_connectionBanner);
    layout->addWidget(m_addForm);
    layout->addWidget(m_filterLineEdit);
    createChartPanel();
    layout->addWidget(m_chartSplitter, 1);
    setCentralWidget(central);

    m_tickerCountLabel->setObjectName(QStringLiteral("tickerCountLabel"));
    statusBar()->addPermanentWidget(m_tickerCountLabel);
    m_statusPanel = new StatusPanel(*statusBar(), this);
    connect(m_statusPanel, &StatusPanel::changed, this,
            [this] { Q_EMIT statusSummaryChanged(statusSummary()); });
    m_connectionStatus->follow(this, [this](ConnectionState state, const QString &message) {
        m_statusPanel->setConnectionState(state, message);
        updateConnectionActions();
    });
    m_statusPanel->cycleCost().followInterval(m_settings);
    m_connectionStatus->follow(m_connectionBanner,
                               [banner = m_connectionBanner](ConnectionState state, const QString &message) {
                                   banner->setConnectionState(state, message);
                               });

    m_dialogs = new MainWindowDialogs(*this, watchlist, settings, *m_connectionStatus);
    m_commands = new TickerCommands(watchlist, *m_tableView, *this);
    m_actions = std::make_unique<MainWindowActions>(*this);
    m_actions->addMenusAndToolBar(*this);
    m_layout = std::make_unique<WindowLayout>(*this, *m_tableView, settings);
    connectActions();
    connectDialogs();

    connect(m_model, &WatchlistModel::editFailed, this, &MainWindow::showStatus);
    connect(m_commands, &TickerCommands::statusMessage, this, &MainWindow::showStatus);
    connect(m_addForm, &AddTickerForm::tickerAdded, this, [this](const QString &ticker) {
        selectTicker(ticker);
        showStatus(tr("Added %1.").arg(ticker));
    });
    const auto rowsChanged = [this] {
        updateTickerCount();
        updateActions();
    };
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_tableView->proxy(), signal, this, rowsChanged);
    connect(m_tableView->proxy(), &QAbstractItemModel::modelReset, this, rowsChanged);
    connect(m_tableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);

    reloadWatchlist();
    m_layout->restore();
    updateTickerCount();
    updateActions();
    updateConnectionActions();
    m_addForm->focusTicker();
    MainWindowActions::showShortcutsInToolTips(*this);
}

MainWindow::~MainWindow() = default;

void MainWindow::connectActions()
{
    const MainWindowActions &a = *m_actions;
    connect(a.addTicker, &QAction::triggered, m_addForm, &AddTickerForm::focusTicker);
    connect(a.filter, &QAction::triggered, this, [this] {
        m_filterLineEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterLineEdit->selectAll();
    });
    connect(a.changeRatio, &QAction::triggered, this, &MainWindow::editCurrentRatio);
    connect(a.resetPeak, &QAction::triggered, this, &MainWindow::resetCurrentPeak);
    connect(a.remove, &QAction::triggered, this, &MainWindow::removeCurrentTicker);
    connect(a.checkNow, &QAction::triggered, this, &MainWindow::checkNowRequested);
    connect(a.connectAccount, &QAction::triggered, this, &MainWindow::openConnectDialog);
    connect(a.disconnectAccount, &QAction::triggered, this, &MainWindow::confirmDisconnect);
    connect(a.settings, &QAction::triggered, this, &MainWindow::openSettingsDialog);
    connect(a.alertHistory, &QAction::triggered, this, &MainWindow::openAlertHistory);
    connect(a.importPositions, &QAction::triggered, this, &MainWindow::showImportPositions);
    connect(a.backtest, &QAction::triggered, this, &MainWindow::openBacktest);
    connect(a.editRules, &QAction::triggered, this, [this] { m_dialogs->openRules(currentTicker()); });
    connect(a.welcome, &QAction::triggered, this, [this] { openWelcome(); });
    connect(a.close, &QAction::triggered, this, &QWidget::close);
    connect(a.quit, &QAction::triggered, qApp, &QCoreApplication::quit);
    // The table's context menu: what acts on the row.
    m_tableView->addActions({a.changeRatio, a.editRules, a.resetPeak, a.remove, a.backtest});
}

void MainWindow::connectDialogs()
{
    connect(m_dialogs, &MainWindowDialogs::connectRequested, this, &MainWindow::connectRequested);
    connect(m_dialogs, &MainWindowDialogs::disconnectRequested, this, &MainWindow::disconnectRequested);
    connect(m_dialogs, &MainWindowDialogs::demoRequested, this, &MainWindow::demoRequested);
    connect(m_dialogs, &MainWindowDialogs::defaultRatioSaved, this,
            [this] { m_addForm->setDefaultRatio(m_settings.defaultRatio()); });
    connect(m_dialogs, &MainWindowDialogs::settingsSaved, this, &MainWindow::settingsSaved);
}

// The table above, the selected ticker's chart below (read on the chart controller's worker thread).
void MainWindow::createChartPanel()
{
    m_chartPanel = new PriceChartPanel(this);
    m_chartPanel->indicators()->setSettings(&m_settings); // the indicators chosen per ticker
    m_chart = new ChartController(*m_chartPanel, this);
    m_chartSplitter = new QSplitter(Qt::Vertical, this);
    m_chartSplitter->setObjectName(QStringLiteral("chartSplitter"));
    m_chartSplitter->setChildrenCollapsible(false);
    m_chartSplitter->addWidget(m_tableView);
    m_chartSplitter->addWidget(m_chartPanel);
    m_chartSplitter->setStretchFactor(0, 3);
    m_chartSplitter->setStretchFactor(1, 2);
    m_chartSplitter->setSizes({330, 270}); // proportions; the splitter scales them to its height
    m_chartPanel->setMinimumHeight(200);

    m_chartRefreshTimer = new QTimer(this);
    m_chartRefreshTimer->setSingleShot(true);
    m_chartRefreshTimer->setInterval(kChartRefreshDelayMs);
    connect(m_chartRefreshTimer, &QTimer::timeout, this, &MainWindow::refreshChart);
    const auto refreshNow = [this] { m_chartRefreshTimer->start(0); };
    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, refreshNow);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::scheduleChartRefresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, refreshNow);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, refreshNow);
}

void MainWindow::setChartSource(ChartController::ReaderFactory open)
{
    m_chart->setSource(std::move(open));
    refreshChart();
}

void MainWindow::setChartProvider(ChartProvider provider)
{
    setChartSource([provider = std::move(provider)] { return provider; });
}

void MainWindow::setSparklineProvider(SparklineLoader::Provider provider)
{
    m_model->setSparklineProvider(std::move(provider));
}

void MainWindow::scheduleChartRefresh(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const int row = m_model->rowOf(currentTicker());
    if (row >= topLeft.row() && row <= bottomRight.row() && !m_chartRefreshTimer->isActive())
        m_chartRefreshTimer->start();
}

void MainWindow::refreshChart()
{
    m_chartRefreshTimer->stop();
    const QString ticker = currentTicker();
    if (ticker.isEmpty()) {
        m_chart->showMessage(m_model->rowCount() == 0 ? tr("Add a ticker to see its chart")
                                                      : tr("Select a ticker to see its chart"));
        return;
    }
    m_chart->show(ticker);
}

void MainWindow::createBanners()
{
    m_demoBanner = new Banner(this);
    m_demoBanner->setObjectName(QStringLiteral("demoBannerFrame"));
    m_demoBanner->setIcon(QStyle::SP_MessageBoxInformation);
    m_demoBanner->setMessage(tr("Demo market \u2014 simulated prices."),
                             tr("Nothing here is a real quote; breaches are practice."));
    m_demoBanner->hide();

    m_connectionStatus = new ConnectionStatus(this);
    m_connectionBanner = new ConnectionBanner(this);
    connect(m_connectionBanner, &ConnectionBanner::connectClicked, this, &MainWindow::openConnectDialog);
    connect(m_connectionBanner, &ConnectionBanner::demoClicked, this, &MainWindow::demoRequested);
}

void MainWindow::setDemoMode(bool demo)
{
    m_demoMode = demo;
    m_demoBanner->setVisible(demo);
    m_statusPanel->setDemoMode(demo);
    m_connectionBanner->setSuppressed(demo);
    m_dialogs->setDemoMode(demo);
    setWindowTitle(demo ? tr("Watchlist (Demo)") : tr("Watchlist"));
}

void MainWindow::setConnectionState(ConnectionState state, const QString &message)
{
    const std::optional<ConnectionState> previous = m_connectionStatus->state();
    // The status bar, banner, welcome, connect and settings dialogs follow.
    m_connectionStatus->set(state, message);
    // Say what changed once; the label's tooltip keeps the sentence.
    if (previous && !message.isEmpty())
        showStatus(message);
}

void MainWindow::updateConnectionActions()
{
    const std::optional<ConnectionState> state = m_statusPanel->connectionState();
    m_actions->disconnectAccount->setEnabled(state && *state != ConnectionState::NotConfigured);
    m_actions->checkNow->setEnabled(!m_statusPanel->isCycleRunning());
}

void MainWindow::showCycleStarted()
{
    m_statusPanel->showCycleStarted();
    updateConnectionActions();
}

void MainWindow::showCycleReport(const CycleReport &report)
{
    m_statusPanel->showCycleReport(report);
    m_model->updateSaveProblems(report.notSaved, report.applied);
    updateConnectionActions();
}

void MainWindow::showBreach(const Breach &breach)
{
    statusBar()->showMessage(
        tr("%1 \u2014 %2").arg(Formatting::breachTitle(breach), Formatting::breachText(breach)));
}

// --- dialogs (MainWindowDialogs builds them) --------------------------------------------------------------

void MainWindow::setSettingsServices(SettingsDialog::Services services)
{
    m_dialogs->setSettingsServices(std::move(services));
    m_actions->settings->setEnabled(m_dialogs->hasSettingsServices());
}

void MainWindow::setAlertHistorySource(AlertHistoryModel::Loader load,
                                       AlertHistoryModel::Acknowledger acknowledge)
{
    m_dialogs->setAlertHistorySource(std::move(load), std::move(acknowledge));
    m_actions->alertHistory->setEnabled(m_dialogs->hasAlertHistorySource());
}

void MainWindow::openBacktest()
{
    const QString ticker = currentTicker();
    if (ticker.isEmpty())
        return;
    const int row = m_model->rowOf(ticker);
    m_dialogs->openBacktest(ticker, row >= 0 ? std::optional(m_model->stockAt(row)) : std::nullopt);
}

void MainWindow::setPortfolioServices(PortfolioView::Services services)
{
    if (m_portfolioView || !services.import || !services.portfolio)
        return;
    auto *layout = qobject_cast<QBoxLayout *>(centralWidget()->layout());
    if (!layout)
        return;
    m_portfolioView = new PortfolioView(services, m_watchlist, *m_model, *statusBar(), *layout,
                                        layout->indexOf(m_connectionBanner) + 1, this);
    m_model->setPortfolio(services.portfolio);
    setImportPositionsHook([this] { showImportPositions(); });
    // The position columns only once something is held: a watchlist without imports stays as it was.
    const auto showPositionColumns = [this, portfolio = services.portfolio] {
        m_tableView->setPositionColumnsVisible(!portfolio->holdings().isEmpty());
    };
    connect(services.portfolio, &Portfolio::changed, this, showPositionColumns);
    showPositionColumns();
}

void MainWindow::showImportPositions()
{
    if (!m_portfolioView) {
        showStatus(tr("Connect a Questrade account first (Account > Connect to Questrade\u2026)."));
        return;
    }
    showAndRaise();
    m_portfolioView->openImportDialog(m_settings.defaultRatio().ok() ? m_settings.defaultRatio().value()
                                                                     : StopRatio::kDefault);
}

// --- the window and the table ------------------------------------------------------------------------------

void MainWindow::setHidesToTray(bool hidesToTray)
{
    m_hidesToTray = hidesToTray;
    m_actions->setHidesToTray(hidesToTray);
}

void MainWindow::showAndRaise()
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

void MainWindow::showTicker(const QString &ticker)
{
    showAndRaise();
    selectTicker(ticker);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_layout->save();
    // Accepting only hides the window. Whether the application goes on (in the tray) or quits is
    // QApplication::quitOnLastWindowClosed, set by main.cpp together with setHidesToTray().
    QMainWindow::closeEvent(event);
}

void MainWindow::reloadWatchlist()
{
    if (const Status loaded = m_model->reload(); !loaded.ok())
        showStatus(loaded.error().message);
}

void MainWindow::selectTicker(const QString &ticker)
{
    if (m_tableView->selectTicker(ticker) || m_model->rowOf(ticker) < 0)
        return;
    // Hidden by the filter: show everything rather than hide what was just added.
    m_filterLineEdit->clear();
    m_tableView->selectTicker(ticker);
}

void MainWindow::updateActions()
{
    m_actions->setTickerSelected(m_tableView->selectionModel()->hasSelection());
}

void MainWindow::updateTickerCount()
{
    const int total = m_model->rowCount();
    const int shown = m_tableView->proxy()->rowCount();
    m_statusPanel->cycleCost().setTickerCount(total);
    m_dialogs->setTickerCount(total);
    m_tickerCountLabel->setText(shown == total ? tr("Tickers: %1").arg(total)
                                               : tr("Shown: %1 of %2", "tickers").arg(shown).arg(total));
    Q_EMIT statusSummaryChanged(statusSummary());
}

void MainWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message, kStatusTimeoutMs);
}

} // namespace trailguard::ui
