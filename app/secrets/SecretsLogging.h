#pragma once

#include <QLoggingCategory>

// "trailguard.secrets": which store was chosen and why an operation failed. Never a secret's value.
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
