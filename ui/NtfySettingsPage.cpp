#include "NtfySettingsPage.h"

#include "alerts/ChannelSettings.h"
#include "alerts/webhooks/NtfyChannel.h"

#include "settings/Settings.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

#include <algorithm>

namespace trailguard::ui {

namespace {
bool isUrl(const QString &text)
{
    return text.contains(QStringLiteral("://"));
}
} // namespace

NtfySettingsPage::NtfySettingsPage(ChannelTestServices services, QWidget *parent)
    : ChannelSettingsPage(QStringLiteral("ntfy"), tr("&Enable ntfy alerts"), services, parent)
    , m_serverLineEdit(new QLineEdit(this))
    , m_topicLineEdit(new QLineEdit(this))
    , m_tokenLineEdit(new QLineEdit(this))
    , m_ackModeComboBox(new QComboBox(this))
    , m_ackModeLabel(new QLabel(this))
    , m_publicUrlLineEdit(new QLineEdit(this))
{
    m_serverLineEdit->setObjectName(QStringLiteral("ntfyServerLineEdit"));
    m_serverLineEdit->setPlaceholderText(NtfyConfig::defaultServer().toString());
    m_serverLineEdit->setToolTip(tr("Leave empty for %1; give your own server when self-hosting.")
                                     .arg(NtfyConfig::defaultServer().toString()));
    m_serverLineEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_topicLineEdit->setObjectName(QStringLiteral("ntfyTopicLineEdit"));
    m_topicLineEdit->setPlaceholderText(tr("trailguard-alerts, or a full topic URL"));
    m_topicLineEdit->setToolTip(
        tr("On a public server the topic works like a password: pick one that is hard "
           "to guess. A full URL such as https://ntfy.example.com/mytopic sets the "
           "server too."));
    m_tokenLineEdit->setObjectName(QStringLiteral("ntfyTokenLineEdit"));
    m_tokenLineEdit->setEchoMode(QLineEdit::Password);
    m_tokenLineEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                         Qt::ImhNoAutoUppercase);
    m_tokenLineEdit->setPlaceholderText(tr("optional"));
    m_tokenLineEdit->setToolTip(
        tr("Only for a protected topic (tk_\u2026). Kept in the system keychain, never in a file."));

    form()->addRow(tr("&Server:"), m_serverLineEdit);
    form()->addRow(tr("T&opic:"), m_topicLineEdit);
    form()->addRow(tr("Access to&ken:"), m_tokenLineEdit);

    m_ackModeComboBox->setObjectName(QStringLiteral("ntfyAckModeComboBox"));
    m_ackModeComboBox->addItem(tr("Automatic"), int(NtfyConfig::AckMode::Automatic));
    m_ackModeComboBox->addItem(tr("Through the dashboard"), int(NtfyConfig::AckMode::Dashboard));
    m_ackModeComboBox->addItem(tr("Reply on ntfy"), int(NtfyConfig::AckMode::Reply));
    m_ackModeComboBox->addItem(tr("No Acknowledge button"), int(NtfyConfig::AckMode::Off));
    m_ackModeComboBox->setToolTip(
        tr("How ntfy's Acknowledge button under a breach tells Trailguard the alert "
           "was seen; the sentence below says what the chosen way needs."));
    m_ackModeLabel->setObjectName(QStringLiteral("ntfyAckModeLabel"));
    m_ackModeLabel->setWordWrap(true);
    m_publicUrlLineEdit->setObjectName(QStringLiteral("publicUrlLineEdit"));
    m_publicUrlLineEdit->setPlaceholderText(QStringLiteral("https://guard.example.net:8443"));
    m_publicUrlLineEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_publicUrlLineEdit->setToolTip(
        tr("The web dashboard's address as your phone reaches it (https://). Mails then carry a one-time "
           "link that acknowledges the alert, and ntfy messages an \"Open dashboard\" button. Add its host "
           "name to web/hostNames."));
    form()->addRow(tr("&Acknowledge button:"), m_ackModeComboBox);
    form()->addRow(QString(), m_ackModeLabel);
    form()->addRow(tr("&Dashboard address:"), m_publicUrlLineEdit);

    for (QLineEdit *field : {m_serverLineEdit, m_topicLineEdit, m_tokenLineEdit, m_publicUrlLineEdit})
        connect(field, &QLineEdit::textChanged, this, [this] { fieldsChanged(); });
    connect(m_publicUrlLineEdit, &QLineEdit::textChanged, this, &NtfySettingsPage::describeAckMode);
    connect(m_ackModeComboBox, &QComboBox::currentIndexChanged, this, [this] {
        describeAckMode();
        fieldsChanged();
    });
    describeAckMode();
    connect(m_topicLineEdit, &QLineEdit::editingFinished, this, &NtfySettingsPage::splitTopicUrl);
    fieldsChanged();
}

