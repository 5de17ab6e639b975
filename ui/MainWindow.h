#pragma once

#include "broker/BrokerTypes.h"

#include <QMainWindow>
#include <QPointer>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace trailguard {
class Settings;
class WatchlistService;
struct Breach;
struct CycleReport;
} // namespace trailguard

namespace trailguard::ui {

class AddTickerForm;
class Banner;
class ConnectDialog;
class ConnectionBanner;
class StatusPanel;
class WatchlistModel;

// The watchlist window: the add form, a filter, the table and the actions on the selected ticker.
// It wires widgets to the WatchlistService; the rules live in the core.
//
// It knows neither the Questrade connection nor the monitor: main.cpp feeds their signals into the slots
// below (setConnectionState, showCycleStarted, showCycleReport, setNextCheck) and turns the window's
// requests (connectRequested, disconnectRequested, checkNowRequested, demoRequested) into core calls.
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

public Q_SLOTS:
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
    // A breach in the status bar; it stays until the next message (the tray pops it up besides).
    void showBreach(const trailguard::Breach &breach);

    // Opens (or raises) the window-modal connect dialog.
    void openConnectDialog();
    // Asks for confirmation (window-modal), then emits disconnectRequested.
    void confirmDisconnect();
    // Asks for confirmation (window-modal, no nested event loop), then removes the selected ticker.
    void removeCurrentTicker();
    void resetCurrentPeak();
    void editCurrentRatio();

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

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createBanners();
    void updateConnectionActions();
    void createMenus();
    void createToolBar();
    void restoreLayout();
    void applyDefaultColumnWidths();
    void saveLayout();
    void reloadWatchlist();
    void selectTicker(const QString &ticker);
    void updateActions();
    void updateTickerCount();
    void showStatus(const QString &message);

    WatchlistService &m_watchlist;
    Settings &m_settings;
    bool m_hidesToTray = false;

    WatchlistModel *m_model;
    QSortFilterProxyModel *m_proxy;
    AddTickerForm *m_addForm;
    QLineEdit *m_filterLineEdit;
    QTableView *m_tableView;
    QLabel *m_tickerCountLabel;
    ConnectionBanner *m_connectionBanner = nullptr;
    Banner *m_demoBanner = nullptr;
    StatusPanel *m_statusPanel = nullptr;
    QPointer<ConnectDialog> m_connectDialog;
    bool m_demoMode = false;

    QAction *m_addAction = nullptr;
    QAction *m_filterAction = nullptr;
    QAction *m_changeRatioAction = nullptr;
    QAction *m_resetPeakAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_checkNowAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
};

} // namespace trailguard::ui
