#include "alerts/ChannelFactory.h"
#include "alerts/ChannelSettings.h"
#include "secrets/EncryptedFileSecretStore.h"
#include "secrets/MemorySecretStore.h"
#include "settings/Settings.h"

#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;

class ChannelSettingsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripKeepsSecretsOutOfTheSettingsFile();
    void topicInAnOldSettingsFileMovesToTheSecretStore();
    void invalidEnabledChannelSavesNothing();
    void disabledChannelsAreNotValidated();
    void factoryBuildsTheEnabledChannels();

private:
    static ChannelSettingsData sample();
};

ChannelSettingsData ChannelSettingsTest::sample()
{
    ChannelSettingsData data;
    data.emailEnabled = true;
    data.email = EmailConfig::preset(EmailConfig::Preset::Gmail);
    data.email.user = QStringLiteral("bot@example.com");
    data.email.from = QStringLiteral("bot@example.com");
    data.email.to = {QStringLiteral("me@example.com"), QStringLiteral("you@example.com")};
    data.email.password = QByteArrayLiteral("app-password-123456");
    data.discordEnabled = true;
    data.discord.webhookUrl =
        QUrl(QStringLiteral("https://discord.com/api/webhooks/123/webhook-token-abcdef"));
    data.ntfyEnabled = true;
    data.ntfy.topic = QStringLiteral("my-stops-topic");
    data.ntfy.accessToken = QByteArrayLiteral("tk_ntfyaccesstoken");
    return data;
}

void ChannelSettingsTest::roundTripKeepsSecretsOutOfTheSettingsFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    MemorySecretStore secrets;
    QObject context;
    {
        auto settings = Settings::forFile(file, QProcessEnvironment());
        bool saved = false;
        ChannelSettings::save(sample(), *settings, secrets, &context, [&](Status status) {
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
            saved = true;
        });
        QTRY_VERIFY(saved);
    }
    auto settings = Settings::forFile(file, QProcessEnvironment());
    std::optional<ChannelSettingsData> loaded;
    ChannelSettings::load(*settings, secrets, &context, [&](Result<ChannelSettingsData> data) {
        QVERIFY(data.ok());
        loaded = data.value();
    });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 20000);
    QVERIFY(loaded->emailEnabled && loaded->discordEnabled && loaded->ntfyEnabled);
    QCOMPARE(loaded->email.host, QStringLiteral("smtp.gmail.com"));
    QCOMPARE(loaded->email.to, sample().email.to);
    QCOMPARE(loaded->email.password, sample().email.password);
    QCOMPARE(loaded->discord.webhookUrl, sample().discord.webhookUrl);
    QCOMPARE(loaded->ntfy.topic, QStringLiteral("my-stops-topic"));
    QCOMPARE(loaded->ntfy.accessToken, sample().ntfy.accessToken);

    QDirIterator files(dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile f(files.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains("app-password-123456"));
        QVERIFY(!bytes.contains("webhook-token-abcdef"));
        QVERIFY(!bytes.contains("tk_ntfyaccesstoken"));
        QVERIFY(!bytes.contains("my-stops-topic")); // on ntfy.sh the topic is a password
        QVERIFY(bytes.contains("me@example.com"));  // the plain values did land there
    }
}

