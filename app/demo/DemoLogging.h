#pragma once

#include <QLoggingCategory>

// The fake Questrade server and the simulated market log under "trailguard.demo" (debug: every request;
// off unless enabled, e.g. QT_LOGGING_RULES="trailguard.demo.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
