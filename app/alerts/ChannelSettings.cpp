#include "alerts/ChannelSettings.h"

#include "secrets/SecretStore.h"
#include "settings/Settings.h"

#include <QCoreApplication>
#include <QPointer>
#include <QRegularExpression>

#include <memory>

namespace trailguard {

namespace {
class ChannelSettingsText {
    Q_DECLARE_TR_FUNCTIONS(ChannelSettingsText)
};

EmailConfig::Preset presetFromName(const QString &name)
{
    if (name == QLatin1String("gmail"))
        return EmailConfig::Preset::Gmail;
    if (name == QLatin1String("outlook"))
        return EmailConfig::Preset::Outlook;
    return EmailConfig::Preset::Custom;
}

EmailConfig::Security securityFromName(const QString &name)
{
    if (name == QLatin1String("ssl"))
        return EmailConfig::Security::SslTls;
    if (name == QLatin1String("none"))
        return EmailConfig::Security::None;
    return EmailConfig::Security::StartTls;
}

QStringList addresses(const QString &text)
{
    QStringList list;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
        list.append(part.trimmed());
    return list;
}

Status prefixed(const QString &channel, const Status &status)
{
    if (status.ok())
        return status;
    return Error{status.error().code, QStringLiteral("%1: %2").arg(channel, status.error().message)};
}

// Reads the secrets one after the other, then hands over the data.
struct Loader {
    ChannelSettingsData data;
    std::function<void(Result<ChannelSettingsData>)> done;
};

Result<QByteArray> secretOrEmpty(Result<QByteArray> result)
{
    if (!result.ok() && result.error().code == ErrorCode::SecretNotFound)
        return QByteArray();
    return result;
}
} // namespace

DailyDigest::Options ChannelSettings::digestOptions(const Settings &settings)
{
    DailyDigest::Options options;
    options.enabled = settings.digestEnabled();
    options.at = settings.digestTime();
    options.withinPercent = settings.digestWithinPercent();
    return options;
}

void ChannelSettings::setDigestOptions(Settings &settings, const DailyDigest::Options &options)
{
    settings.setDigestEnabled(options.enabled);
    settings.setDigestTime(options.at);
    settings.setDigestWithinPercent(options.withinPercent);
}

QuietHours ChannelSettings::quietHours(const Settings &settings)
{
    QuietHours quiet;
    quiet.enabled = settings.quietHoursEnabled();
    quiet.start = settings.quietHoursStart();
    quiet.end = settings.quietHoursEnd();
    return quiet;
}

void ChannelSettings::setQuietHours(Settings &settings, const QuietHours &quietHours)
{
    settings.setQuietHoursEnabled(quietHours.enabled);
    settings.setQuietHoursStart(quietHours.start);
    settings.setQuietHoursEnd(quietHours.end);
}

Status ChannelSettingsData::validate() const
{
    if (emailEnabled) {
        if (Status status = prefixed(ChannelSettingsText::tr("Email"), email.validate()); !status.ok())
            return status;
    }
    if (discordEnabled) {
        if (Status status = prefixed(ChannelSettingsText::tr("Discord"), discord.validate()); !status.ok())
            return status;
    }
    if (ntfyEnabled) {
        if (Status status = prefixed(ChannelSettingsText::tr("ntfy"), ntfy.validate()); !status.ok())
            return status;
    }
    if (telegramEnabled) {
        if (Status status = prefixed(ChannelSettingsText::tr("Telegram"), telegram.validate()); !status.ok())
            return status;
    }
    if (const QString problem = Settings::publicUrlProblem(publicDashboardUrl); !problem.isEmpty())
        return Error{ErrorCode::InvalidSetting, problem};
    return success();
}

namespace {
// The plain values; the secrets are left empty.
ChannelSettingsData plainValues(const Settings &settings)
{
    ChannelSettingsData data;
    data.trayEnabled = settings.trayAlertsEnabled();
    data.emailEnabled = settings.emailEnabled();
    const EmailConfig::Preset preset = presetFromName(settings.emailProvider());
    data.email = EmailConfig::preset(preset);
    if (preset == EmailConfig::Preset::Custom) {
        data.email.host = settings.emailHost();
        data.email.port = settings.emailPort();
        data.email.security = securityFromName(settings.emailSecurity());
    }
    data.email.user = settings.emailUser();
    data.email.from = settings.emailFrom();
    data.email.to = addresses(settings.emailTo());
    data.discordEnabled = settings.discordEnabled();
    data.ntfyEnabled = settings.ntfyEnabled();
    data.ntfy.server = settings.ntfyServer();
    data.ntfy.topic = settings.legacyNtfyTopic();
    data.telegramEnabled = settings.telegramEnabled();
    data.telegram.chatId = settings.telegramChatId();
    if (const QUrl api = settings.telegramApiUrl(); !api.isEmpty())
        data.telegram.apiUrl = api;
    data.publicDashboardUrl = settings.webPublicUrlText();
    data.ntfy.ackMode =
        NtfyConfig::parseAckMode(settings.ntfyAckMode()).value_or(NtfyConfig::AckMode::Automatic);
    return data;
}

// Reads the secret of each enabled channel, one after the other; an unreadable one turns its channel off.
struct SendingLoader {
    SendingChannelSettings result;
    QList<std::pair<QString, QString>> reads; // channel id, secret key
    std::function<void(SendingChannelSettings)> done;
};

void applySecret(ChannelSettingsData &data, const QString &key, const QByteArray &secret)
{
    if (key == EmailConfig::passwordSecretKey())
        data.email.password = secret;
    else if (key == QLatin1String(ChannelSettings::kDiscordWebhookKey))
        data.discord.webhookUrl = QUrl(QString::fromUtf8(secret));
    else if (key == NtfyConfig::accessTokenSecretKey())
        data.ntfy.accessToken = secret;
    else if (key == TelegramConfig::botTokenSecretKey())
        data.telegram.botToken = secret;
    else if (key == NtfyConfig::topicSecretKey() && !secret.isEmpty())
        data.ntfy.topic = QString::fromUtf8(secret); // else the one still in an old settings file
}

void readNext(const std::shared_ptr<SendingLoader> &loader, SecretStore &secrets,
              const QPointer<QObject> &guard)
{
    if (loader->reads.isEmpty())
        return loader->done(loader->result);
    const auto next = loader->reads.takeFirst();
    const QString channel = next.first;
    const QString key = next.second;
    secrets.read(key, guard, [loader, &secrets, guard, channel, key](Result<QByteArray> secret) {
        const auto value = secretOrEmpty(std::move(secret));
        if (value.ok()) {
            applySecret(loader->result.data, key, value.value());
        } else {
            if (!loader->result.unreadable.contains(channel))
                loader->result.unreadable.append(channel);
            if (loader->result.readError.isEmpty())
                loader->result.readError = value.error().message;
            if (channel == QLatin1String("email"))
                loader->result.data.emailEnabled = false;
            else if (channel == QLatin1String("discord"))
                loader->result.data.discordEnabled = false;
            else if (channel == QLatin1String("ntfy"))
                loader->result.data.ntfyEnabled = false;
            else if (channel == QLatin1String("telegram"))
                loader->result.data.telegramEnabled = false;
        }
        readNext(loader, secrets, guard);
    });
}
} // namespace

void ChannelSettings::load(Settings &settings, SecretStore &secrets, QObject *context,
                           std::function<void(Result<ChannelSettingsData>)> done)
{
    auto loader = std::make_shared<Loader>();
    // The Telegram bot token last, once the rest is read.
    loader->done = [&secrets, guard = QPointer<QObject>(context),
                    done = std::move(done)](Result<ChannelSettingsData> data) {
        if (!data.ok())
            return done(std::move(data));
        secrets.read(TelegramConfig::botTokenSecretKey(), guard,
                     [done, read = std::move(data).value()](Result<QByteArray> stored) mutable {
                         const auto token = secretOrEmpty(std::move(stored));
                         if (!token.ok())
                             return done(token.error());
                         read.telegram.botToken = token.value();
                         done(std::move(read));
                     });
    };
    loader->data = plainValues(settings);
    const QString topicInFile = loader->data.ntfy.topic; // before the move into the secret store

    QPointer<QObject> guard(context);
    // The topic last: a topic found only in the settings file is moved to the store before `done`.
    const auto readTopic = [loader, &secrets, &settings, guard, topicInFile] {
        secrets.read(NtfyConfig::topicSecretKey(), guard,
                     [loader, &secrets, &settings, guard, topicInFile](Result<QByteArray> stored) {
                         const auto topic = secretOrEmpty(std::move(stored));
                         if (!topic.ok())
                             return loader->done(topic.error());
                         loader->data.ntfy.topic = QString::fromUtf8(topic.value());
                         if (!loader->data.ntfy.topic.isEmpty() || topicInFile.isEmpty()) {
                             if (!loader->data.ntfy.topic.isEmpty() && settings.hasLegacyNtfyTopic())
                                 settings.removeLegacyNtfyTopic(); // left by an interrupted move
                             return loader->done(loader->data);
                         }
                         loader->data.ntfy.topic = topicInFile;
                         // Moving it into a store that forgets everything at exit would lose it for good.
                         if (!secrets.isPersistent())
                             return loader->done(loader->data);
                         secrets.write(NtfyConfig::topicSecretKey(), topicInFile.toUtf8(), guard,
                                       [loader, &settings](Status moved) {
                                           if (moved.ok()) {
                                               settings.removeLegacyNtfyTopic();
                                               settings.sync();
                                           }
                                           loader->done(loader->data);
                                       });
                     });
    };
    secrets.read(EmailConfig::passwordSecretKey(), context,
                 [loader, &secrets, guard, readTopic](Result<QByteArray> password) {
                     const auto emailPassword = secretOrEmpty(std::move(password));
                     if (!emailPassword.ok())
                         return loader->done(emailPassword.error());
                     loader->data.email.password = emailPassword.value();
                     secrets.read(QString::fromLatin1(kDiscordWebhookKey), guard,
                                  [loader, &secrets, guard, readTopic](Result<QByteArray> url) {
                                      const auto webhook = secretOrEmpty(std::move(url));
                                      if (!webhook.ok())
                                          return loader->done(webhook.error());
                                      loader->data.discord.webhookUrl =
                                          QUrl(QString::fromUtf8(webhook.value()));
                                      secrets.read(NtfyConfig::accessTokenSecretKey(), guard,
                                                   [loader, readTopic](Result<QByteArray> token) {
                                                       const auto accessToken =
                                                           secretOrEmpty(std::move(token));
                                                       if (!accessToken.ok())
                                                           return loader->done(accessToken.error());
                                                       loader->data.ntfy.accessToken = accessToken.value();
                                                       readTopic();
                                                   });
                                  });
                 });
}

void ChannelSettings::loadForSending(Settings &settings, SecretStore &secrets, QObject *context,
                                     std::function<void(SendingChannelSettings)> done)
{
    auto loader = std::make_shared<SendingLoader>();
    loader->done = std::move(done);
    loader->result.data = plainValues(settings);
    const ChannelSettingsData &data = loader->result.data;
    if (data.emailEnabled)
        loader->reads.append({QStringLiteral("email"), EmailConfig::passwordSecretKey()});
    if (data.discordEnabled)
        loader->reads.append({QStringLiteral("discord"), QString::fromLatin1(kDiscordWebhookKey)});
    if (data.ntfyEnabled) {
        loader->reads.append({QStringLiteral("ntfy"), NtfyConfig::accessTokenSecretKey()});
        loader->reads.append({QStringLiteral("ntfy"), NtfyConfig::topicSecretKey()});
    }
    if (data.telegramEnabled)
        loader->reads.append({QStringLiteral("telegram"), TelegramConfig::botTokenSecretKey()});
    if (loader->reads.isEmpty()) {
        // Asynchronous like every load, even with nothing to read.
        QMetaObject::invokeMethod(
            context, [loader] { loader->done(loader->result); }, Qt::QueuedConnection);
        return;
    }
    readNext(loader, secrets, QPointer<QObject>(context));
}

QStringList ChannelSettings::enabledChannelIds(const Settings &settings)
{
    QStringList ids;
    if (settings.emailEnabled())
        ids.append(QStringLiteral("email"));
    if (settings.discordEnabled())
        ids.append(QStringLiteral("discord"));
    if (settings.ntfyEnabled())
        ids.append(QStringLiteral("ntfy"));
    if (settings.telegramEnabled())
        ids.append(QStringLiteral("telegram"));
    return ids;
}

void ChannelSettings::save(const ChannelSettingsData &data, Settings &settings, SecretStore &secrets,
                           QObject *context, std::function<void(Status)> done)
{
    if (Status valid = data.validate(); !valid.ok()) {
        QMetaObject::invokeMethod(
            context, [done, valid] { done(valid); }, Qt::QueuedConnection);
        return;
    }
    // Secrets first: the plain values only change once every secret is safely stored.
    const auto writeOrRemove = [&secrets](const QString &key, const QByteArray &value, QObject *ctx,
                                          SecretStore::WriteCallback next) {
        if (value.isEmpty())
            secrets.remove(key, ctx, std::move(next));
        else
            secrets.write(key, value, ctx, std::move(next));
    };
    QPointer<QObject> guard(context);
    auto finish = [data, &settings, done](Status status) {
        if (!status.ok())
            return done(status);
        settings.setTrayAlertsEnabled(data.trayEnabled);
        settings.setEmailEnabled(data.emailEnabled);
        settings.setEmailProvider(EmailConfig::presetName(data.email.provider));
        settings.setEmailHost(data.email.host);
        settings.setEmailPort(data.email.port);
        settings.setEmailSecurity(EmailConfig::securityName(data.email.security));
        settings.setEmailUser(data.email.user);
        settings.setEmailFrom(data.email.from);
        settings.setEmailTo(data.email.to.join(QStringLiteral(", ")));
        settings.setDiscordEnabled(data.discordEnabled);
        settings.setNtfyEnabled(data.ntfyEnabled);
        settings.setNtfyServer(data.ntfy.server);
        settings.setNtfyAckMode(NtfyConfig::ackModeName(data.ntfy.ackMode));
        settings.setWebPublicUrl(data.publicDashboardUrl);
        settings.removeLegacyNtfyTopic(); // a secret now, see load()
        settings.setTelegramEnabled(data.telegramEnabled);
        settings.setTelegramChatId(data.telegram.chatId);
        settings.setTelegramApiUrl(data.telegram.apiUrl);
        settings.sync();
        done(success());
    };
    writeOrRemove(
        EmailConfig::passwordSecretKey(), data.email.password, context, [=, &secrets](Status first) {
            if (!first.ok())
                return finish(first);
            writeOrRemove(QString::fromLatin1(kDiscordWebhookKey),
                          data.discord.webhookUrl.toString().toUtf8(), guard, [=](Status second) {
                              if (!second.ok())
                                  return finish(second);
                              writeOrRemove(NtfyConfig::accessTokenSecretKey(), data.ntfy.accessToken, guard,
                                            [=](Status third) {
                                                if (!third.ok())
                                                    return finish(third);
                                                writeOrRemove(
                                                    NtfyConfig::topicSecretKey(), data.ntfy.topic.toUtf8(),
                                                    guard, [=](Status fourth) {
                                                        if (!fourth.ok())
                                                            return finish(fourth);
                                                        writeOrRemove(TelegramConfig::botTokenSecretKey(),
                                                                      data.telegram.botToken, guard, finish);
                                                    });
                                            });
                          });
        });
}

} // namespace trailguard
