#pragma once

#include "AlertHistoryModel.h"
#include "SettingsDialog.h"
#include "SparklineLoader.h"

#include "broker/BrokerTypes.h"
#include "portfolio/PortfolioView.h"

#include "monitor/QuoteFeedMode.h"

#include "common/Result.h"
#include "history/PriceCsv.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QSplitter;
class QTimer;

namespace trailguard {
class Settings;
class WatchlistService;
struct Breach;
struct MarketState;
struct CycleReport;
struct ChartSeries;
} // namespace trailguard

namespace trailguard::ui {

class AddTickerForm;
class AlertHistoryDialog;
class BacktestDialog;
class Banner;
class ConnectDialog;
class ConnectionBanner;
class StatusPanel;
class WatchlistModel;
class PriceChartPanel;
class WelcomeWizard;
class ConnectionStatus;

// The watchlist window: the add form, a filter, the table and the actions on the selected ticker.
// It wires widgets to the WatchlistService; the rules live in the core.
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
    QString currentTicker() const;

    // Demo mode shows the "Demo market — simulated prices" banner instead of the connection banner.
    void setDemoMode(bool demo);
    bool isDemoMode() const { return m_demoMode; }
    // Whether the "No Questrade account connected" banner offers "Try the demo market".
    void setDemoAvailable(bool available);

    // The last state given to setConnectionState; empty before the first call (no banner then).
    std::optional<ConnectionState> connectionState() const;
    // One line (two when the last check failed) for the tray tooltip: "watching 3 tickers, last check
    // 10:42 a.m.", "Disconnected: reconnect needed", ...
    QString statusSummary() const;
    // Between showCycleStarted and showCycleReport.
    bool isCycleRunning() const;
    // The connect dialog while it is open, else null.
    ConnectDialog *connectDialog() const;

    // Enables Settings…: the secret store, the network and clock for "Send test", the tray. Settings are
    // the window's own.
    void setSettingsServices(SettingsDialog::Services services);
    // Enables Alert History…: where the records come from and how one is acknowledged.
    void setAlertHistorySource(AlertHistoryModel::Loader load, AlertHistoryModel::Acknowledger acknowledge);
    // The dialogs while they are open, else null.
    SettingsDialog *settingsDialog() const;
    AlertHistoryDialog *alertHistoryDialog() const;
    // Whether the Questrade account is live or practice, for the settings' Questrade tab (the binding
    // sets it with each connection state).
    void setBrokerEnvironment(std::optional<trailguard::BrokerEnvironment> environment);

    // The chart below the table shows the selected ticker's history as `provider` gives it (see
    // ChartSeriesBuilder); without a provider it says "No price history yet".
    using ChartProvider = std::function<trailguard::ChartSeries(const QString &ticker)>;
    void setChartProvider(ChartProvider provider);
    PriceChartPanel *chartPanel() const { return m_chartPanel; }
    // Feeds the table's "Last month" sparklines, read in batches on a worker (see SparklineLoader).
    void setSparklineProvider(SparklineLoader::Provider provider);

    // The welcome (Help > Welcome…) while it is open, else null.
    WelcomeWizard *welcomeWizard() const;
    // Shows "Import Positions" in the welcome's tickers step; the hook runs the portfolio import.
    void setImportPositionsHook(std::function<void()> importPositions);

    // Enables File > Import Positions…, the position columns, the per-currency total and the "no longer
    // held" banner (PortfolioView). The services must outlive the window.
    void setPortfolioServices(PortfolioView::Services services);
    // Null until setPortfolioServices.
    PortfolioView *portfolioView() const { return m_portfolioView; }

