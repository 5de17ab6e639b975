#pragma once

#include "ChannelSettingsPage.h"

#include "alerts/ChannelSettings.h"
#include "broker/BrokerTypes.h"

#include <QWizard>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace trailguard {
class SecretStore;
class Settings;
class WatchlistService;
} // namespace trailguard

namespace trailguard::ui {

class AddTickerForm;
class ConnectionStatus;
class WelcomeAccountPage;
class RatioSpinBox;

// The first-run welcome (also Help > Welcome…): from nothing to a guarded watchlist in five steps, each of
// which can be skipped ("Skip This Step", or Next without doing anything). It is a window of its own, never
// modal: the watchlist stays usable beside it.
//  1. Account: connect a Questrade account (live or practice; the steps to create a refresh token, then the
//     usual connect dialog) or try the demo market.
//  2. Tickers: import the positions (when the app gives an import hook) or add tickers (the add form).
//  3. Ratio: the default stop ratio, saved when leaving the step with Next.
//  4. Alerts: one channel (email, Discord or ntfy: the settings pages, with "Send test"), saved with Next.
//  5. Done.
//
// Children: welcomeAccountPage (accountStatusLabel, welcomeConnectPushButton, welcomeDemoPushButton),
// welcomeTickersPage (importPositionsPushButton, addTickerForm, welcomeTickerListWidget), welcomeRatioPage
// (welcomeRatioSpinBox, welcomeRatioNoteLabel), welcomeAlertPage (welcomeChannelComboBox,
// welcomeChannelStack with the channel pages emailPage, discordPage, ntfyPage; welcomeAlertStatusLabel),
// welcomeDonePage (welcomeSummaryLabel).
class WelcomeWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { AccountPage, TickersPage, RatioPage, AlertPage, DonePage };

    // What the alert step needs; without a secret store the step says it cannot save a channel here.
    struct Services {
        SecretStore *secrets = nullptr;
        ChannelTestServices test;
    };

    WelcomeWizard(WatchlistService &watchlist, Settings &settings, Services services,
                  QWidget *parent = nullptr);
    ~WelcomeWizard() override;

    // Opens on `page` (the demo replaces the window, and the welcome goes on where it was).
    void startAt(PageId page);

    // The account step follows the connection: "Your account is connected", the demo, ...
    void followConnection(const ConnectionStatus &status);
    void setConnectionState(trailguard::ConnectionState state, const QString &message);
    void setDemoMode(bool demo);
    // Shows "Import Positions" on the tickers step; the hook runs the import (the app's portfolio import).
    void setImportPositionsHook(std::function<void()> importPositions);

    // True while "Skip This Step" moves on: the steps then save nothing.
    bool isSkipping() const { return m_skipping; }
    // The sentence of the alert step: "Saving…", "Saved.", why it was not saved.
    QString alertStatus() const;
    // The channel pages, for the window and tests.
    QList<ChannelSettingsPage *> channelPages() const { return m_channelPages; }

public Q_SLOTS:
    // What "Skip This Step" does: the next step, saving nothing (Finish on the last one).
    void skipStep();

Q_SIGNALS:
    // "Connect Questrade Account…": the window opens its connect dialog over the wizard.
    void connectDialogRequested();
    // "Try the Demo Market".
    void demoRequested();
    // The default ratio was saved (the window presets its add form with it).
    void defaultRatioSaved();
    // The alert channel was saved (the app reloads its channels).
    void channelSaved();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWizardPage *createTickersPage(WatchlistService &watchlist);
    QWizardPage *createRatioPage();
    QWizardPage *createAlertPage();
    QWizardPage *createDonePage();
    void refreshTickerList();
    void loadChannels();
    bool saveRatio();
    bool saveChannel();
    void updateSummary();

    WatchlistService &m_watchlist;
    Settings &m_settings;
    Services m_services;
    bool m_skipping = false;
    bool m_demo = false;
    std::function<void()> m_importPositions;

    WelcomeAccountPage *m_accountPage = nullptr;
    QPushButton *m_importButton = nullptr;
    AddTickerForm *m_addForm = nullptr;
    QListWidget *m_tickerList = nullptr;
    RatioSpinBox *m_ratioSpinBox = nullptr;
    QLabel *m_ratioNoteLabel = nullptr;
    QComboBox *m_channelComboBox = nullptr;
    QStackedWidget *m_channelStack = nullptr;
    QList<ChannelSettingsPage *> m_channelPages;
    QLabel *m_alertStatusLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    std::optional<ChannelSettingsData> m_channelData;
    QString m_savedChannelName;
};

} // namespace trailguard::ui
