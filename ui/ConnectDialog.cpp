#include "ConnectDialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

namespace trailguard::ui {

namespace {
constexpr int kMinimumWidthInCharacters = 80;
constexpr int kIconSize = 16;
} // namespace

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_instructionsLabel(new QLabel(this))
    , m_tokenLineEdit(new QLineEdit(this))
    , m_liveRadioButton(new QRadioButton(tr("&Live account"), this))
    , m_practiceRadioButton(new QRadioButton(tr("&Practice account"), this))
    , m_messageIconLabel(new QLabel(this))
    , m_messageLabel(new QLabel(this))
    , m_buttonBox(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_connectButton(m_buttonBox->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect to Questrade"));

    m_instructionsLabel->setObjectName(QStringLiteral("instructionsLabel"));
    m_instructionsLabel->setWordWrap(true);
    m_instructionsLabel->setTextFormat(Qt::RichText);
    m_instructionsLabel->setOpenExternalLinks(true);
    m_instructionsLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_instructionsLabel->setText(
        tr("<p>Trailguard reads quotes with a refresh token of a Questrade personal app:</p>"
           "<ol><li>Sign in to Questrade and open the <a href=\"%1\">App Hub (API centre)</a>.</li>"
           "<li>Under <b>Personal apps</b>, register a personal app with the <b>market data</b> permission "
           "(once).</li>"
           "<li>Click <b>New device</b> to generate a token, and copy it.</li>"
           "<li>Paste it here and say whether it belongs to a live or a practice account.</li></ol>"
           "<p>A token works only once: Trailguard exchanges it at once and keeps the token that replaces it "
           "in your keychain, so you paste one only to connect or reconnect.</p>")
            .arg(QLatin1String(kAppHubUrl)));

    m_tokenLineEdit->setObjectName(QStringLiteral("tokenLineEdit"));
    m_tokenLineEdit->setEchoMode(QLineEdit::Password);
    m_tokenLineEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                         Qt::ImhNoAutoUppercase);
    m_tokenLineEdit->setPlaceholderText(tr("Paste the refresh token"));
    m_tokenLineEdit->setClearButtonEnabled(true);

    m_liveRadioButton->setObjectName(QStringLiteral("liveRadioButton"));
    m_practiceRadioButton->setObjectName(QStringLiteral("practiceRadioButton"));
    auto *environments = new QButtonGroup(this);
    environments->addButton(m_liveRadioButton);
    environments->addButton(m_practiceRadioButton);
    m_liveRadioButton->setChecked(true);
    auto *environmentRow = new QHBoxLayout;
    environmentRow->addWidget(m_liveRadioButton);
    environmentRow->addWidget(m_practiceRadioButton);
    environmentRow->addStretch(1);

    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->hide();
    m_messageIconLabel->setObjectName(QStringLiteral("messageIconLabel"));
    m_messageIconLabel->setAlignment(Qt::AlignTop);
    m_messageIconLabel->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(kIconSize, kIconSize));
    m_messageIconLabel->hide();
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_messageIconLabel);
    messageRow->addWidget(m_messageLabel, 1);

    m_buttonBox->setObjectName(QStringLiteral("connectButtonBox"));
    m_connectButton->setObjectName(QStringLiteral("connectPushButton"));
    m_connectButton->setDefault(true);
    connect(m_buttonBox, &QDialogButtonBox::accepted, this, &ConnectDialog::submit);
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    auto *tokenLabel = new QLabel(tr("Refresh &token:"), this);
    tokenLabel->setBuddy(m_tokenLineEdit);
    form->addRow(tokenLabel, m_tokenLineEdit);
    form->addRow(tr("Account:"), environmentRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_instructionsLabel);
    layout->addLayout(form);
    layout->addLayout(messageRow);
    layout->addStretch(1);
    layout->addWidget(m_buttonBox);
    setMinimumWidth(kMinimumWidthInCharacters * fontMetrics().averageCharWidth());
    m_tokenLineEdit->setFocus();
}

ConnectDialog::~ConnectDialog() = default;

BrokerEnvironment ConnectDialog::environment() const
{
    return m_practiceRadioButton->isChecked() ? BrokerEnvironment::Practice : BrokerEnvironment::Live;
}

void ConnectDialog::setEnvironment(BrokerEnvironment environment)
{
    (environment == BrokerEnvironment::Practice ? m_practiceRadioButton : m_liveRadioButton)
        ->setChecked(true);
}

QString ConnectDialog::message() const
{
    return m_messageLabel->isHidden() ? QString() : m_messageLabel->text();
}

void ConnectDialog::submit()
{
    if (m_waiting)
        return;
    const QString token = m_tokenLineEdit->text().trimmed();
    if (token.isEmpty()) {
        showMessage(tr("Paste the refresh token from Questrade's App Hub first."), true);
        m_tokenLineEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    // A token the auth is already exchanging (a rotation) belongs to the old connection: only a
    // Connecting seen from now on starts ours.
    m_exchangeStarted = false;
    setWaiting(true);
    showMessage(tr("Connecting to Questrade\u2026"), false);
    Q_EMIT connectRequested(token.toUtf8(), environment());
}

void ConnectDialog::setConnectionState(ConnectionState state, const QString &message)
{
    if (!m_waiting) {
        // Before a token is sent, say why the user is here; other states need no comment.
        if (state == ConnectionState::Disconnected || state == ConnectionState::Offline)
            showMessage(message, true);
        return;
    }
    switch (state) {
    case ConnectionState::Connecting:
        m_exchangeStarted = true;
        showMessage(message.isEmpty() ? tr("Connecting to Questrade\u2026") : message, false);
        break;
    case ConnectionState::Connected:
        if (!m_exchangeStarted)
            break; // the old connection finished something; ours has not started yet
        setWaiting(false);
        accept();
        break;
    case ConnectionState::Disconnected:
        // Questrade refused the token: it cannot work again, so make room for a new one.
        m_tokenLineEdit->clear();
        [[fallthrough]];
    case ConnectionState::Offline:
    case ConnectionState::NotConfigured:
        setWaiting(false);
        showMessage(message, true);
        m_tokenLineEdit->setFocus(Qt::OtherFocusReason);
        break;
    }
}

void ConnectDialog::setWaiting(bool waiting)
{
    m_waiting = waiting;
    m_tokenLineEdit->setEnabled(!waiting);
    m_liveRadioButton->setEnabled(!waiting);
    m_practiceRadioButton->setEnabled(!waiting);
    m_connectButton->setEnabled(!waiting);
}

void ConnectDialog::showMessage(const QString &message, bool isError)
{
    m_messageLabel->setText(message);
    m_messageLabel->setVisible(!message.isEmpty());
    m_messageIconLabel->setVisible(isError && !message.isEmpty());
}

} // namespace trailguard::ui
