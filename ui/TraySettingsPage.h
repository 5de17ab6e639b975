#pragma once

#include "ChannelSettingsPage.h"

#include <QPointer>

class QSystemTrayIcon;

namespace trailguard::ui {

// The tray channel's settings: just whether breaches pop up as notifications from the tray icon. Its
// "Send test" shows the test message from the tray icon (there is nothing to send it through).
//
// Children: those of ChannelSettingsPage for "tray".
class TraySettingsPage : public ChannelSettingsPage {
    Q_OBJECT
public:
    // `tray` may be null (no tray): the test then says so.
    TraySettingsPage(QSystemTrayIcon *tray, ChannelTestServices services, QWidget *parent = nullptr);
    ~TraySettingsPage() override;

    Status validate() const override { return success(); }
    void load(const ChannelSettingsData &data) override;
    void store(ChannelSettingsData &data) const override;

public Q_SLOTS:
    void sendTest() override;

protected:
    std::unique_ptr<AlertChannel> makeTestChannel() const override { return nullptr; }

private:
    QPointer<QSystemTrayIcon> m_tray;
};

} // namespace trailguard::ui
