// The first-run welcome, driven end to end like a user against the demo market: the window is joined to
// the real core (QuestradeAuth and the Monitor over HTTP to the simulated market on loopback, a SQLite
// watchlist, settings in an INI file), the welcome opens from Help > Welcome… (F1), and its steps add a
// ticker, save the default ratio and set up ntfy with a "Send test" that reaches a loopback receiver.
// The main window stays usable throughout; every step can be skipped.

#include "GuiTestMain.h"
#include "WatchlistFixture.h"
#include "WebhookReceiver.h"

#include "ChannelSettingsPage.h"
#include "CoreBinding.h"
#include "MainWindow.h"
#include "RatioSpinBox.h"
#include "TrayIcon.h"
#include "welcome/WelcomeWizard.h"

#include "alerts/webhooks/NtfyConfig.h"
#include "broker/QuestradeAuth.h"
#include "broker/QuestradeClient.h"
#include "broker/RateLimiter.h"
#include "demo/FakeQuestradeServer.h"
#include "demo/SimulatedMarket.h"
#include "monitor/Monitor.h"
#include "secrets/MemorySecretStore.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace trailguard;
using trailguard::ui::MainWindow;
using trailguard::ui::WelcomeWizard;

namespace {
constexpr int kAsyncMs = 10'000;
} // namespace

