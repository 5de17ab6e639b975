#pragma once

#include "AlertHistoryModel.h"
#include "ConnectionBanner.h"
#include "MainWindowDialogs.h"
#include "SettingsDialog.h"
#include "SparklineLoader.h"
#include "StatusPanel.h"
#include "TickerCommands.h"
#include "WatchlistModel.h"
#include "WatchlistTableView.h"
#include "WindowLayout.h"
#include "charts/ChartController.h"

#include "broker/BrokerTypes.h"
#include "portfolio/PortfolioView.h"

#include "monitor/QuoteFeedMode.h"

#include "common/Result.h"
#include "history/PriceCsv.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QSplitter;
class QTimer;

namespace trailguard {
class Settings;
class WatchlistService;
struct Breach;
struct MarketState;
struct CycleReport;
} // namespace trailguard

namespace trailguard::ui {

class AddTickerForm;
class AlertHistoryDialog;
class BacktestDialog;
class Banner;
class ConnectDialog;
class ConnectionStatus;
class PriceChartPanel;
class RulesDialog;
class WelcomeWizard;
struct MainWindowActions;

// The watchlist window: the add form, a filter, the table and the actions on the selected ticker.
// It wires its parts and holds no rules (those live in the core): the actions, menus and toolbar
// (MainWindowActions), the table (WatchlistTableView) and what is done to its selected ticker
// (TickerCommands), the dialogs (MainWindowDialogs, opened through one DialogHost), the saved layout
// (WindowLayout) and the chart, read off the GUI thread (ChartController).
//
// It knows neither the Questrade connection nor the monitor: main.cpp feeds their signals into the slots
// below (setConnectionState, showCycleStarted, showCycleReport, setNextCheck) and turns the window's
// requests (connectRequested, disconnectRequested, checkNowRequested, demoRequested) into core calls.
// Settings… (Ctrl+,) and Alert History… (Ctrl+H) are enabled once the app gives what those dialogs need
// (setSettingsServices, setAlertHistorySource); a saved settings dialog emits settingsSaved.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(WatchlistService &watchlist, Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // With a tray, closing the window only hides it (the application keeps running, see main.cpp) and the
    // File menu offers "Hide to Tray"; without one, closing the window ends the application.
    void setHidesToTray(bool hidesToTray);
    bool hidesToTray() const { return m_hidesToTray; }

    // The ticker of the selected row, empty when none is selected.
    QString currentTicker() const { return m_tableView->currentTicker(); }

    // Demo mode shows the "Demo market — simulated prices" banner instead of the connection banner.
    void setDemoMode(bool demo);
    bool isDemoMode() const { return m_demoMode; }
    // Whether the "No Questrade account connected" banner offers "Try the demo market".
    void setDemoAvailable(bool available) { m_connectionBanner->setDemoAvailable(available); }

    // The last state given to setConnectionState; empty before the first call (no banner then).
    std::optional<ConnectionState> connectionState() const { return m_statusPanel->connectionState(); }
    // One line (two when the last check failed) for the tray tooltip: "watching 3 tickers, last check
    // 10:42 a.m.", "Disconnected: reconnect needed", ...
    QString statusSummary() const { return m_statusPanel->summary(m_model->rowCount()); }
    // Between showCycleStarted and showCycleReport.
    bool isCycleRunning() const { return m_statusPanel->isCycleRunning(); }
    // The connect dialog while it is open, else null.
    ConnectDialog *connectDialog() const { return m_dialogs->connectDialog(); }

    // Enables Settings…: the secret store, the network and clock for "Send test", the tray. Settings are
    // the window's own.
    void setSettingsServices(SettingsDialog::Services services);
    // Enables Alert History…: where the records come from and how one is acknowledged.
    void setAlertHistorySource(AlertHistoryModel::Loader load, AlertHistoryModel::Acknowledger acknowledge);
    // The dialogs while they are open, else null.
    SettingsDialog *settingsDialog() const { return m_dialogs->settingsDialog(); }
    AlertHistoryDialog *alertHistoryDialog() const { return m_dialogs->alertHistoryDialog(); }
    // Whether the Questrade account is live or practice, for the settings' Questrade tab (the binding
    // sets it with each connection state).
    void setBrokerEnvironment(std::optional<trailguard::BrokerEnvironment> environment)
    {
        m_dialogs->setBrokerEnvironment(environment);
    }

