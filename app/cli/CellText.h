#pragma once

#include <QString>

#include <optional>

// How the command line writes values in its tables and messages, the same in every command.
namespace trailguard::Cli::CellText {

// A value that is not known (yet): an em dash.
QString unknown();
// A price by the one PriceFormat rule ("92.10", "0.0123"), or unknown().
QString price(std::optional<double> price);
// A stop ratio with two to four decimals, without trailing zeros: 0.90, 0.875.
QString ratio(double ratio);

} // namespace trailguard::Cli::CellText
