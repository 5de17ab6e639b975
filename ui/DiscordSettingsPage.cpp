#include "DiscordSettingsPage.h"

#include "alerts/ChannelSettings.h"
#include "alerts/webhooks/DiscordChannel.h"

#include <QFormLayout>
#include <QLineEdit>

namespace trailguard::ui {

DiscordSettingsPage::DiscordSettingsPage(ChannelTestServices services, QWidget *parent)
    : ChannelSettingsPage(QStringLiteral("discord"), tr("&Enable Discord alerts"), services, parent)
    , m_webhookLineEdit(new QLineEdit(this))
{
    m_webhookLineEdit->setObjectName(QStringLiteral("discordWebhookLineEdit"));
    m_webhookLineEdit->setEchoMode(QLineEdit::Password);
    m_webhookLineEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                           Qt::ImhNoAutoUppercase | Qt::ImhUrlCharactersOnly);
    m_webhookLineEdit->setPlaceholderText(tr("https://discord.com/api/webhooks/\u2026"));
    m_webhookLineEdit->setToolTip(
        tr("In Discord: the channel's settings, Integrations, Webhooks, Copy Webhook "
           "URL. It works like a password: it is kept in the system keychain."));
    form()->addRow(tr("&Webhook URL:"), m_webhookLineEdit);
    connect(m_webhookLineEdit, &QLineEdit::textChanged, this, [this] { fieldsChanged(); });
    fieldsChanged();
}

DiscordSettingsPage::~DiscordSettingsPage() = default;

DiscordConfig DiscordSettingsPage::config() const
{
    const QString text = m_webhookLineEdit->text().trimmed();
    return DiscordConfig{text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode)};
}

Status DiscordSettingsPage::validate() const
{
    return config().validate();
}

void DiscordSettingsPage::load(const ChannelSettingsData &data)
{
    m_webhookLineEdit->setText(data.discord.webhookUrl.toString());
    setChannelEnabled(data.discordEnabled);
}

void DiscordSettingsPage::store(ChannelSettingsData &data) const
{
    data.discordEnabled = isChannelEnabled();
    data.discord = config();
}

std::unique_ptr<AlertChannel> DiscordSettingsPage::makeTestChannel() const
{
    const DiscordConfig discord = config();
    remember(discord.token());
    return std::make_unique<DiscordChannel>(services().network, discord);
}

} // namespace trailguard::ui
