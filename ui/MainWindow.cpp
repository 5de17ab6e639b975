#include "MainWindow.h"

#include "AddTickerForm.h"
#include "AlertHistoryDialog.h"
#include "Banner.h"
#include "ClosingDialog.h"
#include "ConnectDialog.h"
#include "ConnectionBanner.h"
#include "ConnectionStatus.h"
#include "Formatting.h"
#include "RatioDelegate.h"
#include "SparklineDelegate.h"
#include "StatusPanel.h"
#include "WatchlistModel.h"
#include "backtest/BacktestDialog.h"
#include "charts/PriceChartPanel.h"
#include "welcome/WelcomeWizard.h"

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
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace trailguard::ui {

namespace {
using Column = WatchlistModel::Column;

constexpr int kStatusTimeoutMs = 10'000;
constexpr QSize kDefaultSize(1000, 600);
constexpr int kRowPadding = 10;

QIcon themeIcon(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QLatin1String(name), QApplication::style()->standardIcon(fallback));
}
} // namespace

MainWindow::MainWindow(WatchlistService &watchlist, Settings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_watchlist(watchlist)
    , m_settings(settings)
    , m_model(new WatchlistModel(watchlist, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_addForm(new AddTickerForm(watchlist, settings.defaultRatio(), this))
    , m_filterLineEdit(new QLineEdit(this))
    , m_tableView(new QTableView(this))
    , m_tickerCountLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Watchlist"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(WatchlistModel::role(WatchlistModel::Role::Sort));
    m_proxy->setSortLocaleAware(true);
    m_proxy->setFilterKeyColumn(WatchlistModel::column(Column::Ticker));
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_addForm->setObjectName(QStringLiteral("addTickerForm"));

    m_filterLineEdit->setObjectName(QStringLiteral("filterLineEdit"));
    m_filterLineEdit->setPlaceholderText(tr("Filter tickers"));
    m_filterLineEdit->setClearButtonEnabled(true);
    m_filterLineEdit->setAccessibleName(tr("Filter tickers"));
    m_filterLineEdit->setAccessibleDescription(tr("Shows only the tickers that contain this text (Ctrl+F)"));
    connect(m_filterLineEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_tableView->setObjectName(QStringLiteral("watchlistTableView"));
    m_tableView->setAccessibleName(tr("Watchlist"));
    m_tableView->setAccessibleDescription(
        tr("Each ticker with its price, peak, stop and distance to the stop; "
           "F2 edits the ratio, Delete removes"));
    m_tableView->setModel(m_proxy);
    m_tableView->setItemDelegateForColumn(WatchlistModel::column(Column::Ratio),
                                          new RatioDelegate(m_tableView));
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tableView->setEditTriggers(QAbstractItemView::DoubleClicked);
    m_tableView->setAlternatingRowColors(true);
    m_tableView->setWordWrap(false);
    m_tableView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tableView->verticalHeader()->hide();
    m_tableView->verticalHeader()->setDefaultSectionSize(m_tableView->fontMetrics().height() + kRowPadding);
    m_tableView->horizontalHeader()->setSectionsMovable(true);
    m_tableView->horizontalHeader()->setStretchLastSection(true);
    m_tableView->horizontalHeader()->setSortIndicator(WatchlistModel::column(Column::Ticker),
                                                      Qt::AscendingOrder);

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
    m_connectionStatus->follow(m_connectionBanner,
                               [banner = m_connectionBanner](ConnectionState state, const QString &message) {
                                   banner->setConnectionState(state, message);
                               });

    createActions();
    createMenus();
    createToolBar();

    connect(m_model, &WatchlistModel::editFailed, this, &MainWindow::showStatus);
    connect(m_addForm, &AddTickerForm::tickerAdded, this, [this](const QString &ticker) {
        selectTicker(ticker);
        showStatus(tr("Added %1.").arg(ticker));
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_proxy, signal, this, [this] {
            updateTickerCount();
            updateActions();
        });
    }
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        updateTickerCount();
        updateActions();
    });
    connect(m_tableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);

    reloadWatchlist();
    restoreLayout();
    updateTickerCount();
    updateActions();
    updateConnectionActions();
    m_addForm->focusTicker();
    showShortcutsInToolTips();
}

// Toolbar buttons and menus name each action's shortcut: "Check Now (F5)".
void MainWindow::showShortcutsInToolTips()
{
    for (QAction *action : findChildren<QAction *>()) {
        const auto update = [action] {
            const QString text = QString(action->text()).remove(QLatin1Char('&')).remove(QChar(0x2026));
            const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
            const QString tip = shortcut.isEmpty() ? text : tr("%1 (%2)").arg(text, shortcut);
            if (action->toolTip() != tip)
                action->setToolTip(tip);
        };
        update();
        connect(action, &QAction::changed, this, update);
    }
}

MainWindow::~MainWindow() = default;

// The table above, the selected ticker's chart below; the sparklines in the table's Trend column.
void MainWindow::createChartPanel()
{
    m_tableView->setItemDelegateForColumn(
        WatchlistModel::column(Column::Trend),
        new SparklineDelegate(WatchlistModel::role(WatchlistModel::Role::Sparkline), m_tableView));
    m_chartPanel = new PriceChartPanel(this);
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
    m_chartRefreshTimer->setInterval(250); // a cycle updates many rows: one reload for all
    connect(m_chartRefreshTimer, &QTimer::timeout, this, &MainWindow::refreshChart);
    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { m_chartRefreshTimer->start(0); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::scheduleChartRefresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_chartRefreshTimer->start(0); });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] { m_chartRefreshTimer->start(0); });
}

