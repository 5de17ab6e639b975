#include "GuiTestMain.h"
#include "WatchlistFixture.h"

#include "MainWindow.h"
#include "TrayIcon.h"

#include "domain/StockState.h"
#include "monitor/Monitor.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

using namespace trailguard;
using trailguard::ui::MainWindow;
using trailguard::ui::TrayIcon;

namespace {
constexpr int kGuardMs = 5000;
constexpr int kStillRunningExitCode = 7;
constexpr int kProcessTimeoutMs = 5000;

Breach shopBreach()
{
    Breach breach;
    breach.ticker = QStringLiteral("SHOP.TO");
    breach.price = 92.10;
    breach.peak = 106.00;
    breach.stop = 95.40;
    breach.ratio = 0.9;
    breach.quoteTime = QDateTime::currentDateTimeUtc();
    breach.marketDay = QDate::currentDate();
    return breach;
}

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

// Records the Notify calls on the session bus with dbus-monitor, as a notification daemon receives them.
class NotifyRecorder {
public:
    NotifyRecorder()
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
                         [this] { m_output += QString::fromUtf8(m_process.readAllStandardOutput()); });
    }
    ~NotifyRecorder()
    {
        m_process.kill();
        m_process.waitForFinished(kProcessTimeoutMs);
    }

    // Starts dbus-monitor and waits until it is a monitor (it prints NameLost when it becomes one).
    [[nodiscard]] bool start()
    {
        m_process.start(QStringLiteral("dbus-monitor"),
                        {QStringLiteral("--session"),
                         QStringLiteral("type='method_call',interface='org.freedesktop.Notifications',"
                                        "member='Notify'")});
        return m_process.waitForStarted(kProcessTimeoutMs) &&
               QTest::qWaitFor([this] { return m_output.contains(QLatin1String("member=NameLost")); },
                               kProcessTimeoutMs);
    }

    QString output() const { return m_output; }

private:
    QProcess m_process;
    QString m_output;
};

// Runs a short command to its end (a test may block; the application never does).
QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(kProcessTimeoutMs) || process.exitCode() != 0)
        return QStringLiteral("<failed: %1>").arg(QString::fromUtf8(process.readAllStandardError()));
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}
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

    // The breach reaches the notification daemon as a real Notify call (through the StatusNotifier tray
    // that headless-session.sh runs); clicking it in the daemon opens the window on the ticker. Without a
    // tray (offscreen) the status bar is the only place, and the test checks that.
    void breachIsANotificationThatOpensTheTicker()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {150.0});
        m_fixture->seed(QStringLiteral("SHOP.TO"), 0.9, {106.0, 92.10});
        const QString statusText =
            QStringLiteral("Stop-loss breach: SHOP.TO \u2014 92.10 < stop 95.40 (peak 106.00)");

        if (!m_tray->isAvailable()) {
            QVERIFY(!test::inGuiSession());
            m_tray->showBreach(shopBreach());
            QCOMPARE(m_window->statusBar()->currentMessage(), statusText);
            QVERIFY(m_tray->lastBreachTicker().isEmpty()); // nothing to click
            return;
        }

        QVERIFY(m_tray->supportsMessages());
        NotifyRecorder recorder;
        QVERIFY2(recorder.start(), qPrintable(recorder.output()));
        QCOMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("close-all")}), QString());
        QVERIFY(!m_window->isVisible());

        m_tray->showBreach(shopBreach());
        QCOMPARE(m_window->statusBar()->currentMessage(), statusText);
        QTRY_VERIFY2(recorder.output().contains(QLatin1String("string \"Stop-loss breach: SHOP.TO\"")),
                     qPrintable(recorder.output()));
        QVERIFY2(recorder.output().contains(QLatin1String("string \"92.10 < stop 95.40 (peak 106.00)\"")),
                 qPrintable(recorder.output()));
        QTRY_COMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("count"), QStringLiteral("displayed")}),
                     QStringLiteral("1"));

        // The user clicks the notification: dunst invokes its default action, Qt says messageClicked.
        QSignalSpy clicked(m_tray.get(), &QSystemTrayIcon::messageClicked);
        QCOMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("action"), QStringLiteral("0")}), QString());
        QTRY_COMPARE(clicked.count(), 1);
        QVERIFY(m_window->isVisible());
        QCOMPARE(m_window->currentTicker(), QStringLiteral("SHOP.TO"));
    }

    // The click path without a notification daemon: messageClicked selects the last breach's row, even
    // when a filter hides it.
    void messageClickedSelectsTheLastBreach()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {150.0});
        m_fixture->seed(QStringLiteral("SHOP.TO"), 0.9, {106.0, 92.10});
        if (!m_tray->isAvailable())
            QVERIFY(!test::inGuiSession());
        m_tray->showBreach(shopBreach());
        if (!m_tray->isAvailable()) {
            QVERIFY(m_tray->lastBreachTicker().isEmpty());
            return;
        }
        QCOMPARE(m_tray->lastBreachTicker(), QStringLiteral("SHOP.TO"));
        m_window->findChild<QLineEdit *>(QStringLiteral("filterLineEdit"))->setText(QStringLiteral("AAPL"));
        Q_EMIT m_tray->messageClicked();
        QVERIFY(m_window->isVisible());
        QCOMPARE(m_window->currentTicker(), QStringLiteral("SHOP.TO"));
    }

    // The Tray channel switched off in the settings: the breach only reaches the status bar.
    void breachMessagesCanBeSwitchedOff()
    {
        m_fixture->seed(QStringLiteral("SHOP.TO"), 0.9, {106.0, 92.10});
        QVERIFY(m_tray->breachMessagesEnabled()); // on by default
        m_tray->setBreachMessagesEnabled(false);
        m_tray->showBreach(shopBreach());
        QCOMPARE(m_window->statusBar()->currentMessage(),
                 QStringLiteral("Stop-loss breach: SHOP.TO \u2014 92.10 < stop 95.40 (peak 106.00)"));
        QVERIFY(m_tray->lastBreachTicker().isEmpty()); // no notification was shown

        m_tray->setBreachMessagesEnabled(true);
        m_tray->showBreach(shopBreach());
        QCOMPARE(m_tray->lastBreachTicker(), m_tray->isAvailable() ? QStringLiteral("SHOP.TO") : QString());
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
