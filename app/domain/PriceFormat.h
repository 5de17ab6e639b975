#pragma once

#include <QLocale>
#include <QString>

// The one rule for showing a price, used by alerts, the window, the charts, the backtest and the CLI, so
// an email and the window never disagree on a penny stock.
namespace trailguard::PriceFormat {

// Cents at or above one dollar; below it four decimals, so a sub-dollar stop keeps its significant digits
// (0.0123, not 0.01).
constexpr int kDecimals = 2;
constexpr int kSubDollarDecimals = 4;

// How many decimals `price` is shown with.
int decimals(double price);

// The price for messages, logs and the command line: "92.10", "0.0123" (a '.' in every locale).
QString text(double price);

// The same digits in `locale`'s notation, for the window: "92,10" in French.
QString localized(double price, const QLocale &locale = QLocale());

} // namespace trailguard::PriceFormat
