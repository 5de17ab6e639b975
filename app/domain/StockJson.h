#pragma once

#include "domain/StockState.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

// One watched stock as JSON: what `trailguard watch list --json` prints and what the web API answers, so
// both share one definition. Keys: ticker, symbolId, currency, lastPrice, lastQuoteAt, peak, stop, ratio,
// strategy (its spec string), entry, lastAlertAt, rules (the alert rules' spec strings, in the order they
// were added). Unknown values are null, numbers are JSON numbers and times ISO 8601 UTC strings
// ("2026-11-24T21:30:00.000Z").
namespace trailguard::StockJson {

QJsonObject toJson(const StockState &stock);
QJsonArray toJson(const QList<StockState> &stocks);

// A time as ISO 8601 UTC with milliseconds, or null when invalid.
QJsonValue time(const QDateTime &time);
// A number, or null when unknown.
QJsonValue number(std::optional<double> value);

} // namespace trailguard::StockJson
