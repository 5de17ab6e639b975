// `trailguard alerts list [--json] [--limit N]` and `trailguard alerts ack ID` through the real executable,
// on a database the test fills as the guardian would (an alert, its first deliveries and its escalation
// steps).
#include "TestSupport.h"
#include "alerts/escalation/EscalationGate.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::utc;

namespace {
struct AlertsRun {
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

class AlertsCommandTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    qint64 m_breachId = 0;
    qint64 m_healthId = 0;

    QString dataDir() const { return m_home->filePath(QStringLiteral("data")); }
    QString databaseFile() const { return QDir(dataDir()).filePath(QStringLiteral("trailguard.sqlite")); }

    AlertsRun trailguard(const QStringList &arguments) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"LANGUAGE", "LC_MESSAGES", "QT_LOGGING_RULES"})
            environment.remove(QLatin1String(name));
        environment.insert(QStringLiteral("HOME"), m_home->path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("xdg-config")));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        QProcess process;
        process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
        process.setArguments(QStringList{QStringLiteral("--data-dir"), dataDir(), QStringLiteral("alerts")} +
                             arguments);
        process.setProcessEnvironment(environment);
        process.start();
        AlertsRun run;
        if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit)
            return run;
        run.exitCode = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QJsonArray listJson(const QStringList &more = {}) const
    {
        const AlertsRun run =
            trailguard(QStringList{QStringLiteral("list"), QStringLiteral("--json")} + more);
        if (run.exitCode != 0)
            qWarning().noquote() << run.err;
        return QJsonDocument::fromJson(run.out.toUtf8()).array();
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        QVERIFY(QDir().mkpath(dataDir()));
        auto db = Database::open(databaseFile());
        QVERIFY(db.ok());
        AlertRepository alerts(db.value()->connection());
        AlertMessage breach;
        breach.kind = AlertMessage::Kind::Breach;
        breach.ticker = QStringLiteral("RY.TO");
        breach.subject = QStringLiteral("Stop-loss breach: RY.TO");
        breach.text = QStringLiteral("RY.TO fell to 90.00, below its stop 99.00.");
        breach.price = 90;
        breach.stop = 99;
        const QDateTime raised = utc(2026, 11, 3, 15);
        const auto breachId =
            alerts.enqueue(breach, {QStringLiteral("ntfy"), QStringLiteral("email")}, raised, {},
                           {{QStringLiteral("ntfy"), 1, true, raised.addSecs(600)},
                            {QStringLiteral("email"), 2, false, raised.addSecs(1800)},
                            {QStringLiteral("discord"), 2, false, raised.addSecs(1800)}});
        QVERIFY(breachId.ok());
        m_breachId = breachId.value();
        AlertMessage health;
        health.kind = AlertMessage::Kind::Health;
        health.subject = QStringLiteral("Trailguard cannot reach Questrade");
        const auto healthId = alerts.enqueue(health, {QStringLiteral("email")}, raised.addSecs(60));
        QVERIFY(healthId.ok());
        m_healthId = healthId.value();
    }

    void listJsonGivesEveryField()
    {
        const QJsonArray alerts = listJson();
        QCOMPARE(alerts.size(), 2);
        const QJsonObject newest = alerts.at(0).toObject();
        QCOMPARE(newest.value(QStringLiteral("id")).toInteger(), m_healthId);
        QCOMPARE(newest.value(QStringLiteral("kind")).toString(), QStringLiteral("health"));
        QVERIFY(newest.value(QStringLiteral("ticker")).isNull());
        QVERIFY(newest.value(QStringLiteral("price")).isNull());
        QCOMPARE(newest.value(QStringLiteral("escalations")).toArray().size(), 0);

        const QJsonObject breach = alerts.at(1).toObject();
        QCOMPARE(breach.value(QStringLiteral("id")).toInteger(), m_breachId);
        QCOMPARE(breach.value(QStringLiteral("ticker")).toString(), QStringLiteral("RY.TO"));
        QCOMPARE(breach.value(QStringLiteral("kind")).toString(), QStringLiteral("stop"));
        QCOMPARE(breach.value(QStringLiteral("raisedAt")).toString(),
                 QStringLiteral("2026-11-03T15:00:00.000Z"));
        QCOMPARE(breach.value(QStringLiteral("price")).toDouble(), 90.0);
        QCOMPARE(breach.value(QStringLiteral("stop")).toDouble(), 99.0);
        QVERIFY(breach.value(QStringLiteral("acknowledgedAt")).isNull());
        QVERIFY(breach.value(QStringLiteral("ackSource")).isNull());
        const QJsonArray deliveries = breach.value(QStringLiteral("deliveries")).toArray();
        QCOMPARE(deliveries.size(), 5);
        for (const QJsonValue &value : deliveries) {
            const QJsonObject delivery = value.toObject();
            for (const char *key : {"channel", "status", "attempts", "deliveredAt", "lastError", "step"})
                QVERIFY2(delivery.contains(QLatin1String(key)), key);
            QCOMPARE(delivery.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        }
        const QJsonArray escalations = breach.value(QStringLiteral("escalations")).toArray();
        QCOMPARE(escalations.size(), 2);
        const QJsonObject first = escalations.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("step")).toInt(), 1);
        QCOMPARE(first.value(QStringLiteral("channels")).toArray(),
                 QJsonArray{QStringLiteral("ntfy-urgent")});
        QCOMPARE(first.value(QStringLiteral("at")).toString(), QStringLiteral("2026-11-03T15:10:00.000Z"));
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        const QJsonObject second = escalations.at(1).toObject();
        QCOMPARE(second.value(QStringLiteral("step")).toInt(), 2);
        QCOMPARE(second.value(QStringLiteral("channels")).toArray(),
                 (QJsonArray{QStringLiteral("discord"), QStringLiteral("email")}));
    }

    void limitKeepsTheNewest()
    {
        const QJsonArray alerts = listJson({QStringLiteral("--limit"), QStringLiteral("1")});
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.at(0).toObject().value(QStringLiteral("id")).toInteger(), m_healthId);
        const AlertsRun bad =
            trailguard({QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("0")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("--limit")), qPrintable(bad.err));
    }

    void tableShowsStepsForPeople()
    {
        const AlertsRun run = trailguard({QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("RY.TO")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("1 ntfy-urgent 15:10:00 pending")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("ntfy pending")), qPrintable(run.out));
    }

    void ackTwiceRecordsOnceAndStopsTheEscalation()
    {
        const QString id = QString::number(m_breachId);
        const AlertsRun first = trailguard({QStringLiteral("ack"), id});
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains(QStringLiteral("acknowledged")), qPrintable(first.out));
        QVERIFY2(first.out.contains(QStringLiteral("3 escalation")), qPrintable(first.out));

        const QJsonObject breach = listJson().at(1).toObject();
        QCOMPARE(breach.value(QStringLiteral("ackSource")).toString(), QStringLiteral("cli"));
        const QString at = breach.value(QStringLiteral("acknowledgedAt")).toString();
        QVERIFY(!at.isEmpty());
        for (const QJsonValue &value : breach.value(QStringLiteral("escalations")).toArray())
            QCOMPARE(value.toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("cancelled"));
        // The first deliveries are not escalation steps: they go out as before.
        for (const QJsonValue &value : breach.value(QStringLiteral("deliveries")).toArray()) {
            const QJsonObject delivery = value.toObject();
            if (delivery.value(QStringLiteral("step")).toInt() == 0)
                QCOMPARE(delivery.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
            else
                QCOMPARE(delivery.value(QStringLiteral("lastError")).toString(),
                         EscalationGate::acknowledgedReason());
        }

        const AlertsRun second = trailguard({QStringLiteral("ack"), id});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.contains(QStringLiteral("already acknowledged")), qPrintable(second.out));
        QVERIFY2(second.out.contains(QStringLiteral("from cli")), qPrintable(second.out));
        QCOMPARE(listJson().at(1).toObject().value(QStringLiteral("acknowledgedAt")).toString(), at);
    }

    void ackOfAnUnknownIdFails()
    {
        const AlertsRun run = trailguard({QStringLiteral("ack"), QStringLiteral("999")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(), QStringLiteral("There is no alert 999."));
        const AlertsRun notANumber = trailguard({QStringLiteral("ack"), QStringLiteral("abc")});
        QCOMPARE(notANumber.exitCode, 2);
        QVERIFY2(notANumber.err.contains(QStringLiteral("\"abc\"")), qPrintable(notANumber.err));
        const AlertsRun missing = trailguard({QStringLiteral("ack")});
        QCOMPARE(missing.exitCode, 2);
    }

    void helpListsBothActions()
    {
        const AlertsRun run = trailguard({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("alerts list")));
        QVERIFY(run.out.contains(QStringLiteral("alerts ack ID")));
    }
};

QTEST_GUILESS_MAIN(AlertsCommandTest)
#include "tst_alertscommand.moc"
