#pragma once

#include "broker/BrokerTypes.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace trailguard::ui {

// The Questrade tab: the connection state in words (and, when connected, whether the account is live or
// practice), Connect… (the connect dialog, where live or practice is chosen) and Disconnect….
//
// Children: questradeStateLabel, questradeMessageLabel, questradeConnectPushButton,
// questradeDisconnectPushButton.
class QuestradeSettingsPage : public QWidget {
    Q_OBJECT
public:
    explicit QuestradeSettingsPage(QWidget *parent = nullptr);
    ~QuestradeSettingsPage() override;

    // From the window (which follows QuestradeAuth::stateChanged). Unknown state: "Checking…".
    void setConnectionState(std::optional<ConnectionState> state, const QString &message,
                            std::optional<BrokerEnvironment> environment);
    QString stateText() const;

    // "Connected to a live account", "Not connected", ...
    static QString describe(ConnectionState state, std::optional<BrokerEnvironment> environment);

Q_SIGNALS:
    void connectClicked();
    void disconnectClicked();

private:
    QLabel *m_stateLabel;
    QLabel *m_messageLabel;
    QPushButton *m_connectButton;
    QPushButton *m_disconnectButton;
};

} // namespace trailguard::ui