class TestWelcomeFlow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Canada));
    }

    void init()
    {
        m_fixture = std::make_unique<test::WatchlistFixture>();
        const QString error = m_fixture->open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_market = std::make_unique<SimulatedMarket>();
        QVERIFY(m_market->start());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_store = std::make_unique<MemorySecretStore>();
        QuestradeAuth::Options authOptions;
        authOptions.loginUrlOverride = m_market->server()->loginUrl().toString();
        m_auth = std::make_unique<QuestradeAuth>(m_network.get(), *m_store, m_fixture->clock(), authOptions);
        m_limiter = std::make_unique<RateLimiter>(m_fixture->clock());
        m_client = std::make_unique<QuestradeClient>(m_network.get(), *m_auth, *m_limiter,
                                                     QuestradeClient::Options{});
        m_monitor = std::make_unique<Monitor>(m_fixture->service(), *m_client, m_fixture->clock());

        m_window = std::make_unique<MainWindow>(m_fixture->service(), m_fixture->settings());
        m_tray = std::make_unique<ui::TrayIcon>(*m_window);
        m_window->setDemoMode(true);
        ui::SettingsDialog::Services services;
        services.secrets = m_store.get();
        services.test = {m_network.get(), &m_fixture->clock(), nullptr};
        services.tray = m_tray.get();
        m_window->setSettingsServices(services);
        m_auth->start();
        ui::bindToCore(*m_window, *m_auth, *m_monitor);
        // As DesktopSession does for --demo: the demo market's own token, a practice account.
        m_auth->connectWithRefreshToken(m_market->server()->issueRefreshToken(), BrokerEnvironment::Practice);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionState(), std::optional(ConnectionState::Connected),
                                  kAsyncMs);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_tray.reset();
        m_window.reset();
        m_monitor.reset();
        m_client.reset();
        m_limiter.reset();
        m_auth.reset();
        m_store.reset();
        m_network.reset();
        m_market.reset();
        m_fixture.reset();
    }

    void welcomeGuardsAWatchlistEndToEnd()
    {
        QVERIFY(!m_fixture->settings().welcomeShown());
        WelcomeWizard *welcome = openWithF1();
        QVERIFY(m_fixture->settings().welcomeShown());
        // Never modal: the watchlist window takes input beside it.
        QCOMPARE(QApplication::activeModalWidget(), nullptr);
        QCOMPARE(welcome->windowModality(), Qt::NonModal);
        QVERIFY(m_window->isEnabled());

        // 1. Account: the demo market is connected; nothing to do.
        QCOMPARE(welcome->currentId(), int(WelcomeWizard::AccountPage));
        QVERIFY(!child<QAbstractButton>(welcome, "welcomeDemoPushButton")->isVisible());
        QTRY_COMPARE(child<QLabel>(welcome, "accountStatusLabel")->text(),
                     QStringLiteral("Connected to the demo market."));
        next(welcome);

        // 2. Tickers: no import hook, so no Import button; the add form adds to the real watchlist.
        QCOMPARE(welcome->currentId(), int(WelcomeWizard::TickersPage));
        QVERIFY(!child<QAbstractButton>(welcome, "importPositionsPushButton")->isVisible());
        const QString ticker = SimulatedMarket::tickers().constFirst();
        QWidget *page = welcome->currentPage();
        auto *tickerField = page->findChild<QLineEdit *>(QStringLiteral("tickerLineEdit"));
        QVERIFY(tickerField);
        tickerField->setFocus();
        QTest::keyClicks(tickerField, ticker.toLower());
        QTest::keyClick(tickerField, Qt::Key_Return);
        QTRY_VERIFY(m_fixture->stored(ticker).has_value());
        QCOMPARE(child<QListWidget>(welcome, "welcomeTickerListWidget")->count(), 1);
        QCOMPARE(child<QListWidget>(welcome, "welcomeTickerListWidget")->item(0)->text(), ticker);
        QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("tickerCountLabel"))->text(),
                 QStringLiteral("Tickers: 1"));
        next(welcome);

        // 3. Ratio: saved on Next; the window's add form follows.
        QCOMPARE(welcome->currentId(), int(WelcomeWizard::RatioPage));
        QSignalSpy saved(m_window.get(), &MainWindow::settingsSaved);
        child<ui::RatioSpinBox>(welcome, "welcomeRatioSpinBox")->setValue(0.85);
        next(welcome);
        QCOMPARE(m_fixture->settings().defaultRatio().value(), 0.85);
        QCOMPARE(saved.count(), 1);
        const auto *formRatio = m_window->findChild<QWidget *>(QStringLiteral("addTickerForm"))
                                    ->findChild<ui::RatioSpinBox *>(QStringLiteral("ratioSpinBox"));
        QCOMPARE(formRatio->value(), 0.85);

        // 4. Alerts: ntfy to a loopback receiver, "Send test", then Next saves it.
        QCOMPARE(welcome->currentId(), int(WelcomeWizard::AlertPage));
        test::WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        auto *channel = child<QComboBox>(welcome, "welcomeChannelComboBox");
        channel->setCurrentIndex(channel->findText(QStringLiteral("ntfy")));
        QTRY_VERIFY(child<QWidget>(welcome, "ntfyPage")->isEnabled()); // the saved settings were read
        QVERIFY(child<QWidget>(welcome, "ntfyPage")->isVisible());
        type(welcome, "ntfyServerLineEdit", receiver.url().toString());
        type(welcome, "ntfyTopicLineEdit", QStringLiteral("trailguard-welcome"));
        // "Send test" works on the fields as they are, before anything is saved.
        auto *ntfyEnabled = child<QAbstractButton>(welcome, "ntfyEnabledCheckBox");
        if (!ntfyEnabled->isChecked())
            QTest::mouseClick(ntfyEnabled, Qt::LeftButton);
        QTest::mouseClick(child<QAbstractButton>(welcome, "ntfyTestPushButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(welcome, "ntfyTestResultLabel")->text(),
                                  QStringLiteral("Delivered"), kAsyncMs);
        QCOMPARE(receiver.requests().size(), 1);
        QCOMPARE(receiver.requests().constFirst().json().value(QStringLiteral("topic")).toString(),
                 QStringLiteral("trailguard-welcome"));
        next(welcome);
        QTRY_COMPARE_WITH_TIMEOUT(welcome->alertStatus(), QStringLiteral("Saved."), kAsyncMs);
        QCOMPARE(saved.count(), 2);
        QVERIFY(m_fixture->settings().ntfyEnabled());
        std::optional<Result<QByteArray>> topic; // a secret: on ntfy.sh the topic is a password
        m_store->read(NtfyConfig::topicSecretKey(), this, [&](Result<QByteArray> stored) { topic = stored; });
        QTRY_VERIFY(topic.has_value());
        QVERIFY(topic->ok());
        QCOMPARE(topic->value(), QByteArrayLiteral("trailguard-welcome"));

        // 5. Done: the summary says what was set up; Finish closes it.
        QCOMPARE(welcome->currentId(), int(WelcomeWizard::DonePage));
        const QString summary = child<QLabel>(welcome, "welcomeSummaryLabel")->text();
        QVERIFY2(summary.contains(QStringLiteral("Watching 1 ticker")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("0.85")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("ntfy")), qPrintable(summary));
        QPointer<WelcomeWizard> guard(welcome);
        QTest::mouseClick(welcome->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY(guard.isNull()); // closed and deleted

        // The guarded watchlist works: a check reads the demo market's price for the new ticker.
        QAction *checkNow = m_window->findChild<QAction *>(QStringLiteral("checkNowAction"));
        QVERIFY(checkNow && checkNow->shortcut() == QKeySequence(Qt::Key_F5));
        checkNow->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture->stored(ticker) && m_fixture->stored(ticker)->lastPrice, kAsyncMs);
        QCOMPARE(m_fixture->stored(ticker)->ratio, 0.9); // added before the default changed
    }

    // A new user connects from the welcome's first step: the step, the banner and the status bar all
    // follow the connection as it becomes connected, without reopening anything.
    void connectingFromTheWelcomeShowsTheAccountConnected()
    {
        m_auth->disconnectAccount();
        QTRY_COMPARE(m_window->connectionState(), std::optional(ConnectionState::NotConfigured));
        WelcomeWizard *welcome = openWithF1();
        auto *status = child<QLabel>(welcome, "accountStatusLabel");
        // In the demo without an account the step speaks of the demo, whatever came first.
        QVERIFY2(status->text().startsWith(QStringLiteral("You are trying the demo market")),
                 qPrintable(status->text()));
        m_window->setDemoMode(false); // a real account, as a new user has
        QCOMPARE(status->text(), QStringLiteral("No account is connected yet."));
        auto *banner = child<QWidget>(m_window.get(), "connectionBannerFrame");
        QVERIFY(banner->isVisible());

        QTest::mouseClick(child<QAbstractButton>(welcome, "welcomeConnectPushButton"), Qt::LeftButton);
        QWidget *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<QWidget *>(QStringLiteral("connectDialog"))) != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        type(dialog, "tokenLineEdit", QString::fromLatin1(m_market->server()->issueRefreshToken()));
        QTest::mouseClick(child<QAbstractButton>(dialog, "practiceRadioButton"), Qt::LeftButton);
        QTest::mouseClick(child<QAbstractButton>(dialog, "connectPushButton"), Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionState(), std::optional(ConnectionState::Connected),
                                  kAsyncMs);
        QTRY_COMPARE(status->text(), QStringLiteral("Your account is connected."));
        QTRY_VERIFY(!banner->isVisible());
        QCOMPARE(child<QLabel>(m_window.get(), "connectionStateLabel")->text(),
                 QStringLiteral("Questrade: connected"));
        next(welcome);
        QCOMPARE(welcome->currentId(), int(WelcomeWizard::TickersPage));
    }

    void everyStepCanBeSkipped()
    {
        WelcomeWizard *welcome = openWithF1();
        const Result<double> ratioBefore = m_fixture->settings().defaultRatio();
        for (int id : {WelcomeWizard::TickersPage, WelcomeWizard::RatioPage, WelcomeWizard::AlertPage,
                       WelcomeWizard::DonePage}) {
            QAbstractButton *skip = welcome->button(QWizard::CustomButton1);
            QVERIFY(skip->isVisible());
            QTest::mouseClick(skip, Qt::LeftButton);
            QCOMPARE(welcome->currentId(), id);
        }
        QVERIFY(!welcome->button(QWizard::CustomButton1)->isVisible());
        // Skipping the ratio and alert steps saved nothing, even with changed fields.
        QCOMPARE(m_fixture->settings().defaultRatio().value(), ratioBefore.value());
        QVERIFY(!m_fixture->settings().ntfyEnabled());
        QCOMPARE(m_fixture->storedCount(), 0);
        // Closing early is fine too, and Help > Welcome… opens it again at the start.
        welcome->close();
        welcome = openWithF1();
        QCOMPARE(welcome->currentId(), int(WelcomeWizard::AccountPage));
    }

    // Help > Welcome… right after closing the welcome, before its deferred delete has run, opens one that
    // stays. The window used to hand back the closing wizard: shown again, then deleted a moment later
    // (nothing on screen; the test above crashed on it about one run in twenty).
    void reopensRightAfterClosing()
    {
        QAction *welcomeAction = m_window->findChild<QAction *>(QStringLiteral("welcomeAction"));
        QVERIFY(welcomeAction);
        welcomeAction->trigger();
        QPointer<WelcomeWizard> first = m_window->welcomeWizard();
        QVERIFY(first);
        first->close();
        welcomeAction->trigger();
        QPointer<WelcomeWizard> second = m_window->welcomeWizard();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(first.isNull());
        QVERIFY(second);
        QVERIFY(second->isVisible());
        QCOMPARE(second->currentId(), int(WelcomeWizard::AccountPage));
    }

    void skippedRatioKeepsTheOldOne()
    {
        WelcomeWizard *welcome = openWithF1();
        next(welcome);
        next(welcome);
        child<ui::RatioSpinBox>(welcome, "welcomeRatioSpinBox")->setValue(0.7);
        QTest::mouseClick(welcome->button(QWizard::CustomButton1), Qt::LeftButton);
        QCOMPARE(welcome->currentId(), int(WelcomeWizard::AlertPage));
        QCOMPARE(m_fixture->settings().defaultRatio().value(), 0.9);
    }

    void importPositionsOnlyWithAHook()
    {
        int imports = 0;
        m_window->setImportPositionsHook([&imports] { ++imports; });
        WelcomeWizard *welcome = openWithF1();
        next(welcome);
        auto *import = child<QAbstractButton>(welcome, "importPositionsPushButton");
        QVERIFY(import->isVisible());
        QTest::mouseClick(import, Qt::LeftButton);
        QCOMPARE(imports, 1);
    }

    void demoButtonAsksForTheDemoAndMovesOn()
    {
        m_window->setDemoMode(false);
        WelcomeWizard *welcome = openWithF1();
        QSignalSpy demo(m_window.get(), &MainWindow::demoRequested);
        auto *button = child<QAbstractButton>(welcome, "welcomeDemoPushButton");
        QVERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(demo.count(), 1);
        QCOMPARE(welcome->currentId(), int(WelcomeWizard::TickersPage));
    }

    void invalidChannelStaysOnTheStep()
    {
        WelcomeWizard *welcome = openWithF1();
        for (int i = 0; i < 3; ++i)
            next(welcome);
        QCOMPARE(welcome->currentId(), int(WelcomeWizard::AlertPage));
        auto *channel = child<QComboBox>(welcome, "welcomeChannelComboBox");
        channel->setCurrentIndex(channel->findText(QStringLiteral("Discord")));
        QTRY_VERIFY(child<QWidget>(welcome, "discordPage")->isEnabled());
        next(welcome); // an empty webhook URL is not a channel
        QCOMPARE(welcome->currentId(), int(WelcomeWizard::AlertPage));
        QVERIFY2(welcome->alertStatus().contains(QStringLiteral("Skip This Step")),
                 qPrintable(welcome->alertStatus()));
        QVERIFY(!m_fixture->settings().discordEnabled());
    }

