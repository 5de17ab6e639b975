#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcWatchlist)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
