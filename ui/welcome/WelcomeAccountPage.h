#pragma once

#include "broker/BrokerTypes.h"

#include <QWizardPage>

#include <optional>

class QLabel;
class QPushButton;

namespace trailguard::ui {

class ConnectionStatus;

// The welcome's first step: how to create a refresh token, "Connect Questrade Account…", "Try the Demo
// Market", and a sentence that follows the connection ("No account is connected yet." until the account
// is connected, then "Your account is connected.").
// Children: welcomeStepsLabel, welcomeConnectPushButton, welcomeDemoPushButton, accountStatusLabel.
class WelcomeAccountPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WelcomeAccountPage(QWidget *parent = nullptr);

    // Follows `status` from now on (and shows its current state).
    void followConnection(const ConnectionStatus &status);
    void setConnectionState(trailguard::ConnectionState state, const QString &message);
    void setDemoMode(bool demo);
    std::optional<ConnectionState> connectionState() const { return m_state; }

Q_SIGNALS:
    void connectClicked();
    void demoClicked();

private:
    void updateStatus();

    bool m_demo = false;
    std::optional<ConnectionState> m_state;
    QString m_message;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_demoButton = nullptr;
};

} // namespace trailguard::ui
