#include "broker/BrokerLogging.h"

Q_LOGGING_CATEGORY(lcBroker, "trailguard.broker")
