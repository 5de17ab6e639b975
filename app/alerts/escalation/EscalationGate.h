#pragma once

#include "common/Clock.h"
#include "storage/AlertRepository.h"
#include "storage/EscalationRepository.h"
#include "storage/StockRepository.h"

#include <QDateTime>
#include <QSqlDatabase>

#include <functional>

namespace trailguard {

// Decides, just before an escalation step (a delivery with escalation_step > 0) is sent, whether it is
// still needed. It reads the alert and its stock from the database, not from memory, so an
// acknowledgement made by another process (`trailguard alerts ack`) or a stock removed from the window
// stops it too:
//  - the alert was acknowledged: cancelled ("acknowledged");
//  - a stop breach whose stock is back at or above its stop, no longer watched, or snoozed: cancelled;
//  - the policy escalates only while the market is open and it is closed: held until the next open.
class EscalationGate {
public:
    enum class Verdict { Send, Cancelled, Held };

    EscalationGate(QSqlDatabase db, const Clock &clock);

    // The escalation policy's market-hours option (EscalationPolicy::marketHoursOnly).
    void setMarketHoursOnly(bool only) { m_marketHoursOnly = only; }
    bool marketHoursOnly() const { return m_marketHoursOnly; }
    // When the market of a stock opens next while it is closed now; an invalid time when it is open or not
    // known (an unknown state never holds a step back). Without it, markets count as open.
    void setNextOpen(std::function<QDateTime(const StockState &stock)> nextOpen)
    {
        m_nextOpen = std::move(nextOpen);
    }

    // For `delivery`, claimed by `owner`: Send, or Cancelled / Held (recorded in the database here).
    Verdict check(const Delivery &delivery, const QString &owner);

    // Cancels the pending steps of an acknowledged alert at once, so the history shows them as not needed.
    Result<int> cancelAcknowledged(qint64 alertId);

    static QString acknowledgedReason() { return QStringLiteral("acknowledged"); }
    static QString priceBackReason() { return QStringLiteral("price back above the stop"); }

private:
    // Why the step is no longer needed; empty when it still is. `stock`: the alert's stock, when watched.
    QString cancelReason(const AlertRecord &alert, const std::optional<StockState> &stock) const;

    AlertRepository m_alerts;
    StockRepository m_stocks;
    EscalationRepository m_escalations;
    const Clock &m_clock;
    bool m_marketHoursOnly = false;
    std::function<QDateTime(const StockState &)> m_nextOpen;
};

} // namespace trailguard
