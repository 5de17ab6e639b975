#pragma once

#include <QLoggingCategory>

// "trailguard.alerts.email": how each send ended and why. Never a password or a message body.
Q_DECLARE_LOGGING_CATEGORY(lcEmail)
