#include "ConnectionBanner.h"

#include <QPushButton>

namespace trailguard::ui {

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : Banner(parent)
    , m_connectButton(addButton(QString(), QStringLiteral("connectPushButton")))
    , m_demoButton(addButton(tr("Try the &Demo Market"), QStringLiteral("demoPushButton")))
{
    setObjectName(QStringLiteral("connectionBannerFrame"));
    m_connectButton->setAccessibleName(tr("Connect to Questrade"));
    m_connectButton->setAccessibleDescription(tr("Paste a refresh token from Questrade's App Hub"));
    m_demoButton->setAccessibleDescription(
        tr("Simulated prices on this computer, with a watchlist of their own; no account needed"));
    connect(m_connectButton, &QPushButton::clicked, this, &ConnectionBanner::connectClicked);
    connect(m_demoButton, &QPushButton::clicked, this, &ConnectionBanner::demoClicked);
    hide();
}

ConnectionBanner::~ConnectionBanner() = default;

void ConnectionBanner::setConnectionState(ConnectionState state, const QString &message)
{
    m_state = state;
    m_message = message;
    updateContents();
}

void ConnectionBanner::setDemoAvailable(bool available)
{
    m_demoAvailable = available;
    updateContents();
}

void ConnectionBanner::setSuppressed(bool suppressed)
{
    m_suppressed = suppressed;
    updateContents();
}

void ConnectionBanner::updateContents()
{
    const bool notConfigured = m_state == ConnectionState::NotConfigured;
    const bool disconnected = m_state == ConnectionState::Disconnected;
    if (m_suppressed || (!notConfigured && !disconnected)) {
        hide();
        return;
    }
    if (disconnected) {
        setIcon(QStyle::SP_MessageBoxWarning);
        setMessage(tr("Disconnected \u2014 reconnect."),
                   m_message.isEmpty() ? tr("Questrade refused the saved token.") : m_message);
        m_connectButton->setText(tr("&Reconnect\u2026"));
    } else {
        setIcon(QStyle::SP_MessageBoxInformation);
        setMessage(tr("No Questrade account connected."), m_message);
        m_connectButton->setText(tr("&Connect\u2026"));
    }
    m_demoButton->setVisible(notConfigured && m_demoAvailable);
    show();
}

} // namespace trailguard::ui
