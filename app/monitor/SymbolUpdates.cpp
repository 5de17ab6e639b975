#include "monitor/SymbolUpdates.h"

namespace trailguard::SymbolUpdates {

Changes applyLookups(const QList<StockState> &stocks, const SymbolResolver::SymbolMap &lookups)
{
    Changes changes;
    for (StockState stock : stocks) {
        const auto found = lookups.constFind(stock.ticker);
        if (found == lookups.constEnd() || stock.symbolId)
            continue;
        if (const std::optional<SymbolInfo> &listing = found->listing) {
            stock.symbolId = listing->symbolId;
            stock.currency = listing->currency;
            stock.listingExchange = listing->listingExchange;
            stock.symbolNotFound = false;
        } else {
            stock.symbolNotFound = true;
            changes.warnings.append(SymbolResolver::notFoundMessage(stock.ticker, found->closest) +
                                    QStringLiteral(" Marked not found."));
        }
        changes.changed.append(stock);
    }
    return changes;
}

Changes markUnknownIds(const QList<StockState> &stocks, const QList<qint64> &unknownIds)
{
    Changes changes;
    for (StockState stock : stocks) {
        if (!stock.symbolId || !unknownIds.contains(*stock.symbolId))
            continue;
        changes.warnings.append(
            QStringLiteral("%1 (symbol id %2 ) is unknown to Questrade's quotes; marked not found")
                .arg(stock.ticker)
                .arg(*stock.symbolId));
        // As a ticker the look-up did not find: shown as "not found", no longer quoted.
        stock.symbolId.reset();
        stock.symbolNotFound = true;
        changes.changed.append(stock);
    }
    return changes;
}

} // namespace trailguard::SymbolUpdates
