#pragma once
// bench_alerts' fixture: the alerting part of the guardian on a real SQLite file, wired as the guardian wires
// it, a channel that delivers at once, and the fake Telegram Bot API on a thread of its own.
#include "alerts/AlertOutbox.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "alerts/escalation/EscalationGate.h"
#include "fakes/FakeTelegramBotApi.h"
#include "runners/GuardianWiring.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>
#include <QTimer>

#include <pthread.h>
#include <time.h>

#include <memory>

namespace trailguard::bench {
constexpr int kAlerts = 1000;
constexpr int kStepsPerAlert = 3;
constexpr int kUpdates = 100;
inline const QByteArray kToken = QByteArrayLiteral("987654321:BenchTokenForTheFakeBotApi_abc-XYZ");
constexpr qint64 kChat = 5550001;

inline double cpuMs(clockid_t clock)
{
    timespec now{};
    clock_gettime(clock, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}
inline double threadCpuMs()
{
    return cpuMs(CLOCK_THREAD_CPUTIME_ID);
}
inline double processCpuMs()
{
    return cpuMs(CLOCK_PROCESS_CPUTIME_ID);
}

// Wall and CPU time of a measured stretch.
struct Stopwatch {
    QElapsedTimer wall;
    double cpuStart = 0;
    Stopwatch()
    {
        wall.start();
        cpuStart = threadCpuMs();
    }
    double wallMs() const { return double(wall.nsecsElapsed()) / 1e6; }
    double cpuMs() const { return threadCpuMs() - cpuStart; }
};

// Delivers everything at once, from the event loop like a real channel, and counts what it sent.
class SinkChannel : public AlertChannel {
public:
    explicit SinkChannel(QString id)
        : m_id(std::move(id))
    {}
    QString id() const override { return m_id; }
    QString displayName() const override { return m_id; }
    void send(const AlertMessage &message, QObject *context, SendCallback done) override
    {
        ++(message.escalationStep > 0 ? steps : firsts);
        QTimer::singleShot(0, context, [done] { done(DeliveryResult::delivered()); });
    }
    int firsts = 0;
    int steps = 0;

private:
    QString m_id;
};

// The alerting part of the guardian on one SQLite file, wired as GuardianCore wires it, with kAlerts breached
// stocks and (after recordBreaches()) one unacknowledged breach each.
struct AlertingCore {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    ManualClock clock{QDateTime(QDate(2026, 12, 3), QTime(15, 0), QTimeZone::utc())};
    std::unique_ptr<AlertRepository> alerts;
    std::unique_ptr<StockRepository> stocks;
    std::unique_ptr<OutboxDispatcher> dispatcher;
    std::unique_ptr<EscalationGate> gate;
    std::unique_ptr<AlertOutbox> outbox;
    std::unique_ptr<AlertAcknowledger> acknowledger;
    std::shared_ptr<const AckCodes> codes = std::make_shared<const AckCodes>(AckCodes::newKey());
    SinkChannel ntfy{QStringLiteral("ntfy")};
    SinkChannel email{QStringLiteral("email")};
    SinkChannel discord{QStringLiteral("discord")};
    QList<qint64> alertIds;

    bool open()
    {
        auto opened = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
        if (!opened.ok())
            return false;
        db = std::move(opened).value();
        alerts = std::make_unique<AlertRepository>(db->connection());
        stocks = std::make_unique<StockRepository>(db->connection());
        dispatcher = std::make_unique<OutboxDispatcher>(*alerts, clock);
        gate = std::make_unique<EscalationGate>(db->connection(), clock);
        outbox = std::make_unique<AlertOutbox>(*alerts, *dispatcher, clock);
        acknowledger = std::make_unique<AlertAcknowledger>(*alerts, *dispatcher, clock);
        acknowledger->setAckCodes(codes);
        dispatcher->setAckCodes(codes);
        dispatcher->setChannels({&ntfy, &email, &discord});
        outbox->setEscalationPolicy(
            EscalationPolicy::parse(QStringLiteral("10m:ntfy-urgent;30m:email,discord")).value());
        Runners::GuardianWiring::wireEscalation(*gate, *dispatcher, *acknowledger, nullptr);
        Transaction transaction(db->connection());
        for (int i = 0; i < kAlerts; ++i) {
            StockState stock;
            stock.ticker = QStringLiteral("B%1.TO").arg(i, 4, 10, QLatin1Char('0'));
            stock.ratio = 0.9;
            stock.entry = 100.0;
            stock.peak = 110.0;
            stock.stop = 99.0;
            stock.lastPrice = 90.0; // below its stop: each breach stands
            stock.currency = QStringLiteral("CAD");
            stock.createdAt = clock.now();
            if (!stocks->insert(stock).ok())
                return false;
        }
        return transaction.commit().ok();
    }
    bool recordBreaches()
    {
        Transaction transaction(db->connection());
        for (int i = 0; i < kAlerts; ++i) {
            const QString ticker = QStringLiteral("B%1.TO").arg(i, 4, 10, QLatin1Char('0'));
            const Breach breach{ticker, 90.0, 110.0, 99.0, 0.9, clock.now(), clock.now().date()};
            if (!outbox->recordBreach(breach, QStringLiteral("CAD")).ok())
                return false;
        }
        if (!transaction.commit().ok())
            return false;
        const auto recent = alerts->recent(kAlerts);
        if (!recent.ok())
            return false;
        for (const AlertRecord &record : recent.value())
            alertIds.prepend(record.id); // oldest first
        return alertIds.size() == kAlerts;
    }
    // Deliveries of escalation steps (escalation_step > 0) with `status`.
    int steps(Delivery::Status status) const
    {
        int count = 0;
        for (const AlertRecord &record : alerts->recent(kAlerts).value())
            for (const Delivery &delivery : record.deliveries)
                count += delivery.escalationStep > 0 && delivery.status == status ? 1 : 0;
        return count;
    }
    // Starts the dispatcher and waits for its first round (the first deliveries).
    bool startDispatcher()
    {
        QSignalSpy idle(dispatcher.get(), &OutboxDispatcher::idle);
        dispatcher->start();
        return idle.size() > 0 || idle.wait(60000);
    }
};

// The fake Telegram Bot API on a thread of its own: its work answering the bot is not the bot's.
class TelegramServerThread {
public:
    TelegramServerThread()
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
        run([this] {
            m_api = std::make_unique<test::FakeTelegramBotApi>(kToken);
            m_listening = m_api->listen();
            pthread_getcpuclockid(pthread_self(), &m_cpuClock);
        });
    }
    ~TelegramServerThread()
    {
        run([this] {
            m_api.reset();
            m_context.moveToThread(QCoreApplication::instance()->thread());
        });
        m_thread.quit();
        m_thread.wait();
    }
    template <typename Work>
    void run(Work work)
    {
        QMetaObject::invokeMethod(&m_context, work, Qt::BlockingQueuedConnection);
    }
    bool listening() const { return m_listening; }
    QUrl url() const { return m_api->url(); }
    int sendMessages()
    {
        int count = 0;
        run([this, &count] { count = m_api->callCount(QStringLiteral("sendMessage")); });
        return count;
    }
    void push(const QString &text)
    {
        run([this, &text] { m_api->pushMessage(kChat, text); });
    }
    double cpuMs() const { return bench::cpuMs(m_cpuClock); }

private:
    QThread m_thread;
    QObject m_context;
    std::unique_ptr<test::FakeTelegramBotApi> m_api;
    bool m_listening = false;
    clockid_t m_cpuClock{};
};

} // namespace trailguard::bench
