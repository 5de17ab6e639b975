#include "GuiTestMain.h"
#include "WatchlistFixture.h"

#include "MainWindow.h"
#include "TrayIcon.h"

#include "monitor/Monitor.h"

#include <QAction>
#include <QMenu>
#include <QStandardPaths>
#include <QTimer>

using namespace trailguard;
using trailguard::ui::MainWindow;
using trailguard::ui::TrayIcon;

namespace {
constexpr int kGuardMs = 5000;
constexpr int kStillRunningExitCode = 7;

// Counts the Quit events the application receives: both quit() and the automatic last-window quit send one.
class QuitEventCounter : public QObject {
public:
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == qApp && event->type() == QEvent::Quit)
            ++count;
        return false;
    }
};

} // namespace

class TestTrayIcon : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/trailguard.svg")));
        QVERIFY(!QApplication::windowIcon().isNull());
        qInfo() << "platform:" << QGuiApplication::platformName()
                << "tray:" << QSystemTrayIcon::isSystemTrayAvailable();
    }

    void init()
    {
        m_fixture = std::make_unique<test::WatchlistFixture>();
        const QString error = m_fixture->open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_window = std::make_unique<MainWindow>(m_fixture->service(), m_fixture->settings());
        m_tray = std::make_unique<TrayIcon>(*m_window);
    }

    void cleanup()
    {
        m_tray.reset();
        m_window.reset();
        m_fixture.reset();
        QApplication::setQuitOnLastWindowClosed(true);
    }

    void isShownExactlyWhenATrayExists()
    {
        QCOMPARE(m_tray->isAvailable(), QSystemTrayIcon::isSystemTrayAvailable());
        QCOMPARE(m_tray->isVisible(), m_tray->isAvailable());
        if (test::inGuiSession()) // headless-session.sh runs a StatusNotifier tray
            QVERIFY(m_tray->isAvailable());
        else if (QGuiApplication::platformName() == QLatin1String("offscreen"))
            QVERIFY(!m_tray->isAvailable());
        QVERIFY(!m_tray->icon().isNull());
    }

    void menuShowsOrHidesTheWindow()
    {
        QMenu *menu = m_tray->contextMenu();
        QVERIFY(menu);
        QAction *toggle = findAction(menu, "toggleWindowAction");
        QVERIFY(toggle);
        QCOMPARE(toggle->text(), QStringLiteral("&Show Window"));

        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(toggle->text(), QStringLiteral("&Hide Window"));

        toggle->trigger();
        QVERIFY(!m_window->isVisible());
        QCOMPARE(toggle->text(), QStringLiteral("&Show Window"));

        toggle->trigger();
        QVERIFY(m_window->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(toggle->text(), QStringLiteral("&Hide Window"));
    }

    void clickingTheIconTogglesTheWindow()
    {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        Q_EMIT m_tray->activated(QSystemTrayIcon::Trigger);
        QVERIFY(!m_window->isVisible());
        Q_EMIT m_tray->activated(QSystemTrayIcon::Context); // opens the menu, not the window
        QVERIFY(!m_window->isVisible());
        Q_EMIT m_tray->activated(QSystemTrayIcon::Trigger);
        QVERIFY(m_window->isVisible());
    }

    // main.cpp's arrangement with a tray: closing hides the window and the application goes on.
    void closingWithATrayKeepsRunning()
    {
        QApplication::setQuitOnLastWindowClosed(false);
        m_window->setHidesToTray(true);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QuitEventCounter quits;
        qApp->installEventFilter(&quits);
        QTimer::singleShot(0, m_window.get(), [this] {
            m_window->close();
            // Queued behind whatever the close posted (an automatic quit is a posted Quit event).
            QMetaObject::invokeMethod(
                qApp, [] { QCoreApplication::exit(kStillRunningExitCode); }, Qt::QueuedConnection);
        });
        QCOMPARE(QApplication::exec(), kStillRunningExitCode);
        qApp->removeEventFilter(&quits);
        QCOMPARE(quits.count, 0);
        QVERIFY(!m_window->isVisible());
    }

    // main.cpp's arrangement without a tray: closing the window quits.
    void closingWithoutATrayQuits()
    {
        QApplication::setQuitOnLastWindowClosed(true);
        m_window->setHidesToTray(false);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTimer::singleShot(0, m_window.get(), &QWidget::close);
        QTimer::singleShot(kGuardMs, qApp, [] { QCoreApplication::exit(kStillRunningExitCode); });
        QCOMPARE(QApplication::exec(), 0);
    }

    // Quit from the tray ends the application even though closing the window would only hide it.
    void quitFromTheMenuQuits()
    {
        QApplication::setQuitOnLastWindowClosed(false);
        m_window->setHidesToTray(true);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QAction *quit = findAction(m_tray->contextMenu(), "quitAction");
        QVERIFY(quit);
        QTimer::singleShot(0, quit, &QAction::trigger);
        QTimer::singleShot(kGuardMs, qApp, [] { QCoreApplication::exit(kStillRunningExitCode); });
        QCOMPARE(QApplication::exec(), 0);
        QVERIFY(!m_window->isVisible());
        QVERIFY(!m_fixture->settings().mainWindowGeometry().isEmpty()); // the layout was saved on the way out
    }

    void tooltipFollowsTheWindowStatus()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {150.0});
        m_fixture->seed(QStringLiteral("RY.TO"), 0.9, {140.0});
        QCOMPARE(m_tray->toolTip(), QStringLiteral("Trailguard \u2014 watching 2 tickers, not checked yet"));

        m_window->setConnectionState(ConnectionState::Disconnected, QStringLiteral("Questrade refused it."));
        QCOMPARE(m_tray->toolTip(), QStringLiteral("Trailguard \u2014 Disconnected: reconnect needed"));

        m_window->setConnectionState(ConnectionState::Connected, QStringLiteral("Connected to Questrade."));
        CycleReport report;
        report.ok = true;
        report.startedAt = QDateTime::currentDateTime().addSecs(-1);
        report.finishedAt = QDateTime::currentDateTime();
        report.watched = 2;
        m_window->showCycleReport(report);
        const QString time = QLocale().toString(report.finishedAt.time(), QLocale::ShortFormat);
        QCOMPARE(m_tray->toolTip(),
                 QStringLiteral("Trailguard \u2014 watching 2 tickers, last check %1").arg(time));

        report.ok = false;
        report.error = QStringLiteral("Questrade did not answer in time.");
        m_window->showCycleReport(report);
        QCOMPARE(m_tray->toolTip(), QStringLiteral("Trailguard \u2014 watching 2 tickers, last check %1\n"
                                                   "Last check failed: Questrade did not answer in time.")
                                        .arg(time));
    }

private:
    static QAction *findAction(QMenu *menu, const char *name)
    {
        const QList<QAction *> actions = menu->actions();
        const auto found = std::find_if(actions.cbegin(), actions.cend(), [&](QAction *action) {
            return action->objectName() == QLatin1String(name);
        });
        return found == actions.cend() ? nullptr : *found;
    }

    std::unique_ptr<test::WatchlistFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;
};

TRAILGUARD_GUI_TEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
