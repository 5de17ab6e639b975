#include "alerts/email/EmailConfig.h"
#include "common/NetworkPolicy.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>

namespace trailguard {

namespace {

// The headless variables, in the order they are reported when the setup is partial.
const QString kBotEmail = QStringLiteral("BOT_EMAIL");
const QString kEmailPassword = QStringLiteral("EMAIL_PASSWORD");
const QString kUserEmail = QStringLiteral("USER_EMAIL");
const QString kProvider = QStringLiteral("PROVIDER");
const QString kSmtpHost = QStringLiteral("SMTP_HOST");
const QString kSmtpPort = QStringLiteral("SMTP_PORT");
const QString kSmtpSecurity = QStringLiteral("SMTP_SECURITY");
const QString kSmtpUser = QStringLiteral("SMTP_USER");
const QString kSmtpCaFile = QStringLiteral("SMTP_CA_FILE");

constexpr int kMaxPort = 65535;

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidSetting, message};
}

const QRegularExpression &hostNamePattern()
{
    // Labels of letters, digits and inner hyphens, separated by dots.
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
                       R"((?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$)"));
    return pattern;
}

const QRegularExpression &addressPattern()
{
    // local@domain: an RFC 5322 dot-atom local part, a domain with at least one dot or "localhost".
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(?=.{1,254}$)(?=[^@]{1,64}@))"
                       R"([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
                       R"(@(?:localhost|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
                       R"((?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)$)"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

bool isValidHost(const QString &host)
{
    QString literal = host;
    if (literal.startsWith(QLatin1Char('[')) && literal.endsWith(QLatin1Char(']')))
        literal = literal.mid(1, literal.size() - 2);
    return !QHostAddress(literal).isNull() || hostNamePattern().match(host).hasMatch();
}

QString providerLabel(EmailConfig::Preset preset)
{
    switch (preset) {
    case EmailConfig::Preset::Gmail:
        return EmailConfig::tr("Gmail");
    case EmailConfig::Preset::Outlook:
        return EmailConfig::tr("Outlook / Office 365");
    case EmailConfig::Preset::Custom:
        break;
    }
    return QString(); // a custom server needs no login
}

std::optional<EmailConfig::Security> parseSecurity(const QString &text)
{
    const QString value = text.toLower();
    if (value == QLatin1String("ssl") || value == QLatin1String("tls") || value == QLatin1String("ssl/tls"))
        return EmailConfig::Security::SslTls;
    if (value == QLatin1String("starttls"))
        return EmailConfig::Security::StartTls;
    if (value == QLatin1String("none"))
        return EmailConfig::Security::None;
    return std::nullopt;
}

} // namespace

EmailConfig EmailConfig::preset(Preset preset)
{
    EmailConfig config;
    config.provider = preset;
    switch (preset) {
    case Preset::Gmail:
        config.host = QStringLiteral("smtp.gmail.com");
        break;
    case Preset::Outlook:
        config.host = QStringLiteral("smtp.office365.com");
        break;
    case Preset::Custom:
        break;
    }
    config.port = kDefaultStartTlsPort;
    config.security = Security::StartTls;
    return config;
}

bool EmailConfig::isLoopbackHost(const QString &host)
{
    return NetworkPolicy::isLoopbackHost(host);
}

bool EmailConfig::isValidAddress(const QString &address)
{
    return addressPattern().match(address).hasMatch();
}

QString EmailConfig::passwordSecretKey()
{
    return QStringLiteral("alerts/email/password");
}

QString EmailConfig::presetName(Preset preset)
{
    switch (preset) {
    case Preset::Gmail:
        return QStringLiteral("gmail");
    case Preset::Outlook:
        return QStringLiteral("outlook");
    case Preset::Custom:
        break;
    }
    return QStringLiteral("custom");
}

QString EmailConfig::securityName(Security security)
{
    switch (security) {
    case Security::SslTls:
        return QStringLiteral("ssl");
    case Security::StartTls:
        return QStringLiteral("starttls");
    case Security::None:
        break;
    }
    return QStringLiteral("none");
}

