// The settings dialog against real things: settings in an INI file in a temporary folder, secrets in a
// MemorySecretStore (and, in one case, the real keychain of a private desktop session), "Send test" over
// HTTP to a loopback ntfy receiver, the autostart entry in a temporary folder.
//
// The keychain case needs scripts/headless-session.sh (gnome-keyring on a private D-Bus): inside it
// (TRAILGUARD_IN_SESSION=1) the case runs directly; otherwise it re-runs itself, alone, inside one.

#include "GuiTestMain.h"
#include "WatchlistFixture.h"
#include "WebhookReceiver.h"
#include "WebhookTesting.h"

#include "AlertHistoryDialog.h"
#include "ConnectDialog.h"
#include "MainWindow.h"
#include "SettingsDialog.h"

#include "alerts/AlertFormatter.h"
#include "alerts/ChannelSettings.h"
#include "alerts/webhooks/NtfyChannel.h"
#include "common/Clock.h"
#include "domain/StopLossEngine.h"
#include "domain/Ticker.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/Redact.h"
#include "settings/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimeEdit>
#include <QUuid>

#include <memory>
#include <optional>

using namespace trailguard;
using trailguard::ui::SettingsDialog;

namespace {
constexpr int kAsyncMs = 20'000;
const QString kEmailPassword = QStringLiteral("s3cret app pass");
const QString kWebhookToken = QStringLiteral("tok_EN-abc123xyz");
const QString kNtfyToken = QStringLiteral("tk_token123456");

std::optional<Result<QByteArray>> readSecret(SecretStore &store, const QString &key)
{
    QObject context;
    std::optional<Result<QByteArray>> out;
    store.read(key, &context, [&out](Result<QByteArray> result) { out = std::move(result); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, kAsyncMs);
    return out;
}

void removeSecret(SecretStore &store, const QString &key)
{
    QObject context;
    bool done = false;
    store.remove(key, &context, [&done](const Status &) { done = true; });
    (void)QTest::qWaitFor([&done] { return done; }, kAsyncMs);
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

// Where screenshots go: $TRAILGUARD_TEST_ARTIFACTS, else ./artifacts.
void saveArtifact(const QPixmap &pixmap, const QString &name)
{
    const QString configured = qEnvironmentVariable("TRAILGUARD_TEST_ARTIFACTS");
    const QString dir =
        configured.isEmpty() ? QDir::current().filePath(QStringLiteral("artifacts")) : configured;
    QVERIFY(QDir().mkpath(dir));
    const QString path = QDir(dir).filePath(name);
    QVERIFY2(pixmap.save(path), qPrintable(path));
    qInfo() << "screenshot:" << path;
}

QString secretKeys(int index)
{
    const QStringList keys = {EmailConfig::passwordSecretKey(),
                              QString::fromLatin1(ChannelSettings::kDiscordWebhookKey),
                              NtfyConfig::accessTokenSecretKey()};
    return keys.at(index);
}
} // namespace

class TestSettingsDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Canada));
        qInfo() << "platform:" << QGuiApplication::platformName();
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = Settings::forFile(settingsFile(), QProcessEnvironment());
        m_settings->setCheckInterval(std::chrono::seconds(120)); // the file exists before the dialog opens
        m_settings->sync();
        m_secrets = std::make_unique<MemorySecretStore>();
        m_network = std::make_unique<QNetworkAccessManager>();
        m_redactor = std::make_unique<SecretRedactor>();
        m_parent = std::make_unique<QWidget>();
        m_parent->resize(800, 600);
        m_parent->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_parent.get()));
    }

    void cleanup()
    {
        delete m_dialog;
        m_parent.reset();
        m_settings.reset();
        m_secrets.reset();
        m_network.reset();
        m_redactor.reset();
        m_dir.reset();
    }

    void loadsAsynchronouslyThenShowsTheStoredSettings()
    {
        m_settings->setValue("alerts/ntfy/enabled", true);
        m_settings->setValue("alerts/ntfy/server", QStringLiteral("https://ntfy.example.com"));
        m_settings->setValue("alerts/ntfy/topic", QStringLiteral("alerts-42"));
        m_settings->setValue("alerts/email/user", QStringLiteral("me@gmail.com"));
        QVERIFY(writeSecret(NtfyConfig::accessTokenSecretKey(), kNtfyToken.toUtf8()));
        QVERIFY(writeSecret(EmailConfig::passwordSecretKey(), kEmailPassword.toUtf8()));

        openDialog(false);
        QCOMPARE(m_dialog->windowModality(), Qt::WindowModal); // open(), not exec()
        QCOMPARE(m_dialog->message(), QStringLiteral("Loading\u2026"));
        QVERIFY(!m_dialog->isLoaded());
        QVERIFY(!child<QWidget>("ntfyPage")->isEnabled());
        QVERIFY(child<QWidget>("generalPage")->isEnabled());

        QTRY_VERIFY_WITH_TIMEOUT(m_dialog->isLoaded(), kAsyncMs);
        QVERIFY(m_dialog->message().isEmpty());
        QVERIFY(child<QWidget>("ntfyPage")->isEnabled());
        QVERIFY(child<QCheckBox>("ntfyEnabledCheckBox")->isChecked());
        QCOMPARE(child<QLineEdit>("ntfyServerLineEdit")->text(), QStringLiteral("https://ntfy.example.com"));
        QCOMPARE(child<QLineEdit>("ntfyTopicLineEdit")->text(), QStringLiteral("alerts-42"));
        QCOMPARE(child<QLineEdit>("ntfyTokenLineEdit")->text(), kNtfyToken);
        QCOMPARE(child<QLineEdit>("ntfyTokenLineEdit")->echoMode(), QLineEdit::Password);
        QCOMPARE(child<QLineEdit>("emailPasswordLineEdit")->text(), kEmailPassword);
        QCOMPARE(child<QLineEdit>("emailPasswordLineEdit")->echoMode(), QLineEdit::Password);
        QCOMPARE(child<QLineEdit>("discordWebhookLineEdit")->echoMode(), QLineEdit::Password);
        QCOMPARE(child<QLineEdit>("emailUserLineEdit")->text(), QStringLiteral("me@gmail.com"));
        QVERIFY(!child<QCheckBox>("emailEnabledCheckBox")->isChecked());
        QVERIFY(child<QCheckBox>("trayEnabledCheckBox")->isChecked()); // the default
        // A preset fixes the server.
        QCOMPARE(child<QLineEdit>("emailHostLineEdit")->text(), QStringLiteral("smtp.gmail.com"));
        QVERIFY(!child<QLineEdit>("emailHostLineEdit")->isEnabled());

        const QSpinBox *interval = child<QSpinBox>("checkIntervalSpinBox");
        QCOMPARE(interval->value(), 120);
        QCOMPARE(interval->minimum(), 5);
        QCOMPARE(interval->maximum(), 3600);
        QCOMPARE(child<QDoubleSpinBox>("defaultRatioSpinBox")->value(), StopRatio::kDefault);
        QCOMPARE(child<QComboBox>("repeatPolicyComboBox")->currentData().toInt(),
                 static_cast<int>(RepeatPolicy::DailyWhileBelow));
        QVERIFY(!child<QCheckBox>("startMinimizedCheckBox")->isChecked());
        QVERIFY(!child<QCheckBox>("startAtLoginCheckBox")->isChecked());
        QVERIFY(child<QCheckBox>("marketHoursOnlyCheckBox")->isChecked()); // the default
        QCOMPARE(child<QSpinBox>("closeGraceSpinBox")->value(), 15);
        QVERIFY(!child<QCheckBox>("includeExtendedHoursCheckBox")->isChecked()); // the default
        saveArtifact(m_dialog->grab(), QStringLiteral("settings-general.png"));
        // Every tab can be reached; every field is labelled.
        QCOMPARE(child<QTabWidget>("settingsTabWidget")->count(), 7); // … Discord, ntfy, Telegram
    }

    void refusesInvalidInputWithItsMessageAndSavesNothing_data()
    {
        QTest::addColumn<QString>("invalid");
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("expected"); // the field group's message, word for word
        QTest::addColumn<QString>("prefix");   // what the refusal puts before it

        EmailConfig noFrom = EmailConfig::preset(EmailConfig::Preset::Gmail);
        noFrom.user = QStringLiteral("me@gmail.com");
        noFrom.password = kEmailPassword.toUtf8();
        noFrom.to = {QStringLiteral("you@example.com")};
        QTest::newRow("email without From") << "emailNoFrom"
                                            << "email" << noFrom.validate().error().message << "Email: ";

        EmailConfig plain = EmailConfig::preset(EmailConfig::Preset::Custom);
        plain.host = QStringLiteral("smtp.example.com");
        plain.security = EmailConfig::Security::None;
        QTest::newRow("email unencrypted to a remote server")
            << "emailPlainRemote"
            << "email" << plain.validate().error().message << "Email: ";

        const DiscordConfig discord{QUrl(QStringLiteral("http://example.com/hook"))};
        QTest::newRow("discord over http") << "discordHttp"
                                           << "discord" << discord.validate().error().message << "Discord: ";

        NtfyConfig spaced;
        spaced.topic = QStringLiteral("my topic");
        QTest::newRow("ntfy topic with a space") << "ntfySpace"
                                                 << "ntfy" << spaced.validate().error().message << "ntfy: ";

        QTest::newRow("ntfy topic URL with a query")
            << "ntfyQuery"
            << "ntfy"
            << NtfyConfig::fromTopicOrUrl(QStringLiteral("https://ntfy.example.com/a?b=1")).error().message
            << "ntfy: ";

        QTest::newRow("default ratio 1") << "ratioOne"
                                         << "general" << StopRatio::validate(1.0).error().message << "";
    }

    void refusesInvalidInputWithItsMessageAndSavesNothing()
    {
        QFETCH(QString, invalid);
        QFETCH(QString, page);
        QFETCH(QString, expected);
        QFETCH(QString, prefix);
        QVERIFY(!expected.isEmpty());

        openDialog();
        const QByteArray before = fileBytes(settingsFile());
        QVERIFY(before.contains("checkIntervalSeconds=120"));
        // A secret that a save would write, whichever channel is wrong.
        type("emailPasswordLineEdit", kEmailPassword);

        if (invalid == QLatin1String("emailNoFrom")) {
            check("emailEnabledCheckBox");
            type("emailUserLineEdit", QStringLiteral("me@gmail.com"));
            type("emailToLineEdit", QStringLiteral("you@example.com"));
        } else if (invalid == QLatin1String("emailPlainRemote")) {
            check("emailEnabledCheckBox");
            select("emailProviderComboBox", static_cast<int>(EmailConfig::Preset::Custom));
            child<QLineEdit>("emailPasswordLineEdit")->clear();
            type("emailHostLineEdit", QStringLiteral("smtp.example.com"));
            select("emailSecurityComboBox", static_cast<int>(EmailConfig::Security::None));
        } else if (invalid == QLatin1String("discordHttp")) {
            check("discordEnabledCheckBox");
            type("discordWebhookLineEdit", QStringLiteral("http://example.com/hook"));
        } else if (invalid == QLatin1String("ntfySpace")) {
            check("ntfyEnabledCheckBox");
            type("ntfyTopicLineEdit", QStringLiteral("my topic"));
        } else if (invalid == QLatin1String("ntfyQuery")) {
            check("ntfyEnabledCheckBox");
            type("ntfyTopicLineEdit", QStringLiteral("https://ntfy.example.com/a?b=1"));
        } else if (invalid == QLatin1String("ratioOne")) {
            child<QDoubleSpinBox>("defaultRatioSpinBox")->setValue(1.0);
        }
        const QLabel *error = child<QLabel>(page + QStringLiteral("ErrorLabel"));
        QVERIFY(!error->isHidden());
        QCOMPARE(error->text(), expected);

        QSignalSpy saved(m_dialog.data(), &SettingsDialog::settingsSaved);
        QSignalSpy refused(m_dialog.data(), &SettingsDialog::saveFailed);
        QPushButton *ok = child<QPushButton>("okPushButton");
        QVERIFY(ok->isEnabled()); // OK stays enabled; saving refuses
        QTest::mouseClick(ok, Qt::LeftButton);

        QCOMPARE(refused.count(), 1);
        QCOMPARE(m_dialog->message(), prefix + expected);
        QCOMPARE(refused.at(0).at(0).toString(), prefix + expected);
        QVERIFY(m_dialog->isVisible());
        QCOMPARE(child<QTabWidget>("settingsTabWidget")->currentWidget(),
                 child<QWidget>(page + QStringLiteral("Page")));
        if (invalid == QLatin1String("emailNoFrom"))
            saveArtifact(m_dialog->grab(), QStringLiteral("settings-email-refused.png"));
        QTest::qWait(100); // anything asynchronous a save would have started
        QCOMPARE(saved.count(), 0);
        QCOMPARE(fileBytes(settingsFile()), before);
        const auto password = readSecret(*m_secrets, EmailConfig::passwordSecretKey());
        QVERIFY(password.has_value() && !password->ok());
        QCOMPARE(password->error().code, ErrorCode::SecretNotFound);
    }

    void savesValidInputWithTheSecretsInTheSecretStoreOnly()
    {
        openDialog();
        QSignalSpy saved(m_dialog.data(), &SettingsDialog::settingsSaved);

        QSpinBox *interval = child<QSpinBox>("checkIntervalSpinBox");
        interval->selectAll();
        QTest::keyClicks(interval, QStringLiteral("60"));
        child<QDoubleSpinBox>("defaultRatioSpinBox")->setValue(0.85);
        select("repeatPolicyComboBox", static_cast<int>(RepeatPolicy::OncePerBreach));
        check("startMinimizedCheckBox");
        uncheck("trayEnabledCheckBox");
        uncheck("marketHoursOnlyCheckBox");
        QVERIFY(!child<QSpinBox>("closeGraceSpinBox")->isEnabled());
        check("includeExtendedHoursCheckBox");

        check("emailEnabledCheckBox");
        select("emailProviderComboBox", static_cast<int>(EmailConfig::Preset::Custom));
        type("emailHostLineEdit", QStringLiteral("127.0.0.1"));
        select("emailSecurityComboBox", static_cast<int>(EmailConfig::Security::None));
        QSpinBox *port = child<QSpinBox>("emailPortSpinBox");
        port->selectAll();
        QTest::keyClicks(port, QStringLiteral("2525"));
        type("emailUserLineEdit", QStringLiteral("bot@example.com"));
        type("emailPasswordLineEdit", kEmailPassword);
        type("emailFromLineEdit", QStringLiteral("bot@example.com"));
        type("emailToLineEdit", QStringLiteral("you@example.com, partner@example.com"));

        check("discordEnabledCheckBox");
        type("discordWebhookLineEdit",
             QStringLiteral("https://discord.com/api/webhooks/123456/") + kWebhookToken);

        check("ntfyEnabledCheckBox");
        type("ntfyTopicLineEdit", QStringLiteral("https://ntfy.example.com/base/trail-alerts"));
        type("ntfyTokenLineEdit", kNtfyToken);

        for (const char *label :
             {"generalErrorLabel", "emailErrorLabel", "discordErrorLabel", "ntfyErrorLabel"})
            QVERIFY2(child<QLabel>(label)->isHidden(), qPrintable(child<QLabel>(label)->text()));

        QTest::mouseClick(child<QPushButton>("okPushButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kAsyncMs);
        QVERIFY(!m_dialog->isVisible());
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));

        // What the next run reads.
        const auto reread = Settings::forFile(settingsFile(), QProcessEnvironment());
        QCOMPARE(reread->checkInterval(), std::chrono::seconds(60));
        QCOMPARE(reread->defaultRatio().value(), 0.85);
        QCOMPARE(reread->repeatPolicy(), RepeatPolicy::OncePerBreach);
        QVERIFY(reread->startMinimized());
        QVERIFY(!reread->value("monitor/marketHoursOnly").toBool());
        QVERIFY(reread->includeExtendedHours());
        std::optional<Result<ChannelSettingsData>> loaded;
        QObject context;
        ChannelSettings::load(*reread, *m_secrets, &context,
                              [&loaded](Result<ChannelSettingsData> data) { loaded = std::move(data); });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), kAsyncMs);
        QVERIFY(loaded->ok());
        const ChannelSettingsData &data = loaded->value();
        QVERIFY(!data.trayEnabled);
        QVERIFY(data.emailEnabled && data.discordEnabled && data.ntfyEnabled);
        QCOMPARE(data.email.provider, EmailConfig::Preset::Custom);
        QCOMPARE(data.email.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(data.email.port, 2525);
        QCOMPARE(data.email.security, EmailConfig::Security::None);
        QCOMPARE(data.email.user, QStringLiteral("bot@example.com"));
        QCOMPARE(data.email.password, kEmailPassword.toUtf8());
        QCOMPARE(data.email.to,
                 QStringList({QStringLiteral("you@example.com"), QStringLiteral("partner@example.com")}));
        QCOMPARE(data.discord.webhookUrl.toString(),
                 QStringLiteral("https://discord.com/api/webhooks/123456/") + kWebhookToken);
        QCOMPARE(data.ntfy.server.toString(), QStringLiteral("https://ntfy.example.com/base"));
        QCOMPARE(data.ntfy.topic, QStringLiteral("trail-alerts"));
        QCOMPARE(data.ntfy.accessToken, kNtfyToken.toUtf8());

        // The secrets are in the store, and nowhere in the settings file.
        QCOMPARE(readSecret(*m_secrets, EmailConfig::passwordSecretKey())->value(), kEmailPassword.toUtf8());
        QCOMPARE(readSecret(*m_secrets, NtfyConfig::accessTokenSecretKey())->value(), kNtfyToken.toUtf8());
        QCOMPARE(readSecret(*m_secrets, NtfyConfig::topicSecretKey())->value(),
                 QByteArrayLiteral("trail-alerts"));
        const QByteArray file = fileBytes(settingsFile());
        QVERIFY(file.contains("ntfy.example.com")); // the plain values are there
        for (const QString &secret :
             {kEmailPassword, kWebhookToken, kNtfyToken, QStringLiteral("trail-alerts")}) {
            QVERIFY2(!file.contains(secret.toUtf8()), qPrintable(secret));
            QVERIFY2(!file.contains(QUrl::toPercentEncoding(secret)), qPrintable(secret));
        }
    }

    void intervalWarningFollowsTheWatchlistSize()
    {
        openDialog();
        QSpinBox *interval = child<QSpinBox>("checkIntervalSpinBox");
        const QLabel *warning = child<QLabel>("intervalWarningLabel");
        interval->setValue(30);
        QVERIFY(warning->isHidden()); // no tickers known yet
        m_dialog->setWatchedTickerCount(100);
        QVERIFY(warning->isHidden()); // 2 requests every 30 s are well within the limits
        m_dialog->setWatchedTickerCount(10000);
        QVERIFY(!warning->isHidden()); // 200 requests: the hourly quota allows one check every 48 s
        QVERIFY2(warning->text().contains(QStringLiteral("48 s")), qPrintable(warning->text()));
        interval->setValue(48);
        QVERIFY(warning->isHidden());
    }

    void applySavesAndStaysOpen()
    {
        openDialog();
        QSignalSpy saved(m_dialog.data(), &SettingsDialog::settingsSaved);
        QSpinBox *interval = child<QSpinBox>("checkIntervalSpinBox");
        interval->selectAll();
        QTest::keyClicks(interval, QStringLiteral("30"));
        QTest::mouseClick(child<QPushButton>("applyPushButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kAsyncMs);
        QVERIFY(m_dialog->isVisible());
        QCOMPARE(m_dialog->message(), QStringLiteral("Saved."));
        QCOMPARE(Settings::forFile(settingsFile(), QProcessEnvironment())->checkInterval(),
                 std::chrono::seconds(30));
    }

    void sendTestDeliversThroughTheUnsavedNtfyFields()
    {
        test::WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        openDialog();
        const QByteArray before = fileBytes(settingsFile());
        type("ntfyServerLineEdit", receiver.url().toString());
        type("ntfyTopicLineEdit", QStringLiteral("trailguard-test"));
        type("ntfyTokenLineEdit", kNtfyToken);
        QSignalSpy finished(child<ui::ChannelSettingsPage>("ntfyPage"),
                            &ui::ChannelSettingsPage::testFinished);

        QPushButton *send = child<QPushButton>("ntfyTestPushButton");
        QTest::mouseClick(send, Qt::LeftButton);
        QLabel *result = child<QLabel>("ntfyTestResultLabel");
        QCOMPARE(result->text(), QStringLiteral("Sending\u2026"));
        QVERIFY(!send->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(result->text(), QStringLiteral("Delivered"), kAsyncMs);
        QVERIFY(send->isEnabled());
        saveArtifact(m_dialog->grab(), QStringLiteral("settings-ntfy-test.png"));
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(0).toBool());

        QCOMPARE(receiver.requests().size(), 1);
        const test::WebhookReceiver::Request &request = receiver.requests().constFirst();
        QCOMPARE(request.json().value(QStringLiteral("topic")).toString(), QStringLiteral("trailguard-test"));
        QCOMPARE(request.json().value(QStringLiteral("title")).toString(),
                 AlertFormatter::test(m_clock.now()).subject);
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer ") + kNtfyToken.toUtf8());
        // The token is known to the log filter; nothing was saved.
        QCOMPARE(m_redactor->redact(kNtfyToken), redactedMarker());
        QCOMPARE(fileBytes(settingsFile()), before);
        QVERIFY(!readSecret(*m_secrets, NtfyConfig::accessTokenSecretKey())->ok());
    }

    void sendTestShowsTheExactReasonOfARefusedConnection()
    {
        test::WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        const QUrl server = receiver.url();
        receiver.close(); // connections to its port are refused from now on

        // What the channel itself says for this failure.
        NtfyConfig config;
        config.server = server;
        config.topic = QStringLiteral("trailguard-test");
        NtfyChannel direct(m_network.get(), config);
        const std::optional<DeliveryResult> expected =
            test::sendAndWait(direct, AlertFormatter::test(m_clock.now()));
        QVERIFY(expected.has_value());
        QVERIFY(expected->outcome != DeliveryResult::Outcome::Delivered);
        QVERIFY2(expected->reason.contains(QStringLiteral("refused")), qPrintable(expected->reason));

        openDialog();
        type("ntfyServerLineEdit", server.toString());
        type("ntfyTopicLineEdit", QStringLiteral("trailguard-test"));
        QSignalSpy finished(child<ui::ChannelSettingsPage>("ntfyPage"),
                            &ui::ChannelSettingsPage::testFinished);
        QTest::mouseClick(child<QPushButton>("ntfyTestPushButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kAsyncMs);
        QVERIFY(!finished.at(0).at(0).toBool());
        QCOMPARE(child<QLabel>("ntfyTestResultLabel")->text(), expected->reason);
    }

    void sendTestWithInvalidFieldsSendsNothingAndSaysWhy()
    {
        openDialog();
        type("ntfyTopicLineEdit", QStringLiteral("my topic"));
        NtfyConfig spaced;
        spaced.topic = QStringLiteral("my topic");
        QTest::mouseClick(child<QPushButton>("ntfyTestPushButton"), Qt::LeftButton);
        QCOMPARE(child<QLabel>("ntfyTestResultLabel")->text(), spaced.validate().error().message);
        // Disabled channel: no inline message, but the test still explains itself.
        QVERIFY(child<QLabel>("ntfyErrorLabel")->isHidden());
        QVERIFY(child<QPushButton>("ntfyTestPushButton")->isEnabled());
    }

    void trayTestShowsATrayMessageOrSaysThereIsNoTray()
    {
        QSystemTrayIcon tray;
        tray.setIcon(QApplication::style()->standardIcon(QStyle::SP_ComputerIcon));
        tray.show();
        const bool available = QSystemTrayIcon::isSystemTrayAvailable() && tray.supportsMessages();
        if (test::inGuiSession())
            QVERIFY(available); // headless-session.sh runs a StatusNotifier tray
        openDialog(true, &tray);
        QTest::mouseClick(child<QPushButton>("trayTestPushButton"), Qt::LeftButton);
        QCOMPARE(child<QLabel>("trayTestResultLabel")->text(),
                 available
                     ? QStringLiteral("Shown by the tray icon")
                     : QStringLiteral("There is no system tray on this desktop to show the message in."));
        delete m_dialog;

        openDialog(true, nullptr);
        QTest::mouseClick(child<QPushButton>("trayTestPushButton"), Qt::LeftButton);
        QCOMPARE(child<QLabel>("trayTestResultLabel")->text(),
                 QStringLiteral("There is no system tray on this desktop to show the message in."));
    }

    void digestAndQuietHoursAreSaved()
    {
        openDialog();
        QSignalSpy saved(m_dialog.data(), &SettingsDialog::settingsSaved);
        check("digestCheckBox");
        child<QTimeEdit>("digestTimeEdit")->setTime(QTime(16, 45));
        child<QDoubleSpinBox>("digestWithinSpinBox")->setValue(3.5);
        check("quietHoursCheckBox");
        child<QTimeEdit>("quietStartTimeEdit")->setTime(QTime(21, 30));
        child<QTimeEdit>("quietEndTimeEdit")->setTime(QTime(6, 15));
        QTest::mouseClick(child<QPushButton>("applyPushButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kAsyncMs);
        const auto reread = Settings::forFile(settingsFile(), QProcessEnvironment());
        const DailyDigest::Options digest = ChannelSettings::digestOptions(*reread);
        QVERIFY(digest.enabled);
        QCOMPARE(digest.at, QTime(16, 45));
        QCOMPARE(digest.withinPercent, 3.5);
        const QuietHours quiet = ChannelSettings::quietHours(*reread);
        QVERIFY(quiet.enabled);
        QCOMPARE(quiet.start, QTime(21, 30));
        QCOMPARE(quiet.end, QTime(6, 15));

        delete m_dialog;
        openDialog(); // and they are shown again
        QVERIFY(child<QCheckBox>("digestCheckBox")->isChecked());
        QCOMPARE(child<QTimeEdit>("quietEndTimeEdit")->time(), QTime(6, 15));
    }

    void escalationPolicyIsCheckedThenSaved()
    {
        openDialog();
        QCOMPARE(child<QLineEdit>("escalationLineEdit")->text(), QString()); // off by default
        QVERIFY(!child<QCheckBox>("escalationMarketHoursCheckBox")->isEnabled());
        const QByteArray before = fileBytes(settingsFile());

        child<QLineEdit>("escalationLineEdit")->setText(QStringLiteral("10m:pager"));
        const QLabel *error = child<QLabel>("escalationErrorLabel");
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(QStringLiteral("\"pager\"")), qPrintable(error->text()));
        QVERIFY2(error->text().contains(QStringLiteral("10m:ntfy-urgent;30m:email,discord")),
                 qPrintable(error->text()));
        QSignalSpy refused(m_dialog.data(), &SettingsDialog::saveFailed);
        QTest::mouseClick(child<QPushButton>("applyPushButton"), Qt::LeftButton);
        QCOMPARE(refused.count(), 1);
        QCOMPARE(fileBytes(settingsFile()), before);

        child<QLineEdit>("escalationLineEdit")->setText(QStringLiteral("10m : ntfy-urgent; 30m:email"));
        QVERIFY(error->isHidden());
        check("escalationMarketHoursCheckBox");
        QSignalSpy saved(m_dialog.data(), &SettingsDialog::settingsSaved);
        QTest::mouseClick(child<QPushButton>("applyPushButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kAsyncMs);
        const auto reread = Settings::forFile(settingsFile(), QProcessEnvironment());
        QCOMPARE(reread->escalationPolicy(), QStringLiteral("10m:ntfy-urgent;30m:email;market-hours"));

        delete m_dialog;
        openDialog(); // shown again, the option on its checkbox
        QCOMPARE(child<QLineEdit>("escalationLineEdit")->text(), QStringLiteral("10m:ntfy-urgent;30m:email"));
        QVERIFY(child<QCheckBox>("escalationMarketHoursCheckBox")->isChecked());
    }

    void startAtLoginWritesAndRemovesTheAutostartEntry()
    {
        openDialog();
        QSignalSpy saved(m_dialog.data(), &SettingsDialog::settingsSaved);
        check("startAtLoginCheckBox");
        QTest::mouseClick(child<QPushButton>("applyPushButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kAsyncMs);
        QVERIFY(fileBytes(autostartFile()).contains("\nExec=trailguard --minimized\n"));

        delete m_dialog;
        openDialog();
        QSignalSpy savedAgain(m_dialog.data(), &SettingsDialog::settingsSaved);
        QVERIFY(child<QCheckBox>("startAtLoginCheckBox")->isChecked());
        uncheck("startAtLoginCheckBox");
        QTest::mouseClick(child<QPushButton>("okPushButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(savedAgain.count(), 1, kAsyncMs);
        QVERIFY(!QFileInfo::exists(autostartFile()));
    }

    void theQuestradeTabFollowsTheConnection()
    {
        openDialog();
        QSignalSpy connectAsked(m_dialog.data(), &SettingsDialog::connectDialogRequested);
        QSignalSpy disconnectAsked(m_dialog.data(), &SettingsDialog::disconnectRequested);
        QPushButton *connectButton = child<QPushButton>("questradeConnectPushButton");
        QPushButton *disconnectButton = child<QPushButton>("questradeDisconnectPushButton");

        m_dialog->setConnectionState(ConnectionState::NotConfigured, QStringLiteral("Connect an account."),
                                     std::nullopt);
        QCOMPARE(child<QLabel>("questradeStateLabel")->text(), QStringLiteral("Not connected"));
        QCOMPARE(child<QLabel>("questradeMessageLabel")->text(), QStringLiteral("Connect an account."));
        QVERIFY(!disconnectButton->isEnabled());
        QCOMPARE(connectButton->text(), QStringLiteral("&Connect\u2026"));

        m_dialog->setConnectionState(ConnectionState::Connected, QString(), BrokerEnvironment::Practice);
        QCOMPARE(child<QLabel>("questradeStateLabel")->text(),
                 QStringLiteral("Connected to a practice account"));
        QVERIFY(disconnectButton->isEnabled());
        child<QTabWidget>("settingsTabWidget")->setCurrentWidget(child<QWidget>("questradePage"));
        saveArtifact(m_dialog->grab(), QStringLiteral("settings-questrade.png"));
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTest::mouseClick(disconnectButton, Qt::LeftButton);
        QCOMPARE(connectAsked.count(), 1);
        QCOMPARE(disconnectAsked.count(), 1);

        m_dialog->setConnectionState(ConnectionState::Connected, QString(), BrokerEnvironment::Live);
        QCOMPARE(child<QLabel>("questradeStateLabel")->text(), QStringLiteral("Connected to a live account"));
    }

    // Settings… (Ctrl+,) and Alert History… (Ctrl+H) from the window.
    void theWindowOpensTheDialogsAndPassesTheSaveOn()
    {
        test::WatchlistFixture fixture;
        const QString error = fixture.open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ui::MainWindow window(fixture.service(), fixture.settings());
        SettingsDialog::Services services;
        services.secrets = m_secrets.get();
        services.test = {m_network.get(), &m_clock, m_redactor.get()};
        services.autostartPath = autostartFile();
        window.setSettingsServices(services);
        window.setAlertHistorySource(
            [] { return [] { return Result<QList<AlertRecord>>(QList<AlertRecord>()); }; },
            [](qint64) { return success(); });
        window.setBrokerEnvironment(BrokerEnvironment::Practice);
        window.setConnectionState(ConnectionState::Connected, QString());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy saved(&window, &ui::MainWindow::settingsSaved);

        QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
        SettingsDialog *dialog = window.settingsDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kAsyncMs);
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("questradeStateLabel"))->text(),
                 QStringLiteral("Connected to a practice account"));

        // Connect… opens the connect dialog over the settings dialog.
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("questradeConnectPushButton")),
                          Qt::LeftButton);
        QVERIFY(window.connectDialog());
        QCOMPARE(window.connectDialog()->parentWidget(), dialog);
        window.connectDialog()->reject();

        dialog->findChild<QDoubleSpinBox *>(QStringLiteral("defaultRatioSpinBox"))->setValue(0.8);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("okPushButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kAsyncMs);
        QTRY_VERIFY(!window.settingsDialog()); // closed and deleted
        QCOMPARE(fixture.settings().defaultRatio().value(), 0.8);
        // New tickers start from the new default ratio.
        QCOMPARE(window.findChild<QDoubleSpinBox *>(QStringLiteral("ratioSpinBox"))->value(), 0.8);

        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_H, Qt::ControlModifier);
        QVERIFY(window.alertHistoryDialog());
        QVERIFY(window.alertHistoryDialog()->isVisible());
        QCOMPARE(window.alertHistoryDialog()->windowModality(), Qt::NonModal);
    }

    // The real keychain: the password lands there and nowhere else.
    void savesSecretsToTheKeychainOnly()
    {
        if (qEnvironmentVariable("TRAILGUARD_IN_SESSION") != QLatin1String("1")) {
            runInHeadlessSession(QStringLiteral("savesSecretsToTheKeychainOnly"));
            return;
        }
        const QString service =
            QStringLiteral("trailguard-test-settings-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString password = QStringLiteral("kc-pass-") + QUuid::createUuid().toString(QUuid::Id128);
        {
            KeychainSecretStore keychain(service);
            openDialog(true, nullptr, &keychain);
            QSignalSpy saved(m_dialog.data(), &SettingsDialog::settingsSaved);
            check("emailEnabledCheckBox");
            type("emailUserLineEdit", QStringLiteral("me@gmail.com"));
            type("emailPasswordLineEdit", password);
            type("emailFromLineEdit", QStringLiteral("me@gmail.com"));
            type("emailToLineEdit", QStringLiteral("you@example.com"));
            type("ntfyTokenLineEdit", kNtfyToken);
            QTest::mouseClick(child<QPushButton>("okPushButton"), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kAsyncMs);
            delete m_dialog;
        }
        // Another store on the same service (as the next run would open) finds it.
        KeychainSecretStore reader(service);
        const auto stored = readSecret(reader, EmailConfig::passwordSecretKey());
        QVERIFY(stored.has_value());
        QVERIFY2(stored->ok(), stored->ok() ? "" : qPrintable(stored->error().message));
        QCOMPARE(stored->value(), password.toUtf8());
        QCOMPARE(readSecret(reader, NtfyConfig::accessTokenSecretKey())->value(), kNtfyToken.toUtf8());
        const QByteArray file = fileBytes(settingsFile());
        QVERIFY(file.contains("me@gmail.com"));
        QVERIFY(!file.contains(password.toUtf8()));
        QVERIFY(!file.contains(kNtfyToken.toUtf8()));
        for (int key = 0; key < 3; ++key)
            removeSecret(reader, secretKeys(key));
        QCOMPARE(readSecret(reader, EmailConfig::passwordSecretKey())->error().code,
                 ErrorCode::SecretNotFound);
    }

private:
    QString settingsFile() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    QString autostartFile() const
    {
        return m_dir->filePath(QStringLiteral("config/autostart/io.github.trailguard.Trailguard.desktop"));
    }

    bool writeSecret(const QString &key, const QByteArray &secret)
    {
        QObject context;
        std::optional<Status> out;
        m_secrets->write(key, secret, &context, [&out](Status status) { out = std::move(status); });
        return QTest::qWaitFor([&out] { return out.has_value(); }, kAsyncMs) && out->ok();
    }

    void openDialog(bool waitForLoad = true, QSystemTrayIcon *tray = nullptr, SecretStore *secrets = nullptr)
    {
        SettingsDialog::Services services;
        services.secrets = secrets ? secrets : m_secrets.get();
        services.test = {m_network.get(), &m_clock, m_redactor.get()};
        services.tray = tray;
        services.autostartPath = autostartFile();
        m_dialog = new SettingsDialog(*m_settings, services, m_parent.get());
        m_dialog->open();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
        if (waitForLoad)
            QTRY_VERIFY_WITH_TIMEOUT(m_dialog->isLoaded(), kAsyncMs);
    }

    template <typename T>
    T *child(const QString &name) const
    {
        T *found = m_dialog->findChild<T *>(name);
        if (!found)
            qFatal("no child %s", qPrintable(name));
        return found;
    }
    template <typename T>
    T *child(const char *name) const
    {
        return child<T>(QLatin1String(name));
    }

    // Typed like a user: the field's text is replaced.
    void type(const char *lineEdit, const QString &text)
    {
        QLineEdit *field = child<QLineEdit>(lineEdit);
        child<QTabWidget>("settingsTabWidget")->setCurrentWidget(field->parentWidget());
        field->setFocus();
        field->selectAll();
        QTest::keyClicks(field, text);
        QCOMPARE(field->text(), text);
    }
    void check(const char *checkBox) { child<QCheckBox>(checkBox)->setChecked(true); }
    void uncheck(const char *checkBox) { child<QCheckBox>(checkBox)->setChecked(false); }
    void select(const char *comboBox, int data)
    {
        QComboBox *combo = child<QComboBox>(comboBox);
        combo->setCurrentIndex(combo->findData(data));
        QCOMPARE(combo->currentData().toInt(), data);
    }

    // Runs one test function of this executable inside scripts/headless-session.sh.
    void runInHeadlessSession(const QString &function)
    {
        const QString script = QFINDTESTDATA("../../scripts/headless-session.sh");
        QVERIFY2(!script.isEmpty(), "scripts/headless-session.sh not found");
        QProcess child;
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QStringLiteral("bash"), {script, QCoreApplication::applicationFilePath(), function});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        const bool finished =
            QTest::qWaitFor([&child] { return child.state() == QProcess::NotRunning; }, 4 * kAsyncMs);
        if (!finished)
            child.kill();
        const QByteArray output = child.readAll();
        QVERIFY2(finished, output.constData());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("Totals: 3 passed, 0 failed"),
                 output.constData()); // init/cleanupTestCase + it
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SecretRedactor> m_redactor;
    ManualClock m_clock{test::toronto(2026, 3, 9, 10, 0)};
    std::unique_ptr<QWidget> m_parent;
    QPointer<SettingsDialog> m_dialog;
};

TRAILGUARD_GUI_TEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
