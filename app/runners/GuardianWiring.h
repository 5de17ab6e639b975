#pragma once

#include "broker/BrokerTypes.h"

#include <QString>

#include <functional>

namespace trailguard {
class AlertAcknowledger;
class AlertOutbox;
class EscalationGate;
class OutboxDispatcher;
class BrokerSession;
class RuleWatch;
class HealthWatch;
class PortfolioSync;
class SecretStore;
} // namespace trailguard

// The connections between the core's parts that follow the Questrade connection or the monitor's cycles;
// each function wires one part, for as long as both ends live.
namespace trailguard::Runners::GuardianWiring {

// The health watch hears the connection state, every finished cycle and the streamed prices, and asks the
// monitor whether a market is open.
void wireHealth(HealthWatch &health, BrokerSession &session);

// Every breach and every alert rule that fires is stored in the outbox inside the monitor's transaction.
void recordAlerts(BrokerSession &session, AlertOutbox &outbox, RuleWatch &ruleWatch);

// The dispatcher asks the gate before each escalation step; an acknowledgement cancels the alert's pending
// steps at once. With `session` (not the demo, whose market trades whenever it runs), the gate holds a
// market-hours policy's steps while the stock's market is closed.
void wireEscalation(EscalationGate &gate, OutboxDispatcher &dispatcher, AlertAcknowledger &acknowledger,
                    BrokerSession *session);

// The acknowledgement codes' key, from the secret store (made the first time), for the dispatcher and the
// acknowledger. Nothing is sent until it is read (or could not be): the first breach after a start carries
// its "Acknowledge" action. Dropped when `context` is destroyed first.
void loadAckCodes(SecretStore &secrets, QObject *context, OutboxDispatcher &dispatcher,
                  AlertAcknowledger &acknowledger);

// Positions imported from the window stay current while an account is connected.
void syncPortfolioWhileConnected(PortfolioSync &sync, BrokerSession &session);

// The window's monitor runs while an account is connected (or reachable again soon) and waits otherwise.
// `firstState` hears the first settled state (anything but Connecting), once.
void runMonitorWhileConnected(BrokerSession &session, QObject *context,
                              std::function<void(ConnectionState, const QString &message)> firstState);

} // namespace trailguard::Runners::GuardianWiring
