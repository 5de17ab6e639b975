#include "alerts/escalation/EscalationPolicy.h"

#include <QTest>

using namespace trailguard;
using namespace std::chrono_literals;

class EscalationPolicyTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void offNeverEscalates_data();
    void offNeverEscalates();
    void parsesStepsAndChannels();
    void canonicalTextRoundTrips_data();
    void canonicalTextRoundTrips();
    void repeatsTheLastStep();
    void repeatsASingleStepAtItsOwnDelay();
    void refusesWithAMessageNamingThePart_data();
    void refusesWithAMessageNamingThePart();
};

void EscalationPolicyTest::offNeverEscalates_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("off") << QStringLiteral("off");
    QTest::newRow("OFF, spaces") << QStringLiteral("  OFF ");
    QTest::newRow("empty") << QString();
}

void EscalationPolicyTest::offNeverEscalates()
{
    QFETCH(QString, text);
    const Result<EscalationPolicy> policy = EscalationPolicy::parse(text);
    QVERIFY(policy.ok());
    QVERIFY(policy.value().isOff());
    QVERIFY(policy.value().schedule().isEmpty());
    QCOMPARE(policy.value().text(), QStringLiteral("off"));
}

void EscalationPolicyTest::parsesStepsAndChannels()
{
    const Result<EscalationPolicy> policy =
        EscalationPolicy::parse(QStringLiteral(" 10m : ntfy-urgent ; 30m:email, Discord;market-hours"));
    QVERIFY2(policy.ok(), qPrintable(policy.ok() ? QString() : policy.error().message));
    const EscalationPolicy &value = policy.value();
    QVERIFY(!value.isOff());
    QVERIFY(value.marketHoursOnly());
    QCOMPARE(value.repeat(), 0);
    QCOMPARE(value.steps().size(), 2);
    QCOMPARE(value.steps().at(0).delay, 600s);
    QCOMPARE(value.steps().at(0).targets, (QList<EscalationPolicy::Target>{{QStringLiteral("ntfy"), true}}));
    QCOMPARE(value.steps().at(1).delay, 1800s);
    QCOMPARE(value.steps().at(1).targets,
             (QList<EscalationPolicy::Target>{{QStringLiteral("email"), false},
                                              {QStringLiteral("discord"), false}}));
    QCOMPARE(value.text(), QStringLiteral("10m:ntfy-urgent;30m:email,discord;market-hours"));
}

void EscalationPolicyTest::canonicalTextRoundTrips_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("seconds") << QStringLiteral("2s:ntfy;4s:discord") << QStringLiteral("2s:ntfy;4s:discord");
    QTest::newRow("90 s stays seconds") << QStringLiteral("90s:email") << QStringLiteral("90s:email");
    QTest::newRow("120 s is 2 m") << QStringLiteral("120s:email") << QStringLiteral("2m:email");
    QTest::newRow("60 m is 1 h") << QStringLiteral("60m:telegram") << QStringLiteral("1h:telegram");
    QTest::newRow("repeat") << QStringLiteral("5m:ntfy;repeat=3") << QStringLiteral("5m:ntfy;repeat=3");
    QTest::newRow("options first") << QStringLiteral("market-hours;repeat=1;1h:email")
                                   << QStringLiteral("1h:email;repeat=1;market-hours");
}

void EscalationPolicyTest::canonicalTextRoundTrips()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const Result<EscalationPolicy> policy = EscalationPolicy::parse(text);
    QVERIFY2(policy.ok(), qPrintable(policy.ok() ? QString() : policy.error().message));
    QCOMPARE(policy.value().text(), canonical);
    const Result<EscalationPolicy> again = EscalationPolicy::parse(canonical);
    QVERIFY(again.ok());
    QVERIFY(again.value() == policy.value());
}

void EscalationPolicyTest::repeatsTheLastStep()
{
    const auto policy = EscalationPolicy::parse(QStringLiteral("10m:ntfy-urgent;30m:email,discord;repeat=2"));
    QVERIFY(policy.ok());
    const QList<EscalationPolicy::Step> schedule = policy.value().schedule();
    QCOMPARE(schedule.size(), 4);
    QCOMPARE(schedule.at(0).delay, 600s);
    QCOMPARE(schedule.at(1).delay, 1800s);
    // At the spacing of the last two steps (20 min), through the last step's channels.
    QCOMPARE(schedule.at(2).delay, 3000s);
    QCOMPARE(schedule.at(3).delay, 4200s);
    QCOMPARE(schedule.at(3).targets, schedule.at(1).targets);
}

void EscalationPolicyTest::repeatsASingleStepAtItsOwnDelay()
{
    const auto policy = EscalationPolicy::parse(QStringLiteral("15m:ntfy;repeat=2"));
    QVERIFY(policy.ok());
    const QList<EscalationPolicy::Step> schedule = policy.value().schedule();
    QCOMPARE(schedule.size(), 3);
    QCOMPARE(schedule.at(1).delay, 1800s);
    QCOMPARE(schedule.at(2).delay, 2700s);
}

void EscalationPolicyTest::refusesWithAMessageNamingThePart_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named");
    QTest::newRow("zero delay") << QStringLiteral("0m:ntfy") << QStringLiteral("\"0m\"");
    QTest::newRow("negative delay") << QStringLiteral("-5m:ntfy") << QStringLiteral("\"-5m\"");
    QTest::newRow("unknown unit") << QStringLiteral("10d:ntfy") << QStringLiteral("\"10d\"");
    QTest::newRow("no unit") << QStringLiteral("10:ntfy") << QStringLiteral("\"10\"");
    QTest::newRow("unknown channel") << QStringLiteral("10m:pager") << QStringLiteral("\"pager\"");
    QTest::newRow("tray") << QStringLiteral("10m:tray") << QStringLiteral("\"tray\"");
    QTest::newRow("empty channel") << QStringLiteral("10m:") << QStringLiteral("\"\"");
    QTest::newRow("unordered") << QStringLiteral("30m:email;10m:ntfy") << QStringLiteral("\"10m:ntfy\"");
    QTest::newRow("same delay twice")
        << QStringLiteral("10m:email;10m:ntfy") << QStringLiteral("\"10m:ntfy\"");
    QTest::newRow("channel twice") << QStringLiteral("10m:ntfy,ntfy-urgent") << QStringLiteral("ntfy twice");
    QTest::newRow("not a step") << QStringLiteral("ntfy") << QStringLiteral("\"ntfy\"");
    QTest::newRow("bad repeat") << QStringLiteral("10m:ntfy;repeat=x") << QStringLiteral("\"repeat=x\"");
    QTest::newRow("repeat too large")
        << QStringLiteral("10m:ntfy;repeat=99") << QStringLiteral("\"repeat=99\"");
    QTest::newRow("only options") << QStringLiteral("market-hours") << QStringLiteral("no step");
    QTest::newRow("empty part") << QStringLiteral("10m:ntfy;;20m:email") << QStringLiteral("empty part");
}

void EscalationPolicyTest::refusesWithAMessageNamingThePart()
{
    QFETCH(QString, text);
    QFETCH(QString, named);
    const Result<EscalationPolicy> policy = EscalationPolicy::parse(text);
    QVERIFY(!policy.ok());
    QCOMPARE(policy.error().code, ErrorCode::InvalidSetting);
    const QString message = policy.error().message;
    QVERIFY2(message.contains(named), qPrintable(message));
    // Every message says what to write instead.
    QVERIFY2(message.contains(EscalationPolicy::example()), qPrintable(message));
}

QTEST_GUILESS_MAIN(EscalationPolicyTest)
#include "tst_escalationpolicy.moc"