Status EmailConfig::validate() const
{
    if (host.trimmed().isEmpty())
        return invalid(tr("The SMTP server is missing: enter its host name, e.g. smtp.example.com."));
    if (!isValidHost(host))
        return invalid(tr("The SMTP server \"%1\" is not a valid host name or IP address.").arg(host));
    if (port < 1 || port > kMaxPort)
        return invalid(tr("The SMTP port %1 is out of range: use a port from 1 to 65535 (usually 587 for "
                          "STARTTLS, 465 for SSL/TLS).")
                           .arg(port));
    if (security == Security::None && !isLoopbackHost(host))
        return invalid(tr("Security \"none\" would send the password and the alerts to %1 unencrypted: plain "
                          "SMTP is only allowed to 127.0.0.1/localhost. Use STARTTLS or SSL/TLS.")
                           .arg(host));
    if (from.isEmpty())
        return invalid(tr("The From address is missing."));
    if (!isValidAddress(from))
        return invalid(
            tr("The From address \"%1\" is not a valid email address (name@example.com).").arg(from));
    if (to.isEmpty())
        return invalid(tr("There is no recipient: add at least one To address."));
    for (const auto &recipient : to) {
        if (!isValidAddress(recipient))
            return invalid(
                tr("The recipient \"%1\" is not a valid email address (name@example.com).").arg(recipient));
    }
    if (provider != Preset::Custom && user.isEmpty())
        return invalid(
            tr("%1 needs a login: the user is your full email address.").arg(providerLabel(provider)));
    if (!user.isEmpty() && password.isEmpty())
        return invalid(tr("The login \"%1\" has no password: enter the password (for Gmail and Outlook, an "
                          "app password).")
                           .arg(user));
    if (user.isEmpty() && !password.isEmpty())
        return invalid(tr("A password is set but no login (user) to use it with."));
    if (!caFile.isEmpty() && !QFileInfo(caFile).isReadable())
        return invalid(tr("The CA certificate file \"%1\" does not exist or cannot be read.").arg(caFile));
    if (connectTimeout.count() < 1 || timeout.count() < 1)
        return invalid(tr("The SMTP timeouts must be at least one second."));
    return success();
}

