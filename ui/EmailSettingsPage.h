#pragma once

#include "ChannelSettingsPage.h"

#include "alerts/email/EmailConfig.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace trailguard::ui {

// The email channel's settings: provider preset (Gmail, Outlook / Office 365 or a custom server, whose
// host, port and security are then editable), login and password (hidden; it goes to the keychain, never
// to the settings file), From and To (several addresses separated by commas).
//
// Children: emailProviderComboBox, emailHostLineEdit, emailPortSpinBox, emailSecurityComboBox,
// emailUserLineEdit, emailPasswordLineEdit, emailFromLineEdit, emailToLineEdit, and those of
// ChannelSettingsPage for "email".
class EmailSettingsPage : public ChannelSettingsPage {
    Q_OBJECT
public:
    explicit EmailSettingsPage(ChannelTestServices services, QWidget *parent = nullptr);
    ~EmailSettingsPage() override;

    // The configuration the fields describe.
    EmailConfig config() const;
    void setConfig(const EmailConfig &config);

    Status validate() const override;
    void load(const ChannelSettingsData &data) override;
    void store(ChannelSettingsData &data) const override;

    // "a@example.com, b@example.com; c@example.com" → the three addresses.
    static QStringList splitAddresses(const QString &text);

protected:
    std::unique_ptr<AlertChannel> makeTestChannel() const override;

private:
    void applyPreset();
    void securityChanged();

    QComboBox *m_providerComboBox;
    QLineEdit *m_hostLineEdit;
    QSpinBox *m_portSpinBox;
    QComboBox *m_securityComboBox;
    QLineEdit *m_userLineEdit;
    QLineEdit *m_passwordLineEdit;
    QLineEdit *m_fromLineEdit;
    QLineEdit *m_toLineEdit;
};

} // namespace trailguard::ui
