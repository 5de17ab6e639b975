#pragma once

#include "broker/BrokerTypes.h"

#include <QString>

#include <functional>

namespace trailguard {
class AlertOutbox;
class BrokerSession;
class RuleWatch;
class HealthWatch;
class PortfolioSync;
} // namespace trailguard

// The connections between the core's parts that follow the Questrade connection or the monitor's cycles;
// each function wires one part, for as long as both ends live.
namespace trailguard::Runners::GuardianWiring {

// The health watch hears the connection state, every finished cycle and the streamed prices, and asks the
// monitor whether a market is open.
void wireHealth(HealthWatch &health, BrokerSession &session);

// Every breach and every alert rule that fires is stored in the outbox inside the monitor's transaction.
void recordAlerts(BrokerSession &session, AlertOutbox &outbox, RuleWatch &ruleWatch);

// Positions imported from the window stay current while an account is connected.
void syncPortfolioWhileConnected(PortfolioSync &sync, BrokerSession &session);

// The window's monitor runs while an account is connected (or reachable again soon) and waits otherwise.
// `firstState` hears the first settled state (anything but Connecting), once.
void runMonitorWhileConnected(BrokerSession &session, QObject *context,
                              std::function<void(ConnectionState, const QString &message)> firstState);

} // namespace trailguard::Runners::GuardianWiring
