#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcRunners)
// The single-instance check of the window (a sub-category, so it can be turned on alone).
Q_DECLARE_LOGGING_CATEGORY(lcInstance)
