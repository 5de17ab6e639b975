// BreachNotifier against the real notification daemon of scripts/headless-session.sh (dunst) and a real
// SQLite outbox: a breach becomes a Notify call with "Acknowledge" and "Snooze 1 day", and choosing them
// in dunst's context menu (its dmenu command answers with the action named in
// $XDG_RUNTIME_DIR/dunst-menu-choice) acknowledges the alert from the tray. A server without actions (one
// this test exports on the bus) gets the tray icon's own message, whose click opens the alert history on
// the alert.

#include "GuiTestMain.h"
#include "WatchlistFixture.h"

#include "AlertHistoryDialog.h"
#include "BreachNotifier.h"
#include "MainWindow.h"

#include "alerts/AlertFormatter.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "storage/AlertRepository.h"

#include <QDBusConnection>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTableView>

#include <memory>

using namespace trailguard;
using trailguard::ui::BreachNotifier;

namespace {
constexpr int kProcessTimeoutMs = 5000;
const QString kPlainServerName = QStringLiteral("io.github.trailguard.TestPlainNotifications");

// A notification server that shows no actions: only its capabilities are asked before the fallback.
class PlainNotificationServer : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    int capabilityQuestions = 0;

public Q_SLOTS:
    QStringList GetCapabilities()
    {
        ++capabilityQuestions;
        return {QStringLiteral("body")};
    }
};

// Records the Notify calls on the session bus with dbus-monitor, as a notification daemon receives them.
class NotifyCallRecorder {
public:
    NotifyCallRecorder()
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
                         [this] { m_output += QString::fromUtf8(m_process.readAllStandardOutput()); });
    }
    ~NotifyCallRecorder()
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

QString menuChoiceFile()
{
    return qEnvironmentVariable("XDG_RUNTIME_DIR") + QStringLiteral("/dunst-menu-choice");
}

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
} // namespace