    // The chart below the table shows the selected ticker's history as the source reads it, on the
    // chart's worker thread (see ChartController; storedChartReader opens the database there); without a
    // source it says "No price history yet".
    void setChartSource(ChartController::ReaderFactory open);
    // The same with a provider that needs no connection of its own (it is called on the worker thread).
    using ChartProvider = std::function<trailguard::ChartSeries(const QString &ticker)>;
    void setChartProvider(ChartProvider provider);
    PriceChartPanel *chartPanel() const { return m_chartPanel; }
    ChartController *chartController() const { return m_chart; }
    // Feeds the table's "Last month" sparklines, read in batches on a worker (see SparklineLoader).
    void setSparklineProvider(SparklineLoader::Provider provider);

    // The welcome (Help > Welcome…) while it is open, else null.
    WelcomeWizard *welcomeWizard() const { return m_dialogs->welcomeWizard(); }
    // Shows "Import Positions" in the welcome's tickers step; the hook runs the portfolio import.
    void setImportPositionsHook(std::function<void()> importPositions)
    {
        m_dialogs->setImportPositionsHook(std::move(importPositions));
    }

    // Enables File > Import Positions…, the position columns, the per-currency total and the "no longer
    // held" banner (PortfolioView). The services must outlive the window.
    void setPortfolioServices(PortfolioView::Services services);
    // Null until setPortfolioServices.
    PortfolioView *portfolioView() const { return m_portfolioView; }

    // Where Backtest… (Ctrl+B) finds a ticker's stored daily prices, oldest first; without a provider
    // the backtest window starts empty and offers to load a CSV file.
    using BacktestDataProvider =
        std::function<trailguard::Result<QList<trailguard::PriceRow>>(const QString &ticker)>;
    void setBacktestDataProvider(BacktestDataProvider provider)
    {
        m_dialogs->setBacktestDataProvider(std::move(provider));
    }
    // The backtest window opened last while it is open, else null.
    BacktestDialog *backtestDialog() const { return m_dialogs->backtestDialog(); }
    // The rules dialog of `ticker` (Watchlist > Edit Rules…, the table's context menu) while it is open.
    RulesDialog *rulesDialog(const QString &ticker) const { return m_dialogs->rulesDialog(ticker); }

public Q_SLOTS:
    // Writes the geometry, toolbar state and column layout to the settings now (closing the window does
    // it too); the app calls it before quitting, so a quit from the tray restores the same window.
    void saveWindowLayout() { m_layout->save(); }
    // Opens the window-modal "Import Positions" dialog (File > Import Positions…; the welcome calls it
    // too). Without the portfolio services it says to connect an account first.
    void showImportPositions();
    // Shows, raises and activates the window, also when it is hidden or minimized.
    void showAndRaise();
    // Shows the window with `ticker` selected (clearing a filter that hides it).
    void showTicker(const QString &ticker);

    // From QuestradeAuth::stateChanged: the banner, the status bar, the open connect dialog.
    void setConnectionState(trailguard::ConnectionState state, const QString &message);
    // From Monitor::cycleStarted: "Checking…", and Check Now is off until the cycle ends.
    void showCycleStarted();
    // From Monitor::cycleFinished: the last check and, when it failed, its error in the status bar.
    void showCycleReport(const trailguard::CycleReport &report);
    // From Monitor::scheduleChanged: the next check in the status bar (hidden when invalid).
    void setNextCheck(const QDateTime &nextCheck) { m_statusPanel->setNextCheck(nextCheck); }
    // From StreamSession::modeChanged: which quote feed is live (streaming, polling, connecting).
    void setQuoteFeedMode(trailguard::QuoteFeedMode mode) { m_statusPanel->setQuoteFeedMode(mode); }
    // From StreamSession::coverageChanged: "streaming 800 of 1,000 tickers; 200 on polling".
    void setStreamCoverage(int streamed, int subscribed)
    {
        m_statusPanel->setStreamCoverage(streamed, subscribed);
    }
    // From Monitor::marketStateChanged: "Market closed — next open …" in the status bar.
    void setMarketState(const trailguard::MarketState &state) { m_statusPanel->setMarketState(state); }
    // A breach in the status bar; it stays until the next message (the tray pops it up besides).
    void showBreach(const trailguard::Breach &breach);

