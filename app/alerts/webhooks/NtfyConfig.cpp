#include "alerts/webhooks/NtfyConfig.h"

#include "alerts/webhooks/WebhookHttp.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace trailguard {

namespace {
class NtfyConfigText {
    Q_DECLARE_TR_FUNCTIONS(NtfyConfig)
};

Error invalid(QString message)
{
    return Error{ErrorCode::InvalidSetting, std::move(message)};
}

// Printable ASCII without spaces: anything else could break the Authorization header.
bool isValidToken(const QByteArray &token)
{
    return std::all_of(token.begin(), token.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

QString pathWithoutTrailingSlashes(const QUrl &url)
{
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}
} // namespace

QUrl NtfyConfig::defaultServer()
{
    return QUrl(QStringLiteral("https://ntfy.sh"));
}

bool NtfyConfig::isValidTopic(const QString &topic)
{
    static const QRegularExpression pattern(QStringLiteral("^[-_A-Za-z0-9]{1,64}$"));
    return pattern.match(topic).hasMatch();
}

Status NtfyConfig::validate() const
{
    if (Status status = WebhookHttp::validateUrl(server, NtfyConfigText::tr("The ntfy server URL")); !status)
        return status;
    if (server.hasQuery() || server.hasFragment()) {
        return invalid(
            NtfyConfigText::tr("The ntfy server URL must not contain '?' or '#': give just the server, "
                               "like https://ntfy.example.com."));
    }
    if (topic.isEmpty())
        return invalid(
            NtfyConfigText::tr("The ntfy topic is empty: choose a topic name, like trailguard-alerts."));
    if (!isValidTopic(topic)) {
        return invalid(
            NtfyConfigText::tr("The ntfy topic \"%1\" is not valid: use 1 to %2 letters, digits, '-' or '_'.")
                .arg(WebhookHttp::serverText(topic))
                .arg(kMaxTopicLength));
    }
    if (!isValidToken(accessToken)) {
        return invalid(
            NtfyConfigText::tr("The ntfy access token contains spaces, line breaks or other characters that "
                               "cannot be sent: paste it again."));
    }
    return success();
}

QUrl NtfyConfig::publishUrl() const
{
    QUrl url = server;
    url.setPath(pathWithoutTrailingSlashes(server) + QLatin1Char('/'), QUrl::StrictMode);
    return url;
}

QUrl NtfyConfig::topicUrl() const
{
    QUrl url = server;
    url.setPath(pathWithoutTrailingSlashes(server) + QLatin1Char('/') + topic, QUrl::StrictMode);
    return url;
}

QUrl NtfyConfig::ackTopicUrl() const
{
    QUrl url = server;
    url.setPath(pathWithoutTrailingSlashes(server) + QLatin1Char('/') + ackTopic, QUrl::StrictMode);
    return url;
}

NtfyConfig::AckMode NtfyConfig::effectiveAckMode() const
{
    const bool hasDashboard = dashboardUrl.isValid() && !dashboardUrl.host().isEmpty();
    switch (ackMode) {
    case AckMode::Automatic:
    case AckMode::Dashboard:
        return hasDashboard ? AckMode::Dashboard : AckMode::Reply;
    case AckMode::Reply:
    case AckMode::Off:
        break;
    }
    return ackMode;
}

QString NtfyConfig::newAckTopic(const QString &topic)
{
    static const QLatin1String alphabet("abcdefghijklmnopqrstuvwxyz0123456789");
    QString random;
    for (int i = 0; i < 16; ++i)
        random += alphabet[QRandomGenerator::system()->bounded(int(alphabet.size()))];
    const QString suffix = QStringLiteral("-ack-") + random;
    return topic.left(kMaxTopicLength - suffix.size()) + suffix;
}

std::optional<NtfyConfig::AckMode> NtfyConfig::parseAckMode(const QString &text)
{
    const QString mode = text.trimmed().toLower();
    if (mode.isEmpty() || mode == QLatin1String("auto"))
        return AckMode::Automatic;
    if (mode == QLatin1String("dashboard"))
        return AckMode::Dashboard;
    if (mode == QLatin1String("reply"))
        return AckMode::Reply;
    if (mode == QLatin1String("off"))
        return AckMode::Off;
    return std::nullopt;
}

QString NtfyConfig::ackModeName(AckMode mode)
{
    switch (mode) {
    case AckMode::Automatic:
        return {};
    case AckMode::Dashboard:
        return QStringLiteral("dashboard");
    case AckMode::Reply:
        return QStringLiteral("reply");
    case AckMode::Off:
        return QStringLiteral("off");
    }
    return {};
}

QString NtfyConfig::redactedUrl() const
{
    QString text = server.host();
    if (server.port() != -1)
        text += QLatin1Char(':') + QString::number(server.port());
    return text + QUrl::fromPercentEncoding(pathWithoutTrailingSlashes(server).toUtf8()) + QLatin1Char('/') +
           topic.left(2) + QStringLiteral("…");
}

Result<NtfyConfig> NtfyConfig::fromTopicOrUrl(const QString &topicOrUrl)
{
    const QString text = topicOrUrl.trimmed();
    if (text.isEmpty()) {
        return invalid(
            NtfyConfigText::tr("The ntfy channel is empty: give a topic name (like trailguard-alerts) or "
                               "a full topic URL (like https://ntfy.example.com/trailguard-alerts)."));
    }
    NtfyConfig config;
    if (!text.contains(QStringLiteral("://"))) {
        if (!isValidTopic(text)) {
            return invalid(
                NtfyConfigText::tr("\"%1\" is not a valid ntfy topic: use 1 to %2 letters, digits, '-' or "
                                   "'_', or give a full URL like https://ntfy.example.com/mytopic.")
                    .arg(WebhookHttp::serverText(text))
                    .arg(kMaxTopicLength));
        }
        config.topic = text;
    } else {
        const QUrl url(text, QUrl::StrictMode);
        if (url.hasQuery() || url.hasFragment()) {
            return invalid(
                NtfyConfigText::tr("The ntfy topic URL must not contain '?' or '#': give just the server and "
                                   "topic, like https://ntfy.example.com/mytopic (an access token goes in "
                                   "its own setting)."));
        }
        const QString path = pathWithoutTrailingSlashes(url);
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        if (slash < 0 || slash + 1 >= path.size()) {
            if (Status status = WebhookHttp::validateUrl(url, NtfyConfigText::tr("The ntfy topic URL"));
                !status)
                return status.error();
            return invalid(NtfyConfigText::tr("The ntfy topic URL has no topic: add one at the end, like "
                                              "https://ntfy.example.com/mytopic."));
        }
        config.topic = QUrl::fromPercentEncoding(path.mid(slash + 1).toUtf8());
        config.server = url;
        config.server.setPath(path.left(slash), QUrl::StrictMode);
    }
    if (Status status = config.validate(); !status)
        return status.error();
    return config;
}

Result<std::optional<NtfyConfig>> NtfyConfig::fromEnvironment(const QProcessEnvironment &environment)
{
    const QString channel = environment.value(QString::fromLatin1(kChannelVariable)).trimmed();
    if (channel.isEmpty())
        return std::optional<NtfyConfig>();
    Result<NtfyConfig> config = fromTopicOrUrl(channel);
    if (!config) {
        return Error{config.error().code, QStringLiteral("%1: %2").arg(QString::fromLatin1(kChannelVariable),
                                                                       config.error().message)};
    }
    NtfyConfig result = std::move(config).value();
    result.accessToken = environment.value(QString::fromLatin1(kTokenVariable)).trimmed().toUtf8();
    const QString ackMode = environment.value(QString::fromLatin1(kAckModeVariable));
    const std::optional<AckMode> mode = parseAckMode(ackMode);
    if (!mode) {
        return invalid(QStringLiteral("%1: %2").arg(
            QString::fromLatin1(kAckModeVariable),
            NtfyConfigText::tr("\"%1\" is not an acknowledgement mode: use dashboard, reply or off.")
                .arg(WebhookHttp::serverText(ackMode))));
    }
    result.ackMode = *mode;
    if (Status status = result.validate(); !status) {
        return Error{status.error().code, QStringLiteral("%1: %2").arg(QString::fromLatin1(kTokenVariable),
                                                                       status.error().message)};
    }
    return std::optional<NtfyConfig>(std::move(result));
}

} // namespace trailguard
