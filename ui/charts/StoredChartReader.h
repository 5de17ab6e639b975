#pragma once

#include "charts/ChartController.h"

#include <QString>

namespace trailguard::ui {

// The window's chart from the stored history (ChartDataProvider: prices, the held stop, the strategy's
// line before watching, breach markers), for ChartController. The factory runs on the controller's worker
// thread and opens its own connection to `databaseFile` there; when the file cannot be opened the chart
// shows no history and the next read tries again.
ChartController::ReaderFactory storedChartReader(const QString &databaseFile);

} // namespace trailguard::ui
