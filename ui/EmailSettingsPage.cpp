#include "EmailSettingsPage.h"

#include "alerts/ChannelSettings.h"
#include "alerts/email/EmailChannel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>

namespace trailguard::ui {

namespace {
constexpr int kMaxPort = 65535;

template <typename Enum>
Enum currentEnum(const QComboBox *comboBox)
{
    return static_cast<Enum>(comboBox->currentData().toInt());
}

template <typename Enum>
void selectEnum(QComboBox *comboBox, Enum value)
{
    comboBox->setCurrentIndex(comboBox->findData(static_cast<int>(value)));
}
} // namespace

EmailSettingsPage::EmailSettingsPage(ChannelTestServices services, QWidget *parent)
    : ChannelSettingsPage(QStringLiteral("email"), tr("&Enable email alerts"), services, parent)
    , m_providerComboBox(new QComboBox(this))
    , m_hostLineEdit(new QLineEdit(this))
    , m_portSpinBox(new QSpinBox(this))
    , m_securityComboBox(new QComboBox(this))
    , m_userLineEdit(new QLineEdit(this))
    , m_passwordLineEdit(new QLineEdit(this))
    , m_fromLineEdit(new QLineEdit(this))
    , m_toLineEdit(new QLineEdit(this))
{
    m_providerComboBox->setObjectName(QStringLiteral("emailProviderComboBox"));
    m_providerComboBox->setAccessibleDescription(
        tr("Gmail and Outlook fill in the server; Custom server lets "
           "you type it"));
    m_providerComboBox->addItem(tr("Gmail"), static_cast<int>(EmailConfig::Preset::Gmail));
    m_providerComboBox->addItem(tr("Outlook / Office 365"), static_cast<int>(EmailConfig::Preset::Outlook));
    m_providerComboBox->addItem(tr("Custom server"), static_cast<int>(EmailConfig::Preset::Custom));

    m_hostLineEdit->setObjectName(QStringLiteral("emailHostLineEdit"));
    m_hostLineEdit->setPlaceholderText(tr("smtp.example.com"));
    m_portSpinBox->setObjectName(QStringLiteral("emailPortSpinBox"));
    m_portSpinBox->setRange(1, kMaxPort);
    m_portSpinBox->setAccessibleDescription(tr("The mail server's port: 465 for SSL/TLS, 587 for STARTTLS"));
    m_securityComboBox->setObjectName(QStringLiteral("emailSecurityComboBox"));
    m_securityComboBox->setAccessibleDescription(tr("How the connection to the mail server is encrypted"));
    m_securityComboBox->addItem(tr("SSL/TLS"), static_cast<int>(EmailConfig::Security::SslTls));
    m_securityComboBox->addItem(tr("STARTTLS"), static_cast<int>(EmailConfig::Security::StartTls));
    m_securityComboBox->addItem(tr("None (this computer only)"),
                                static_cast<int>(EmailConfig::Security::None));

    m_userLineEdit->setObjectName(QStringLiteral("emailUserLineEdit"));
    m_userLineEdit->setPlaceholderText(tr("your full email address"));
    m_passwordLineEdit->setObjectName(QStringLiteral("emailPasswordLineEdit"));
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_passwordLineEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                            Qt::ImhNoAutoUppercase);
    m_passwordLineEdit->setToolTip(
        tr("For Gmail and Outlook, an app password. Kept in the system keychain, never in a file."));
    m_fromLineEdit->setObjectName(QStringLiteral("emailFromLineEdit"));
    m_fromLineEdit->setPlaceholderText(tr("alerts@example.com"));
    m_toLineEdit->setObjectName(QStringLiteral("emailToLineEdit"));
    m_toLineEdit->setPlaceholderText(tr("you@example.com, partner@example.com"));
    m_toLineEdit->setToolTip(tr("One or more addresses, separated by commas"));

    form()->addRow(tr("&Provider:"), m_providerComboBox);
    form()->addRow(tr("SMTP &server:"), m_hostLineEdit);
    form()->addRow(tr("Po&rt:"), m_portSpinBox);
    form()->addRow(tr("Sec&urity:"), m_securityComboBox);
    form()->addRow(tr("&Login:"), m_userLineEdit);
    form()->addRow(tr("Pass&word:"), m_passwordLineEdit);
    form()->addRow(tr("&From:"), m_fromLineEdit);
    form()->addRow(tr("T&o:"), m_toLineEdit);

