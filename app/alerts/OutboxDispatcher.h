#pragma once

#include "alerts/AlertChannel.h"
#include "alerts/ack/AckCodes.h"
#include "common/Clock.h"
#include "storage/AlertRepository.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <chrono>
#include <functional>
#include <memory>

namespace trailguard {

class EscalationGate;

// Sends the outbox's pending deliveries through their channels, one at a time, and records each
// outcome: delivered, retry later (exponential backoff from 30 s, or the server's own delay, never more
// than 1 h), or failed for good. Each delivery is claimed in the database (this dispatcher's owner id and
// a lease) before it is sent, so two dispatchers on one database (two processes) never both send it, and
// only the claim's owner records the outcome. A delivery is marked as soon as its channel answers, so the
// only duplicate possible is a crash between a successful send and that mark — then, once the lease has
// run out, the next run sends it once more.
class OutboxDispatcher : public QObject {
    Q_OBJECT
public:
    struct Options {
        std::chrono::seconds firstRetry{30};
        std::chrono::seconds maximumRetry{3600};
        // How long to wait before looking again at deliveries whose channel is not configured now.
        std::chrono::seconds unavailableChannelRecheck{60};
        // How long a claim keeps other dispatchers off a delivery: longer than any channel's send may take
        // (the webhooks give up after 20 s, SMTP sooner than this), short enough to recover from a crash.
        std::chrono::seconds claimLease{120};
    };

    OutboxDispatcher(AlertRepository &repository, const Clock &clock, Options options,
                     QObject *parent = nullptr);
    OutboxDispatcher(AlertRepository &repository, const Clock &clock, QObject *parent = nullptr);

    // The channels deliveries go through, by AlertChannel::id(). Not owned; a destroyed one is skipped.
    void setChannels(const QList<AlertChannel *> &channels);
    QStringList channelIds() const;

    // Tries the pending deliveries once, then keeps a timer for the next due one. The first time a channel
    // is there, its deliveries are tried whether due or not (this follows a restart or an outage); later
    // starts (the channels rebuilt after saving the settings) keep every delivery's backoff.
    void start();
    void stop();
    // New deliveries were enqueued: send them (from the event loop, after the caller's transaction).
    // Ignored until start().
    void wake();
    // Tries every pending delivery once, whatever its schedule (`--headless --once`), then calls `done`.
    void attemptAllPending(std::function<void()> done);

    // An alert was recorded or acknowledged: announced from the event loop (after the recording
    // transaction), for the views that follow alerts (the web dashboard's event feed).
    void announceAlertChanged(qint64 alertId);

    // What each delivery's message carries for acknowledging (AlertMessage::ackCode, ackUrl): the codes once
    // their key is read, and the dashboard's public URL (`web/publicUrl`; invalid: no link).
    void setAckCodes(std::shared_ptr<const AckCodes> codes) { m_ackCodes = std::move(codes); }
    void setPublicDashboardUrl(const QUrl &url) { m_publicDashboardUrl = url; }
    // `message` as sent for `delivery`: its alert id, escalation step, urgency, acknowledgement code and
    // link.
    AlertMessage forDelivery(AlertMessage message, const Delivery &delivery) const;

    // Asked before each escalation step (escalation_step > 0) is sent: cancelled or held steps are not.
    // Not owned; none: every step is sent.
    void setEscalationGate(EscalationGate *gate) { m_gate = gate; }

    // Nothing is sent between holdSending() and releaseSending(): while the acknowledgement codes' key is
    // read, so that the first breach sent after a start carries its "Acknowledge" action. start() and
    // attemptAllPending() called meanwhile take effect on release.
    void holdSending() { m_sendingHeld = true; }
    void releaseSending();

    bool isBusy() const { return m_busy; }
    // Who this dispatcher's claims name: the process and a random part, unique per dispatcher.
    QString ownerId() const { return m_ownerId; }

    // The delay before attempt `attempts + 1` after `attempts` failed ones (no jitter).
    static std::chrono::seconds backoff(int attempts, const Options &options);

Q_SIGNALS:
    void deliveryFinished(const trailguard::Delivery &delivery, const trailguard::DeliveryResult &result);
    // Nothing is being sent now; every due delivery has had its attempt.
    void idle();
    // See announceAlertChanged(); a delivery's outcome is deliveryFinished().
    void alertChanged(qint64 alertId);

private:
    void process(bool ignoreSchedule);
    void sendNext();
    void finishRound();
    void record(const Delivery &delivery, const DeliveryResult &result);
    bool claim(const Delivery &delivery);
    void scheduleWake();
    // The gate's verdict on a claimed delivery: true when it is to be sent now.
    bool passesGate(const Delivery &delivery);

    AlertRepository &m_repository;
    const Clock &m_clock;
    Options m_options;
    std::shared_ptr<const AckCodes> m_ackCodes;
    QUrl m_publicDashboardUrl;
    EscalationGate *m_gate = nullptr;
    bool m_sendingHeld = false;
    QString m_ownerId;
    QHash<QString, QPointer<AlertChannel>> m_channels;
    // Channels whose deliveries have had their one try regardless of backoff since this dispatcher started.
    QSet<QString> m_retriedOnStart;
    std::unique_ptr<ClockTimer> m_timer;
    bool m_active = false;
    bool m_busy = false;
    bool m_again = false;
    QList<Delivery> m_queue;
    QList<std::function<void()>> m_roundCallbacks;
};

} // namespace trailguard
