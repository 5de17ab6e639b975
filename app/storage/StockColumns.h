#pragma once

#include "domain/StockState.h"

#include <QStringList>
#include <QVariant>

// The stocks table's state columns (all but `ticker` and `created_at`): their names, the value a
// StockState writes into each, and whether two states write one differently, so StockRepository can write
// a whole row or only the columns a polling cycle changed. A column is its position in names().
namespace trailguard {
class SqliteStatement;
}

namespace trailguard::StockColumns {

constexpr int kCount = 20;
constexpr quint32 kAll = (1u << kCount) - 1; // one bit per column

// What a quote changes: the price and its time, the peak, the stop, the time checked through and the
// strategy's running state. Migration 16 keeps them in `stock_quotes`, a narrow table of their own, since
// SQLite rewrites every column of a row it updates (a cycle's update of the 22-column row cost ~16 k
// instructions, the narrow one ~10 k). The other columns (settings, flags, alert times) stay in `stocks`.
constexpr quint32 kQuoteColumns = (1u << 2) | (1u << 3) | (1u << 4) | (1u << 6) | (1u << 16) | (1u << 18);

const QStringList &names();
QString name(int column);

QVariant value(const StockState &stock, int column);
// Binds what value() gives, as Qt's driver would bind it, without a QVariant (a cycle's updates).
void bind(SqliteStatement &statement, int index, const StockState &stock, int column);
bool differs(const StockState &before, const StockState &after, int column);
// A time as the stocks table stores it (ISO text in UTC with milliseconds; NULL when invalid).
QVariant timeValue(const QDateTime &time);

} // namespace trailguard::StockColumns
