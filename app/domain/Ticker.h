#pragma once

#include "common/Result.h"

#include <QString>

namespace trailguard {

// Tickers as exchanges write them: trimmed, upper-cased, letters/digits/'.'/'-', 1-15 characters,
// starting with a letter or digit (AAPL, BRK.B, RY.TO, BBD-B.TO).
namespace Ticker {
constexpr int kMaxLength = 15;

// Returns the canonical form of `input` or an error that says what is allowed.
Result<QString> normalize(const QString &input);
} // namespace Ticker

// The stop ratio: stop = peak × ratio, with 0.01 <= ratio < 1. The one rule for every ratio (the trailing,
// fixed-pct and activation strategies, --ratio, STOP_LOSS, the settings, the add form, the table): a ratio
// below 0.01 would put the stop more than 99 % below the price, which guards nothing.
namespace StopRatio {
constexpr double kDefault = 0.9;
constexpr double kMinimum = 0.01;

bool isValid(double ratio);
Result<double> validate(double ratio);
// Parses user text ("0.9", "0,9" in a French locale is not accepted here: the CLI is locale-neutral).
Result<double> parse(const QString &text);
} // namespace StopRatio

// Prices entered by the user (entry price): finite and > 0.
namespace Price {
Result<double> parse(const QString &text);
bool isUsable(double price);
} // namespace Price

} // namespace trailguard