NtfySettingsPage::~NtfySettingsPage() = default;

Result<NtfyConfig> NtfySettingsPage::config() const
{
    const QString topic = m_topicLineEdit->text().trimmed();
    NtfyConfig config;
    if (isUrl(topic)) {
        Result<NtfyConfig> fromUrl = NtfyConfig::fromTopicOrUrl(topic);
        if (!fromUrl.ok())
            return fromUrl.error();
        config = std::move(fromUrl).value();
    } else {
        const QString server = m_serverLineEdit->text().trimmed();
        config.server = server.isEmpty() ? NtfyConfig::defaultServer() : QUrl(server, QUrl::StrictMode);
        config.topic = topic;
    }
    config.accessToken = m_tokenLineEdit->text().trimmed().toUtf8();
    config.ackMode = NtfyConfig::AckMode(m_ackModeComboBox->currentData().toInt());
    return config;
}

Status NtfySettingsPage::validate() const
{
    const Result<NtfyConfig> current = config();
    if (!current.ok())
        return current.error();
    if (const QString problem = Settings::publicUrlProblem(m_publicUrlLineEdit->text()); !problem.isEmpty())
        return Error{ErrorCode::InvalidSetting, problem};
    return current.value().validate();
}

void NtfySettingsPage::describeAckMode()
{
    const auto mode = NtfyConfig::AckMode(m_ackModeComboBox->currentData().toInt());
    const bool hasUrl = !m_publicUrlLineEdit->text().trimmed().isEmpty();
    QString text;
    switch (mode) {
    case NtfyConfig::AckMode::Automatic:
        text = hasUrl ? tr("Through the dashboard, since its address is set below.")
                      : tr("Reply on ntfy, since the dashboard's address is not set below.");
        break;
    case NtfyConfig::AckMode::Dashboard:
        text = hasUrl
                   ? tr("The button sends the alert's one-time code to the dashboard: your phone must reach "
                        "it at the address below.")
                   : tr("Needs the dashboard's address below; until then the button replies on ntfy.");
        break;
    case NtfyConfig::AckMode::Reply:
        text = tr("The button publishes the alert's one-time code to a private topic Trailguard listens to. "
                  "With an access token, the token travels in the button to your phone.");
        break;
    case NtfyConfig::AckMode::Off:
        text =
            tr("Breaches come without an Acknowledge button; acknowledge them in the alert history, on the "
               "dashboard or with `trailguard alerts ack`.");
        break;
    }
    m_ackModeLabel->setText(text);
}

void NtfySettingsPage::load(const ChannelSettingsData &data)
{
    m_serverLineEdit->setText(data.ntfy.server.toString());
    m_topicLineEdit->setText(data.ntfy.topic);
    m_tokenLineEdit->setText(QString::fromUtf8(data.ntfy.accessToken));
    m_ackModeComboBox->setCurrentIndex(std::max(0, m_ackModeComboBox->findData(int(data.ntfy.ackMode))));
    m_publicUrlLineEdit->setText(data.publicDashboardUrl);
    setChannelEnabled(data.ntfyEnabled);
}

void NtfySettingsPage::store(ChannelSettingsData &data) const
{
    data.ntfyEnabled = isChannelEnabled();
    data.publicDashboardUrl = m_publicUrlLineEdit->text().trimmed();
    const Result<NtfyConfig> current = config();
    if (current.ok()) {
        data.ntfy = current.value();
    } else { // a malformed topic URL: kept as typed (validation refuses it while the channel is enabled)
        const QString server = m_serverLineEdit->text().trimmed();
        data.ntfy.server = server.isEmpty() ? NtfyConfig::defaultServer() : QUrl(server, QUrl::StrictMode);
        data.ntfy.topic = m_topicLineEdit->text().trimmed();
        data.ntfy.accessToken = m_tokenLineEdit->text().trimmed().toUtf8();
        data.ntfy.ackMode = NtfyConfig::AckMode(m_ackModeComboBox->currentData().toInt());
    }
}

void NtfySettingsPage::splitTopicUrl()
{
    if (!isUrl(m_topicLineEdit->text()))
        return;
    const Result<NtfyConfig> current = config();
    if (!current.ok())
        return; // the error label says what is wrong with it
    m_serverLineEdit->setText(current.value().server.toString());
    m_topicLineEdit->setText(current.value().topic);
}

std::unique_ptr<AlertChannel> NtfySettingsPage::makeTestChannel() const
{
    const NtfyConfig ntfy = config().value(); // validate() passed
    remember(ntfy.accessToken);
    return std::make_unique<NtfyChannel>(services().network, ntfy);
}

} // namespace trailguard::ui
