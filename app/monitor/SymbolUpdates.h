#pragma once

#include "broker/SymbolResolver.h"
#include "domain/StockState.h"

#include <QList>
#include <QStringList>

namespace trailguard::SymbolUpdates {

// The watched stocks a batch of look-ups or quotes changed, and what to log about them.
struct Changes {
    QList<StockState> changed;
    QStringList warnings;
};

// Look-up answers applied to the stocks still unresolved: found listings give the symbol id, currency
// and exchange; a ticker Questrade does not list is marked not found (not looked up every cycle).
Changes applyLookups(const QList<StockState> &stocks, const SymbolResolver::SymbolMap &lookups);

// Symbol ids that Questrade's quotes no longer know: the stock is shown as "not found", no longer quoted.
Changes markUnknownIds(const QList<StockState> &stocks, const QList<qint64> &unknownIds);

} // namespace trailguard::SymbolUpdates
