// Issue 17's figures: what escalating and acknowledging cost, on the real core classes and a real SQLite
// file. 1,000 unacknowledged breaches, each with its escalation steps pending in the outbox (policy
// "10m:ntfy-urgent;30m:email,discord": three steps per alert): the gate's verdict per step, an outbox pass
// while the steps wait, the round that sends them when due; acknowledging by id and by code (and a spent code
// refused); the Telegram bot's commands and one getUpdates answer of 100 updates from the fake Bot API (run
// on its own thread, so its CPU is not counted as the bot's). The channels deliver at once from the event
// loop: only Trailguard's side is measured. CPU is this process's (or thread's), not wall time, which on a
// loaded machine mostly measures the other processes.
#include "AlertsBenchSupport.h"
#include "alerts/telegram/TelegramBot.h"
#include "alerts/telegram/TelegramCommands.h"
#include "storage/GuardianStateRepository.h"
#include "watchlist/WatchlistService.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTest>

using namespace trailguard;
using namespace trailguard::bench;
using namespace std::chrono_literals;

class AlertsBenchmark : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The per-step and per-ack log lines would be most of the output (and of the CPU, through Qt Test's
    // message handler): the figures leave logging out.
    void initTestCase() { QLoggingCategory::setFilterRules(QStringLiteral("trailguard.*.info=false")); }
    void sqliteCommit();
    void gatePerStep();
    void outboxWhileStepsWait();
    void acknowledging();
    void telegramCommands();
    void telegramGetUpdatesAnswer();
};

// The physical limit of everything below that writes: one committed single-row update (WAL, synchronous =
// NORMAL: a commit appends to the log without an fsync).
void AlertsBenchmark::sqliteCommit()
{
    AlertingCore core;
    QVERIFY(core.open());
    GuardianStateRepository state(core.db->connection());
    const Stopwatch watch;
    for (int i = 0; i < kAlerts; ++i)
        QVERIFY(state.setValue(QStringLiteral("bench/key"), QString::number(i)).ok());
    qInfo("FIGURE sqlite: one committed single-row update (guardian_state): %.1f us wall, %.1f us CPU",
          watch.wallMs() * 1e3 / kAlerts, watch.cpuMs() * 1e3 / kAlerts);
    QCOMPARE(state.value(QStringLiteral("bench/key")).value().value_or(QString()),
             QString::number(kAlerts - 1));
}

// The gate's verdict on the first step of each alert (1,000 claimed steps, 2,000 more waiting): Send (alert
// and stock read), then, once every alert is acknowledged in the database (by another process), Cancelled
// (the step's row updated too).
void AlertsBenchmark::gatePerStep()
{
    AlertingCore core;
    QVERIFY(core.open());
    QVERIFY(core.recordBreaches());
    const QString owner = QStringLiteral("bench");
    QList<Delivery> steps;
    for (const Delivery &delivery : core.alerts->pendingDeliveries().value())
        if (delivery.escalationStep == 1)
            steps.append(delivery);
    QCOMPARE(steps.size(), kAlerts);
    const QDateTime now = core.clock.now();
    for (const Delivery &delivery : steps)
        QVERIFY(core.alerts->claim(delivery, owner, now, now.addSecs(3600)).value());

    int sends = 0;
    const Stopwatch sendWatch;
    for (const Delivery &delivery : steps)
        sends += core.gate->check(delivery, owner) == EscalationGate::Verdict::Send ? 1 : 0;
    const double sendWall = sendWatch.wallMs();
    const double sendCpu = sendWatch.cpuMs();
    QCOMPARE(sends, steps.size());

    Transaction transaction(core.db->connection());
    for (qint64 id : core.alertIds)
        QVERIFY(core.alerts->acknowledge(id, now).ok());
    QVERIFY(transaction.commit().ok());
    int cancelled = 0;
    const Stopwatch cancelWatch;
    for (const Delivery &delivery : steps)
        cancelled += core.gate->check(delivery, owner) == EscalationGate::Verdict::Cancelled ? 1 : 0;
    const double cancelWall = cancelWatch.wallMs();
    const double cancelCpu = cancelWatch.cpuMs();
    QCOMPARE(cancelled, steps.size());
    QCOMPARE(core.steps(Delivery::Status::Cancelled), kAlerts);
    QCOMPARE(core.steps(Delivery::Status::Pending), kAlerts * (kStepsPerAlert - 1)); // not asked about
    qInfo("FIGURE escalation gate: %lld steps of %d breaches: Send %.1f us wall, %.1f us CPU per step; "
          "Cancelled (acknowledged elsewhere, one committed update) %.1f us wall, %.1f us CPU per step",
          qlonglong(steps.size()), kAlerts, sendWall * 1e3 / steps.size(), sendCpu * 1e3 / steps.size(),
          cancelWall * 1e3 / steps.size(), cancelCpu * 1e3 / steps.size());
}