void MainWindow::setChartProvider(ChartProvider provider)
{
    m_chartProvider = std::move(provider);
    refreshChart();
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
        m_chartPanel->clear(m_model->rowCount() == 0 ? tr("Add a ticker to see its chart")
                                                     : tr("Select a ticker to see its chart"));
        return;
    }
    if (!m_chartProvider) {
        m_chartPanel->clear(tr("No price history yet for %1").arg(ticker));
        return;
    }
    m_chartPanel->setSeries(m_chartProvider(ticker));
}

void MainWindow::createActions()
{
    m_addAction = new QAction(tr("&Add Ticker"), this);
    m_addAction->setObjectName(QStringLiteral("addAction"));
    m_addAction->setShortcut(QKeySequence::New);
    m_addAction->setStatusTip(tr("Type a ticker in the field above the table"));
    connect(m_addAction, &QAction::triggered, m_addForm, &AddTickerForm::focusTicker);

    m_filterAction = new QAction(tr("&Filter"), this);
    m_filterAction->setObjectName(QStringLiteral("filterAction"));
    m_filterAction->setShortcut(QKeySequence::Find);
    connect(m_filterAction, &QAction::triggered, this, [this] {
        m_filterLineEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterLineEdit->selectAll();
    });

    m_changeRatioAction = new QAction(tr("Change &Ratio"), this);
    m_changeRatioAction->setObjectName(QStringLiteral("changeRatioAction"));
    m_changeRatioAction->setShortcut(Qt::Key_F2);
    m_changeRatioAction->setStatusTip(tr("Edit the stop ratio of the selected ticker"));
    connect(m_changeRatioAction, &QAction::triggered, this, &MainWindow::editCurrentRatio);

    m_resetPeakAction =
        new QAction(themeIcon("edit-undo", QStyle::SP_DialogResetButton), tr("Reset &Peak"), this);
    m_resetPeakAction->setObjectName(QStringLiteral("resetPeakAction"));
    m_resetPeakAction->setShortcut(Qt::CTRL | Qt::Key_R);
    m_resetPeakAction->setStatusTip(tr("Restart trailing from the last price of the selected ticker"));
    connect(m_resetPeakAction, &QAction::triggered, this, &MainWindow::resetCurrentPeak);

    m_removeAction = new QAction(themeIcon("edit-delete", QStyle::SP_TrashIcon), tr("Re&move"), this);
    m_removeAction->setObjectName(QStringLiteral("removeAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    // Delete only removes while the table has the focus; in a text field it deletes text.
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_removeAction->setStatusTip(tr("Remove the selected ticker from the watchlist"));
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeCurrentTicker);

    m_checkNowAction =
        new QAction(themeIcon("view-refresh", QStyle::SP_BrowserReload), tr("Check &Now"), this);
    m_checkNowAction->setObjectName(QStringLiteral("checkNowAction"));
    m_checkNowAction->setShortcut(Qt::Key_F5);
    m_checkNowAction->setStatusTip(tr("Fetch quotes for the whole watchlist now"));
    connect(m_checkNowAction, &QAction::triggered, this, &MainWindow::checkNowRequested);

    m_connectAction = new QAction(themeIcon("network-connect", QStyle::SP_DriveNetIcon),
                                  tr("&Connect to Questrade\u2026"), this);
    m_connectAction->setObjectName(QStringLiteral("connectAction"));
    m_connectAction->setStatusTip(tr("Paste a refresh token from Questrade's App Hub"));
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::openConnectDialog);

    m_disconnectAction = new QAction(tr("&Disconnect Account\u2026"), this);
    m_disconnectAction->setObjectName(QStringLiteral("disconnectAction"));
    m_disconnectAction->setStatusTip(tr("Forget the Questrade token; connecting again needs a new one"));
    connect(m_disconnectAction, &QAction::triggered, this, &MainWindow::confirmDisconnect);

    m_settingsAction = new QAction(themeIcon("preferences-system", QStyle::SP_FileDialogDetailedView),
                                   tr("&Settings\u2026"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(Qt::CTRL | Qt::Key_Comma);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setStatusTip(tr("Check interval, default ratio, Questrade account and alert channels"));
    m_settingsAction->setEnabled(false); // until setSettingsServices
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettingsDialog);

    m_alertHistoryAction = new QAction(tr("Alert &History\u2026"), this);
    m_alertHistoryAction->setObjectName(QStringLiteral("alertHistoryAction"));
    m_alertHistoryAction->setShortcut(Qt::CTRL | Qt::Key_H);
    m_alertHistoryAction->setStatusTip(tr("Every recent alert and how each channel delivered it"));
    m_alertHistoryAction->setEnabled(false); // until setAlertHistorySource
    connect(m_alertHistoryAction, &QAction::triggered, this, &MainWindow::openAlertHistory);

    m_closeAction = new QAction(tr("&Close"), this);
    m_closeAction->setObjectName(QStringLiteral("closeAction"));
    m_closeAction->setShortcut(QKeySequence::Close);
    connect(m_closeAction, &QAction::triggered, this, &QWidget::close);

    m_quitAction =
        new QAction(themeIcon("application-exit", QStyle::SP_DialogCloseButton), tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, qApp, &QCoreApplication::quit);

    m_welcomeAction = new QAction(tr("&Welcome\u2026"), this);
    m_welcomeAction->setObjectName(QStringLiteral("welcomeAction"));
    m_welcomeAction->setShortcut(QKeySequence::HelpContents);
    m_welcomeAction->setStatusTip(
        tr("Connect an account, add tickers, choose the ratio and an alert channel"));
    connect(m_welcomeAction, &QAction::triggered, this, [this] { openWelcome(); });

    m_tableView->addActions({m_changeRatioAction, m_resetPeakAction, m_removeAction});

    m_backtestAction = new QAction(tr("&Backtest\u2026"), this);
    m_backtestAction->setObjectName(QStringLiteral("backtestAction"));
    m_backtestAction->setShortcut(Qt::CTRL | Qt::Key_B);
    m_backtestAction->setStatusTip(tr("Test stop strategies on the selected ticker's price history"));
    connect(m_backtestAction, &QAction::triggered, this, &MainWindow::openBacktest);
    m_tableView->addAction(m_backtestAction);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu")); // the price-history import adds its action here
    m_importPositionsAction = new QAction(tr("&Import Positions\u2026"), this);
    m_importPositionsAction->setObjectName(QStringLiteral("importPositionsAction"));
    m_importPositionsAction->setStatusTip(tr("Watch the stocks your Questrade accounts hold"));
    connect(m_importPositionsAction, &QAction::triggered, this, &MainWindow::showImportPositions);
    fileMenu->addAction(m_importPositionsAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_settingsAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_closeAction);
    fileMenu->addAction(m_quitAction);

    QMenu *watchlistMenu = menuBar()->addMenu(tr("&Watchlist"));
    watchlistMenu->addAction(m_addAction);
    watchlistMenu->addAction(m_filterAction);
    watchlistMenu->addSeparator();
    watchlistMenu->addAction(m_changeRatioAction);
    watchlistMenu->addAction(m_resetPeakAction);
    watchlistMenu->addAction(m_removeAction);
    watchlistMenu->addSeparator();
    watchlistMenu->addAction(m_checkNowAction);
    watchlistMenu->addAction(m_alertHistoryAction);
    watchlistMenu->addAction(m_backtestAction);

    QMenu *accountMenu = menuBar()->addMenu(tr("&Account"));
    accountMenu->addAction(m_connectAction);
    accountMenu->addAction(m_disconnectAction);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(m_welcomeAction);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Watchlist"));
    toolBar->setObjectName(QStringLiteral("watchlistToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addAction(m_checkNowAction);
    toolBar->addSeparator();
    toolBar->addAction(m_resetPeakAction);
    toolBar->addAction(m_removeAction);
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
    if (m_welcomeWizard)
        m_welcomeWizard->setDemoMode(demo);
    setWindowTitle(demo ? tr("Watchlist (Demo)") : tr("Watchlist"));
}

void MainWindow::setDemoAvailable(bool available)
{
    m_connectionBanner->setDemoAvailable(available);
}

std::optional<ConnectionState> MainWindow::connectionState() const
{
    return m_statusPanel->connectionState();
}

QString MainWindow::statusSummary() const
{
    return m_statusPanel->summary(m_model->rowCount());
}

void MainWindow::setConnectionState(ConnectionState state, const QString &message)
{
    const std::optional<ConnectionState> previous = m_connectionStatus->state();
    m_connectionStatus->set(state, message); // the status bar, banner, welcome and connect dialog follow
    if (m_settingsDialog)
        m_settingsDialog->setConnectionState(state, message, m_environment);
    // Say what changed once; the label's tooltip keeps the sentence.
    if (previous && !message.isEmpty())
        showStatus(message);
}

void MainWindow::updateConnectionActions()
{
    const std::optional<ConnectionState> state = m_statusPanel->connectionState();
    m_disconnectAction->setEnabled(state && *state != ConnectionState::NotConfigured);
    m_checkNowAction->setEnabled(!m_statusPanel->isCycleRunning());
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

void MainWindow::setNextCheck(const QDateTime &nextCheck)
{
    m_statusPanel->setNextCheck(nextCheck);
}

void MainWindow::setMarketState(const MarketState &state)
{
    m_statusPanel->setMarketState(state);
}

void MainWindow::setQuoteFeedMode(QuoteFeedMode mode)
{
    m_statusPanel->setQuoteFeedMode(mode);
}

void MainWindow::setStreamCoverage(int streamed, int subscribed)
{
    m_statusPanel->setStreamCoverage(streamed, subscribed);
}

void MainWindow::showBreach(const Breach &breach)
{
    statusBar()->showMessage(
        tr("%1 \u2014 %2").arg(Formatting::breachTitle(breach), Formatting::breachText(breach)));
}

bool MainWindow::isCycleRunning() const
{
    return m_statusPanel->isCycleRunning();
}

ConnectDialog *MainWindow::connectDialog() const
{
    return m_connectDialog;
}

void MainWindow::openConnectDialog()
{
    openConnectDialogOver(this);
}

// Over the settings dialog when asked from there, so that it is window-modal to it.
void MainWindow::openConnectDialogOver(QWidget *parent)
{
    if (m_connectDialog) {
        m_connectDialog->raise();
        m_connectDialog->activateWindow();
        return;
    }
    m_connectDialog = new ConnectDialog(parent);
    m_connectDialog->setAttribute(Qt::WA_DeleteOnClose);
    forgetWhenFinished(this, m_connectDialog);
    connect(m_connectDialog, &ConnectDialog::connectRequested, this, &MainWindow::connectRequested);
    m_connectionStatus->follow(
        m_connectDialog, [dialog = m_connectDialog.data()](ConnectionState state, const QString &message) {
            dialog->setConnectionState(state, message);
        });
    m_connectDialog->open();
}

void MainWindow::confirmDisconnect()
{
    confirmDisconnectOver(this);
}

void MainWindow::confirmDisconnectOver(QWidget *parent)
{
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Disconnect Account"),
                        tr("Disconnect the Questrade account? Trailguard forgets its token and stops "
                           "checking prices; to connect again you need a new token from the App Hub."),
                        QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("disconnectMessageBox"));
    box->setTextFormat(Qt::PlainText);
    QPushButton *disconnectButton = box->addButton(tr("&Disconnect"), QMessageBox::DestructiveRole);
    disconnectButton->setObjectName(QStringLiteral("disconnectPushButton"));
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::buttonClicked, this, [this, disconnectButton](QAbstractButton *button) {
        if (button == disconnectButton)
            Q_EMIT disconnectRequested();
    });
    box->open();
}

void MainWindow::setSettingsServices(SettingsDialog::Services services)
{
    m_settingsServices = std::move(services);
    m_settingsAction->setEnabled(m_settingsServices->secrets != nullptr);
}

void MainWindow::setAlertHistorySource(AlertHistoryModel::Loader load,
                                       AlertHistoryModel::Acknowledger acknowledge)
{
    m_loadAlertHistory = std::move(load);
    m_acknowledgeAlert = std::move(acknowledge);
    m_alertHistoryAction->setEnabled(static_cast<bool>(m_loadAlertHistory));
}

SettingsDialog *MainWindow::settingsDialog() const
{
    return m_settingsDialog;
}

AlertHistoryDialog *MainWindow::alertHistoryDialog() const
{
    return m_alertHistoryDialog;
}

void MainWindow::setBrokerEnvironment(std::optional<BrokerEnvironment> environment)
{
    m_environment = environment;
    if (m_settingsDialog)
        m_settingsDialog->setConnectionState(m_statusPanel->connectionState(),
                                             m_statusPanel->connectionMessage(), m_environment);
}

void MainWindow::openSettingsDialog()
{
    if (!m_settingsServices || !m_settingsServices->secrets)
        return;
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    m_settingsDialog = new SettingsDialog(m_settings, *m_settingsServices, this);
    m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
    forgetWhenFinished(this, m_settingsDialog);
    m_settingsDialog->setConnectionState(m_statusPanel->connectionState(), m_statusPanel->connectionMessage(),
                                         m_environment);
    connect(m_settingsDialog, &SettingsDialog::settingsSaved, this, [this] {
        m_addForm->setDefaultRatio(m_settings.defaultRatio());
        Q_EMIT settingsSaved();
    });
    connect(m_settingsDialog, &SettingsDialog::connectDialogRequested, this,
            [this] { openConnectDialogOver(m_settingsDialog); });
    connect(m_settingsDialog, &SettingsDialog::disconnectRequested, this,
            [this] { confirmDisconnectOver(m_settingsDialog); });
    m_settingsDialog->open();
}

void MainWindow::openAlertHistory()
{
    if (!m_loadAlertHistory)
        return;
    if (m_alertHistoryDialog) {
        m_alertHistoryDialog->show();
        m_alertHistoryDialog->raise();
        m_alertHistoryDialog->activateWindow();
        return;
    }
    m_alertHistoryDialog = new AlertHistoryDialog(m_loadAlertHistory, m_acknowledgeAlert, m_watchlist, this);
    m_alertHistoryDialog->setAttribute(Qt::WA_DeleteOnClose);
    forgetWhenFinished(this, m_alertHistoryDialog);
    m_alertHistoryDialog->show();
}

void MainWindow::setBacktestDataProvider(BacktestDataProvider provider)
{
    m_backtestData = std::move(provider);
}

BacktestDialog *MainWindow::backtestDialog() const
{
    return m_backtestDialog;
}

void MainWindow::openBacktest()
{
    const QString ticker = currentTicker();
    if (ticker.isEmpty())
        return;
    if (m_backtestDialog && m_backtestDialog->requestedTicker() == ticker) {
        m_backtestDialog->show();
        m_backtestDialog->raise();
        m_backtestDialog->activateWindow();
        return;
    }
    // A window per ticker: one opened for another ticker stays open beside the new one.
    m_backtestDialog = new BacktestDialog(ticker, m_backtestData, this);
    m_backtestDialog->setAttribute(Qt::WA_DeleteOnClose);
    forgetWhenFinished(this, m_backtestDialog);
    // The ticker's own entry price and strategy are what the user wants to test first.
    if (const int row = m_model->rowOf(ticker); row >= 0) {
        const StockState &stock = m_model->stockAt(row);
        m_backtestDialog->setEntryPrice(stock.entry);
        m_backtestDialog->addCustomStrategy(stock.strategy.spec());
    }
    m_backtestDialog->show();
}

WelcomeWizard *MainWindow::welcomeWizard() const
{
    return m_welcomeWizard;
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
        for (Column column : {Column::Quantity, Column::MarketValue, Column::OpenPnl})
            m_tableView->setColumnHidden(WatchlistModel::column(column), portfolio->holdings().isEmpty());
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

void MainWindow::setImportPositionsHook(std::function<void()> importPositions)
{
    m_importPositions = std::move(importPositions);
    if (m_welcomeWizard)
        m_welcomeWizard->setImportPositionsHook(m_importPositions);
}

void MainWindow::openWelcome(int page)
{
    if (!m_welcomeWizard) {
        WelcomeWizard::Services services;
        if (m_settingsServices) {
            services.secrets = m_settingsServices->secrets;
            services.test = m_settingsServices->test;
        }
        m_welcomeWizard = new WelcomeWizard(m_watchlist, m_settings, services, this);
        m_welcomeWizard->setAttribute(Qt::WA_DeleteOnClose);
        forgetWhenFinished(this, m_welcomeWizard);
        m_welcomeWizard->setDemoMode(m_demoMode);
        m_welcomeWizard->followConnection(*m_connectionStatus);
        m_welcomeWizard->setImportPositionsHook(m_importPositions);
        connect(m_welcomeWizard, &WelcomeWizard::connectDialogRequested, this,
                [this] { openConnectDialogOver(m_welcomeWizard); });
        connect(m_welcomeWizard, &WelcomeWizard::demoRequested, this, &MainWindow::demoRequested);
        connect(m_welcomeWizard, &WelcomeWizard::defaultRatioSaved, this, [this] {
            m_addForm->setDefaultRatio(m_settings.defaultRatio());
            Q_EMIT settingsSaved();
        });
        connect(m_welcomeWizard, &WelcomeWizard::channelSaved, this, &MainWindow::settingsSaved);
        if (page > 0)
            m_welcomeWizard->startAt(static_cast<WelcomeWizard::PageId>(page));
    }
    m_welcomeWizard->show();
    m_welcomeWizard->raise();
    m_welcomeWizard->activateWindow();
}

void MainWindow::refreshAlertHistory()
{
    if (m_alertHistoryDialog)
        m_alertHistoryDialog->refresh();
}

void MainWindow::setHidesToTray(bool hidesToTray)
{
    m_hidesToTray = hidesToTray;
    m_closeAction->setText(hidesToTray ? tr("&Hide to Tray") : tr("&Close"));
    m_closeAction->setStatusTip(hidesToTray ? tr("Hide the window; Trailguard keeps running in the tray")
                                            : tr("Close the window and quit"));
}

QString MainWindow::currentTicker() const
{
    const QModelIndexList rows = m_tableView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(WatchlistModel::role(WatchlistModel::Role::Ticker)).toString();
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

void MainWindow::removeCurrentTicker()
{
    const QString ticker = currentTicker();
    if (ticker.isEmpty())
        return;
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Remove Ticker"),
                        tr("Remove %1 from the watchlist? Its peak and stop are forgotten.").arg(ticker),
                        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("removeMessageBox"));
    box->setTextFormat(Qt::PlainText);
    QPushButton *removeButton = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    removeButton->setObjectName(QStringLiteral("removePushButton"));
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::buttonClicked, this, [this, ticker, removeButton](QAbstractButton *button) {
        if (button != removeButton)
            return;
        const Status removed = m_watchlist.remove(ticker);
        showStatus(removed.ok() ? tr("Removed %1.").arg(ticker) : removed.error().message);
    });
    box->open();
}

void MainWindow::resetCurrentPeak()
{
    const QString ticker = currentTicker();
    if (ticker.isEmpty())
        return;
    const Result<StockState> reset = m_watchlist.resetPeak(ticker);
    if (!reset.ok()) {
        showStatus(reset.error().message);
        return;
    }
    if (reset.value().peak) {
        showStatus(
            tr("The peak of %1 restarts at %2; the stop is now %3.")
                .arg(ticker, Formatting::price(reset.value().peak), Formatting::price(reset.value().stop)));
    } else {
        showStatus(tr("The peak of %1 is cleared; it restarts at the next price.").arg(ticker));
    }
}

void MainWindow::editCurrentRatio()
{
    const QModelIndexList rows = m_tableView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QModelIndex ratio = rows.first().siblingAtColumn(WatchlistModel::column(Column::Ratio));
    m_tableView->setCurrentIndex(ratio);
    m_tableView->edit(ratio);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    // Accepting only hides the window. Whether the application goes on (in the tray) or quits is
    // QApplication::quitOnLastWindowClosed, set by main.cpp together with setHidesToTray().
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreLayout()
{
    if (!restoreGeometry(m_settings.mainWindowGeometry()))
        resize(kDefaultSize);
    restoreState(m_settings.mainWindowState());
    QHeaderView *header = m_tableView->horizontalHeader();
    if (!header->restoreState(m_settings.watchlistHeaderState())) {
        applyDefaultColumnWidths();
        header->setSortIndicator(WatchlistModel::column(Column::Ticker), Qt::AscendingOrder);
    }
    // Sorts by the restored (or default) indicator.
    m_tableView->setSortingEnabled(true);
}

// Fits the stored tickers, with room for typical values so columns need no resizing as tickers arrive.
void MainWindow::applyDefaultColumnWidths()
{
    struct Width {
        Column column;
        int characters;
    };
    static constexpr Width kWidths[] = {
        {Column::Ticker, 10},      {Column::LastPrice, 10},      {Column::Peak, 10},
        {Column::Stop, 10},        {Column::DistanceToStop, 24}, {Column::Ratio, 7},
        {Column::Currency, 8},     {Column::LastAlert, 22},      {Column::Quantity, 9},
        {Column::MarketValue, 12}, {Column::OpenPnl, 11},
    };
    m_tableView->resizeColumnsToContents();
    QHeaderView *header = m_tableView->horizontalHeader();
    const int charWidth = m_tableView->fontMetrics().averageCharWidth();
    for (const Width &width : kWidths) {
        const int section = WatchlistModel::column(width.column);
        header->resizeSection(section, std::max(header->sectionSize(section), width.characters * charWidth));
    }
    // The month's sparkline beside the last price, where the eye compares them.
    header->moveSection(header->visualIndex(WatchlistModel::column(Column::Trend)),
                        header->visualIndex(WatchlistModel::column(Column::LastPrice)) + 1);
}

void MainWindow::saveLayout()
{
    m_settings.setMainWindowGeometry(saveGeometry());
    m_settings.setMainWindowState(saveState());
    m_settings.setWatchlistHeaderState(m_tableView->horizontalHeader()->saveState());
    m_settings.sync();
}

void MainWindow::reloadWatchlist()
{
    if (const Status loaded = m_model->reload(); !loaded.ok())
        showStatus(loaded.error().message);
}

void MainWindow::selectTicker(const QString &ticker)
{
    const int row = m_model->rowOf(ticker);
    if (row < 0)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, WatchlistModel::column(Column::Ticker)));
    if (!index.isValid()) { // hidden by the filter: show everything rather than hide what was just added
        m_filterLineEdit->clear();
        index = m_proxy->mapFromSource(m_model->index(row, WatchlistModel::column(Column::Ticker)));
    }
    m_tableView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
    m_tableView->scrollTo(index);
}

void MainWindow::updateActions()
{
    const bool hasSelection = m_tableView->selectionModel()->hasSelection();
    m_changeRatioAction->setEnabled(hasSelection);
    m_resetPeakAction->setEnabled(hasSelection);
    m_removeAction->setEnabled(hasSelection);
    if (m_backtestAction)
        m_backtestAction->setEnabled(hasSelection);
}

void MainWindow::updateTickerCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_tickerCountLabel->setText(shown == total ? tr("Tickers: %1").arg(total)
                                               : tr("Shown: %1 of %2", "tickers").arg(shown).arg(total));
    Q_EMIT statusSummaryChanged(statusSummary());
}

void MainWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message, kStatusTimeoutMs);
}

} // namespace trailguard::ui
