#include "MainWindowDialogs.h"

#include "AlertHistoryDialog.h"
#include "ConnectDialog.h"
#include "ConnectionStatus.h"
#include "DialogHost.h"
#include "RulesDialog.h"
#include "backtest/BacktestDialog.h"
#include "welcome/WelcomeWizard.h"

#include "domain/StockState.h"

#include <QMessageBox>
#include <QPushButton>

namespace trailguard::ui {

using Modality = DialogHost::Modality;

MainWindowDialogs::MainWindowDialogs(QWidget &window, WatchlistService &watchlist, Settings &settings,
                                     const ConnectionStatus &connection)
    : QObject(&window)
    , m_window(window)
    , m_watchlist(watchlist)
    , m_settings(settings)
    , m_connection(connection)
    , m_host(new DialogHost(this))
{
    connect(&m_connection, &ConnectionStatus::changed, this, &MainWindowDialogs::updateSettingsConnection);
}

void MainWindowDialogs::setSettingsServices(SettingsDialog::Services services)
{
    m_settingsServices = std::move(services);
}

void MainWindowDialogs::setAlertHistorySource(AlertHistoryModel::Loader load,
                                              AlertHistoryModel::Acknowledger acknowledge)
{
    m_loadAlertHistory = std::move(load);
    m_acknowledgeAlert = std::move(acknowledge);
}

void MainWindowDialogs::setBrokerEnvironment(std::optional<BrokerEnvironment> environment)
{
    m_environment = environment;
    updateSettingsConnection();
}

void MainWindowDialogs::setImportPositionsHook(std::function<void()> importPositions)
{
    m_importPositions = std::move(importPositions);
    if (WelcomeWizard *welcome = welcomeWizard())
        welcome->setImportPositionsHook(m_importPositions);
}

void MainWindowDialogs::setBacktestDataProvider(BacktestDataProvider provider)
{
    m_backtestData = std::move(provider);
}

void MainWindowDialogs::setDemoMode(bool demo)
{
    m_demoMode = demo;
    if (WelcomeWizard *welcome = welcomeWizard())
        welcome->setDemoMode(demo);
}

// Over the settings dialog or the welcome when asked from there, so that it is window-modal to it.
void MainWindowDialogs::openConnect(QWidget *over)
{
    m_host->raiseOrCreate<ConnectDialog>(
        [this, over] {
            auto *dialog = new ConnectDialog(over);
            connect(dialog, &ConnectDialog::connectRequested, this, &MainWindowDialogs::connectRequested);
            m_connection.follow(dialog, [dialog](ConnectionState state, const QString &message) {
                dialog->setConnectionState(state, message);
            });
            return dialog;
        },
        Modality::WindowModal);
}

void MainWindowDialogs::confirmDisconnect(QWidget *over)
{
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Disconnect Account"),
                        tr("Disconnect the Questrade account? Trailguard forgets its token and stops "
                           "checking prices; to connect again you need a new token from the App Hub."),
                        QMessageBox::NoButton, over);
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

void MainWindowDialogs::openSettings()
{
    if (!hasSettingsServices())
        return;
    m_host->raiseOrCreate<SettingsDialog>(
        [this] {
            auto *dialog = new SettingsDialog(m_settings, *m_settingsServices, &m_window);
            dialog->setConnectionState(m_connection.state(), m_connection.message(), m_environment);
            dialog->setWatchedTickerCount(m_tickerCount);
            connect(dialog, &SettingsDialog::settingsSaved, this, [this] {
                Q_EMIT defaultRatioSaved();
                Q_EMIT settingsSaved();
            });
            connect(dialog, &SettingsDialog::connectDialogRequested, this,
                    [this, dialog] { openConnect(dialog); });
            connect(dialog, &SettingsDialog::disconnectRequested, this,
                    [this, dialog] { confirmDisconnect(dialog); });
            return dialog;
        },
        Modality::WindowModal);
}

void MainWindowDialogs::setTickerCount(int tickers)
{
    m_tickerCount = tickers;
    if (SettingsDialog *dialog = settingsDialog())
        dialog->setWatchedTickerCount(tickers);
}

void MainWindowDialogs::updateSettingsConnection()
{
    if (SettingsDialog *dialog = settingsDialog())
        dialog->setConnectionState(m_connection.state(), m_connection.message(), m_environment);
}

void MainWindowDialogs::openAlertHistory(qint64 alertId)
{
    if (!m_loadAlertHistory)
        return;
    m_host->raiseOrCreate<AlertHistoryDialog>(
        [this] {
            return new AlertHistoryDialog(m_loadAlertHistory, m_acknowledgeAlert, m_watchlist, &m_window);
        },
        Modality::Modeless);
    if (AlertHistoryDialog *dialog = alertHistoryDialog(); dialog && alertId != 0)
        dialog->showAlert(alertId);
}

void MainWindowDialogs::refreshAlertHistory()
{
    if (AlertHistoryDialog *dialog = alertHistoryDialog())
        dialog->refresh();
}

// A window beside the main one that never blocks it; on `page` when given, else on its first step.
void MainWindowDialogs::openWelcome(int page)
{
    m_host->raiseOrCreate<WelcomeWizard>(
        [this, page] {
            WelcomeWizard::Services services;
            if (m_settingsServices) {
                services.secrets = m_settingsServices->secrets;
                services.test = m_settingsServices->test;
            }
            auto *welcome = new WelcomeWizard(m_watchlist, m_settings, services, &m_window);
            welcome->setDemoMode(m_demoMode);
            welcome->followConnection(m_connection);
            welcome->setImportPositionsHook(m_importPositions);
            connect(welcome, &WelcomeWizard::connectDialogRequested, this,
                    [this, welcome] { openConnect(welcome); });
            connect(welcome, &WelcomeWizard::demoRequested, this, &MainWindowDialogs::demoRequested);
            connect(welcome, &WelcomeWizard::defaultRatioSaved, this, [this] {
                Q_EMIT defaultRatioSaved();
                Q_EMIT settingsSaved();
            });
            connect(welcome, &WelcomeWizard::channelSaved, this, &MainWindowDialogs::settingsSaved);
            if (page > 0)
                welcome->startAt(static_cast<WelcomeWizard::PageId>(page));
            return welcome;
        },
        Modality::Modeless);
}

// A window per ticker: one opened for another ticker stays open beside the new one.
void MainWindowDialogs::openBacktest(const QString &ticker, const std::optional<StockState> &stock)
{
    m_lastBacktest = m_host->raiseOrCreate<BacktestDialog>(
        [&] {
            auto *dialog = new BacktestDialog(ticker, m_backtestData, &m_window);
            // The ticker's own entry price and strategy are what the user wants to test first.
            if (stock) {
                dialog->setEntryPrice(stock->entry);
                dialog->addCustomStrategy(stock->strategy.spec());
            }
            return dialog;
        },
        Modality::Modeless, ticker);
}

void MainWindowDialogs::openRules(const QString &ticker)
{
    m_host->raiseOrCreate<RulesDialog>([&] { return new RulesDialog(ticker, m_watchlist, &m_window); },
                                       Modality::WindowModal, ticker);
}

RulesDialog *MainWindowDialogs::rulesDialog(const QString &ticker) const
{
    return m_host->find<RulesDialog>(ticker);
}

ConnectDialog *MainWindowDialogs::connectDialog() const
{
    return m_host->find<ConnectDialog>();
}

SettingsDialog *MainWindowDialogs::settingsDialog() const
{
    return m_host->find<SettingsDialog>();
}

AlertHistoryDialog *MainWindowDialogs::alertHistoryDialog() const
{
    return m_host->find<AlertHistoryDialog>();
}

BacktestDialog *MainWindowDialogs::backtestDialog() const
{
    return m_lastBacktest;
}

WelcomeWizard *MainWindowDialogs::welcomeWizard() const
{
    return m_host->find<WelcomeWizard>();
}

} // namespace trailguard::ui