// The dispatcher's pass over an outbox holding 3,000 steps not yet due (it runs when woken or when its timer
// for the next due step fires), then the round that sends the first 1,000 steps when they come due.
void AlertsBenchmark::outboxWhileStepsWait()
{
    AlertingCore core;
    QVERIFY(core.open());
    QVERIFY(core.recordBreaches());
    const Stopwatch firstWatch; // the start's round: every alert's first deliveries, no gate
    QVERIFY(core.startDispatcher());
    const double firstWall = firstWatch.wallMs();
    const double firstCpu = firstWatch.cpuMs();
    QCOMPARE(core.ntfy.firsts + core.email.firsts + core.discord.firsts, 3 * kAlerts);
    qInfo(
        "FIGURE outbox first round: %d first deliveries claimed, sent and marked: %.1f us wall, %.1f us CPU "
        "per delivery",
        3 * kAlerts, firstWall * 1e3 / (3 * kAlerts), firstCpu * 1e3 / (3 * kAlerts));
    QCOMPARE(core.steps(Delivery::Status::Pending), kAlerts * kStepsPerAlert);

    QSignalSpy idle(core.dispatcher.get(), &OutboxDispatcher::idle);
    int passes = 0;
    const Stopwatch passWatch;
    constexpr int kPasses = 50;
    for (int pass = 0; pass < kPasses; ++pass) {
        const qsizetype before = idle.size();
        core.dispatcher->wake();
        QVERIFY(idle.wait(10000) || idle.size() > before);
        ++passes;
    }
    qInfo("FIGURE outbox pass: %d pending steps not yet due: %.2f ms wall, %.2f ms CPU per pass (%d passes)",
          kAlerts * kStepsPerAlert, passWatch.wallMs() / passes, passWatch.cpuMs() / passes, passes);
    QCOMPARE(core.ntfy.steps + core.email.steps + core.discord.steps, 0);

    // Ten minutes on: the timer fires and the first step of every alert is claimed, gated, sent and marked.
    idle.clear();
    const Stopwatch roundWatch;
    core.clock.advance(10 * 60);
    QVERIFY(idle.wait(60000));
    const double wall = roundWatch.wallMs();
    const double cpu = roundWatch.cpuMs();
    QCOMPARE(core.ntfy.steps, kAlerts);
    QCOMPARE(core.steps(Delivery::Status::Delivered), kAlerts);
    QCOMPARE(core.steps(Delivery::Status::Pending), kAlerts * (kStepsPerAlert - 1));
    qInfo("FIGURE escalation round: %d due steps claimed, gated (Send), sent and marked: %.1f us wall, "
          "%.1f us CPU per step",
          kAlerts, wall * 1e3 / kAlerts, cpu * 1e3 / kAlerts);
}