Result<std::optional<EmailConfig>> EmailConfig::fromEnvironment(const QProcessEnvironment &environment)
{
    const auto value = [&environment](const QString &name) { return environment.value(name).trimmed(); };
    const QString botEmail = value(kBotEmail);
    const QString userEmail = value(kUserEmail);
    const QByteArray password = environment.value(kEmailPassword).toUtf8(); // spaces may be part of it
    const QString provider = value(kProvider);
    const QString smtpHost = value(kSmtpHost);
    const QString smtpPort = value(kSmtpPort);
    const QString smtpSecurity = value(kSmtpSecurity);
    const QString smtpUser = value(kSmtpUser);
    const QString caFile = value(kSmtpCaFile);

    if (botEmail.isEmpty() && userEmail.isEmpty()) {
        const QStringList others = {kEmailPassword, kProvider, kSmtpHost,  kSmtpPort,
                                    kSmtpSecurity,  kSmtpUser, kSmtpCaFile};
        for (const auto &name : others) {
            if (!value(name).isEmpty() || (name == kEmailPassword && !password.isEmpty()))
                return invalid(tr("%1 is set but BOT_EMAIL and USER_EMAIL are not: set both to send email "
                                  "alerts, or unset %1.")
                                   .arg(name));
        }
        return std::optional<EmailConfig>();
    }
    if (botEmail.isEmpty())
        return invalid(tr("USER_EMAIL is set but BOT_EMAIL is not: set BOT_EMAIL to the address alerts are "
                          "sent from."));
    if (userEmail.isEmpty())
        return invalid(tr("BOT_EMAIL is set but USER_EMAIL is not: set USER_EMAIL to the address alerts go "
                          "to (several separated by commas)."));
    if (!isValidAddress(botEmail))
        return invalid(tr("BOT_EMAIL \"%1\" is not a valid email address.").arg(botEmail));

    QStringList recipients;
    for (const auto &part : userEmail.split(QLatin1Char(','))) {
        const QString address = part.trimmed();
        if (address.isEmpty())
            continue;
        if (!isValidAddress(address))
            return invalid(tr("USER_EMAIL: \"%1\" is not a valid email address.").arg(address));
        if (!recipients.contains(address, Qt::CaseInsensitive))
            recipients.append(address);
    }
    if (recipients.isEmpty())
        return invalid(tr("USER_EMAIL has no address in it."));

    EmailConfig config;
    if (!provider.isEmpty() && !smtpHost.isEmpty())
        return invalid(tr("Both PROVIDER and SMTP_HOST are set: use PROVIDER for Gmail or Outlook, or "
                          "SMTP_HOST for another server, not both."));
    if (!provider.isEmpty()) {
        const QString name = provider.toLower();
        if (name == QLatin1String("gmail"))
            config = preset(Preset::Gmail);
        else if (name == QLatin1String("outlook") || name == QLatin1String("office365"))
            config = preset(Preset::Outlook);
        else
            return invalid(tr("PROVIDER \"%1\" is not known: use gmail or outlook, or set SMTP_HOST for "
                              "another server.")
                               .arg(provider));
        for (const auto &variable : {kSmtpPort, kSmtpSecurity}) {
            if (!value(variable).isEmpty())
                return invalid(
                    tr("%1 only applies to a custom server (SMTP_HOST); with PROVIDER=%2 unset it.")
                        .arg(variable, provider));
        }
        if (password.isEmpty())
            return invalid(tr("EMAIL_PASSWORD is not set: %1 needs the account's app password.")
                               .arg(providerLabel(config.provider)));
    } else if (!smtpHost.isEmpty()) {
        config = preset(Preset::Custom);
        config.host = smtpHost;
        if (!isValidHost(smtpHost))
            return invalid(tr("SMTP_HOST \"%1\" is not a valid host name or IP address.").arg(smtpHost));
        std::optional<Security> security;
        if (!smtpSecurity.isEmpty()) {
            security = parseSecurity(smtpSecurity);
            if (!security)
                return invalid(
                    tr("SMTP_SECURITY \"%1\" is not known: use ssl, starttls or none.").arg(smtpSecurity));
        }
        std::optional<int> port;
        if (!smtpPort.isEmpty()) {
            bool ok = false;
            const int number = smtpPort.toInt(&ok);
            if (!ok || number < 1 || number > kMaxPort)
                return invalid(tr("SMTP_PORT \"%1\" is not a port number from 1 to 65535.").arg(smtpPort));
            port = number;
        }
        if (!security)
            security = port == kDefaultSslTlsPort ? Security::SslTls : Security::StartTls;
        if (!port)
            port = *security == Security::SslTls ? kDefaultSslTlsPort : kDefaultStartTlsPort;
        config.security = *security;
        config.port = *port;
        if (config.security == Security::None && !isLoopbackHost(config.host))
            return invalid(tr("SMTP_SECURITY=none is refused for %1: plain SMTP is only allowed to "
                              "127.0.0.1/localhost.")
                               .arg(config.host));
    } else {
        return invalid(tr("BOT_EMAIL is set but not which server sends the mail: set PROVIDER (gmail or "
                          "outlook) or SMTP_HOST."));
    }

    if (!caFile.isEmpty() && !QFileInfo(caFile).isReadable())
        return invalid(tr("SMTP_CA_FILE \"%1\" does not exist or cannot be read.").arg(caFile));
    if (!smtpUser.isEmpty() && password.isEmpty())
        return invalid(tr("SMTP_USER is set but EMAIL_PASSWORD is not."));
    config.user = !smtpUser.isEmpty() ? smtpUser : (password.isEmpty() ? QString() : botEmail);
    config.password = password;
    config.from = botEmail;
    config.to = recipients;
    config.caFile = caFile;

    const Status valid = config.validate();
    if (!valid)
        return invalid(
            tr("The email settings from the environment are not valid: %1").arg(valid.error().message));
    return std::optional<EmailConfig>(std::move(config));
}

} // namespace trailguard
