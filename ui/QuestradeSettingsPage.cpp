#include "QuestradeSettingsPage.h"

#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace trailguard::ui {

QuestradeSettingsPage::QuestradeSettingsPage(QWidget *parent)
    : QWidget(parent)
    , m_stateLabel(new QLabel(this))
    , m_messageLabel(new QLabel(this))
    , m_connectButton(new QPushButton(tr("&Connect\u2026"), this))
    , m_disconnectButton(new QPushButton(tr("&Disconnect\u2026"), this))
{
    setObjectName(QStringLiteral("questradePage"));

    m_stateLabel->setObjectName(QStringLiteral("questradeStateLabel"));
    m_stateLabel->setAccessibleName(tr("Questrade connection"));
    m_stateLabel->setTextFormat(Qt::PlainText);
    QFont bold = m_stateLabel->font();
    bold.setBold(true);
    m_stateLabel->setFont(bold);
    m_messageLabel->setObjectName(QStringLiteral("questradeMessageLabel"));
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_connectButton->setObjectName(QStringLiteral("questradeConnectPushButton"));
    m_connectButton->setToolTip(tr("Paste a refresh token from Questrade's App Hub, for a live or a practice "
                                   "account"));
    m_disconnectButton->setObjectName(QStringLiteral("questradeDisconnectPushButton"));
    m_disconnectButton->setToolTip(tr("Forget the Questrade token; connecting again needs a new one"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_connectButton);
    buttons->addWidget(m_disconnectButton);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_messageLabel);
    layout->addLayout(buttons);
    layout->addStretch();

    connect(m_connectButton, &QPushButton::clicked, this, &QuestradeSettingsPage::connectClicked);
    connect(m_disconnectButton, &QPushButton::clicked, this, &QuestradeSettingsPage::disconnectClicked);
    setConnectionState(std::nullopt, QString(), std::nullopt);
}

QuestradeSettingsPage::~QuestradeSettingsPage() = default;

QString QuestradeSettingsPage::describe(ConnectionState state, std::optional<BrokerEnvironment> environment)
{
    const bool practice = environment == BrokerEnvironment::Practice;
    switch (state) {
    case ConnectionState::NotConfigured:
        return tr("Not connected");
    case ConnectionState::Connecting:
        return tr("Connecting\u2026");
    case ConnectionState::Connected:
        return practice ? tr("Connected to a practice account") : tr("Connected to a live account");
    case ConnectionState::Offline:
        return practice ? tr("Practice account, offline (retrying by itself)")
                        : tr("Live account, offline (retrying by itself)");
    case ConnectionState::Disconnected:
        return tr("Disconnected: Questrade refused the token, connect again");
    }
    return {};
}

void QuestradeSettingsPage::setConnectionState(std::optional<ConnectionState> state, const QString &message,
                                               std::optional<BrokerEnvironment> environment)
{
    m_stateLabel->setText(state ? describe(*state, environment) : tr("Checking the connection\u2026"));
    m_messageLabel->setText(message);
    m_messageLabel->setVisible(!message.isEmpty());
    const bool configured = state && *state != ConnectionState::NotConfigured;
    m_connectButton->setText(configured ? tr("&Reconnect\u2026") : tr("&Connect\u2026"));
    m_connectButton->setEnabled(!state || *state != ConnectionState::Connecting);
    m_disconnectButton->setEnabled(configured);
}

QString QuestradeSettingsPage::stateText() const
{
    return m_stateLabel->text();
}

} // namespace trailguard::ui
