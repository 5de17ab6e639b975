#include "SettingsDialog.h"

#include "DiscordSettingsPage.h"
#include "EmailSettingsPage.h"
#include "GeneralSettingsPage.h"
#include "NtfySettingsPage.h"
#include "QuestradeSettingsPage.h"
#include "TelegramSettingsPage.h"
#include "TraySettingsPage.h"

#include "secrets/SecretStore.h"
#include "settings/Settings.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace trailguard::ui {

SettingsDialog::SettingsDialog(Settings &settings, Services services, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_services(std::move(services))
    , m_tabWidget(new QTabWidget(this))
    , m_generalPage(new GeneralSettingsPage(
          settings,
          Autostart(m_services.autostartPath.isEmpty() ? Autostart::defaultPath() : m_services.autostartPath),
          this))
    , m_questradePage(new QuestradeSettingsPage(this))
    , m_trayPage(new TraySettingsPage(m_services.tray, m_services.test, this))
    , m_emailPage(new EmailSettingsPage(m_services.test, this))
    , m_discordPage(new DiscordSettingsPage(m_services.test, this))
    , m_ntfyPage(new NtfySettingsPage(m_services.test, this))
    , m_telegramPage(new TelegramSettingsPage(m_services.test, this))
    , m_messageLabel(new QLabel(this))
    , m_buttonBox(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this))
    , m_okButton(m_buttonBox->button(QDialogButtonBox::Ok))
    , m_applyButton(m_buttonBox->button(QDialogButtonBox::Apply))
    , m_cancelButton(m_buttonBox->button(QDialogButtonBox::Cancel))
{
    Q_ASSERT(m_services.secrets);
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_tabWidget->setObjectName(QStringLiteral("settingsTabWidget"));
    m_tabWidget->addTab(m_generalPage, tr("General"));
    m_tabWidget->addTab(m_questradePage, tr("Questrade"));
    m_tabWidget->addTab(m_trayPage, tr("Tray"));
    m_tabWidget->addTab(m_emailPage, tr("Email"));
    m_tabWidget->addTab(m_discordPage, tr("Discord"));
    m_tabWidget->addTab(m_ntfyPage, tr("ntfy"));
    m_tabWidget->addTab(m_telegramPage, tr("Telegram"));

    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setAccessibleName(tr("Settings status"));
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_okButton->setObjectName(QStringLiteral("okPushButton"));
    m_applyButton->setObjectName(QStringLiteral("applyPushButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelPushButton"));
    m_okButton->setAccessibleDescription(tr("Save the settings and close"));
    m_applyButton->setAccessibleDescription(tr("Save the settings and keep this window open"));
    m_cancelButton->setAccessibleDescription(tr("Close without saving (Escape)"));
    connect(m_buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_applyButton, &QPushButton::clicked, this, &SettingsDialog::apply);

    connect(m_questradePage, &QuestradeSettingsPage::connectClicked, this,
            &SettingsDialog::connectDialogRequested);
    connect(m_questradePage, &QuestradeSettingsPage::disconnectClicked, this,
            &SettingsDialog::disconnectRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabWidget, 1);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_buttonBox);

    startLoading();
}

SettingsDialog::~SettingsDialog() = default;

QList<ChannelSettingsPage *> SettingsDialog::channelPages() const
{
    return {m_trayPage, m_emailPage, m_discordPage, m_ntfyPage, m_telegramPage};
}

QString SettingsDialog::message() const
{
    return m_messageLabel->text();
}

void SettingsDialog::setWatchedTickerCount(int tickers)
{
    m_generalPage->setWatchedTickerCount(tickers);
}

void SettingsDialog::setConnectionState(std::optional<ConnectionState> state, const QString &message,
                                        std::optional<BrokerEnvironment> environment)
{
    m_questradePage->setConnectionState(state, message, environment);
}

void SettingsDialog::startLoading()
{
    for (ChannelSettingsPage *page : channelPages())
        page->setEnabled(false);
    showMessage(tr("Loading\u2026"));
    ChannelSettings::load(m_settings, *m_services.secrets, this, [this](Result<ChannelSettingsData> data) {
        if (!data.ok()) {
            m_loadError = data.error();
            showMessage(tr("The alert settings could not be read: %1").arg(data.error().message));
            return;
        }
        for (ChannelSettingsPage *page : channelPages()) {
            page->load(data.value());
            page->setEnabled(true);
        }
        m_loaded = true;
        showMessage(QString());
        Q_EMIT loaded();
    });
}

void SettingsDialog::apply()
{
    save(false);
}

void SettingsDialog::accept()
{
    save(true);
}

void SettingsDialog::reject()
{
    if (m_saving)
        return; // the secrets are being written: closing now could leave them without their settings
    QDialog::reject();
}

void SettingsDialog::save(bool closeWhenSaved)
{
    if (m_saving)
        return;
    if (m_loadError) {
        refuse(tr("Nothing was saved: the alert settings could not be read (%1).").arg(m_loadError->message),
               nullptr);
        return;
    }
    if (!m_loaded) {
        refuse(tr("Nothing was saved: the alert settings are still loading. Try again in a moment."),
               nullptr);
        return;
    }
    if (const Status general = m_generalPage->validate(); !general.ok()) {
        refuse(general.error().message, m_generalPage);
        return;
    }
    ChannelSettingsData data;
    for (ChannelSettingsPage *page : channelPages()) {
        page->store(data);
        if (const Status valid = page->validate(); page->isChannelEnabled() && !valid.ok()) {
            refuse(QStringLiteral("%1: %2").arg(m_tabWidget->tabText(m_tabWidget->indexOf(page)),
                                                valid.error().message),
                   page);
            return;
        }
    }
    setBusy(true);
    showMessage(tr("Saving\u2026"));
    // Validates once more and stores nothing unless every secret is stored first.
    ChannelSettings::save(data, m_settings, *m_services.secrets, this,
                          [this, closeWhenSaved](Status status) { finishSave(status, closeWhenSaved); });
}

void SettingsDialog::finishSave(const Status &status, bool closeWhenSaved)
{
    setBusy(false);
    if (!status.ok()) {
        refuse(status.error().message, nullptr);
        return;
    }
    const Status general = m_generalPage->save();
    Q_EMIT settingsSaved();
    if (!general.ok()) {
        refuse(general.error().message, m_generalPage);
        return;
    }
    if (closeWhenSaved) {
        showMessage(QString());
        QDialog::accept();
    } else {
        showMessage(tr("Saved."));
    }
}

void SettingsDialog::refuse(const QString &message, QWidget *page)
{
    if (page)
        m_tabWidget->setCurrentWidget(page);
    showMessage(message);
    Q_EMIT saveFailed(message);
}

void SettingsDialog::setBusy(bool busy)
{
    m_saving = busy;
    for (QPushButton *button : {m_okButton, m_applyButton, m_cancelButton})
        button->setEnabled(!busy);
}

void SettingsDialog::showMessage(const QString &message)
{
    m_messageLabel->setText(message);
}

} // namespace trailguard::ui
