#include "demo/DemoLogging.h"

Q_LOGGING_CATEGORY(lcDemo, "trailguard.demo", QtInfoMsg)
