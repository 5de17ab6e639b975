#include "web/api/SettingsJson.h"

#include "settings/Settings.h"
#include "web/api/ApiJson.h"

#include <QJsonArray>

#include <algorithm>
#include <tuple>

namespace trailguard::Web {

namespace {
const QString kTimeFormat = QStringLiteral("HH:mm");

QString repeatPolicyName(RepeatPolicy policy)
{
    return policy == RepeatPolicy::OncePerBreach ? QStringLiteral("once-per-breach")
                                                 : QStringLiteral("daily");
}

Error invalidSetting(const QString &message)
{
    return Error{ErrorCode::InvalidSetting, message};
}

// A member that must be an object when present.
Result<QJsonObject> settingsSection(const QJsonObject &parent, const QString &key)
{
    const QJsonValue value = parent.value(key);
    if (value.isUndefined())
        return QJsonObject();
    if (!value.isObject())
        return invalidSetting(ApiText::tr("\"%1\" must be an object.").arg(key));
    return value.toObject();
}

// Reads one optional member into `target` when present; returns false (and sets `error`) on a wrong type.
template <typename T, typename Read>
bool readInto(const QJsonObject &object, const QString &key, Read read, T &target,
              std::optional<Error> &error)
{
    if (error)
        return false;
    const auto value = read(object, key);
    if (!value.ok()) {
        error = value.error();
        return false;
    }
    if (value.value())
        target = *value.value();
    return true;
}

Result<QTime> timeOfDay(const QString &text, const QString &key)
{
    const QTime time = QTime::fromString(text, kTimeFormat);
    if (!time.isValid())
        return invalidSetting(ApiText::tr("\"%1\" must be a time of day as HH:mm (22:00).").arg(key));
    return time;
}

Status applyGeneral(const QJsonObject &patch, GeneralSettings &general)
{
    std::optional<Error> error;
    std::optional<int> interval;
    if (const auto read = ApiJson::integer(patch, QStringLiteral("checkIntervalSeconds")); !read.ok())
        return read.error();
    else
        interval = read.value();
    if (interval) {
        if (*interval < 5 || *interval > 3600)
            return invalidSetting(ApiText::tr("The check interval must be 5 to 3600 seconds."));
        general.checkInterval = std::chrono::seconds(*interval);
    }
    QString policy;
    readInto(patch, QStringLiteral("repeatPolicy"), ApiJson::text, policy, error);
    if (error)
        return *error;
    if (policy == QLatin1String("daily"))
        general.repeatPolicy = RepeatPolicy::DailyWhileBelow;
    else if (policy == QLatin1String("once-per-breach"))
        general.repeatPolicy = RepeatPolicy::OncePerBreach;
    else if (!policy.isEmpty())
        return invalidSetting(ApiText::tr("\"repeatPolicy\" must be \"daily\" or \"once-per-breach\"."));

    const Result<QJsonObject> quiet = settingsSection(patch, QStringLiteral("quietHours"));
    if (!quiet.ok())
        return quiet.error();
    if (Status known = ApiJson::onlyKnownKeys(
            quiet.value(), {QStringLiteral("enabled"), QStringLiteral("start"), QStringLiteral("end")});
        !known.ok())
        return known;
    readInto(quiet.value(), QStringLiteral("enabled"), ApiJson::boolean, general.quietHours.enabled, error);
    QString start;
    QString end;
    readInto(quiet.value(), QStringLiteral("start"), ApiJson::text, start, error);
    readInto(quiet.value(), QStringLiteral("end"), ApiJson::text, end, error);
    if (error)
        return *error;
    for (const auto &[text, key, target] :
         {std::tuple{start, QStringLiteral("start"), &general.quietHours.start},
          std::tuple{end, QStringLiteral("end"), &general.quietHours.end}}) {
        if (text.isEmpty())
            continue;
        const Result<QTime> time = timeOfDay(text, key);
        if (!time.ok())
            return time.error();
        *target = time.value();
    }
    return success();
}

Result<QStringList> addressList(const QJsonObject &email)
{
    const QJsonValue value = email.value(QStringLiteral("to"));
    if (value.isString())
        return value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!value.isArray())
        return invalidSetting(ApiText::tr("\"to\" must be an array of addresses."));
    QStringList list;
    for (const QJsonValue &address : value.toArray()) {
        if (!address.isString())
            return invalidSetting(ApiText::tr("\"to\" must be an array of addresses."));
        list.append(address.toString().trimmed());
    }
    return list;
}

Status applyEmail(const QJsonObject &email, ChannelSettingsData &channels)
{
    if (Status known = ApiJson::onlyKnownKeys(email, {QStringLiteral("enabled"), QStringLiteral("provider"),
                                                      QStringLiteral("host"), QStringLiteral("port"),
                                                      QStringLiteral("security"), QStringLiteral("user"),
                                                      QStringLiteral("from"), QStringLiteral("to")});
        !known.ok())
        return known;
    std::optional<Error> error;
    EmailConfig &config = channels.email;
    readInto(email, QStringLiteral("enabled"), ApiJson::boolean, channels.emailEnabled, error);
    QString provider;
    readInto(email, QStringLiteral("provider"), ApiJson::text, provider, error);
    if (error)
        return *error;
    if (!provider.isEmpty()) {
        const QList<EmailConfig::Preset> presets{EmailConfig::Preset::Gmail, EmailConfig::Preset::Outlook,
                                                 EmailConfig::Preset::Custom};
        const auto preset = std::find_if(presets.cbegin(), presets.cend(), [&](EmailConfig::Preset p) {
            return EmailConfig::presetName(p) == provider;
        });
        if (preset == presets.cend())
            return invalidSetting(ApiText::tr("\"provider\" must be \"gmail\", \"outlook\" or \"custom\"."));
        if (*preset != config.provider) {
            const EmailConfig fresh = EmailConfig::preset(*preset);
            config.provider = fresh.provider;
            config.host = fresh.host;
            config.port = fresh.port;
            config.security = fresh.security;
        }
    }
    readInto(email, QStringLiteral("host"), ApiJson::text, config.host, error);
    readInto(email, QStringLiteral("port"), ApiJson::integer, config.port, error);
    QString security;
    readInto(email, QStringLiteral("security"), ApiJson::text, security, error);
    readInto(email, QStringLiteral("user"), ApiJson::text, config.user, error);
    readInto(email, QStringLiteral("from"), ApiJson::text, config.from, error);
    if (error)
        return *error;
    if (!security.isEmpty()) {
        const QList<EmailConfig::Security> kinds{
            EmailConfig::Security::SslTls, EmailConfig::Security::StartTls, EmailConfig::Security::None};
        const auto kind = std::find_if(kinds.cbegin(), kinds.cend(), [&](EmailConfig::Security s) {
            return EmailConfig::securityName(s) == security;
        });
        if (kind == kinds.cend())
            return invalidSetting(ApiText::tr("\"security\" must be \"ssl\", \"starttls\" or \"none\"."));
        config.security = *kind;
    }
    if (email.contains(QStringLiteral("to"))) {
        const Result<QStringList> to = addressList(email);
        if (!to.ok())
            return to.error();
        config.to = to.value();
    }
    return success();
}

Status applyChannels(const QJsonObject &patch, ChannelSettingsData &channels)
{
    const Result<QJsonObject> all = settingsSection(patch, QStringLiteral("channels"));
    if (!all.ok())
        return all.error();
    if (Status known = ApiJson::onlyKnownKeys(
            all.value(), {QStringLiteral("tray"), QStringLiteral("email"), QStringLiteral("discord"),
                          QStringLiteral("ntfy"), QStringLiteral("telegram"), QStringLiteral("publicUrl")});
        !known.ok())
        return known;
    QHash<QString, QJsonObject> parts;
    for (const QString &name : {QStringLiteral("tray"), QStringLiteral("email"), QStringLiteral("discord"),
                                QStringLiteral("ntfy"), QStringLiteral("telegram")}) {
        const Result<QJsonObject> part = settingsSection(all.value(), name);
        if (!part.ok())
            return part.error();
        parts.insert(name, part.value());
    }
    std::optional<Error> error;
    for (const QString &name : {QStringLiteral("tray"), QStringLiteral("discord")}) {
        if (Status known = ApiJson::onlyKnownKeys(parts.value(name), {QStringLiteral("enabled")});
            !known.ok())
            return known;
    }
    readInto(parts.value(QStringLiteral("tray")), QStringLiteral("enabled"), ApiJson::boolean,
             channels.trayEnabled, error);
    readInto(parts.value(QStringLiteral("discord")), QStringLiteral("enabled"), ApiJson::boolean,
             channels.discordEnabled, error);
    const QJsonObject ntfy = parts.value(QStringLiteral("ntfy"));
    if (Status known = ApiJson::onlyKnownKeys(
            ntfy, {QStringLiteral("enabled"), QStringLiteral("server"), QStringLiteral("ackMode")});
        !known.ok())
        return known;
    readInto(ntfy, QStringLiteral("enabled"), ApiJson::boolean, channels.ntfyEnabled, error);
    QString server;
    readInto(ntfy, QStringLiteral("server"), ApiJson::text, server, error);
    QString ackMode = NtfyConfig::ackModeName(channels.ntfy.ackMode);
    readInto(ntfy, QStringLiteral("ackMode"), ApiJson::text, ackMode, error);
    readInto(all.value(), QStringLiteral("publicUrl"), ApiJson::text, channels.publicDashboardUrl, error);
    const QJsonObject telegram = parts.value(QStringLiteral("telegram"));
    if (Status known =
            ApiJson::onlyKnownKeys(telegram, {QStringLiteral("enabled"), QStringLiteral("chatId")});
        !known.ok())
        return known;
    readInto(telegram, QStringLiteral("enabled"), ApiJson::boolean, channels.telegramEnabled, error);
    readInto(telegram, QStringLiteral("chatId"), ApiJson::text, channels.telegram.chatId, error);
    channels.telegram.chatId = channels.telegram.chatId.trimmed();
    if (error)
        return *error;
    if (!server.isEmpty())
        channels.ntfy.server = QUrl(server);
    const std::optional<NtfyConfig::AckMode> mode = NtfyConfig::parseAckMode(ackMode);
    if (!mode)
        return invalidSetting(
            ApiText::tr("\"ackMode\" must be \"dashboard\", \"reply\", \"off\" or \"\" (automatic)."));
    channels.ntfy.ackMode = *mode;
    return applyEmail(parts.value(QStringLiteral("email")), channels);
}
} // namespace

