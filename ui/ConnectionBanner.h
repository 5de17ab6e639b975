#pragma once

#include "Banner.h"

#include "broker/BrokerTypes.h"

#include <optional>

namespace trailguard::ui {

// The banner that asks for a Questrade account (objectName connectionBannerFrame). Shown only when there is
// something to do: NotConfigured ("No Questrade account connected." with Connect… and, when a demo is
// possible, Try the Demo Market) and Disconnected ("Disconnected — reconnect." with the reason and
// Reconnect…). Buttons: connectPushButton, demoPushButton.
class ConnectionBanner : public Banner {
    Q_OBJECT
public:
    explicit ConnectionBanner(QWidget *parent = nullptr);
    ~ConnectionBanner() override;

    void setConnectionState(ConnectionState state, const QString &message);
    void setDemoAvailable(bool available);
    // Keeps the banner hidden whatever the state (the demo shows its own banner).
    void setSuppressed(bool suppressed);

Q_SIGNALS:
    void connectClicked();
    void demoClicked();

private:
    void updateContents();

    QPushButton *m_connectButton;
    QPushButton *m_demoButton;
    std::optional<ConnectionState> m_state;
    QString m_message;
    bool m_demoAvailable = false;
    bool m_suppressed = false;
};

} // namespace trailguard::ui
