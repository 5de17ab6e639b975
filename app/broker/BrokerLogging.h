#pragma once

#include <QLoggingCategory>

// The broker module's category, "trailguard.broker". Never pass a token to it: log paths and codes only.
Q_DECLARE_LOGGING_CATEGORY(lcBroker)
