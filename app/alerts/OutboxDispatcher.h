#pragma once

#include "alerts/AlertChannel.h"
#include "common/Clock.h"
#include "storage/AlertRepository.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace trailguard {

// Sends the outbox's pending deliveries through their channels, one at a time, and records each
// outcome: delivered, retry later (exponential backoff from 30 s, capped at 1 h, or the server's own
// delay), or failed for good. A delivery is marked as soon as its channel answers, so the only duplicate
// possible is a crash between a successful send and that mark — then the next run sends it once more.
class OutboxDispatcher : public QObject {
    Q_OBJECT
public:
    struct Options {
        std::chrono::seconds firstRetry{30};
        std::chrono::seconds maximumRetry{3600};
        // How long to wait before looking again at deliveries whose channel is not configured now.
        std::chrono::seconds unavailableChannelRecheck{60};
    };

    OutboxDispatcher(AlertRepository &repository, const Clock &clock, Options options,
                     QObject *parent = nullptr);
    OutboxDispatcher(AlertRepository &repository, const Clock &clock, QObject *parent = nullptr);

    // The channels deliveries go through, by AlertChannel::id(). Not owned; a destroyed one is skipped.
    void setChannels(const QList<AlertChannel *> &channels);
    QStringList channelIds() const;

    // Tries every pending delivery once (due or not: a start follows a restart or an outage), then keeps
    // a timer for the next due one.
    void start();
    void stop();
    // New deliveries were enqueued: send them (from the event loop, after the caller's transaction).
    // Ignored until start().
    void wake();
    // Tries every pending delivery once, whatever its schedule (`--headless --once`), then calls `done`.
    void attemptAllPending(std::function<void()> done);

    bool isBusy() const { return m_busy; }

    // The delay before attempt `attempts + 1` after `attempts` failed ones (no jitter).
    static std::chrono::seconds backoff(int attempts, const Options &options);

Q_SIGNALS:
    void deliveryFinished(const trailguard::Delivery &delivery, const trailguard::DeliveryResult &result);
    // Nothing is being sent now; every due delivery has had its attempt.
    void idle();

private:
    void process(bool ignoreSchedule);
    void sendNext();
    void finishRound();
    void record(const Delivery &delivery, const DeliveryResult &result);
    void scheduleWake();

    AlertRepository &m_repository;
    const Clock &m_clock;
    Options m_options;
    QHash<QString, QPointer<AlertChannel>> m_channels;
    QTimer m_timer;
    bool m_active = false;
    bool m_busy = false;
    bool m_again = false;
    QList<Delivery> m_queue;
    QList<std::function<void()>> m_roundCallbacks;
};

} // namespace trailguard
