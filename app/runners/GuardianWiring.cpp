#include "runners/GuardianWiring.h"

#include "alerts/AlertOutbox.h"
#include "alerts/HealthWatch.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "alerts/escalation/EscalationGate.h"
#include "monitor/BrokerSession.h"
#include "monitor/MarketHours.h"
#include "monitor/RuleWatch.h"
#include "portfolio/PortfolioSync.h"
#include "runners/RunnersLogging.h"

#include <memory>

namespace trailguard::Runners::GuardianWiring {

void recordAlerts(BrokerSession &session, AlertOutbox &outbox, RuleWatch &ruleWatch)
{
    session.monitor().setBreachRecorder([&outbox](const Breach &breach, const StockState &stock) {
        return outbox.recordBreach(breach, stock.currency);
    });
    ruleWatch.setAlertRecorder([&outbox](const RuleAlert &alert) { return outbox.recordRuleAlert(alert); });
    session.monitor().setRuleWatch(&ruleWatch);
}

void wireEscalation(EscalationGate &gate, OutboxDispatcher &dispatcher, AlertAcknowledger &acknowledger,
                    BrokerSession *session)
{
    dispatcher.setEscalationGate(&gate);
    QObject::connect(&acknowledger, &AlertAcknowledger::acknowledged, &dispatcher,
                     [&gate, &dispatcher](qint64 alertId) {
                         const Result<int> cancelled = gate.cancelAcknowledged(alertId);
                         if (cancelled.ok() && cancelled.value() > 0)
                             dispatcher.announceAlertChanged(alertId);
                     });
    if (!session)
        return;
    gate.setNextOpen([session](const StockState &stock) {
        const MarketState state = session->marketHours().state({stock});
        return state.known && !state.open ? state.nextOpen : QDateTime();
    });
}

void loadAckCodes(SecretStore &secrets, QObject *context, OutboxDispatcher &dispatcher,
                  AlertAcknowledger &acknowledger)
{
    dispatcher.holdSending();
    AckCodes::loadOrCreate(secrets, context, [&dispatcher, &acknowledger](Result<AckCodes> codes) {
        if (codes.ok()) {
            auto shared = std::make_shared<const AckCodes>(std::move(codes).value());
            dispatcher.setAckCodes(shared);
            acknowledger.setAckCodes(shared);
        } else {
            qCWarning(lcRunners).noquote()
                << "Alerts cannot carry acknowledgement codes:" << codes.error().message;
        }
        dispatcher.releaseSending();
    });
}

void wireHealth(HealthWatch &health, BrokerSession &session)
{
    Monitor &monitor = session.monitor();
    health.setMarketOpenCheck(
        [&monitor] { return !monitor.marketState().known || monitor.marketState().open; });
    QObject::connect(&session.auth(), &QuestradeAuth::stateChanged, &health,
                     &HealthWatch::connectionStateChanged);
    QObject::connect(
        &monitor, &Monitor::cycleFinished, &health,
        [&health, &monitor](const CycleReport &report) { health.cycleFinished(report, monitor.interval()); });
    // While streaming, polls are rare backups: streamed prices count as prices too.
    QObject::connect(&monitor, &Monitor::quotesApplied, &health,
                     [&health](QuoteOrigin origin, const QuoteBatchReport &report) {
                         if (origin == QuoteOrigin::Stream && report.quoted > 0)
                             health.quotesReceived();
                     });
}

void syncPortfolioWhileConnected(PortfolioSync &sync, BrokerSession &session)
{
    QObject::connect(&session.auth(), &QuestradeAuth::stateChanged, &sync, [&sync](ConnectionState state) {
        if (state == ConnectionState::Connected && !sync.isActive())
            sync.start();
        else if (state == ConnectionState::NotConfigured || state == ConnectionState::Disconnected)
            sync.stop();
    });
}

void runMonitorWhileConnected(BrokerSession &session, QObject *context,
                              std::function<void(ConnectionState, const QString &message)> firstState)
{
    auto settled = std::make_shared<bool>(false);
    QObject::connect(
        &session.auth(), &QuestradeAuth::stateChanged, context,
        [&session, settled, firstState = std::move(firstState)](ConnectionState state,
                                                                const QString &message) {
            Monitor &monitor = session.monitor();
            const bool usable = state == ConnectionState::Connected || state == ConnectionState::Offline;
            if (usable && !monitor.isActive())
                monitor.start();
            else if ((state == ConnectionState::NotConfigured || state == ConnectionState::Disconnected) &&
                     monitor.isActive())
                monitor.stop();
            if (!*settled && state != ConnectionState::Connecting) {
                *settled = true;
                firstState(state, message);
            }
        });
}

} // namespace trailguard::Runners::GuardianWiring
