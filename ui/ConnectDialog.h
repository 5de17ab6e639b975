#pragma once

#include "broker/BrokerTypes.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace trailguard::ui {

// Connects a Questrade account: explains where the refresh token comes from, takes it (hidden, trimmed,
// never empty) and whether it is for a live or a practice account, and emits connectRequested. The
// dialog then stays open saying "Connecting…" and follows setConnectionState: it closes itself
// (accepted) once the account is Connected, and shows the message of a Disconnected or Offline answer so
// the user can try again. Open it with open(), never exec().
//
// Children: instructionsLabel, tokenLineEdit, liveRadioButton, practiceRadioButton, messageLabel,
// messageIconLabel (a warning sign beside errors), connectPushButton, and the button box's Cancel button.
class ConnectDialog : public QDialog {
    Q_OBJECT
public:
    // Where users create a personal app and its refresh token.
    static constexpr const char *kAppHubUrl = "https://apphub.questrade.com/UI/UserApps.aspx";

    explicit ConnectDialog(QWidget *parent = nullptr);
    ~ConnectDialog() override;

    BrokerEnvironment environment() const;
    void setEnvironment(BrokerEnvironment environment);
    // A token was sent and no answer has come yet.
    bool isWaiting() const { return m_waiting; }
    // The sentence under the token field: progress, an error or empty.
    QString message() const;

public Q_SLOTS:
    // Follows QuestradeAuth::stateChanged (the window forwards it).
    void setConnectionState(trailguard::ConnectionState state, const QString &message);
    // What the Connect button does: checks the token, then emits connectRequested and waits.
    void submit();

Q_SIGNALS:
    // The user asked to connect with this refresh token (trimmed, never empty).
    void connectRequested(const QByteArray &refreshToken, trailguard::BrokerEnvironment environment);

private:
    void setWaiting(bool waiting);
    void showMessage(const QString &message, bool isError);

    QLabel *m_instructionsLabel;
    QLineEdit *m_tokenLineEdit;
    QRadioButton *m_liveRadioButton;
    QRadioButton *m_practiceRadioButton;
    QLabel *m_messageIconLabel;
    QLabel *m_messageLabel;
    QDialogButtonBox *m_buttonBox;
    QPushButton *m_connectButton;

    bool m_waiting = false;
    bool m_exchangeStarted = false; // a Connecting was seen since the token was sent
};

} // namespace trailguard::ui