    // Opens (or raises) the window-modal connect dialog.
    void openConnectDialog() { m_dialogs->openConnect(this); }
    // Opens (or raises) the window-modal settings dialog.
    void openSettingsDialog() { m_dialogs->openSettings(); }
    // Opens (or raises) the alert history window; it stays usable beside the watchlist.
    void openAlertHistory() { m_dialogs->openAlertHistory(); }
    // Shows the window and opens (or raises) the alert history with this alert selected (a notification's
    // click).
    void showAlert(qint64 alertId)
    {
        showAndRaise();
        m_dialogs->openAlertHistory(alertId);
    }
    // Opens (or raises) the welcome, a window beside this one that never blocks it; on `page` when given
    // (a WelcomeWizard::PageId), else on its first step.
    void openWelcome(int page = 0) { m_dialogs->openWelcome(page); }
    // Opens the backtest window (modeless) of the selected ticker, or raises the one open for it.
    void openBacktest();
    // Reads the alert history again when its window is open (after a delivery finished).
    void refreshAlertHistory() { m_dialogs->refreshAlertHistory(); }
    // Asks for confirmation (window-modal), then emits disconnectRequested.
    void confirmDisconnect() { m_dialogs->confirmDisconnect(this); }
    // Asks for confirmation (window-modal, no nested event loop), then removes the selected ticker.
    void removeCurrentTicker() { m_commands->removeCurrent(); }
    void resetCurrentPeak() { m_commands->resetCurrentPeak(); }
    void editCurrentRatio() { m_commands->editCurrentRatio(); }
    // Reads the selected ticker's chart again (new prices or alerts were stored).
    void refreshChart();

Q_SIGNALS:
    // The user pasted a refresh token in the connect dialog: QuestradeAuth::connectWithRefreshToken.
    void connectRequested(const QByteArray &refreshToken, trailguard::BrokerEnvironment environment);
    // The user confirmed "Disconnect Account": QuestradeAuth::disconnectAccount.
    void disconnectRequested();
    // Check Now (F5): Monitor::checkNow.
    void checkNowRequested();
    // "Try the demo market" on the not-connected banner.
    void demoRequested();
    // statusSummary() changed.
    void statusSummaryChanged(const QString &summary);
    // The settings dialog saved: reload the alert channels, apply the check interval and repeat policy.
    void settingsSaved();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createBanners();
    void createChartPanel();
    void connectActions();
    void connectDialogs();
    void updateConnectionActions();
    void reloadWatchlist();
    void selectTicker(const QString &ticker);
    void updateActions();
    void updateTickerCount();
    void showStatus(const QString &message);
    void scheduleChartRefresh(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    WatchlistService &m_watchlist;
    Settings &m_settings;
    bool m_hidesToTray = false;
    bool m_demoMode = false;

    WatchlistModel *m_model;
    AddTickerForm *m_addForm;
    QLineEdit *m_filterLineEdit;
    WatchlistTableView *m_tableView;
    QLabel *m_tickerCountLabel;
    // The connection's state; the status bar, the banner, the welcome and the connect dialog follow it.
    ConnectionStatus *m_connectionStatus = nullptr;
    ConnectionBanner *m_connectionBanner = nullptr;
    Banner *m_demoBanner = nullptr;
    StatusPanel *m_statusPanel = nullptr;
    MainWindowDialogs *m_dialogs = nullptr;
    TickerCommands *m_commands = nullptr;
    std::unique_ptr<MainWindowActions> m_actions;
    std::unique_ptr<WindowLayout> m_layout;
    QSplitter *m_chartSplitter = nullptr;
    PriceChartPanel *m_chartPanel = nullptr;
    ChartController *m_chart = nullptr;
    QTimer *m_chartRefreshTimer = nullptr; // a cycle updates many rows: one reload for all
    PortfolioView *m_portfolioView = nullptr;
};

} // namespace trailguard::ui
