#include "settings/Settings.h"

// Settings, second part: the typed accessors of the alert keys (channels, digest, quiet hours). Keys and
// defaults are in the table in Settings.cpp.

namespace trailguard {

namespace {
const QString kTimeFormat = QStringLiteral("HH:mm");
} // namespace

bool Settings::trayAlertsEnabled() const
{
    return value("alerts/tray/enabled").toBool();
}

void Settings::setTrayAlertsEnabled(bool enabled)
{
    setValue("alerts/tray/enabled", enabled);
}

bool Settings::emailEnabled() const
{
    return value("alerts/email/enabled").toBool();
}

void Settings::setEmailEnabled(bool enabled)
{
    setValue("alerts/email/enabled", enabled);
}

QString Settings::emailProvider() const
{
    return value("alerts/email/provider").toString();
}

void Settings::setEmailProvider(const QString &provider)
{
    setValue("alerts/email/provider", provider);
}

QString Settings::emailHost() const
{
    return value("alerts/email/host").toString();
}

void Settings::setEmailHost(const QString &host)
{
    setValue("alerts/email/host", host);
}

int Settings::emailPort() const
{
    return value("alerts/email/port").toInt();
}

void Settings::setEmailPort(int port)
{
    setValue("alerts/email/port", port);
}

QString Settings::emailSecurity() const
{
    return value("alerts/email/security").toString();
}

void Settings::setEmailSecurity(const QString &security)
{
    setValue("alerts/email/security", security);
}

QString Settings::emailUser() const
{
    return value("alerts/email/user").toString();
}

void Settings::setEmailUser(const QString &user)
{
    setValue("alerts/email/user", user);
}

QString Settings::emailFrom() const
{
    return value("alerts/email/from").toString();
}

void Settings::setEmailFrom(const QString &from)
{
    setValue("alerts/email/from", from);
}

QString Settings::emailTo() const
{
    return value("alerts/email/to").toString();
}

void Settings::setEmailTo(const QString &to)
{
    setValue("alerts/email/to", to);
}

bool Settings::discordEnabled() const
{
    return value("alerts/discord/enabled").toBool();
}

void Settings::setDiscordEnabled(bool enabled)
{
    setValue("alerts/discord/enabled", enabled);
}

bool Settings::ntfyEnabled() const
{
    return value("alerts/ntfy/enabled").toBool();
}

void Settings::setNtfyEnabled(bool enabled)
{
    setValue("alerts/ntfy/enabled", enabled);
}

bool Settings::digestEnabled() const
{
    return value("alerts/digest/enabled").toBool();
}

void Settings::setDigestEnabled(bool enabled)
{
    setValue("alerts/digest/enabled", enabled);
}

double Settings::digestWithinPercent() const
{
    return value("alerts/digest/withinPercent").toDouble();
}

void Settings::setDigestWithinPercent(double percent)
{
    setValue("alerts/digest/withinPercent", percent);
}

bool Settings::quietHoursEnabled() const
{
    return value("alerts/quiet/enabled").toBool();
}

void Settings::setQuietHoursEnabled(bool enabled)
{
    setValue("alerts/quiet/enabled", enabled);
}

QString Settings::ntfyAckMode() const
{
    return value("alerts/ntfy/ackMode").toString().trimmed().toLower();
}

void Settings::setNtfyAckMode(const QString &mode)
{
    setValue("alerts/ntfy/ackMode", mode.trimmed().toLower());
}

QUrl Settings::ntfyServer() const
{
    return QUrl(value("alerts/ntfy/server").toString());
}

void Settings::setNtfyServer(const QUrl &server)
{
    setValue("alerts/ntfy/server", server.toString());
}

QString Settings::legacyNtfyTopic() const
{
    return value("alerts/ntfy/topic").toString();
}

bool Settings::hasLegacyNtfyTopic() const
{
    return contains("alerts/ntfy/topic");
}

void Settings::removeLegacyNtfyTopic()
{
    remove("alerts/ntfy/topic");
}

bool Settings::telegramEnabled() const
{
    return value("alerts/telegram/enabled").toBool();
}

void Settings::setTelegramEnabled(bool enabled)
{
    setValue("alerts/telegram/enabled", enabled);
}

QString Settings::telegramChatId() const
{
    return value("alerts/telegram/chatId").toString().trimmed();
}

void Settings::setTelegramChatId(const QString &chatId)
{
    setValue("alerts/telegram/chatId", chatId.trimmed());
}

QUrl Settings::telegramApiUrl() const
{
    return QUrl(value("alerts/telegram/apiUrl").toString().trimmed());
}

void Settings::setTelegramApiUrl(const QUrl &url)
{
    setValue("alerts/telegram/apiUrl", url.toString());
}

QTime Settings::digestTime() const
{
    return QTime::fromString(value("alerts/digest/time").toString(), kTimeFormat);
}

void Settings::setDigestTime(QTime time)
{
    setValue("alerts/digest/time", time.toString(kTimeFormat));
}

QTime Settings::quietHoursStart() const
{
    return QTime::fromString(value("alerts/quiet/start").toString(), kTimeFormat);
}

void Settings::setQuietHoursStart(QTime start)
{
    setValue("alerts/quiet/start", start.toString(kTimeFormat));
}

QTime Settings::quietHoursEnd() const
{
    return QTime::fromString(value("alerts/quiet/end").toString(), kTimeFormat);
}

void Settings::setQuietHoursEnd(QTime end)
{
    setValue("alerts/quiet/end", end.toString(kTimeFormat));
}

QString Settings::escalationPolicy() const
{
    return value("alerts/escalation").toString();
}

void Settings::setEscalationPolicy(const QString &policy)
{
    setValue("alerts/escalation", policy.trimmed());
}

} // namespace trailguard