// Half the alerts acknowledged, in turn by id (web, CLI, /ack) and by code (ntfy, mail link, Telegram
// button), so both see the same outbox; each cancels its three pending steps. Then every spent code is
// offered again and refused.
void AlertsBenchmark::acknowledging()
{
    AlertingCore core;
    QVERIFY(core.open());
    QVERIFY(core.recordBreaches());
    QSignalSpy acknowledged(core.acknowledger.get(), &AlertAcknowledger::acknowledged);
    constexpr int kAcks = kAlerts / 2;
    QStringList codes;
    for (int i = 1; i < kAcks; i += 2)
        codes.append(core.codes->codeFor(core.alertIds.at(i)));

    int newly = 0;
    double wall[2] = {0, 0};
    double cpu[2] = {0, 0};
    for (int i = 0; i < kAcks; ++i) {
        const bool byCode = i % 2 == 1;
        const Stopwatch watch;
        const auto outcome = byCode ? core.acknowledger->acknowledgeByCode(codes.at(i / 2), AckSource::ntfy())
                                    : core.acknowledger->acknowledge(core.alertIds.at(i), AckSource::web());
        wall[byCode] += watch.wallMs();
        cpu[byCode] += watch.cpuMs();
        newly += outcome.value().newlyAcknowledged ? 1 : 0;
    }
    QCOMPARE(newly, kAcks);
    QCOMPARE(acknowledged.size(), kAcks);
    QCOMPARE(core.steps(Delivery::Status::Cancelled), kAcks * kStepsPerAlert);
    QCOMPARE(core.steps(Delivery::Status::Pending), (kAlerts - kAcks) * kStepsPerAlert);

    int refused = 0;
    const Stopwatch spent;
    for (const QString &code : std::as_const(codes))
        refused +=
            core.acknowledger->acknowledgeByCode(code, AckSource::email()).value().newlyAcknowledged ? 0 : 1;
    const double spentWall = spent.wallMs();
    const double spentCpu = spent.cpuMs();
    QCOMPARE(refused, codes.size());
    QCOMPARE(acknowledged.size(), kAcks); // recorded once
    const auto last = core.alerts->find(core.alertIds.at(kAcks - 1)).value();
    QVERIFY(last && last->acknowledgedAt.isValid());
    QCOMPARE(last->ackSource, AckSource::ntfy());
    QVERIFY(
        !core.acknowledger->acknowledgeByCode(QStringLiteral("1-AAAAAAAAAAAAAAAAAAAAAA"), AckSource::ntfy())
             .ok());
    qInfo("FIGURE acknowledge by id: %.1f us wall, %.1f us CPU per ack (recorded once, %d pending steps "
          "cancelled)",
          wall[0] * 1e3 / (kAcks / 2), cpu[0] * 1e3 / (kAcks / 2), kStepsPerAlert);
    qInfo("FIGURE acknowledge by code: %.1f us wall, %.1f us CPU per ack (code verified, recorded once, %d "
          "steps cancelled)",
          wall[1] * 1e3 / codes.size(), cpu[1] * 1e3 / codes.size(), kStepsPerAlert);
    qInfo("FIGURE spent code refused: %.1f us wall, %.1f us CPU per refusal", spentWall * 1e3 / codes.size(),
          spentCpu * 1e3 / codes.size());
}

// The replies themselves, without HTTP: /list of the 1,000-ticker watchlist, /status, /ack ID.
void AlertsBenchmark::telegramCommands()
{
    AlertingCore core;
    QVERIFY(core.open());
    QVERIFY(core.recordBreaches());
    WatchlistService watchlist(*core.stocks, core.clock);
    TelegramCommands commands(*core.acknowledger, watchlist,
                              [] { return QStringLiteral("Guardian: connected."); });
    QString list;
    int lists = 0;
    const Stopwatch listWatch;
    for (; lists < 20; ++lists)
        list = commands.reply(QStringLiteral("/list"));
    const double listCpu = listWatch.cpuMs() / lists;
    QCOMPARE(list.count(QLatin1Char('\n')), kAlerts - 1);
    QVERIFY(list.contains(QStringLiteral("<b>B0999.TO</b>")));

    const Stopwatch statusWatch;
    for (int i = 0; i < kAlerts; ++i)
        QCOMPARE(commands.reply(QStringLiteral("/status")), QStringLiteral("Guardian: connected."));
    const double statusCpu = statusWatch.cpuMs() / kAlerts;
    constexpr int kAcks = kAlerts / 4;
    const Stopwatch ackWatch;
    for (int i = 0; i < kAcks; ++i)
        QVERIFY(commands.reply(QStringLiteral("/ack %1").arg(core.alertIds.at(i)))
                    .startsWith(QStringLiteral("Acknowledged")));
    const double ackCpu = ackWatch.cpuMs() / kAcks;
    QCOMPARE(core.steps(Delivery::Status::Cancelled), kAcks * kStepsPerAlert);
    qInfo("FIGURE telegram /list: %d tickers, %.2f ms CPU, %lld characters (Telegram's limit per message: "
          "%lld)",
          kAlerts, listCpu, qlonglong(list.size()), qlonglong(4096));
    qInfo("FIGURE telegram /status: %.1f us CPU; /ack ID: %.1f us CPU (recorded, steps cancelled)",
          statusCpu * 1e3, ackCpu * 1e3);
}

