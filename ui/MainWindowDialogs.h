#pragma once

#include "AlertHistoryModel.h"
#include "SettingsDialog.h"

#include "broker/BrokerTypes.h"
#include "common/Result.h"
#include "history/PriceCsv.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace trailguard {
class Settings;
class WatchlistService;
struct StockState;
} // namespace trailguard

namespace trailguard::ui {

class AlertHistoryDialog;
class BacktestDialog;
class ConnectDialog;
class ConnectionStatus;
class RulesDialog;
class DialogHost;
class WelcomeWizard;

// The window's dialogs, each built with what it needs and opened through one DialogHost: the connect
// dialog and the disconnect confirmation (window-modal, over whichever window asked), Settings…, Alert
// History…, the welcome and a backtest window per ticker (beside the main window). What the user asks
// for in them comes out as signals for the window to pass on.
class MainWindowDialogs : public QObject {
    Q_OBJECT
public:
    using BacktestDataProvider =
        std::function<trailguard::Result<QList<trailguard::PriceRow>>(const QString &ticker)>;

    // All must outlive the dialogs; `window` parents them.
    MainWindowDialogs(QWidget &window, WatchlistService &watchlist, Settings &settings,
                      const ConnectionStatus &connection);

    // What the dialogs need, given by the app once it has it.
    void setSettingsServices(SettingsDialog::Services services);
    bool hasSettingsServices() const { return m_settingsServices && m_settingsServices->secrets; }
    void setAlertHistorySource(AlertHistoryModel::Loader load, AlertHistoryModel::Acknowledger acknowledge);
    bool hasAlertHistorySource() const { return static_cast<bool>(m_loadAlertHistory); }
    void setBrokerEnvironment(std::optional<BrokerEnvironment> environment);
    void setImportPositionsHook(std::function<void()> importPositions);
    void setBacktestDataProvider(BacktestDataProvider provider);
    void setDemoMode(bool demo);
    // The watched tickers' count, for the settings' interval warning.
    void setTickerCount(int tickers);

    // Opens the dialog, or shows, raises and activates the one that is open.
    void openConnect(QWidget *over);
    void confirmDisconnect(QWidget *over);
    void openSettings();
    // With `alertId`, that alert is selected once the history is read.
    void openAlertHistory(qint64 alertId = 0);
    void openWelcome(int page);
    // `stock` (when watched) gives the backtest its entry price and strategy to test first.
    void openBacktest(const QString &ticker, const std::optional<StockState> &stock);
    // The ticker's alert rules (window-modal, one per ticker).
    void openRules(const QString &ticker);
    void refreshAlertHistory();

    // The dialogs while they are open, else null (the backtest window opened last).
    ConnectDialog *connectDialog() const;
    SettingsDialog *settingsDialog() const;
    AlertHistoryDialog *alertHistoryDialog() const;
    WelcomeWizard *welcomeWizard() const;
    BacktestDialog *backtestDialog() const;
    RulesDialog *rulesDialog(const QString &ticker) const;

Q_SIGNALS:
    void connectRequested(const QByteArray &refreshToken, trailguard::BrokerEnvironment environment);
    void disconnectRequested();
    void demoRequested();
    // Settings were saved (the default ratio among them when defaultRatioSaved comes too).
    void settingsSaved();
    void defaultRatioSaved();

private:
    void updateSettingsConnection();

    QWidget &m_window;
    WatchlistService &m_watchlist;
    int m_tickerCount = 0;
    Settings &m_settings;
    const ConnectionStatus &m_connection;
    DialogHost *m_host;
    std::optional<SettingsDialog::Services> m_settingsServices;
    AlertHistoryModel::Loader m_loadAlertHistory;
    AlertHistoryModel::Acknowledger m_acknowledgeAlert;
    std::optional<BrokerEnvironment> m_environment;
    std::function<void()> m_importPositions;
    BacktestDataProvider m_backtestData;
    QPointer<BacktestDialog> m_lastBacktest;
    bool m_demoMode = false;
};

} // namespace trailguard::ui
