#include "TraySettingsPage.h"

#include "alerts/AlertFormatter.h"
#include "alerts/ChannelSettings.h"
#include "common/Clock.h"

#include <QSystemTrayIcon>

namespace trailguard::ui {

namespace {
constexpr int kTestMessageMs = 10'000;
} // namespace

TraySettingsPage::TraySettingsPage(QSystemTrayIcon *tray, ChannelTestServices services, QWidget *parent)
    : ChannelSettingsPage(QStringLiteral("tray"), tr("&Pop up breaches from the tray icon"), services, parent)
    , m_tray(tray)
{}

TraySettingsPage::~TraySettingsPage() = default;

void TraySettingsPage::load(const ChannelSettingsData &data)
{
    setChannelEnabled(data.trayEnabled);
}

void TraySettingsPage::store(ChannelSettingsData &data) const
{
    data.trayEnabled = isChannelEnabled();
}

void TraySettingsPage::sendTest()
{
    if (!m_tray || !QSystemTrayIcon::isSystemTrayAvailable() || !m_tray->supportsMessages()) {
        showTestResult(false, tr("There is no system tray on this desktop to show the message in."));
        return;
    }
    const QDateTime now = services().clock ? services().clock->now() : QDateTime::currentDateTimeUtc();
    const AlertMessage message = AlertFormatter::test(now);
    m_tray->showMessage(message.subject, message.text, QSystemTrayIcon::Information, kTestMessageMs);
    showTestResult(true, tr("Shown by the tray icon"));
}

} // namespace trailguard::ui
