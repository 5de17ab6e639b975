#include "welcome/WelcomeAccountPage.h"
#include "welcome/WelcomeParagraph.h"

#include "ConnectDialog.h"
#include "ConnectionStatus.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace trailguard::ui {

WelcomeAccountPage::WelcomeAccountPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("welcomeAccountPage"));
    setTitle(tr("Connect your Questrade account"));
    setSubTitle(tr("Trailguard reads quotes through your account. It never places orders."));
    auto *layout = new QVBoxLayout(this);
    auto *steps = welcomeParagraph(
        tr("<p>To create a refresh token:</p><ol>"
           "<li>Log in to Questrade and open the <a href=\"%1\">App Hub</a>.</li>"
           "<li>Register a personal app with market data access (or open the one you have).</li>"
           "<li>Choose <i>New device</i> and generate a new token.</li>"
           "<li>Press <b>Connect Questrade Account\u2026</b> below, paste the token and choose a live or a "
           "practice account.</li></ol>"
           "<p>A token works once; Trailguard keeps the rotating chain in your keychain.</p>")
            .arg(QLatin1String(ConnectDialog::kAppHubUrl)),
        this, "welcomeStepsLabel");
    steps->setTextFormat(Qt::RichText);
    steps->setOpenExternalLinks(true);
    steps->setTextInteractionFlags(Qt::TextBrowserInteraction);
    steps->setAccessibleName(tr("How to create a refresh token"));
    steps->setAccessibleDescription(tr("The steps in Questrade's App Hub"));
    layout->addWidget(steps);

    auto *buttons = new QHBoxLayout;
    auto *connectButton = new QPushButton(tr("&Connect Questrade Account\u2026"), this);
    connectButton->setObjectName(QStringLiteral("welcomeConnectPushButton"));
    connectButton->setAccessibleName(tr("Connect Questrade Account"));
    connectButton->setAccessibleDescription(tr("Paste a refresh token for a live or a practice account"));
    connectButton->setToolTip(connectButton->accessibleDescription());
    connect(connectButton, &QPushButton::clicked, this, &WelcomeAccountPage::connectClicked);
    m_demoButton = new QPushButton(tr("Try the &Demo Market"), this);
    m_demoButton->setObjectName(QStringLiteral("welcomeDemoPushButton"));
    m_demoButton->setAccessibleName(tr("Try the Demo Market"));
    m_demoButton->setAccessibleDescription(
        tr("Simulated prices on this computer, with a watchlist of their own; no account needed"));
    m_demoButton->setToolTip(m_demoButton->accessibleDescription());
    connect(m_demoButton, &QPushButton::clicked, this, &WelcomeAccountPage::demoClicked);
    buttons->addWidget(connectButton);
    buttons->addWidget(m_demoButton);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_statusLabel = welcomeParagraph(QString(), this, "accountStatusLabel");
    m_statusLabel->setAccessibleName(tr("Account status"));
    m_statusLabel->setAccessibleDescription(tr("Whether an account is connected"));
    layout->addWidget(m_statusLabel);
    layout->addStretch();
}

void WelcomeAccountPage::followConnection(const ConnectionStatus &status)
{
    status.follow(
        this, [this](ConnectionState state, const QString &message) { setConnectionState(state, message); });
}

void WelcomeAccountPage::setConnectionState(ConnectionState state, const QString &message)
{
    m_state = state;
    m_message = message;
    updateStatus();
}

void WelcomeAccountPage::setDemoMode(bool demo)
{
    m_demo = demo;
    m_demoButton->setVisible(!demo);
    updateStatus();
}

void WelcomeAccountPage::updateStatus()
{
    const QString demoText = tr("You are trying the demo market: simulated prices, a watchlist of its own. "
                                "Connect your account whenever you like.");
    QString text;
    switch (m_state.value_or(ConnectionState::NotConfigured)) {
    case ConnectionState::Connected:
        text = m_demo ? tr("Connected to the demo market.") : tr("Your account is connected.");
        break;
    case ConnectionState::Connecting:
        text = tr("Connecting\u2026");
        break;
    case ConnectionState::NotConfigured:
        text = m_demo ? demoText : tr("No account is connected yet.");
        break;
    default:
        text = m_message;
        break;
    }
    m_statusLabel->setText(text);
}

} // namespace trailguard::ui
