// Acknowledging stops the escalation, end to end (issue 17): the real `trailguard --headless --web` process,
// breaches from the fake Questrade server, the alerts sent to a fake ntfy server (JSON publishing and the ack
// topic's JSON stream), the fake Telegram Bot API and a real SMTP server (aiosmtpd), with a policy whose
// first step is 20 s after the breach (room for the acknowledgements on a loaded CI machine). Each watched
// stock stands for one way to acknowledge, done with what that channel delivered: `trailguard alerts ack ID`,
// the dashboard's API (a Bearer token), the mail's one-time link (its page, then its form's POST), ntfy's
// "Acknowledge" action (the http action to the dashboard, or the reply published on the ack topic the
// guardian subscribes to), and Telegram's button and
// `/ack ID`. One more stock nobody acknowledges shows the step does go out on time; every acknowledged alert
// is recorded once, with its source, and its step is cancelled, not sent. A spent code used again is refused
// and changes nothing. Stocks are grouped in one process per ntfy mode to keep the test short.
#include "GuardianProcess.h"
#include "HeadlessAckChannels.h"
#include "TestSupport.h"
#include "fakes/FakeNtfyServer.h"
#include "fakes/FakeTelegramBotApi.h"
#include "fakes/TestQuestradeServer.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace trailguard;
using namespace trailguard::test;

namespace {
constexpr qint64 kChat = 7770017;
const QByteArray kToken = QByteArrayLiteral("17017:HeadlessAckTestToken_0123456789");
const QString kTopic = QStringLiteral("alerts");
const QString kPolicy = QStringLiteral("20s:ntfy-urgent,telegram,email");
const QString kPassword = QStringLiteral("headless ack test password");
const QString kControl = QStringLiteral("CTRL.TO"); // never acknowledged: its step goes out

// One way to acknowledge, the stock it acknowledges, and the source the alert must record.
struct AckPath {
    QString name;
    QString ticker;
    QString source;
};

const QList<AckPath> kPaths = {
    {QStringLiteral("cli"), QStringLiteral("CLI.TO"), QStringLiteral("cli")},
    {QStringLiteral("web"), QStringLiteral("WEB.TO"), QStringLiteral("web")},
    {QStringLiteral("email"), QStringLiteral("MAIL.TO"), QStringLiteral("email")},
    {QStringLiteral("ntfy-http"), QStringLiteral("NTFY.TO"), QStringLiteral("ntfy")},
    {QStringLiteral("ntfy-reply"), QStringLiteral("REPLY.TO"), QStringLiteral("ntfy")},
    {QStringLiteral("telegram-button"), QStringLiteral("BUTTON.TO"), QStringLiteral("telegram")},
    {QStringLiteral("telegram-command"), QStringLiteral("CMD.TO"), QStringLiteral("telegram")},
};

AckPath pathNamed(const QString &name)
{
    for (const AckPath &path : kPaths) {
        if (path.name == name)
            return path;
    }
    return {};
}

} // namespace

class HeadlessAckTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void ackFromEachPathStopsTheEscalation_data();
    void ackFromEachPathStopsTheEscalation();

private:
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    QProcessEnvironment environment(const QString &ntfyAckMode) const;
    ProcessRun cli(const QStringList &arguments) const;
    QHash<QString, AlertRecord> alertsByTicker() const;
    // Every delivery of the alert's escalation step 1 is recorded cancelled (and there is one at least).
    bool stepCancelled(const QString &ticker) const;
    // Acknowledges `alert` through `path`, with what the channels delivered.
    void acknowledge(const AckPath &path, const AlertRecord &alert);
    // Uses the spent code of `path` again: refused.
    void reuseSpentCode(const AckPath &path, const AlertRecord &alert);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestQuestradeServer> m_questrade;
    std::unique_ptr<FakeNtfyServer> m_ntfy;
    std::unique_ptr<FakeTelegramBotApi> m_telegram;
    std::unique_ptr<SmtpTestServer> m_smtp;
    std::unique_ptr<DashboardClient> m_web;
    HeadlessAckChannels m_channels;
    QString m_apiToken;
};

void HeadlessAckTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    checkOnEveryDay(dataDir());
    m_questrade = std::make_unique<TestQuestradeServer>();
    QVERIFY(m_questrade->listen());
    m_questrade->openMarketNow();
    m_ntfy = std::make_unique<FakeNtfyServer>();
    QVERIFY(m_ntfy->listen());
    m_telegram = std::make_unique<FakeTelegramBotApi>(kToken);
    QVERIFY(m_telegram->listen());
    m_smtp = SmtpTestServer::start(QFINDTESTDATA("../alerts/email/smtp_test_server.py"), freeLoopbackPort());
    QVERIFY2(m_smtp, "smtp_test_server.py did not start (is python3-aiosmtpd installed?)");
    const quint16 webPort = freeLoopbackPort();
    QVERIFY(webPort != 0);
    m_web = std::make_unique<DashboardClient>(webPort);
    m_channels = HeadlessAckChannels(m_ntfy.get(), m_telegram.get(), m_smtp.get(), kTopic);
}

void HeadlessAckTest::cleanup()
{
    m_web.reset();
    m_smtp.reset();
    m_telegram.reset();
    m_ntfy.reset();
    m_questrade.reset();
    m_dir.reset();
}

QProcessEnvironment HeadlessAckTest::environment(const QString &ntfyAckMode) const
{
    QProcessEnvironment env = guardianEnvironment(m_questrade->loginUrl());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
    env.insert(QStringLiteral("encryption_key"), QStringLiteral("test passphrase"));
    env.insert(QStringLiteral("refresh_token"), QString::fromLatin1(m_questrade->issueRefreshToken()));
    env.insert(QStringLiteral("TRAILGUARD_ESCALATION"), kPolicy);
    env.insert(QStringLiteral("TRAILGUARD_WEB_PASSWORD"), kPassword);
    env.insert(QStringLiteral("TRAILGUARD_PUBLIC_URL"), m_web->baseUrl().toString());
    env.insert(QStringLiteral("NTFY_CHANNEL"), m_ntfy->url(QLatin1Char('/') + kTopic).toString());
    env.insert(QStringLiteral("NTFY_ACK_MODE"), ntfyAckMode);
    env.insert(QStringLiteral("TELEGRAM_BOT_TOKEN"), QString::fromLatin1(kToken));
    env.insert(QStringLiteral("TELEGRAM_CHAT_ID"), QString::number(kChat));
    env.insert(QStringLiteral("TELEGRAM_API_URL"), m_telegram->url().toString());
    env.insert(QStringLiteral("BOT_EMAIL"), QStringLiteral("bot@example.com"));
    env.insert(QStringLiteral("USER_EMAIL"), QStringLiteral("me@example.com"));
    env.insert(QStringLiteral("SMTP_HOST"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("SMTP_PORT"), QString::number(m_smtp->port()));
    env.insert(QStringLiteral("SMTP_SECURITY"), QStringLiteral("none"));
    return env;
}

ProcessRun HeadlessAckTest::cli(const QStringList &arguments) const
{
    QProcess process;
    process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    process.setArguments(QStringList{QStringLiteral("--data-dir"), dataDir()} + arguments);
    QProcessEnvironment env = guardianEnvironment(m_questrade->loginUrl());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
    process.setProcessEnvironment(env);
    return runToEnd(process);
}

QHash<QString, AlertRecord> HeadlessAckTest::alertsByTicker() const
{
    QHash<QString, AlertRecord> alerts;
    auto db = Database::open(QDir(dataDir()).filePath(QStringLiteral("trailguard.sqlite")));
    if (!db.ok())
        return alerts;
    const auto recent = AlertRepository(db.value()->connection()).recent(50);
    if (!recent.ok())
        return alerts;
    for (const AlertRecord &record : recent.value())
        alerts.insert(record.message.ticker, record);
    return alerts;
}

bool HeadlessAckTest::stepCancelled(const QString &ticker) const
{
    int steps = 0;
    for (const Delivery &delivery : alertsByTicker().value(ticker).deliveries) {
        if (delivery.escalationStep != 1)
            continue;
        if (delivery.status != Delivery::Status::Cancelled)
            return false;
        ++steps;
    }
    return steps == HeadlessAckChannels::kChannels;
}

void HeadlessAckTest::ackFromEachPathStopsTheEscalation_data()
{
    QTest::addColumn<QString>("ntfyAckMode");
    QTest::addColumn<QStringList>("paths");
    // ntfy's button goes to the dashboard in one mode and to the ack topic in the other: one process each.
    QTest::newRow("ntfy to the dashboard") << QStringLiteral("dashboard")
                                           << QStringList{QStringLiteral("cli"),
                                                          QStringLiteral("web"),
                                                          QStringLiteral("email"),
                                                          QStringLiteral("ntfy-http"),
                                                          QStringLiteral("telegram-button"),
                                                          QStringLiteral("telegram-command")};
    QTest::newRow("ntfy reply") << QStringLiteral("reply") << QStringList{QStringLiteral("ntfy-reply")};
}

void HeadlessAckTest::ackFromEachPathStopsTheEscalation()
{
    QFETCH(QString, ntfyAckMode);
    QFETCH(QStringList, paths);
    QList<AckPath> acks;
    for (const QString &name : paths)
        acks.append(pathNamed(name));
    // Every stock watched at entry 106 (stop 95.40) and quoted at 92.10: one breach each, in the first check.
    QStringList tickers{kControl};
    for (const AckPath &path : acks)
        tickers.append(path.ticker);
    qint64 symbolId = 9170001;
    for (const QString &ticker : tickers) {
        m_questrade->addSymbol({ticker, symbolId, QStringLiteral("CAD"), QStringLiteral("TSX"),
                                ticker + QStringLiteral(" INC")});
        m_questrade->setPrice(symbolId++, 92.10);
        QVERIFY(watchTicker(QDir(dataDir()).filePath(QStringLiteral("trailguard.sqlite")), ticker, 106.0));
    }
    if (paths.contains(QStringLiteral("web"))) {
        const ProcessRun made = cli({QStringLiteral("web"), QStringLiteral("token"), QStringLiteral("create"),
                                     QStringLiteral("e2e")});
        QVERIFY2(made.exitedNormally() && made.exitCode == 0, qPrintable(made.err));
        m_apiToken = made.out.trimmed();
        QVERIFY(!m_apiToken.isEmpty());
    }

    QProcess guardian;
    guardian.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    guardian.setArguments({QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--headless"),
                           QStringLiteral("--interval"), QStringLiteral("3600"), QStringLiteral("--web"),
                           QStringLiteral("127.0.0.1:%1").arg(m_web->port())});
    guardian.setProcessEnvironment(environment(ntfyAckMode));
    guardian.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    guardian.start();
    QVERIFY(guardian.waitForStarted(10000));
    const auto stopGuardian = qScopeGuard([&guardian] {
        guardian.terminate();
        if (!QTest::qWaitFor([&guardian] { return guardian.state() == QProcess::NotRunning; }, 15000))
            guardian.kill();
    });

    // Each breach reached ntfy, Telegram and the mailbox, each message with its alert's own ack code.
    const int alertCount = int(tickers.size());
    const auto allRaised = [this, &tickers] {
        const QHash<QString, AlertRecord> alerts = alertsByTicker();
        return std::all_of(tickers.cbegin(), tickers.cend(),
                           [&alerts](const QString &ticker) { return alerts.contains(ticker); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allRaised(), 30000);
    const QHash<QString, AlertRecord> raised = alertsByTicker();
    for (const QString &ticker : tickers)
        QTRY_VERIFY_WITH_TIMEOUT(m_channels.allDelivered(raised.value(ticker).id), 30000);
    // The acknowledgements below come before the step is due (20 s after the breach), or the test is void.
    for (const AckPath &path : acks) {
        const AlertRecord alert = alertsByTicker().value(path.ticker);
        for (const Delivery &delivery : alert.deliveries) {
            if (delivery.escalationStep == 1)
                QVERIFY2(delivery.status == Delivery::Status::Pending, "the step was over before the ack");
        }
        acknowledge(path, alert);
        if (QTest::currentTestFailed())
            return;
    }

    // Each alert acknowledged once, from where it was acknowledged.
    for (const AckPath &path : acks)
        QTRY_COMPARE_WITH_TIMEOUT(alertsByTicker().value(path.ticker).ackSource, path.source, 10000);
    const QHash<QString, AlertRecord> acknowledged = alertsByTicker();
    for (const AckPath &path : acks) {
        reuseSpentCode(path, raised.value(path.ticker));
        if (QTest::currentTestFailed())
            return;
    }

    // The step came due: the unacknowledged control alert escalated on ntfy (urgent), Telegram and email…
    const qint64 control = raised.value(kControl).id;
    QTRY_COMPARE_WITH_TIMEOUT(m_channels.messagesFor(control), 2 * HeadlessAckChannels::kChannels, 30000);
    QVERIFY(m_channels.urgentNtfyFor(control));
    // …and no acknowledged one did: each step recorded cancelled, nothing sent twice on any channel.
    for (const AckPath &path : acks) {
        const AlertRecord now = alertsByTicker().value(path.ticker);
        QCOMPARE(now.acknowledgedAt,
                 acknowledged.value(path.ticker).acknowledgedAt); // the reuse changed nothing
        QCOMPARE(now.ackSource, path.source);
        QTRY_VERIFY_WITH_TIMEOUT(stepCancelled(path.ticker), 10000);
        QVERIFY2(m_channels.messagesFor(now.id) == HeadlessAckChannels::kChannels, qPrintable(path.name));
        QVERIFY(!m_channels.urgentNtfyFor(now.id));
    }

    // What `trailguard alerts list --json` says: the source, and each step.
    const ProcessRun listed =
        cli({QStringLiteral("alerts"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(listed.exitedNormally() && listed.exitCode == 0, qPrintable(listed.err));
    const QJsonArray list = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    int matched = 0;
    for (const QJsonValue &value : list) {
        const QJsonObject alert = value.toObject();
        const QString ticker = alert.value(QLatin1String("ticker")).toString();
        if (!tickers.contains(ticker))
            continue; // not a breach of this test (none is expected)
        ++matched;
        const QJsonArray steps = alert.value(QLatin1String("escalations")).toArray();
        QCOMPARE(steps.size(), 1);
        const QJsonObject step = steps.first().toObject();
        QCOMPARE(step.value(QLatin1String("step")).toInt(), 1);
        if (ticker == kControl) {
            QVERIFY(alert.value(QLatin1String("ackSource")).isNull());
            QCOMPARE(step.value(QLatin1String("status")).toString(), QStringLiteral("delivered"));
            continue;
        }
        QVERIFY(alert.value(QLatin1String("acknowledgedAt")).isString());
        QCOMPARE(step.value(QLatin1String("status")).toString(), QStringLiteral("cancelled"));
        for (const AckPath &path : acks) {
            if (path.ticker == ticker)
                QCOMPARE(alert.value(QLatin1String("ackSource")).toString(), path.source);
        }
    }
    QCOMPARE(matched, alertCount);
}

void HeadlessAckTest::acknowledge(const AckPath &path, const AlertRecord &alert)
{
    const QString id = QString::number(alert.id);
    if (path.name == QLatin1String("cli")) {
        const ProcessRun run = cli({QStringLiteral("alerts"), QStringLiteral("ack"), id});
        QVERIFY2(run.exitedNormally() && run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("acknowledged")), qPrintable(run.out));
    } else if (path.name == QLatin1String("web")) {
        const auto answer = m_web->post(QStringLiteral("/api/v1/alerts/%1/ack").arg(id), {}, m_apiToken);
        QCOMPARE(answer.status, 200);
    } else if (path.name == QLatin1String("email")) {
        const QUrl link = m_channels.emailLink(alert.id);
        QVERIFY2(link.isValid(), "no acknowledgement link in the mail");
        QCOMPARE(m_web->get(link.path()).status,
                 200); // the page with its button; opening it acknowledges nothing
        QVERIFY(!alertsByTicker().value(path.ticker).acknowledgedAt.isValid());
        QCOMPARE(m_web->post(link.path(), QByteArrayLiteral("x=1")).status, 200);
    } else if (path.name == QLatin1String("ntfy-http") || path.name == QLatin1String("ntfy-reply")) {
        const QJsonObject action = m_channels.ntfyAckAction(alert.id);
        QVERIFY2(!action.isEmpty(), "no Acknowledge action on the ntfy message");
        if (path.name == QLatin1String("ntfy-reply")) {
            // The phone publishes the code to the ack topic, which the guardian reads as a JSON stream.
            const QString ackTopic = QUrl(action.value(QLatin1String("url")).toString()).path().mid(1);
            QTRY_VERIFY_WITH_TIMEOUT(m_ntfy->subscribedTopics().contains(ackTopic), 10000);
        }
        QCOMPARE(DashboardClient::perform(action).status, 200);
    } else if (path.name == QLatin1String("telegram-button")) {
        const int answered = m_telegram->callCount(QStringLiteral("answerCallbackQuery"));
        m_telegram->pushButton(kChat, 1, m_channels.telegramCallback(alert.id));
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->callCount(QStringLiteral("answerCallbackQuery")), answered + 1,
                                  10000);
    } else if (path.name == QLatin1String("telegram-command")) {
        m_telegram->pushMessage(kChat, QStringLiteral("/ack ") + id);
    } else {
        QFAIL(qPrintable(QStringLiteral("unknown path ") + path.name));
    }
}

void HeadlessAckTest::reuseSpentCode(const AckPath &path, const AlertRecord &alert)
{
    if (path.name == QLatin1String("email") || path.name == QLatin1String("web")) {
        // The mail's link again (for the web row: the link of an alert the dashboard acknowledged).
        const QUrl link = m_channels.emailLink(alert.id);
        QCOMPARE(m_web->post(link.path(), QByteArrayLiteral("x=1")).status, 409);
    } else if (path.name == QLatin1String("ntfy-http") || path.name == QLatin1String("cli")) {
        const QString code = m_channels.codeFor(alert.id);
        QCOMPARE(m_web->post(QStringLiteral("/api/v1/ack/") + code, {}).status, 409);
    } else if (path.name == QLatin1String("ntfy-reply")) {
        QCOMPARE(DashboardClient::perform(m_channels.ntfyAckAction(alert.id)).status,
                 200); // ntfy accepts it…
    } else if (path.name.startsWith(QLatin1String("telegram"))) {
        const int answered = m_telegram->callCount(QStringLiteral("answerCallbackQuery"));
        m_telegram->pushButton(kChat, 2, m_channels.telegramCallback(alert.id));
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->callCount(QStringLiteral("answerCallbackQuery")), answered + 1,
                                  10000);
        const QString text = m_telegram->calls(QStringLiteral("answerCallbackQuery"))
                                 .constLast()
                                 .params.value(QLatin1String("text"))
                                 .toString();
        QVERIFY2(text.startsWith(QStringLiteral("Already acknowledged at")), qPrintable(text));
    }
    // …and whichever way it came, the acknowledgement stays the first one (checked after the step).
}

QTEST_GUILESS_MAIN(HeadlessAckTest)
#include "tst_headlessack.moc"