    // Where Backtest… (Ctrl+B) finds a ticker's stored daily prices, oldest first; without a provider
    // the backtest window starts empty and offers to load a CSV file.
    using BacktestDataProvider =
        std::function<trailguard::Result<QList<trailguard::PriceRow>>(const QString &ticker)>;
    void setBacktestDataProvider(BacktestDataProvider provider);
    // The backtest window opened last while it is open, else null.
    BacktestDialog *backtestDialog() const;

public Q_SLOTS:
    // Writes the geometry, toolbar state and column layout to the settings now (closing the window does
    // it too); the app calls it before quitting, so a quit from the tray restores the same window.
    void saveWindowLayout() { saveLayout(); }
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
    void setNextCheck(const QDateTime &nextCheck);
    // From StreamSession::modeChanged: which quote feed is live (streaming, polling, connecting).
    void setQuoteFeedMode(trailguard::QuoteFeedMode mode);
    // From StreamSession::coverageChanged: "streaming 800 of 1,000 tickers; 200 on polling".
    void setStreamCoverage(int streamed, int subscribed);
    // From Monitor::marketStateChanged: "Market closed — next open …" in the status bar.
    void setMarketState(const trailguard::MarketState &state);
    // A breach in the status bar; it stays until the next message (the tray pops it up besides).
    void showBreach(const trailguard::Breach &breach);

    // Opens (or raises) the window-modal connect dialog.
    void openConnectDialog();
    // Opens (or raises) the window-modal settings dialog.
    void openSettingsDialog();
    // Opens (or raises) the alert history window; it stays usable beside the watchlist.
    void openAlertHistory();
    // Opens (or raises) the welcome, a window beside this one that never blocks it; on `page` when given
    // (a WelcomeWizard::PageId), else on its first step.
    void openWelcome(int page = 0);
    // Opens the backtest window (modeless) of the selected ticker, or raises the one open for it.
    void openBacktest();
    // Reads the alert history again when its window is open (after a delivery finished).
    void refreshAlertHistory();
    // Asks for confirmation (window-modal), then emits disconnectRequested.
    void confirmDisconnect();
    // Asks for confirmation (window-modal, no nested event loop), then removes the selected ticker.
    void removeCurrentTicker();
    void resetCurrentPeak();
    void editCurrentRatio();
    // Asks the chart provider again for the selected ticker (new prices or alerts were stored).
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
    void createActions();
    void createBanners();
    void updateConnectionActions();
    void createMenus();
    void createToolBar();
    void showShortcutsInToolTips();
    void restoreLayout();
    void applyDefaultColumnWidths();
    void saveLayout();
    void reloadWatchlist();
    void selectTicker(const QString &ticker);
    void updateActions();
    void updateTickerCount();
    void showStatus(const QString &message);
    void openConnectDialogOver(QWidget *parent);
    void confirmDisconnectOver(QWidget *parent);

    WatchlistService &m_watchlist;
    Settings &m_settings;
    bool m_hidesToTray = false;

    WatchlistModel *m_model;
    QSortFilterProxyModel *m_proxy;
    AddTickerForm *m_addForm;
    QLineEdit *m_filterLineEdit;
    QTableView *m_tableView;
    QLabel *m_tickerCountLabel;
    // The connection's state; the status bar, the banner, the welcome and the connect dialog follow it.
    ConnectionStatus *m_connectionStatus = nullptr;
    ConnectionBanner *m_connectionBanner = nullptr;
    Banner *m_demoBanner = nullptr;
    StatusPanel *m_statusPanel = nullptr;
    QPointer<ConnectDialog> m_connectDialog;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<AlertHistoryDialog> m_alertHistoryDialog;
    void createChartPanel();
    void scheduleChartRefresh(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    QSplitter *m_chartSplitter = nullptr;
    PriceChartPanel *m_chartPanel = nullptr;
    ChartProvider m_chartProvider;
    QTimer *m_chartRefreshTimer = nullptr;
    QPointer<WelcomeWizard> m_welcomeWizard;
    std::function<void()> m_importPositions;
    std::optional<SettingsDialog::Services> m_settingsServices;
    AlertHistoryModel::Loader m_loadAlertHistory;
    AlertHistoryModel::Acknowledger m_acknowledgeAlert;
    std::optional<BrokerEnvironment> m_environment;
    bool m_demoMode = false;

    QAction *m_addAction = nullptr;
    QAction *m_filterAction = nullptr;
    QAction *m_changeRatioAction = nullptr;
    QAction *m_resetPeakAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_checkNowAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_alertHistoryAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_importPositionsAction = nullptr;
    PortfolioView *m_portfolioView = nullptr;
    QAction *m_backtestAction = nullptr;
    BacktestDataProvider m_backtestData;
    QPointer<BacktestDialog> m_backtestDialog;
    QAction *m_welcomeAction = nullptr;
};

} // namespace trailguard::ui
