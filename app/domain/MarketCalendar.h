#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace trailguard::MarketCalendar {

// Questrade's and the exchanges' time zone, America/Toronto (a fixed -05:00 if the time zone database
// lacks it). Daily candles start at its midnight.
QTimeZone easternZone();

// The time zone whose calendar date defines a ticker's market day. TSX, TSX-V, CSE, NYSE and NASDAQ
// all trade on Eastern time, so every ticker Questrade serves maps to America/Toronto.
QTimeZone exchangeTimeZone(const QString &ticker);

// The market day of an instant: its calendar date in the exchange's time zone, not in UTC.
QDate marketDay(const QString &ticker, const QDateTime &instant);

} // namespace trailguard::MarketCalendar
