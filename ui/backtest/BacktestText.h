#pragma once

#include <QDate>
#include <QString>

namespace trailguard {
struct StopStrategy;
}

// Words and numbers the backtest window shows in more than one place (the checklist and the results).
namespace trailguard::ui::BacktestText {

// What a strategy does, in words, for tooltips and accessible descriptions.
QString describe(const StopStrategy &strategy);
// A return as a signed percentage with two decimals: 0.0123 → "+1.23%", -0.02 → "-2.00%".
QString percent(double ratio);
// A date as the backtest shows it: 2024-01-08.
QString isoDate(const QDate &date);

} // namespace trailguard::ui::BacktestText