    connect(m_providerComboBox, &QComboBox::currentIndexChanged, this, [this] {
        applyPreset();
        fieldsChanged();
    });
    connect(m_securityComboBox, &QComboBox::currentIndexChanged, this, [this] {
        securityChanged();
        fieldsChanged();
    });
    connect(m_portSpinBox, &QSpinBox::valueChanged, this, [this] { fieldsChanged(); });
    for (QLineEdit *field :
         {m_hostLineEdit, m_userLineEdit, m_passwordLineEdit, m_fromLineEdit, m_toLineEdit})
        connect(field, &QLineEdit::textChanged, this, [this] { fieldsChanged(); });

    setConfig(EmailConfig::preset(EmailConfig::Preset::Gmail));
}

EmailSettingsPage::~EmailSettingsPage() = default;

QStringList EmailSettingsPage::splitAddresses(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

EmailConfig EmailSettingsPage::config() const
{
    const auto provider = currentEnum<EmailConfig::Preset>(m_providerComboBox);
    EmailConfig config = EmailConfig::preset(provider);
    if (provider == EmailConfig::Preset::Custom) {
        config.host = m_hostLineEdit->text().trimmed();
        config.port = m_portSpinBox->value();
        config.security = currentEnum<EmailConfig::Security>(m_securityComboBox);
    }
    config.user = m_userLineEdit->text().trimmed();
    config.password = m_passwordLineEdit->text().toUtf8(); // spaces may be part of it
    config.from = m_fromLineEdit->text().trimmed();
    config.to = splitAddresses(m_toLineEdit->text());
    return config;
}

void EmailSettingsPage::setConfig(const EmailConfig &config)
{
    {
        const QSignalBlocker blockProvider(m_providerComboBox);
        const QSignalBlocker blockSecurity(m_securityComboBox);
        selectEnum(m_providerComboBox, config.provider);
        m_hostLineEdit->setText(config.host);
        m_portSpinBox->setValue(config.port);
        selectEnum(m_securityComboBox, config.security);
        m_userLineEdit->setText(config.user);
        m_passwordLineEdit->setText(QString::fromUtf8(config.password));
        m_fromLineEdit->setText(config.from);
        m_toLineEdit->setText(config.to.join(QStringLiteral(", ")));
    }
    applyPreset();
    fieldsChanged();
}

// A preset fixes the server, port and security; a custom server starts from what the fields hold.
void EmailSettingsPage::applyPreset()
{
    const auto provider = currentEnum<EmailConfig::Preset>(m_providerComboBox);
    const bool custom = provider == EmailConfig::Preset::Custom;
    if (!custom) {
        const EmailConfig preset = EmailConfig::preset(provider);
        const QSignalBlocker blockSecurity(m_securityComboBox);
        m_hostLineEdit->setText(preset.host);
        m_portSpinBox->setValue(preset.port);
        selectEnum(m_securityComboBox, preset.security);
    }
    for (QWidget *field : std::initializer_list<QWidget *>{m_hostLineEdit, m_portSpinBox, m_securityComboBox})
        field->setEnabled(custom);
}

// Follows the usual ports: 465 for SSL/TLS, 587 for STARTTLS, unless the user chose another one.
void EmailSettingsPage::securityChanged()
{
    const auto security = currentEnum<EmailConfig::Security>(m_securityComboBox);
    if (security == EmailConfig::Security::SslTls &&
        m_portSpinBox->value() == EmailConfig::kDefaultStartTlsPort)
        m_portSpinBox->setValue(EmailConfig::kDefaultSslTlsPort);
    else if (security == EmailConfig::Security::StartTls &&
             m_portSpinBox->value() == EmailConfig::kDefaultSslTlsPort)
        m_portSpinBox->setValue(EmailConfig::kDefaultStartTlsPort);
}

Status EmailSettingsPage::validate() const
{
    return config().validate();
}

void EmailSettingsPage::load(const ChannelSettingsData &data)
{
    setConfig(data.email);
    setChannelEnabled(data.emailEnabled);
}

void EmailSettingsPage::store(ChannelSettingsData &data) const
{
    data.emailEnabled = isChannelEnabled();
    data.email = config();
}

std::unique_ptr<AlertChannel> EmailSettingsPage::makeTestChannel() const
{
    const EmailConfig email = config();
    remember(email.password);
    return std::make_unique<EmailChannel>(email);
}

} // namespace trailguard::ui