void ChannelSettingsTest::topicInAnOldSettingsFileMovesToTheSecretStore()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        // As an earlier version saved it.
        QSettings old(file, QSettings::IniFormat);
        old.setValue(QStringLiteral("alerts/ntfy/enabled"), true);
        old.setValue(QStringLiteral("alerts/ntfy/topic"), QStringLiteral("old-secret-topic"));
    }
    {
        // Without a keychain or encryption_key the store forgets at exit: the file keeps the topic.
        MemorySecretStore memory;
        QObject context;
        auto settings = Settings::forFile(file, QProcessEnvironment());
        std::optional<ChannelSettingsData> loaded;
        ChannelSettings::load(*settings, memory, &context, [&](Result<ChannelSettingsData> data) {
            QVERIFY(data.ok());
            loaded = data.value();
        });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 20000);
        QCOMPARE(loaded->ntfy.topic, QStringLiteral("old-secret-topic"));
        QCOMPARE(settings->value("alerts/ntfy/topic").toString(), QStringLiteral("old-secret-topic"));
    }
    EncryptedFileSecretStore secrets(dir.path(), QByteArrayLiteral("passphrase"), KdfStrength::Interactive);
    QObject context;
    auto settings = Settings::forFile(file, QProcessEnvironment());
    std::optional<ChannelSettingsData> loaded;
    ChannelSettings::load(*settings, secrets, &context, [&](Result<ChannelSettingsData> data) {
        QVERIFY(data.ok());
        loaded = data.value();
    });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 20000);
    QCOMPARE(loaded->ntfy.topic, QStringLiteral("old-secret-topic"));
    QVERIFY(loaded->ntfyEnabled);

    std::optional<Result<QByteArray>> stored;
    secrets.read(QStringLiteral("ntfy/topic"), &context, [&](Result<QByteArray> r) { stored = r; });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 20000);
    QVERIFY(stored->ok());
    QCOMPARE(stored->value(), QByteArrayLiteral("old-secret-topic"));
    settings.reset();
    QFile saved(file);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray savedBytes = saved.readAll();
    QVERIFY(!savedBytes.contains("old-secret-topic"));
    QVERIFY(savedBytes.contains("enabled=true")); // the rest of the file is untouched

    // Loading again finds it in the store.
    auto again = Settings::forFile(file, QProcessEnvironment());
    loaded.reset();
    ChannelSettings::load(*again, secrets, &context, [&](Result<ChannelSettingsData> data) {
        QVERIFY(data.ok());
        loaded = data.value();
    });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 20000);
    QCOMPARE(loaded->ntfy.topic, QStringLiteral("old-secret-topic"));
}

void ChannelSettingsTest::invalidEnabledChannelSavesNothing()
{
    QTemporaryDir dir;
    auto settings = Settings::forFile(dir.filePath(QStringLiteral("settings.ini")), QProcessEnvironment());
    MemorySecretStore secrets;
    QObject context;
    ChannelSettingsData data = sample();
    data.ntfy.topic = QStringLiteral("no spaces allowed");
    std::optional<Status> result;
    ChannelSettings::save(data, *settings, secrets, &context, [&](Status status) { result = status; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QVERIFY2(result->error().message.startsWith(QStringLiteral("ntfy")), qPrintable(result->error().message));
    QVERIFY(!settings->value("alerts/ntfy/enabled").toBool());
    std::optional<Result<QByteArray>> password;
    secrets.read(EmailConfig::passwordSecretKey(), &context, [&](Result<QByteArray> r) { password = r; });
    QTRY_VERIFY(password.has_value());
    QCOMPARE(password->error().code, ErrorCode::SecretNotFound);
}

void ChannelSettingsTest::disabledChannelsAreNotValidated()
{
    ChannelSettingsData data;
    data.ntfy.topic = QStringLiteral("bad topic");
    data.discord.webhookUrl = QUrl(QStringLiteral("http://example.com/hook"));
    QVERIFY(data.validate().ok());
    data.discordEnabled = true;
    QVERIFY(!data.validate().ok());
}

void ChannelSettingsTest::factoryBuildsTheEnabledChannels()
{
    QNetworkAccessManager network;
    ChannelSettingsData data = sample();
    data.discordEnabled = false;
    const ChannelSet set = channelsFromSettings(data, &network, nullptr);
    QVERIFY(set.problems.isEmpty());
    QStringList ids;
    for (AlertChannel *channel : set.pointers())
        ids.append(channel->id());
    QCOMPARE(ids, (QStringList{QStringLiteral("email"), QStringLiteral("ntfy")}));
}

QTEST_GUILESS_MAIN(ChannelSettingsTest)
#include "tst_channelsettings.moc"