class TestBreachNotifier : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!test::inGuiSession())
            QSKIP("needs the notification daemon and tray of scripts/headless-session.sh");
        // As main.cpp names the application: the notification's app name and desktop entry.
        QCoreApplication::setApplicationName(QStringLiteral("trailguard"));
        QGuiApplication::setDesktopFileName(QStringLiteral("io.github.trailguard.Trailguard"));
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/trailguard.svg")));
        QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());
        QVERIFY(QDBusConnection::sessionBus().registerService(kPlainServerName));
        QVERIFY(QDBusConnection::sessionBus().registerObject(QStringLiteral("/org/freedesktop/Notifications"),
                                                             &m_plainServer,
                                                             QDBusConnection::ExportAllSlots));
    }

    void cleanupTestCase()
    {
        QDBusConnection::sessionBus().unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
        QDBusConnection::sessionBus().unregisterService(kPlainServerName);
    }

    void init()
    {
        m_fixture = std::make_unique<test::WatchlistFixture>();
        const QString error = m_fixture->open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!m_fixture->seed(QStringLiteral("SHOP.TO"), 0.9, {106.0, 92.10}).ticker.isEmpty());
        m_alerts = std::make_unique<AlertRepository>(m_fixture->database().connection());
        m_dispatcher = std::make_unique<OutboxDispatcher>(*m_alerts, m_fixture->clock());
        m_acknowledger = std::make_unique<AlertAcknowledger>(*m_alerts, *m_dispatcher, m_fixture->clock());
        m_tray = std::make_unique<QSystemTrayIcon>(QApplication::windowIcon());
        m_tray->show();
        QCOMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("close-all")}), QString());
    }

    void cleanup()
    {
        QFile::remove(menuChoiceFile());
        m_tray.reset();
        m_acknowledger.reset();
        m_dispatcher.reset();
        m_alerts.reset();
        m_fixture.reset();
    }

    // The notification carries the two actions and a click, at critical urgency, and reaches the daemon at
    // once; "Acknowledge" in dunst's menu records the acknowledgement from the tray.
    void acknowledgeActionAcknowledgesFromTheTray()
    {
        const qint64 alertId = recordBreach();
        NotifyCallRecorder recorder;
        QVERIFY2(recorder.start(), qPrintable(recorder.output()));
        BreachNotifier notifier(*m_tray, services());
        QTRY_VERIFY(notifier.notifications().capabilitiesKnown());
        QVERIFY(notifier.notifications().supportsActions()); // dunst shows actions
        QSignalSpy status(&notifier, &BreachNotifier::statusMessage);

        QElapsedTimer popUp;
        popUp.start();
        notifier.showBreach(shopBreach());
        QTRY_COMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("count"), QStringLiteral("displayed")}),
                     QStringLiteral("1"));
        qInfo() << "breach to displayed notification:" << popUp.elapsed() << "ms";
        // dbus-monitor prints the call in one go; the hints come last.
        const QRegularExpression critical(QStringLiteral("\"urgency\"\\s+variant\\s+byte 2"));
        QTRY_VERIFY2(recorder.output().contains(critical), qPrintable(recorder.output()));
        const QString call = recorder.output();
        for (const char *expected :
             {"string \"Stop-loss breach: SHOP.TO\"", "string \"92.10 < stop 95.40 (peak 106.00)\"",
              "string \"acknowledge\"", "string \"Acknowledge\"", "string \"snooze-1-day\"",
              "string \"Snooze 1 day\"", "string \"default\"", "string \"trailguard\"",
              "string \"dialog-error\"", "string \"io.github.trailguard.Trailguard\""}) {
            QVERIFY2(call.contains(QLatin1String(expected)),
                     qPrintable(QLatin1String(expected) + QStringLiteral("\n") + call));
        }

        chooseInDunstMenu(QStringLiteral("Acknowledge"));
        QTRY_COMPARE(stored(alertId).ackSource, AckSource::tray());
        QVERIFY(stored(alertId).acknowledgedAt.isValid());
        QTRY_COMPARE(status.count(), 1);
        QCOMPARE(status.first().first().toString(),
                 QStringLiteral("Alert %1 (SHOP.TO) acknowledged.").arg(alertId));
        QVERIFY(!m_fixture->stored(QStringLiteral("SHOP.TO"))->snoozedUntil.isValid());
    }

    // "Snooze 1 day" silences the ticker for a day and acknowledges the alert (no escalation follows).
    void snoozeActionSnoozesTheTickerAndAcknowledges()
    {
        const qint64 alertId = recordBreach();
        BreachNotifier notifier(*m_tray, services());
        QSignalSpy status(&notifier, &BreachNotifier::statusMessage);
        notifier.showBreach(shopBreach());
        QTRY_COMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("count"), QStringLiteral("displayed")}),
                     QStringLiteral("1"));

        chooseInDunstMenu(QStringLiteral("Snooze 1 day"));
        QTRY_COMPARE(stored(alertId).ackSource, AckSource::tray());
        const QDateTime snoozedUntil = m_fixture->stored(QStringLiteral("SHOP.TO"))->snoozedUntil;
        QVERIFY(snoozedUntil.isValid());
        QVERIFY(snoozedUntil > m_fixture->clock().now());
        QVERIFY(snoozedUntil <= m_fixture->clock().now().addDays(2));
        QTRY_COMPARE(status.count(), 1);
        QCOMPARE(status.first().first().toString(),
                 QStringLiteral("SHOP.TO snoozed for 1 day; alert %1 acknowledged.").arg(alertId));
    }

    // Clicking the notification (its default action) asks for the alert history on the alert; nothing
    // is acknowledged by a click.
    void clickAsksForTheAlertInTheHistory()
    {
        const qint64 alertId = recordBreach();
        BreachNotifier notifier(*m_tray, services());
        QSignalSpy requested(&notifier, &BreachNotifier::alertRequested);
        notifier.showBreach(shopBreach());
        QTRY_COMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("count"), QStringLiteral("displayed")}),
                     QStringLiteral("1"));
        QCOMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("action"), QStringLiteral("0")}), QString());
        QTRY_COMPARE(requested.count(), 1);
        QCOMPARE(requested.first().first().toLongLong(), alertId);
        QVERIFY(!stored(alertId).acknowledgedAt.isValid());
    }

    // Acknowledged elsewhere (the dashboard, the window): the notification is taken down.
    void acknowledgedElsewhereClosesTheNotification()
    {
        const qint64 alertId = recordBreach();
        BreachNotifier notifier(*m_tray, services());
        notifier.showBreach(shopBreach());
        QTRY_COMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("count"), QStringLiteral("displayed")}),
                     QStringLiteral("1"));
        QVERIFY(m_acknowledger->acknowledge(alertId, AckSource::web()).ok());
        QTRY_COMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("count"), QStringLiteral("displayed")}),
                     QStringLiteral("0"));
        QCOMPARE(stored(alertId).ackSource, AckSource::web());
    }

    // A server without actions: the tray icon shows the breach itself, and its click opens the alert
    // history with the alert selected.
    void withoutActionsTheTrayMessageOpensTheAlert()
    {
        recordBreach(QStringLiteral("AAPL")); // another ticker's alert, newer rows around it
        const qint64 alertId = recordBreach();
        recordBreach(QStringLiteral("RY.TO"));
        ui::MainWindow window(m_fixture->service(), m_fixture->settings());
        window.setAlertHistorySource(historyLoader(), [](qint64) { return success(); });
        BreachNotifier notifier(*m_tray, services(kPlainServerName));
        connect(&notifier, &BreachNotifier::alertRequested, &window, &ui::MainWindow::showAlert);
        QTRY_VERIFY(notifier.notifications().capabilitiesKnown());
        QVERIFY(!notifier.notifications().supportsActions());
        QVERIFY(m_plainServer.capabilityQuestions > 0);

        NotifyCallRecorder recorder;
        QVERIFY2(recorder.start(), qPrintable(recorder.output()));
        notifier.showBreach(shopBreach());
        QCOMPARE(notifier.lastTrayMessageAlert(), alertId);
        // Qt's tray sends it to the daemon, without our actions.
        QTRY_VERIFY2(recorder.output().contains(QLatin1String("string \"Stop-loss breach: SHOP.TO\"")),
                     qPrintable(recorder.output()));
        QVERIFY(!recorder.output().contains(QLatin1String("snooze-1-day")));
        qInfo().noquote() << "Qt's tray message:"
                          << recorder.output().section(QStringLiteral("member=Notify"), 1);

        Q_EMIT m_tray->messageClicked();
        QVERIFY(window.isVisible());
        QTRY_VERIFY(window.alertHistoryDialog());
        ui::AlertHistoryDialog *history = window.alertHistoryDialog();
        QTRY_COMPARE(history->selectedRows().size(), 1);
        QCOMPARE(history->model()->record(history->selectedRows().first()).id, alertId);
        history->close();
    }

    // A breach whose alert is not found (never recorded) still pops up; its click opens the ticker.
    void withoutAnAlertTheClickOpensTheTicker()
    {
        BreachNotifier notifier(*m_tray, services(kPlainServerName));
        QSignalSpy ticker(&notifier, &BreachNotifier::tickerRequested);
        QTRY_VERIFY(notifier.notifications().capabilitiesKnown());
        notifier.showBreach(shopBreach());
        QCOMPARE(notifier.lastTrayMessageAlert(), 0);
        Q_EMIT m_tray->messageClicked();
        QCOMPARE(ticker.count(), 1);
        QCOMPARE(ticker.first().first().toString(), QStringLiteral("SHOP.TO"));
    }

    // The Tray channel switched off: nothing pops up (the status bar still shows the breach, MainWindow).
    // On again, each alert pops up once.
    void switchedOffShowsNothing()
    {
        const qint64 alertId = recordBreach();
        BreachNotifier notifier(*m_tray, services(kPlainServerName));
        QVERIFY(notifier.isEnabled()); // on by default
        QTRY_VERIFY(notifier.notifications().capabilitiesKnown());
        notifier.setEnabled(false);
        notifier.showBreach(shopBreach());
        QCOMPARE(notifier.lastTrayMessageAlert(), 0);
        notifier.setEnabled(true);
        notifier.showBreach(shopBreach());
        QCOMPARE(notifier.lastTrayMessageAlert(), alertId);
        // An alert pops up once: a later breach without an alert of its own is not taken for it.
        notifier.showBreach(shopBreach());
        QCOMPARE(notifier.lastTrayMessageAlert(), 0);
    }

