// The window and the tray joined to the real core by bindToCore, as main.cpp does: QuestradeAuth and
// QuestradeClient talk HTTP to the fake Questrade server on loopback, the Monitor runs real cycles over a
// SQLite watchlist. The user connects through the dialog, checks, sees a breach, loses the connection
// and reconnects, all with clicks and keys.

#include "GuiTestMain.h"
#include "WatchlistFixture.h"

#include "ConnectDialog.h"
#include "CoreBinding.h"
#include "MainWindow.h"
#include "StatusPanel.h"
#include "TrayIcon.h"
#include "WatchlistModel.h"

#include "broker/QuestradeAuth.h"
#include "broker/QuestradeClient.h"
#include "broker/RateLimiter.h"
#include "fakes/TestQuestradeServer.h"
#include "monitor/Monitor.h"
#include "secrets/MemorySecretStore.h"

#include <QAbstractItemView>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QStatusBar>

using namespace trailguard;
using trailguard::ui::ConnectDialog;
using trailguard::ui::MainWindow;
using trailguard::ui::TrayIcon;
using trailguard::ui::WatchlistModel;

namespace {
constexpr qint64 kShopId = 1001;
constexpr int kNetworkWaitMs = 10000;
} // namespace

class TestCoreBinding : public QObject {
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
        m_fixture = std::make_unique<test::WatchlistFixture>();
        const QString error = m_fixture->open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Peak 106.00, stop 95.40; the server's price of 92.10 is a breach.
        QVERIFY(!m_fixture->seed(QStringLiteral("SHOP.TO"), 0.9, {106.0}).ticker.isEmpty());

        m_server = std::make_unique<test::TestQuestradeServer>();
        QVERIFY(m_server->listen());
        m_server->addSymbol({QStringLiteral("SHOP.TO"), kShopId, QStringLiteral("CAD"), QStringLiteral("TSX"),
                             QStringLiteral("Shopify Inc.")});
        m_server->setPrice(kShopId, 92.10);

        m_network = std::make_unique<QNetworkAccessManager>();
        m_store = std::make_unique<MemorySecretStore>();
        QuestradeAuth::Options authOptions;
        authOptions.loginUrlOverride = m_server->loginUrl().toString();
        m_auth = std::make_unique<QuestradeAuth>(m_network.get(), *m_store, m_clock, authOptions);
        m_limiter = std::make_unique<RateLimiter>(m_clock);
        QuestradeClient::Options clientOptions;
        clientOptions.maxRetries = 1;
        clientOptions.retryBaseDelay = std::chrono::milliseconds(10);
        m_client = std::make_unique<QuestradeClient>(m_network.get(), *m_auth, *m_limiter, clientOptions);
        m_monitor = std::make_unique<Monitor>(m_fixture->service(), *m_client, m_clock);

