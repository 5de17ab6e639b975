#pragma once

#include "Autostart.h"
#include "ChannelSettingsPage.h"

#include "alerts/ChannelSettings.h"
#include "broker/BrokerTypes.h"

#include <QDialog>
#include <QList>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSystemTrayIcon;
class QTabWidget;

namespace trailguard {
class SecretStore;
class Settings;
} // namespace trailguard

namespace trailguard::ui {

class EmailSettingsPage;
class DiscordSettingsPage;
class GeneralSettingsPage;
class NtfySettingsPage;
class TelegramSettingsPage;
class QuestradeSettingsPage;
class TraySettingsPage;

// The settings, one tab each: General, Questrade, Tray, Email, Discord, ntfy. Open it with open() (window
// modal), never exec().
//
// Plain values go to Settings (QSettings); the SMTP password, the Discord webhook URL and the ntfy access
// token go to the SecretStore only (ChannelSettings::save). The channels' settings load asynchronously:
// until they are there the dialog says "Loading…" and the channel tabs are disabled. OK and Apply stay
// enabled; saving invalid input is refused with the validation message (the tab in question comes to
// the front) and saves nothing. A valid save writes the secrets, then the channels' plain values, then the
// General tab and the autostart entry, and emits settingsSaved().
//
// Children: settingsTabWidget with the pages (generalPage, questradePage, trayPage, emailPage,
// discordPage, ntfyPage, telegramPage — see their classes for their fields), messageLabel ("Loading…",
// "Saving…", the reason a save was refused or failed, "Saved."), okPushButton, applyPushButton,
// cancelPushButton.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    struct Services {
        SecretStore *secrets = nullptr;  // required
        ChannelTestServices test;        // network, clock and redactor for "Send test"
        QSystemTrayIcon *tray = nullptr; // the tray's "Send test" shows its message from it
        QString autostartPath;           // empty: Autostart::defaultPath()
    };

    SettingsDialog(Settings &settings, Services services, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // The channels' settings have been read (or failed to be: see message()).
    bool isLoaded() const { return m_loaded; }
    bool isSaving() const { return m_saving; }
    // The sentence in messageLabel.
    QString message() const;

    // From the window: the Questrade tab's state. An unknown state reads "Checking the connection…".
    void setConnectionState(std::optional<ConnectionState> state, const QString &message,
                            std::optional<BrokerEnvironment> environment);

    // How many tickers are watched: the General tab warns when the interval is too short for them.
    void setWatchedTickerCount(int tickers);

    // The pages, for the window and tests.
    QuestradeSettingsPage *questradePage() const { return m_questradePage; }
    QList<ChannelSettingsPage *> channelPages() const;

public Q_SLOTS:
    // Saves and stays open (Apply).
    void apply();
    // Saves and closes once saved (OK); stays open, saying why, when saving is refused or fails.
    void accept() override;
    // Cancel and Escape: closes without saving, except while a save is running.
    void reject() override;

Q_SIGNALS:
    // The channels' settings were read; the fields show them.
    void loaded();
    // Everything was saved: the app reloads its channels and applies the check interval.
    void settingsSaved();
    // A save was refused or failed; `message` is what messageLabel now says.
    void saveFailed(const QString &message);
    // The Questrade tab's buttons.
    void connectDialogRequested();
    void disconnectRequested();

private:
    void startLoading();
    void save(bool closeWhenSaved);
    void finishSave(const Status &status, bool closeWhenSaved);
    void refuse(const QString &message, QWidget *page);
    void setBusy(bool busy);
    void showMessage(const QString &message);

    Settings &m_settings;
    Services m_services;
    QTabWidget *m_tabWidget;
    GeneralSettingsPage *m_generalPage;
    QuestradeSettingsPage *m_questradePage;
    TraySettingsPage *m_trayPage;
    EmailSettingsPage *m_emailPage;
    DiscordSettingsPage *m_discordPage;
    NtfySettingsPage *m_ntfyPage;
    TelegramSettingsPage *m_telegramPage;
    QLabel *m_messageLabel;
    QDialogButtonBox *m_buttonBox;
    QPushButton *m_okButton;
    QPushButton *m_applyButton;
    QPushButton *m_cancelButton;

    bool m_loaded = false;
    std::optional<Error> m_loadError;
    bool m_saving = false;
};

} // namespace trailguard::ui