private:
    BreachNotifier::Services services(const QString &server = ui::DesktopNotifications::desktopService())
    {
        return {m_alerts.get(), m_acknowledger.get(), &m_fixture->service(), server};
    }

    qint64 recordBreach(const QString &ticker = QStringLiteral("SHOP.TO"))
    {
        Breach breach = shopBreach();
        breach.ticker = ticker;
        m_fixture->clock().advance(1);
        const Result<qint64> id =
            m_alerts->enqueue(AlertFormatter::breach(breach, QStringLiteral("CAD"), m_fixture->clock().now()),
                              {QStringLiteral("email")}, m_fixture->clock().now());
        return id.ok() ? id.value() : 0;
    }

    AlertRecord stored(qint64 alertId) const
    {
        const Result<std::optional<AlertRecord>> found = m_alerts->find(alertId);
        return found.ok() && found.value() ? *found.value() : AlertRecord{};
    }

    // dunst's context menu, answered by the session's dmenu script with this action.
    static void chooseInDunstMenu(const QString &actionLabel)
    {
        QFile choice(menuChoiceFile());
        QVERIFY(choice.open(QIODevice::WriteOnly | QIODevice::Truncate));
        choice.write(actionLabel.toUtf8());
        choice.close();
        QCOMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("context")}), QString());
    }

    ui::AlertHistoryModel::Loader historyLoader() const
    {
        return [file = m_fixture->database().filePath()]() -> ui::AlertHistoryModel::LoadJob {
            return [file]() -> Result<QList<AlertRecord>> {
                const Result<std::unique_ptr<Database>> database = Database::open(file);
                if (!database)
                    return database.error();
                return AlertRepository(database.value()->connection()).recent(50);
            };
        };
    }

    PlainNotificationServer m_plainServer;
    std::unique_ptr<test::WatchlistFixture> m_fixture;
    std::unique_ptr<AlertRepository> m_alerts;
    std::unique_ptr<OutboxDispatcher> m_dispatcher;
    std::unique_ptr<AlertAcknowledger> m_acknowledger;
    std::unique_ptr<QSystemTrayIcon> m_tray;
};

TRAILGUARD_GUI_TEST_MAIN(TestBreachNotifier)
#include "tst_breachnotifier.moc"
