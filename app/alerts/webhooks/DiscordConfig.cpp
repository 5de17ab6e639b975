#include "alerts/webhooks/DiscordConfig.h"

#include "alerts/webhooks/WebhookHttp.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace trailguard {

namespace {
class DiscordConfigText {
    Q_DECLARE_TR_FUNCTIONS(DiscordConfig)
};

bool isDiscordHost(const QString &host)
{
    const QString lower = host.toLower();
    for (const QString &domain : {QStringLiteral("discord.com"), QStringLiteral("discordapp.com")}) {
        if (lower == domain || lower.endsWith(QLatin1Char('.') + domain))
            return true;
    }
    return false;
}

QString hostAndPort(const QUrl &url)
{
    QString text = url.host();
    if (text.contains(QLatin1Char(':')))
        text = QLatin1Char('[') + text + QLatin1Char(']');
    if (url.port() != -1)
        text += QLatin1Char(':') + QString::number(url.port());
    return text;
}
} // namespace

Status DiscordConfig::validate() const
{
    const QString what = DiscordConfigText::tr("The Discord webhook URL");
    if (Status status = WebhookHttp::validateUrl(webhookUrl, what); !status)
        return status;
    if (isDiscordHost(webhookUrl.host())) {
        static const QRegularExpression path(
            QStringLiteral("^/api(/v[0-9]+)?/webhooks/[0-9]+/[A-Za-z0-9_-]+/?$"));
        if (!path.match(webhookUrl.path(QUrl::FullyEncoded)).hasMatch()) {
            return Error{
                ErrorCode::InvalidSetting,
                DiscordConfigText::tr("The Discord webhook URL must look like "
                                      "https://discord.com/api/webhooks/<id>/<token>: copy it again from the "
                                      "channel's settings (Integrations → Webhooks → Copy Webhook URL).")};
        }
    }
    return success();
}

QString DiscordConfig::redactedUrl() const
{
    if (webhookUrl.host().isEmpty())
        return QStringLiteral("(no webhook URL)");
    const QString path = webhookUrl.path();
    const qsizetype webhooks = path.indexOf(QStringLiteral("/webhooks/"));
    const QString shown = webhooks >= 0 ? path.left(webhooks + 10) : QStringLiteral("/");
    return hostAndPort(webhookUrl) + shown + QStringLiteral("…");
}

QByteArray DiscordConfig::token() const
{
    const QStringList segments = webhookUrl.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return segments.isEmpty() ? QByteArray() : segments.last().toUtf8();
}

Result<std::optional<DiscordConfig>> DiscordConfig::fromEnvironment(const QProcessEnvironment &environment)
{
    const QString value = environment.value(QString::fromLatin1(kEnvironmentVariable)).trimmed();
    if (value.isEmpty())
        return std::optional<DiscordConfig>();
    DiscordConfig config{QUrl(value, QUrl::StrictMode)};
    if (Status status = config.validate(); !status) {
        return Error{
            status.error().code,
            QStringLiteral("%1: %2").arg(QString::fromLatin1(kEnvironmentVariable), status.error().message)};
    }
    return std::optional<DiscordConfig>(std::move(config));
}

} // namespace trailguard