private:
    WelcomeWizard *openWithF1()
    {
        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get()))
            qWarning("the window is not active; using the action");
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        if (!m_window->welcomeWizard())
            m_window->findChild<QAction *>(QStringLiteral("welcomeAction"))->trigger();
        WelcomeWizard *welcome = m_window->welcomeWizard();
        if (welcome && !QTest::qWaitForWindowExposed(welcome))
            qWarning("the welcome was not exposed");
        return welcome;
    }

    static void next(WelcomeWizard *welcome)
    {
        QTest::mouseClick(welcome->button(QWizard::NextButton), Qt::LeftButton);
    }

    template <typename T>
    static T *child(QWidget *parent, const char *name)
    {
        T *found = parent->findChild<T *>(QLatin1String(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    static void type(QWidget *parent, const char *name, const QString &text)
    {
        auto *field = child<QLineEdit>(parent, name);
        field->setFocus();
        field->selectAll();
        QTest::keyClicks(field, text);
    }

    std::unique_ptr<test::WatchlistFixture> m_fixture;
    std::unique_ptr<SimulatedMarket> m_market;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<QuestradeAuth> m_auth;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<QuestradeClient> m_client;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ui::TrayIcon> m_tray;
};

TRAILGUARD_GUI_TEST_MAIN(TestWelcomeFlow)
#include "tst_welcomeflow.moc"
