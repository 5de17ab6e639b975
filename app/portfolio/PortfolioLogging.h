#pragma once

#include <QLoggingCategory>

// The portfolio module's category, "trailguard.portfolio".
Q_DECLARE_LOGGING_CATEGORY(lcPortfolio)