GeneralSettings GeneralSettings::read(const Settings &settings)
{
    return {settings.checkInterval(), settings.repeatPolicy(), ChannelSettings::quietHours(settings)};
}

void GeneralSettings::write(Settings &settings) const
{
    settings.setCheckInterval(checkInterval);
    settings.setRepeatPolicy(repeatPolicy);
    ChannelSettings::setQuietHours(settings, quietHours);
}

namespace SettingsJson {

QJsonObject toJson(const GeneralSettings &general, const ChannelSettingsData &channels)
{
    const EmailConfig &email = channels.email;
    return QJsonObject{
        {QStringLiteral("checkIntervalSeconds"), static_cast<qint64>(general.checkInterval.count())},
        {QStringLiteral("repeatPolicy"), repeatPolicyName(general.repeatPolicy)},
        {QStringLiteral("quietHours"),
         QJsonObject{{QStringLiteral("enabled"), general.quietHours.enabled},
                     {QStringLiteral("start"), general.quietHours.start.toString(kTimeFormat)},
                     {QStringLiteral("end"), general.quietHours.end.toString(kTimeFormat)}}},
        {QStringLiteral("channels"),
         QJsonObject{
             {QStringLiteral("tray"), QJsonObject{{QStringLiteral("enabled"), channels.trayEnabled}}},
             {QStringLiteral("email"),
              QJsonObject{{QStringLiteral("enabled"), channels.emailEnabled},
                          {QStringLiteral("provider"), EmailConfig::presetName(email.provider)},
                          {QStringLiteral("host"), email.host},
                          {QStringLiteral("port"), email.port},
                          {QStringLiteral("security"), EmailConfig::securityName(email.security)},
                          {QStringLiteral("user"), email.user},
                          {QStringLiteral("from"), email.from},
                          {QStringLiteral("to"), QJsonArray::fromStringList(email.to)},
                          {QStringLiteral("passwordSet"), !email.password.isEmpty()}}},
             {QStringLiteral("discord"),
              QJsonObject{{QStringLiteral("enabled"), channels.discordEnabled},
                          {QStringLiteral("webhookUrlSet"), !channels.discord.webhookUrl.isEmpty()}}},
             {QStringLiteral("ntfy"),
              QJsonObject{{QStringLiteral("enabled"), channels.ntfyEnabled},
                          {QStringLiteral("server"), channels.ntfy.server.toString()},
                          {QStringLiteral("topicSet"), !channels.ntfy.topic.isEmpty()},
                          {QStringLiteral("accessTokenSet"), !channels.ntfy.accessToken.isEmpty()},
                          {QStringLiteral("ackMode"), NtfyConfig::ackModeName(channels.ntfy.ackMode)}}},
             {QStringLiteral("telegram"),
              QJsonObject{{QStringLiteral("enabled"), channels.telegramEnabled},
                          {QStringLiteral("chatId"), channels.telegram.chatId},
                          {QStringLiteral("botTokenSet"), !channels.telegram.botToken.isEmpty()}}},
             {QStringLiteral("publicUrl"), channels.publicDashboardUrl},
         }},
    };
}

Status applyPatch(const QJsonObject &patch, GeneralSettings &general, ChannelSettingsData &channels)
{
    if (Status known = ApiJson::onlyKnownKeys(
            patch, {QStringLiteral("checkIntervalSeconds"), QStringLiteral("repeatPolicy"),
                    QStringLiteral("quietHours"), QStringLiteral("channels")});
        !known.ok())
        return known;
    if (Status applied = applyGeneral(patch, general); !applied.ok())
        return applied;
    if (Status applied = applyChannels(patch, channels); !applied.ok())
        return applied;
    return channels.validate();
}

QStringList secretNames()
{
    return {QStringLiteral("email-password"), QStringLiteral("discord-webhook-url"),
            QStringLiteral("ntfy-topic"), QStringLiteral("ntfy-access-token"),
            QStringLiteral("telegram-bot-token")};
}

Status setSecret(const QString &name, const QString &value, ChannelSettingsData &channels)
{
    if (name == QLatin1String("email-password")) {
        channels.email.password = value.toUtf8();
    } else if (name == QLatin1String("discord-webhook-url")) {
        DiscordConfig discord{QUrl(value.trimmed(), QUrl::StrictMode)};
        if (!value.isEmpty()) {
            if (Status valid = discord.validate(); !valid.ok())
                return valid;
        }
        channels.discord = discord;
    } else if (name == QLatin1String("ntfy-topic")) {
        if (!value.isEmpty() && !NtfyConfig::isValidTopic(value.trimmed()))
            return invalidSetting(ApiText::tr("An ntfy topic is 1 to 64 letters, digits, '-' or '_'."));
        channels.ntfy.topic = value.trimmed();
    } else if (name == QLatin1String("ntfy-access-token")) {
        channels.ntfy.accessToken = value.toUtf8();
    } else if (name == QLatin1String("telegram-bot-token")) {
        const QByteArray token = value.trimmed().toUtf8();
        if (!token.isEmpty() && !TelegramConfig::isValidToken(token))
            return invalidSetting(ApiText::tr("A Telegram bot token looks like 123456789:AA… (as @BotFather "
                                              "gives it)."));
        channels.telegram.botToken = token;
    } else {
        return Error{ErrorCode::InvalidArguments,
                     ApiText::tr("There is no secret \"%1\"; the secrets are: %2.")
                         .arg(name.left(40), secretNames().join(QStringLiteral(", ")))};
    }
    return success();
}

} // namespace SettingsJson
} // namespace trailguard::Web
