#include "alerts/escalation/EscalationGate.h"

#include "alerts/AlertsLogging.h"

namespace trailguard {

namespace {
// Held steps look again at least hourly: the market's hours may only become known later.
constexpr qint64 kHoldRecheckSeconds = 3600;
} // namespace

EscalationGate::EscalationGate(QSqlDatabase db, const Clock &clock)
    : m_alerts(db)
    , m_stocks(db)
    , m_escalations(db)
    , m_clock(clock)
{}

EscalationGate::Verdict EscalationGate::check(const Delivery &delivery, const QString &owner)
{
    if (delivery.escalationStep <= 0)
        return Verdict::Send;
    const auto alert = m_alerts.find(delivery.alertId);
    if (!alert.ok()) {
        qCWarning(lcAlerts) << "Could not read alert" << delivery.alertId
                            << "before escalating:" << alert.error().message;
        return Verdict::Send; // a step sent in doubt is better than a breach nobody hears of
    }
    const QDateTime now = m_clock.now();
    std::optional<StockState> stock;
    if (alert.value() && !alert.value()->message.ticker.isEmpty()) {
        auto found = m_stocks.find(alert.value()->message.ticker);
        if (!found.ok()) {
            qCWarning(lcAlerts) << "Could not read the stock of alert" << delivery.alertId
                                << "before escalating:" << found.error().message;
            return Verdict::Send;
        }
        stock = std::move(found).value();
    }
    const QString reason =
        alert.value() ? cancelReason(*alert.value(), stock) : QStringLiteral("alert removed");
    if (!reason.isEmpty()) {
        const Status cancelled = m_escalations.cancelClaimed(delivery.id, owner, now, reason);
        if (!cancelled.ok())
            qCWarning(lcAlerts) << "Could not cancel an escalation step:" << cancelled.error().message;
        qCInfo(lcAlerts).noquote() << QStringLiteral("Escalation step %1 of alert %2 on %3 not needed: %4")
                                          .arg(delivery.escalationStep)
                                          .arg(delivery.alertId)
                                          .arg(delivery.channel, reason);
        return Verdict::Cancelled;
    }
    if (m_marketHoursOnly && m_nextOpen && stock) {
        QDateTime opens = m_nextOpen(*stock);
        if (opens.isValid() && opens > now) {
            opens = std::min(opens, now.addSecs(kHoldRecheckSeconds));
            const Status held = m_escalations.holdClaimed(delivery.id, owner, opens);
            if (!held.ok()) {
                qCWarning(lcAlerts) << "Could not hold an escalation step:" << held.error().message;
                return Verdict::Send;
            }
            qCInfo(lcAlerts).noquote()
                << QStringLiteral("Escalation step %1 of alert %2 waits for the market until %3")
                       .arg(delivery.escalationStep)
                       .arg(delivery.alertId)
                       .arg(opens.toString(Qt::ISODate));
            return Verdict::Held;
        }
    }
    return Verdict::Send;
}

QString EscalationGate::cancelReason(const AlertRecord &alert, const std::optional<StockState> &stock) const
{
    if (alert.acknowledgedAt.isValid())
        return acknowledgedReason();
    const AlertMessage &message = alert.message;
    if (message.kind != AlertMessage::Kind::Breach || message.ticker.isEmpty())
        return {};
    if (!stock)
        return QStringLiteral("no longer watched");
    const StockState &state = *stock;
    if (state.snoozedUntil.isValid() && state.snoozedUntil > m_clock.now())
        return QStringLiteral("snoozed");
    // Only a stop breach ends with the price: an alert rule's escalation stops when acknowledged.
    if (message.rule.isEmpty() && state.lastPrice && state.stop && *state.lastPrice >= *state.stop)
        return priceBackReason();
    return {};
}

Result<int> EscalationGate::cancelAcknowledged(qint64 alertId)
{
    return m_escalations.cancelPending(alertId, acknowledgedReason(), m_clock.now());
}

} // namespace trailguard