// One getUpdates answer carrying 100 updates (34 /ack ID, 33 /status, 33 /list on 1,000 tickers), handled by
// the bot: each update's offset saved, its reply built and sent. The bot's CPU is the process's less the fake
// server's thread (the network manager's own threads are counted: they are the bot's).
void AlertsBenchmark::telegramGetUpdatesAnswer()
{
    AlertingCore core;
    QVERIFY(core.open());
    QVERIFY(core.recordBreaches());
    WatchlistService watchlist(*core.stocks, core.clock);
    TelegramCommands commands(*core.acknowledger, watchlist,
                              [] { return QStringLiteral("Guardian: connected."); });
    GuardianStateRepository state(core.db->connection());
    TelegramServerThread server;
    QVERIFY(server.listening());
    QNetworkAccessManager network;
    TelegramConfig config;
    config.botToken = kToken;
    config.chatId = QString::number(kChat);
    config.apiUrl = server.url();
    TelegramBot::Options options;
    options.pollTimeout = 1s;

    // A /list of 1,000 tickers goes in several messages (Telegram's 4,096 characters each).
    const int listParts = int(TelegramCommands::replyParts(commands.reply(QStringLiteral("/list"))).size());
    QVERIFY(listParts > 1);
    int repliesPerAnswer = 0;
    for (int i = 0; i < kUpdates; ++i)
        repliesPerAnswer += i % 3 == 2 ? listParts : 1;

    constexpr int kRounds = 2;
    double botCpu = 0;
    double wall = 0;
    int nextAlert = 0;
    for (int round = 0; round < kRounds; ++round) {
        for (int i = 0; i < kUpdates; ++i) {
            if (i % 3 == 0)
                server.push(QStringLiteral("/ack %1").arg(core.alertIds.at(nextAlert++)));
            else
                server.push(i % 3 == 1 ? QStringLiteral("/status") : QStringLiteral("/list"));
        }
        const int repliesBefore = server.sendMessages();
        TelegramBot bot(&network, config, state, commands, options);
        QSignalSpy handled(&bot, &TelegramBot::updateHandled);
        const double processStart = processCpuMs();
        const double serverStart = server.cpuMs();
        QElapsedTimer timer;
        timer.start();
        bot.start();
        QTRY_COMPARE_WITH_TIMEOUT(handled.size(), kUpdates, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(server.sendMessages(), repliesBefore + repliesPerAnswer, 60000);
        bot.stop();
        wall += double(timer.nsecsElapsed()) / 1e6;
        botCpu += (processCpuMs() - processStart) - (server.cpuMs() - serverStart);
        QCOMPARE(bot.offset(), handled.constLast().first().toLongLong() + 1);
    }
    const auto first = core.alerts->find(core.alertIds.constFirst()).value();
    QVERIFY(first && first->acknowledgedAt.isValid());
    QCOMPARE(first->ackSource, AckSource::telegram());
    QCOMPARE(core.steps(Delivery::Status::Cancelled), nextAlert * kStepsPerAlert);
    qInfo("FIGURE telegram getUpdates answer: %d updates (/ack, /status, /list of %d tickers) handled and "
          "replied to in %d messages: %.1f ms CPU (bot), %.1f ms wall per answer (%d answers)",
          kUpdates, kAlerts, repliesPerAnswer, botCpu / kRounds, wall / kRounds, kRounds);
}

QTEST_GUILESS_MAIN(AlertsBenchmark)
#include "bench_alerts.moc"
