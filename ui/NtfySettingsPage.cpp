#include "NtfySettingsPage.h"

#include "alerts/ChannelSettings.h"
#include "alerts/webhooks/NtfyChannel.h"

#include <QFormLayout>
#include <QLineEdit>

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

    for (QLineEdit *field : {m_serverLineEdit, m_topicLineEdit, m_tokenLineEdit})
        connect(field, &QLineEdit::textChanged, this, [this] { fieldsChanged(); });
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
    return config;
}

Status NtfySettingsPage::validate() const
{
    const Result<NtfyConfig> current = config();
    if (!current.ok())
        return current.error();
    return current.value().validate();
}

void NtfySettingsPage::load(const ChannelSettingsData &data)
{
    m_serverLineEdit->setText(data.ntfy.server.toString());
    m_topicLineEdit->setText(data.ntfy.topic);
    m_tokenLineEdit->setText(QString::fromUtf8(data.ntfy.accessToken));
    setChannelEnabled(data.ntfyEnabled);
}

void NtfySettingsPage::store(ChannelSettingsData &data) const
{
    data.ntfyEnabled = isChannelEnabled();
    const Result<NtfyConfig> current = config();
    if (current.ok()) {
        data.ntfy = current.value();
    } else { // a malformed topic URL: kept as typed (validation refuses it while the channel is enabled)
        const QString server = m_serverLineEdit->text().trimmed();
        data.ntfy.server = server.isEmpty() ? NtfyConfig::defaultServer() : QUrl(server, QUrl::StrictMode);
        data.ntfy.topic = m_topicLineEdit->text().trimmed();
        data.ntfy.accessToken = m_tokenLineEdit->text().trimmed().toUtf8();
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
