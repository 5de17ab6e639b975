#pragma once

#include "common/Result.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QFormLayout;
class QLabel;
class QNetworkAccessManager;
class QPushButton;

namespace trailguard {
class AlertChannel;
class Clock;
class SecretRedactor;
struct ChannelSettingsData;
struct DeliveryResult;
} // namespace trailguard

namespace trailguard::ui {

// What a settings page needs to send a test through its channel.
struct ChannelTestServices {
    QNetworkAccessManager *network = nullptr; // the webhook channels send with it; the page's own when null
    const Clock *clock = nullptr;             // the test message's time; system time when null
    SecretRedactor *redactor = nullptr;       // learns the secrets a test sends with (may be null)
};

// One alert channel's group in the settings dialog: "Enable" above the channel's own fields, the
// validation message of those fields right under them (shown while the channel is enabled and the fields
// are invalid, word for word what the configuration's validate() says), and "Send test", which sends
// AlertFormatter::test() through a temporary channel built from the fields as they are (saved or not)
// and then says "Delivered" or the channel's exact reason. Sending never blocks.
//
// Children, for a page named "ntfy": ntfyEnabledCheckBox, ntfyErrorLabel, ntfyTestPushButton,
// ntfyTestResultLabel, plus the subclass's fields.
class ChannelSettingsPage : public QWidget {
    Q_OBJECT
public:
    ~ChannelSettingsPage() override;

    bool isChannelEnabled() const;
    void setChannelEnabled(bool enabled);

    // Whether the fields make a valid configuration; the message says what is wrong.
    virtual Status validate() const = 0;
    // Fills the page from / writes it into the settings (this channel's enabled flag and configuration).
    virtual void load(const ChannelSettingsData &data) = 0;
    virtual void store(ChannelSettingsData &data) const = 0;

    // The validation message shown, empty when none is.
    QString errorMessage() const;
    // "Sending…", "Delivered", the reason of a failed test, or empty before the first test.
    QString testResult() const;
    bool isTesting() const { return m_testing; }

public Q_SLOTS:
    virtual void sendTest();
    // Shows or hides the validation message for the fields as they are now.
    void revalidate();

Q_SIGNALS:
    // A test finished; `delivered` is false for a refusal, an error or an invalid configuration.
    void testFinished(bool delivered, const QString &result);

protected:
    // `name` prefixes the children's objectNames; `enableText` labels the checkbox ("&Enable email alerts").
    ChannelSettingsPage(const QString &name, const QString &enableText, ChannelTestServices services,
                        QWidget *parent);

    // Where subclasses add their fields.
    QFormLayout *form() const { return m_form; }
    // Subclasses call this whenever a field changes.
    void fieldsChanged();
    // The channel a test goes through, built from the fields (validate() passed). A secret it uses is
    // handed to remember() first.
    virtual std::unique_ptr<AlertChannel> makeTestChannel() const = 0;
    void remember(const QByteArray &secret) const;
    void setTestRunning();
    void showTestResult(bool delivered, const QString &text);
    const ChannelTestServices &services() const { return m_services; }

private:
    void finishTest(const DeliveryResult &result);

    ChannelTestServices m_services;
    QCheckBox *m_enabledCheckBox;
    QFormLayout *m_form;
    QLabel *m_errorLabel;
    QPushButton *m_testButton;
    QLabel *m_testResultLabel;
    std::unique_ptr<AlertChannel> m_testChannel;
    bool m_testing = false;
};

} // namespace trailguard::ui
