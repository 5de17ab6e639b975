// The Telegram settings page against the fake Bot API server on loopback: "Check bot" (getMe), "Send test"
// through the unsaved fields, the validation message, and saving the token to the secret store only.
#include "GuiTestMain.h"

#include "TelegramSettingsPage.h"

#include "alerts/ChannelSettings.h"
#include "fakes/FakeTelegramBotApi.h"
#include "secrets/MemorySecretStore.h"
#include "settings/Settings.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace trailguard;
using trailguard::test::FakeTelegramBotApi;
using trailguard::ui::TelegramSettingsPage;

namespace {
const QByteArray kToken = QByteArrayLiteral("13579:SettingsPageTestToken_abcdefghij");
}

class TestTelegramSettingsPage : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakeTelegramBotApi> m_api;
    QNetworkAccessManager m_network;
    std::unique_ptr<TelegramSettingsPage> m_page;

    template <typename T>
    T *child(const char *name) const
    {
        return m_page->findChild<T *>(QString::fromLatin1(name));
    }
    void fill(const QString &token, const QString &chat)
    {
        child<QCheckBox>("telegramEnabledCheckBox")->setChecked(true);
        child<QLineEdit>("telegramTokenLineEdit")->setText(token);
        child<QLineEdit>("telegramChatLineEdit")->setText(chat);
        child<QLineEdit>("telegramApiLineEdit")->setText(m_api->url().toString());
    }

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<FakeTelegramBotApi>(kToken);
        QVERIFY(m_api->listen());
        m_page =
            std::make_unique<TelegramSettingsPage>(ui::ChannelTestServices{&m_network, nullptr, nullptr});
    }
    void cleanup()
    {
        m_page.reset();
        m_api.reset();
    }

    void checkBotSaysItsName()
    {
        fill(QString::fromLatin1(kToken), QStringLiteral("42"));
        QCOMPARE(child<QLineEdit>("telegramTokenLineEdit")->echoMode(), QLineEdit::Password);
        QSignalSpy finished(m_page.get(), &TelegramSettingsPage::checkFinished);
        QTest::mouseClick(child<QPushButton>("telegramCheckPushButton"), Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(child<QLabel>("telegramCheckLabel")->text(),
                 QStringLiteral("Connected to @trailguard_test_bot"));
        QCOMPARE(m_api->callCount(QStringLiteral("getMe")), 1);
    }

    void checkBotWithAWrongTokenSaysWhatToDo()
    {
        fill(QStringLiteral("13579:SomeOtherTokenEntirely_0000000"), QStringLiteral("42"));
        QSignalSpy finished(m_page.get(), &TelegramSettingsPage::checkFinished);
        m_page->checkBot();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(m_page->checkResult().contains(QStringLiteral("@BotFather")),
                 qPrintable(m_page->checkResult()));
        QVERIFY(!m_page->checkResult().contains(QStringLiteral("SomeOtherToken")));
    }

    void sendTestGoesToTheChat()
    {
        fill(QString::fromLatin1(kToken), QStringLiteral("-100123"));
        QSignalSpy finished(m_page.get(), &ui::ChannelSettingsPage::testFinished);
        QTest::mouseClick(child<QPushButton>("telegramTestPushButton"), Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(m_api->calls(QStringLiteral("sendMessage"))
                     .first()
                     .params.value(QLatin1String("chat_id"))
                     .toInteger(),
                 -100123);
    }

    void invalidChatIsExplained()
    {
        fill(QString::fromLatin1(kToken), QStringLiteral("my chat"));
        QVERIFY(!m_page->validate().ok());
        QVERIFY2(m_page->errorMessage().contains(QStringLiteral("chat id")),
                 qPrintable(m_page->errorMessage()));
    }

    void savesTheTokenInTheSecretStoreOnly()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        auto settings = Settings::forFile(file);
        MemorySecretStore secrets;
        fill(QString::fromLatin1(kToken), QStringLiteral("@trailguard_alerts"));
        ChannelSettingsData data;
        m_page->store(data);
        std::optional<Status> saved;
        ChannelSettings::save(data, *settings, secrets, m_page.get(),
                              [&saved](Status status) { saved = status; });
        QTRY_VERIFY(saved.has_value());
        QVERIFY(saved->ok());
        settings->sync();
        QFile ini(file);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray written = ini.readAll();
        QVERIFY(written.contains("@trailguard_alerts"));
        QVERIFY(!written.contains(kToken));

        std::optional<Result<ChannelSettingsData>> loaded;
        ChannelSettings::load(*settings, secrets, m_page.get(),
                              [&loaded](Result<ChannelSettingsData> result) { loaded = std::move(result); });
        QTRY_VERIFY(loaded.has_value());
        QVERIFY(loaded->ok());
        QVERIFY(loaded->value().telegramEnabled);
        QCOMPARE(loaded->value().telegram.botToken, kToken);
        QCOMPARE(loaded->value().telegram.apiUrl, m_api->url());
        TelegramSettingsPage other(ui::ChannelTestServices{&m_network, nullptr, nullptr});
        other.load(loaded->value());
        QCOMPARE(other.findChild<QLineEdit *>(QStringLiteral("telegramChatLineEdit"))->text(),
                 QStringLiteral("@trailguard_alerts"));
    }
};

TRAILGUARD_GUI_TEST_MAIN(TestTelegramSettingsPage)
#include "tst_telegramsettingspage.moc"
