// The tray's acknowledgement end to end: the real `trailguard` window process finds a breach at the fake
// Questrade server, its notification reaches dunst with "Acknowledge" and "Snooze 1 day", and choosing
// "Acknowledge" in dunst's menu (scripts/headless-session.sh's dmenu answers with the action named in
// $XDG_RUNTIME_DIR/dunst-menu-choice) records the acknowledgement from the tray in the database, and cancels
// the alert's pending escalation step (a reminder by email, to a real SMTP server, due 10 minutes later).

#include "GuardianProcess.h"
#include "SmtpTestServer.h"
#include "TestSupport.h"
#include "fakes/TestQuestradeServer.h"
#include "settings/Settings.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace trailguard;

namespace {
constexpr qint64 kShopId = 4242001;
constexpr int kProcessMs = 5000;
constexpr int kBreachMs = 30'000;

bool inGuiSession()
{
    return qgetenv("TRAILGUARD_GUI_SESSION") == "1" && !qEnvironmentVariableIsEmpty("DISPLAY");
}

// Runs a short command to its end (the fake server is not involved).
QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(kProcessMs) || process.exitCode() != 0)
        return QStringLiteral("<failed: %1>").arg(QString::fromUtf8(process.readAllStandardError()));
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}
} // namespace

class TestTrayAcknowledge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (!inGuiSession())
            QSKIP("needs the notification daemon of scripts/headless-session.sh");
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        test::checkOnEveryDay(dataDir());
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("runtime"))));
        QVERIFY(
            QFile::setPermissions(m_dir->filePath(QStringLiteral("runtime")),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        m_server = std::make_unique<test::TestQuestradeServer>();
        QVERIFY(m_server->listen());
        m_server->openMarketNow();
        m_server->addSymbol({QStringLiteral("SHOP.TO"), kShopId, QStringLiteral("CAD"), QStringLiteral("TSX"),
                             QStringLiteral("SHOPIFY INC")});
        m_server->setPrice(kShopId, 92.10); // below the stop of 95.40
        QVERIFY(test::watchTicker(databaseFile(), QStringLiteral("SHOP.TO"), 106.0));
        QCOMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("close-all")}), QString());
        m_monitor.start(QStringLiteral("dbus-monitor"),
                        {QStringLiteral("--session"),
                         QStringLiteral("type='method_call',interface='org.freedesktop.Notifications',"
                                        "member='Notify'")});
        QVERIFY(m_monitor.waitForStarted(kProcessMs));
        QTRY_VERIFY(notifyCalls().contains(QLatin1String("member=NameLost"))); // a monitor now
    }

    void cleanup()
    {
        QFile::remove(qEnvironmentVariable("XDG_RUNTIME_DIR") + QStringLiteral("/dunst-menu-choice"));
        if (m_app.state() != QProcess::NotRunning) {
            m_app.kill();
            QTRY_COMPARE(m_app.state(), QProcess::NotRunning); // the fake server lives here: never block
        }
        m_monitor.kill();
        m_monitor.waitForFinished(kProcessMs);
        m_calls.clear();
        m_server.reset();
        m_dir.reset();
    }

    void acknowledgeFromTheNotificationIsRecordedFromTheTray()
    {
        const auto smtp = test::SmtpTestServer::start(QFINDTESTDATA("../alerts/email/smtp_test_server.py"),
                                                      test::freeLoopbackPort());
        QVERIFY2(smtp, "smtp_test_server.py did not start");
        {
            const auto settings = Settings::forFile(QDir(dataDir()).filePath(QStringLiteral("settings.ini")));
            settings->setEmailEnabled(true);
            settings->setEmailProvider(QStringLiteral("custom"));
            settings->setEmailHost(QStringLiteral("127.0.0.1"));
            settings->setEmailPort(smtp->port());
            settings->setEmailSecurity(QStringLiteral("none"));
            settings->setEmailFrom(QStringLiteral("bot@example.com"));
            settings->setEmailTo(QStringLiteral("me@example.com"));
            settings->setEscalationPolicy(QStringLiteral("10m:email"));
            settings->sync();
        }
        m_app.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
        m_app.setArguments({QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--minimized")});
        m_app.setProcessEnvironment(environment());
        m_app.start();
        QTRY_VERIFY2_WITH_TIMEOUT(notifyCalls().contains(QLatin1String("string \"snooze-1-day\"")),
                                  qPrintable(notifyCalls() + QString::fromUtf8(m_app.readAllStandardError())),
                                  kBreachMs);
        QVERIFY(notifyCalls().contains(QLatin1String("string \"Stop-loss breach: SHOP.TO\"")));
        QTRY_COMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("count"), QStringLiteral("displayed")}),
                     QStringLiteral("1"));
        // The breach went out by email too; its reminder waits.
        QTRY_COMPARE_WITH_TIMEOUT(smtp->messages().size(), 1, kBreachMs);
        QCOMPARE(reminderStatus(), Delivery::Status::Pending);

        QFile choice(qEnvironmentVariable("XDG_RUNTIME_DIR") + QStringLiteral("/dunst-menu-choice"));
        QVERIFY(choice.open(QIODevice::WriteOnly | QIODevice::Truncate));
        choice.write("Acknowledge");
        choice.close();
        QCOMPARE(run(QStringLiteral("dunstctl"), {QStringLiteral("context")}), QString());
        QTRY_COMPARE_WITH_TIMEOUT(breachAlert().ackSource, QStringLiteral("tray"), kProcessMs);
        QVERIFY(breachAlert().acknowledgedAt.isValid());
        // Acknowledged: the reminder is not needed, and is recorded so at once.
        QTRY_COMPARE_WITH_TIMEOUT(reminderStatus(), Delivery::Status::Cancelled, kProcessMs);
        QCOMPARE(smtp->messages().size(), 1);
    }

private:
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    QString databaseFile() const { return m_dir->filePath(QStringLiteral("data/trailguard.sqlite")); }

    QString notifyCalls()
    {
        m_calls += QString::fromUtf8(m_monitor.readAllStandardOutput());
        return m_calls;
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = test::guardianEnvironment(m_server->loginUrl());
        environment.insert(QStringLiteral("encryption_key"), QStringLiteral("test passphrase"));
        environment.insert(QStringLiteral("refresh_token"),
                           QString::fromLatin1(m_server->issueRefreshToken()));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg-data")));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        // Its single-instance socket apart from the session's (dunst keeps reading the session's folder).
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->filePath(QStringLiteral("runtime")));
        return environment;
    }

    // The newest alert, read on a connection of this test's own.
    AlertRecord breachAlert() const
    {
        const Result<std::unique_ptr<Database>> database = Database::open(databaseFile());
        if (!database.ok())
            return {};
        const Result<QList<AlertRecord>> recent = AlertRepository(database.value()->connection()).recent(1);
        return recent.ok() && !recent.value().isEmpty() ? recent.value().first() : AlertRecord{};
    }

    // The status of the breach alert's escalation step 1 (the email reminder); Failed when there is none.
    Delivery::Status reminderStatus() const
    {
        for (const Delivery &delivery : breachAlert().deliveries) {
            if (delivery.escalationStep == 1)
                return delivery.status;
        }
        return Delivery::Status::Failed;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestQuestradeServer> m_server;
    QProcess m_monitor;
    QString m_calls;
    QProcess m_app;
};

QTEST_GUILESS_MAIN(TestTrayAcknowledge)
#include "tst_trayacknowledge.moc"
