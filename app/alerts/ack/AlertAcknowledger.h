#pragma once

#include "alerts/ack/AckCodes.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "storage/AlertRepository.h"

#include <QObject>

#include <memory>

namespace trailguard {

class OutboxDispatcher;

// Acknowledges alerts, from wherever they are read: the tray's action, an ntfy action or reply, a Telegram
// button or /ack, the mail's link, the dashboard, the window's history, `trailguard alerts ack`. An alert is
// acknowledged once: the first acknowledgement is recorded with its source (AckSource) and time, later ones
// change nothing and say when and where it was acknowledged. A recorded acknowledgement is announced through
// the dispatcher (the dashboard's event feed) and by acknowledged() (what escalates stops: the dispatcher
// also checks the database before each escalation step, so an acknowledgement made by another process — the
// command line — stops it too).
class AlertAcknowledger : public QObject {
    Q_OBJECT
public:
    struct Outcome {
        bool newlyAcknowledged = false; // false: it was acknowledged before (see alert.ackSource)
        AlertRecord alert;              // as stored now
    };

    AlertAcknowledger(AlertRepository &repository, OutboxDispatcher &dispatcher, const Clock &clock,
                      QObject *parent = nullptr);

    // The codes acknowledgeByCode() accepts; none until the key is read (then every code is refused).
    void setAckCodes(std::shared_ptr<const AckCodes> codes) { m_codes = std::move(codes); }
    const AckCodes *ackCodes() const { return m_codes.get(); }

    // ErrorCode::InvalidArguments "There is no alert N." when there is none.
    Result<Outcome> acknowledge(qint64 alertId, const QString &source);
    // A code from a channel (push action, Telegram button, mail link). ErrorCode::InvalidArguments for a code
    // that is not genuine (no alert id is revealed: "This acknowledgement code is not valid."). A spent code
    // (its alert acknowledged already) gives newlyAcknowledged == false: the caller refuses it, saying when.
    Result<Outcome> acknowledgeByCode(QStringView code, const QString &source);

Q_SIGNALS:
    void acknowledged(qint64 alertId, const QString &source);

private:
    AlertRepository &m_repository;
    OutboxDispatcher &m_dispatcher;
    const Clock &m_clock;
    std::shared_ptr<const AckCodes> m_codes;
};

} // namespace trailguard