        m_window = std::make_unique<MainWindow>(m_fixture->service(), m_fixture->settings());
        m_tray = std::make_unique<TrayIcon>(*m_window);
        // main.cpp's order: start the auth (it says Connecting while it loads), then bind.
        m_auth->start();
        ui::bindToCore(*m_window, *m_auth, *m_monitor);
        QVERIFY(activateWindow());
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
        m_server.reset();
        m_fixture.reset();
    }

    void connectCheckBreachLoseAndReconnect()
    {
        // No stored token: the window offers to connect.
        QFrame *banner = child<QFrame>("connectionBannerFrame");
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(m_window->connectionState(), std::optional(ConnectionState::NotConfigured));
        QCOMPARE(m_tray->toolTip(), QStringLiteral("Trailguard \u2014 No Questrade account connected"));

        connectThroughTheDialog(banner->findChild<QPushButton *>(QStringLiteral("connectPushButton")));
        QCOMPARE(m_auth->exchangeCount(), 1);
        QVERIFY(banner->isHidden());
        QCOMPARE(child<QLabel>("connectionStateLabel")->text(), QStringLiteral("Questrade: connected"));

        // F5: one real cycle resolves SHOP.TO, fetches 92.10 and finds the breach.
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(m_monitor->lastCheck().isValid(), kNetworkWaitMs);
        QVERIFY2(m_monitor->lastReport().ok, qPrintable(m_monitor->lastReport().error));
        QCOMPARE(child<QLabel>("lastCheckLabel")->text(),
                 QStringLiteral("Last check: %1").arg(ui::StatusPanel::shortTime(m_monitor->lastCheck())));
        QVERIFY(child<QAction>("checkNowAction")->isEnabled());
        QVERIFY(child<QLabel>("lastErrorLabel")->isHidden());
        QCOMPARE(m_window->statusBar()->currentMessage(),
                 QStringLiteral("Stop-loss breach: SHOP.TO \u2014 92.10 < stop 95.40 (peak 106.00)"));
        QCOMPARE(cell(WatchlistModel::Column::LastPrice), QStringLiteral("92.10"));
        QVERIFY(cell(WatchlistModel::Column::DistanceToStop).endsWith(QStringLiteral("below stop")));
        QVERIFY(
            m_tray->toolTip().startsWith(QStringLiteral("Trailguard \u2014 watching 1 ticker, last check ")));

        // Questrade revokes everything: the next check fails and the window asks to reconnect.
        m_server->revokeAll();
        m_server->expireAccessTokens();
        child<QAction>("checkNowAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kNetworkWaitMs);
        QCOMPARE(m_window->connectionState(), std::optional(ConnectionState::Disconnected));
        QPushButton *reconnect = banner->findChild<QPushButton *>(QStringLiteral("connectPushButton"));
        QCOMPARE(reconnect->text(), QStringLiteral("&Reconnect\u2026"));
        QVERIFY(banner->findChild<QLabel *>(QStringLiteral("bannerMessageLabel"))
                    ->text()
                    .contains(m_auth->stateMessage().toHtmlEscaped()));
        QTRY_VERIFY_WITH_TIMEOUT(!m_monitor->isCycleRunning(), kNetworkWaitMs);
        QVERIFY(!m_monitor->lastReport().ok);
        QVERIFY(child<QLabel>("lastErrorLabel")->isVisible());
        QCOMPARE(child<QLabel>("lastErrorLabel")->toolTip(),
                 QStringLiteral("Last check failed: %1").arg(m_monitor->lastReport().error));
        QCOMPARE(m_tray->toolTip().section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("Trailguard \u2014 Disconnected: reconnect needed"));

        connectThroughTheDialog(reconnect);
        QVERIFY(banner->isHidden());
        QCOMPARE(m_auth->state(), ConnectionState::Connected);
    }

    // Stopping the monitor in the middle of a cycle drops it without cycleFinished; the window must not
    // keep saying "Checking…" with Check Now off.
    void stoppingTheMonitorMidCycleEndsChecking()
    {
        QFrame *banner = child<QFrame>("connectionBannerFrame");
        QTRY_VERIFY(banner->isVisible());
        connectThroughTheDialog(banner->findChild<QPushButton *>(QStringLiteral("connectPushButton")));
        m_server->setResponseDelay(500); // keeps the first cycle on the network for a while
        m_monitor->start();
        QTRY_VERIFY(m_window->isCycleRunning());
        QVERIFY(m_monitor->isCycleRunning());
        QCOMPARE(child<QLabel>("lastCheckLabel")->text(), QStringLiteral("Checking\u2026"));
        QVERIFY(!child<QAction>("checkNowAction")->isEnabled());

        m_monitor->stop();
        QVERIFY(!m_window->isCycleRunning());
        QVERIFY(child<QAction>("checkNowAction")->isEnabled());
        QCOMPARE(child<QLabel>("lastCheckLabel")->text(), QStringLiteral("Last check: not yet"));
        QVERIFY(child<QLabel>("nextCheckLabel")->isHidden());
    }

    void disconnectingForgetsTheAccount()
    {
        QFrame *banner = child<QFrame>("connectionBannerFrame");
        QTRY_VERIFY(banner->isVisible());
        connectThroughTheDialog(banner->findChild<QPushButton *>(QStringLiteral("connectPushButton")));

        child<QAction>("disconnectAction")->trigger();
        QPointer<QMessageBox> box =
            m_window->findChild<QMessageBox *>(QStringLiteral("disconnectMessageBox"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("disconnectPushButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(m_auth->state(), ConnectionState::NotConfigured);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->findChild<QPushButton *>(QStringLiteral("connectPushButton"))->text(),
                 QStringLiteral("&Connect\u2026"));
        QVERIFY(!child<QAction>("disconnectAction")->isEnabled());
    }

    void aRefusedTokenStaysInTheDialog()
    {
        QFrame *banner = child<QFrame>("connectionBannerFrame");
        QTRY_VERIFY(banner->isVisible());
        QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("connectPushButton")),
                          Qt::LeftButton);
        QPointer<ConnectDialog> dialog = m_window->connectDialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenLineEdit")),
                         QStringLiteral("NeverIssued123"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("connectPushButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isWaiting(), kNetworkWaitMs);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->message(), m_auth->stateMessage());
        QVERIFY(!dialog->message().isEmpty());
        QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("tokenLineEdit"))->text().isEmpty());
        QCOMPARE(m_auth->exchangeCount(), 0);
    }

private:
    // Opens the dialog with `button`, pastes a token the server issued, picks Practice, connects, and
    // waits for the dialog to close itself.
    void connectThroughTheDialog(QPushButton *button)
    {
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QPointer<ConnectDialog> dialog = m_window->connectDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenLineEdit")),
                         QString::fromLatin1(m_server->issueRefreshToken()));
        QTest::mouseClick(dialog->findChild<QRadioButton *>(QStringLiteral("practiceRadioButton")),
                          Qt::LeftButton);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("connectPushButton")),
                          Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.isNull(), qPrintable(m_auth->stateMessage()), kNetworkWaitMs);
        QCOMPARE(m_auth->state(), ConnectionState::Connected);
        QCOMPARE(m_auth->environment(), BrokerEnvironment::Practice);
        // Xvfb has no window manager to give the focus back once the dialog is gone.
        QVERIFY(activateWindow());
    }

    [[nodiscard]] bool activateWindow()
    {
        m_window->show();
        m_window->activateWindow();
        return QTest::qWaitForWindowExposed(m_window.get()) && QTest::qWaitForWindowActive(m_window.get());
    }

    QString cell(WatchlistModel::Column column) const
    {
        const auto *table = child<QAbstractItemView>("watchlistTableView");
        return table->model()->index(0, WatchlistModel::column(column)).data().toString();
    }

    template <typename T>
    T *child(const char *name) const
    {
        T *found = m_window->findChild<T *>(QLatin1String(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    SystemClock m_clock;
    std::unique_ptr<test::WatchlistFixture> m_fixture;
    std::unique_ptr<test::TestQuestradeServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<QuestradeAuth> m_auth;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<QuestradeClient> m_client;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;
};

TRAILGUARD_GUI_TEST_MAIN(TestCoreBinding)
#include "tst_corebinding.moc"
